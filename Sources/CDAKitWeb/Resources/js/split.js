// After a split: each coding of the split code, with its text, goes to one of the new codes (or stays).
import { api } from './api.js';
import { actor, state } from './state.js';
import { describeFragment } from './transcript-render.js';
import { dialog, el, fail, toast } from './ui.js';

const same = (a, b) => a.documentID === b.documentID && a.startUtterance === b.startUtterance && a.endUtterance === b.endUtterance
  && (a.startOffset ?? null) === (b.startOffset ?? null) && (a.endOffset ?? null) === (b.endOffset ?? null);

/** Asks where each coding of a split code goes, and moves them; resolves with the number moved. */
export async function reassignAfterSplit(result) {
  if (result.codingsToReassign.length === 0) return 0;
  let codings;
  let fragments;
  try {
    codings = await Promise.all(result.codingsToReassign.map((id) => api.get(`/api/codings/${id}`)));
    fragments = await api.get('/api/codes/fragments', { code: result.code });
  } catch (error) {
    fail(error);
    return 0;
  }
  const choices = codings.map((coding) => {
    const select = el('select', { dataset: { coding: String(coding.id) }, 'aria-label': `New code for coding ${coding.id}` },
      el('option', { value: '' }, `keep in '${result.code}'`),
      result.created.map((name) => el('option', { value: name }, name)));
    const text = fragments.find((fragment) => same(fragment.fragment, coding.fragment))?.text ?? '';
    return { coding, select, row: el('li', {},
      el('div', { class: 'muted small' }, `${coding.fragment.documentID} · ${describeFragment(coding.fragment)} · ${coding.coder}`),
      el('div', { class: 'quote', lang: state.session.language ?? undefined }, text),
      select) };
  });
  const confirmed = await dialog({
    title: `Reassign the codings of '${result.code}'`,
    body: el('div', {}, el('p', {}, `Choose a new code for each coding. Each move is a step in the history.`),
      el('ul', { class: 'reassign' }, choices.map((choice) => choice.row))),
    buttons: [{ label: 'Move', value: true, primary: true }],
    cancel: 'Later',
  });
  if (!confirmed) return 0;
  let moved = 0;
  for (const { coding, select } of choices) {
    if (!select.value) continue;
    try {
      await api.put(`/api/codings/${coding.id}/code`, { code: select.value, reason: `split of '${result.code}'`, ...actor() });
      moved += 1;
    } catch (error) {
      fail(error);
    }
  }
  toast(`Moved ${moved} coding(s) from '${result.code}'.`);
  return moved;
}
