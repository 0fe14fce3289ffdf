// The chosen code on the Codes screen: its facts, steps, memo, themes, lineage and fragments.
import { api } from './api.js';
import { pickCode } from './picker.js';
import { activeCodeNames, actor, state } from './state.js';
import { el, fail, number, replace, swatch, toast } from './ui.js';

/** The code's colour as a picker: a change is an undoable step, shown in the margin, the reports and REFI-QDA exports. */
function colorPicker(code, context) {
  const input = el('input', { type: 'color', id: 'code-color', value: code.color ?? '#999999', title: 'The code\'s colour', 'aria-label': `colour of ${code.name}` });
  input.addEventListener('change', () => context.recolor(code.name, input.value));
  return input;
}

/** Fills `body` with the code's detail; `context` has the steps (rename, mergeInto, move, retire, split) and `changed`. */
export async function showCodeDetail(body, code, context) {
  if (!code) {
    replace(body, el('p', { class: 'empty' }, 'Choose a code in the tree to see its fragments, memo and themes. Drag a code onto another to nest it.'));
    return;
  }
  replace(body, el('p', { class: 'muted' }, 'Loading…'));
  const [memo, themes, fragments, lineage] = await Promise.all([
    api.get('/api/codes/memo', { code: code.name }),
    api.get('/api/themes/list'),
    api.get('/api/codes/fragments', { code: code.name }),
    api.get('/api/lineage'),
  ]);
  const active = code.status === 'active';
  const history = lineage.find((entry) => entry.code === code.name);
  const memoBox = el('textarea', { id: 'code-memo', 'aria-label': `Memo on the code ${code.name}`, rows: 3, placeholder: 'What this code means, when to use it…' }, memo.memo ?? '');
  replace(body,
    el('div', { class: 'code-title' },
      active ? colorPicker(code, context) : swatch(code.color),
      el('h2', {}, code.name)),
    el('div', { class: 'muted small' }, [
      code.status, code.origin, `created in round ${code.round}`, code.parent ? `under '${code.parent}'` : 'top level',
      `${number(code.fragments)} fragments`, `${number(code.codings)} codings`, `${number(code.speakers)} speakers`,
    ].join(' · ')),
    active ? el('div', { class: 'buttons steps' },
      el('button', { type: 'button', id: 'rename-code', onclick: () => context.rename(code.name) }, 'Rename…'),
      el('button', { type: 'button', id: 'merge-code', onclick: (event) => context.mergeInto(code.name, event.currentTarget.getBoundingClientRect()) }, 'Merge into…'),
      el('button', { type: 'button', id: 'move-code', onclick: (event) => moveUnder(code, event, context) }, 'Move under…'),
      code.parent ? el('button', { type: 'button', onclick: () => context.move(code.name, null) }, 'Move to top') : null,
      el('button', { type: 'button', onclick: () => context.split(code.name) }, 'Split…'),
      el('button', { type: 'button', class: 'danger', onclick: () => context.retire(code.name) }, 'Retire…'))
      : el('p', { class: 'muted' }, code.status === 'merged' ? `Merged into '${code.mergedInto}'.` : 'Retired: its codings stay but count for no theme.'),
    el('h3', {}, 'Memo'),
    memoBox,
    el('div', { class: 'buttons' }, el('button', { type: 'button', onclick: () => saveMemo(code.name, memoBox.value) }, 'Save memo')),
    themes.length ? [
      el('h3', {}, 'Themes'),
      el('div', { class: 'theme-checks' }, themes.map((theme) => themeCheck(theme, code, active, context))),
    ] : null,
    history && (history.merged.length || history.formerNames.length) ? [
      el('h3', {}, 'Lineage'),
      history.formerNames.length ? el('p', { class: 'small' }, `Formerly: ${history.formerNames.join(', ')}`) : null,
      history.merged.length ? el('ul', { class: 'small plain' }, history.merged.map((merged) => el('li', {}, `← ${merged.name} (round ${merged.round}, ${merged.origin}, into '${merged.into}')`))) : null,
    ] : null,
    el('h3', {}, `Fragments (${fragments.length})`),
    fragments.length === 0 ? el('p', { class: 'empty' }, 'No fragments.') : el('ul', { class: 'fragments' }, fragments.map((fragment) => el('li', {
      class: 'clickable',
      onclick: () => context.openFragment(fragment.fragment),
      title: 'Open in the transcript',
    },
    el('div', { class: 'muted small' }, `${fragment.fragment.documentID}:${fragment.fragment.startUtterance}`
      + `${fragment.fragment.endUtterance !== fragment.fragment.startUtterance ? `–${fragment.fragment.endUtterance}` : ''}`
      + ` · ${fragment.speaker ?? '?'} · ${fragment.group ?? ''} · round ${fragment.rounds.join(', ')}`
      + (fragment.codes.length > 1 ? ` · also ${fragment.codes.filter((name) => name !== code.name).join(', ')}` : '')),
    el('div', { class: 'quote', lang: state.session.language ?? undefined }, fragment.text)))));
}

function themeCheck(theme, code, active, context) {
  const box = el('input', { type: 'checkbox', checked: code.themes.includes(theme.id), disabled: !active, dataset: { theme: theme.id } });
  box.addEventListener('change', async () => {
    try {
      const step = await api.post(box.checked ? '/api/themes/map' : '/api/themes/unmap', { code: code.name, theme: theme.id, ...actor() });
      toast(step.summary);
      await context.changed();
    } catch (error) {
      box.checked = !box.checked;
      fail(error);
    }
  });
  return el('label', { class: 'check', title: theme.description }, box, ` ${theme.label}`);
}

async function saveMemo(name, text) {
  try {
    await api.put('/api/codes/memo', { code: name, memo: text, ...actor() });
    toast('Memo saved.');
  } catch (error) {
    fail(error);
  }
}

async function moveUnder(code, event, context) {
  const picked = await pickCode({
    anchor: event.currentTarget.getBoundingClientRect(),
    title: `Put '${code.name}' under…`,
    names: activeCodeNames().filter((name) => name !== code.name),
    action: 'Move',
  });
  if (picked) await context.move(code.name, picked.name);
}
