// The side panel of the Transcript screen: the chosen coding with its memo, or how to code.
import { api } from './api.js';
import { pickCode } from './picker.js';
import { activeCodeNames, actor, state } from './state.js';
import { describeFragment } from './transcript-render.js';
import { el, fail, replace, swatch, toast } from './ui.js';

/** Shows `coding` (or, for null, the help) in `context.container`. */
export function showCodingPanel(coding, context) {
  if (!coding) {
    replace(context.container,
      el('h2', {}, 'Coding'),
      el('p', {}, 'Select a passage — inside one utterance or across several — then press ', el('kbd', {}, 'c'),
        ' to choose or create a code, or ', el('kbd', {}, 'v'), ' to use the words themselves as an in-vivo code.'),
      el('p', {}, 'Click a highlight or a code in the margin to see its coding, write a memo, change or remove it.'),
      el('p', { class: 'muted small' }, 'Offsets are counted in Unicode code points, as on the command line.'));
    return;
  }
  const memo = el('textarea', { id: 'coding-memo', 'aria-label': 'Memo on this coding', rows: 4, placeholder: 'Why this passage, what it shows…' }, coding.memo ?? '');
  replace(context.container,
    el('h2', {}, 'Coding ', el('span', { class: 'muted' }, `#${coding.id}`)),
    el('div', { class: 'coding-code' }, swatch(coding.color), el('strong', {}, coding.code),
      coding.status === 'retired' ? el('span', { class: 'tag' }, 'retired') : null),
    el('dl', { class: 'facts' },
      el('dt', {}, 'Where'), el('dd', { id: 'coding-where' }, describeFragment(coding.fragment)),
      el('dt', {}, 'Text'), el('dd', { class: 'quote', lang: state.session.language ?? undefined }, context.textOf(coding)),
      el('dt', {}, 'Round'), el('dd', {}, String(coding.round)),
      el('dt', {}, 'Coder'), el('dd', {}, coding.coder)),
    coding.review ? el('p', { class: 'review-note', id: 'coding-review' }, `⚑ To review: ${coding.review}.`) : null,
    el('label', { class: 'stack' }, 'Memo', memo),
    el('div', { class: 'buttons' },
      el('button', { type: 'button', class: 'primary', onclick: () => saveMemo(coding, memo.value, context) }, 'Save memo'),
      el('button', { type: 'button', onclick: (event) => changeCode(event, coding, context) }, 'Change code…'),
      el('button', { type: 'button', class: 'danger', onclick: () => context.remove(coding.id) }, 'Remove ', el('kbd', {}, 'Del'))),
    el('div', { class: 'buttons' },
      el('button', { type: 'button', class: 'link', onclick: () => context.showCode(coding.code) }, `All fragments of '${coding.code}' →`),
      el('button', { type: 'button', class: 'link', onclick: () => context.close() }, 'Close ', el('kbd', {}, 'Esc'))));
  memo.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) saveMemo(coding, memo.value, context);
    if (event.key === 'Escape') memo.blur();
  });
}

async function saveMemo(coding, text, context) {
  try {
    const updated = await api.put(`/api/codings/${coding.id}/memo`, { memo: text });
    context.updated(updated);
    toast('Memo saved.');
  } catch (error) {
    fail(error);
  }
}

async function changeCode(event, coding, context) {
  const picked = await pickCode({
    anchor: event.currentTarget.getBoundingClientRect(),
    title: `Move this coding from '${coding.code}' to…`,
    names: activeCodeNames().filter((name) => name !== coding.code),
    allowCreate: false,
    action: 'Move',
  });
  if (!picked) return;
  try {
    const result = await api.put(`/api/codings/${coding.id}/code`, { code: picked.name, ...actor() });
    if (result.coding) context.updated(result.coding);
    else context.reload();
    toast(result.step.summary);
  } catch (error) {
    fail(error);
  }
}
