// Correcting an utterance in the open transcript: its text, its speaker, a split at the cursor, a
// merge with the next. Each is a revision on the server (codings follow their words) and one step
// in the history, undone from its message.
import { api } from './api.js';
import { utf16ToCodePoint } from './offsets.js';
import { actor } from './state.js';
import { undoAction } from './undo.js';
import { dialog, el, fail, toast } from './ui.js';

/**
 * Opens the editor for `line` (an utterance of document `doc`). `speakers` are the labels the
 * page knows, offered for the speaker field; `after` runs once an edit (or its undo) is written.
 */
export async function editUtterance(doc, line, { speakers = [], after } = {}) {
  const text = el('textarea', { id: 'edit-text', rows: '5', class: 'wide', 'aria-label': `Text of utterance ${line.index}` });
  text.value = line.text;
  const speaker = el('input', { id: 'edit-speaker', type: 'text', value: line.speaker ?? '', list: 'edit-speakers', class: 'wide' });
  const options = el('datalist', { id: 'edit-speakers' }, [...new Set(speakers)].sort().map((label) => el('option', { value: label })));
  const body = el('div', { class: 'stack' },
    el('label', { class: 'stack' }, 'Text', text),
    el('p', { class: 'muted small' }, 'Split at cursor cuts before the character the cursor stands at; the time span is divided in proportion.'),
    el('label', { class: 'stack' }, 'Speaker', speaker, options));
  const choice = await dialog({
    title: `Edit utterance ${line.index}`,
    body,
    buttons: [
      { label: 'Merge with next', value: () => ({ kind: 'merge' }) },
      { label: 'Split at cursor', value: () => ({ kind: 'split', at: utf16ToCodePoint(line.text, text.selectionStart) }) },
      { label: 'Change speaker', value: () => ({ kind: 'speaker', speaker: speaker.value }) },
      { label: 'Save text', value: () => ({ kind: 'text', text: text.value }), primary: true },
    ],
  });
  if (!choice) return;
  if (choice.kind === 'split' && text.value !== line.text) {
    toast('Save the text first, then split: the cursor is counted in the saved text.', { error: true });
    return;
  }
  await send(doc, { doc, utterance: line.index, ...choice }, after);
}

/** Sends an edit; when coded words would go, asks what becomes of those codings and sends it again. */
async function send(doc, request, after) {
  try {
    let result = await api.post('/api/transcript/edit', { ...request, ...actor() });
    if (result.refused) {
      const policy = await dialog({
        title: 'Some codings would lose their words',
        body: el('div', { class: 'stack' },
          el('p', {}, 'This edit removes the words these codings are on. Nothing has been changed yet.'),
          el('ul', { class: 'conflicts' }, result.conflicts.map((line) => el('li', {}, line)))),
        buttons: [
          { label: 'Drop those codings', value: 'drop' },
          { label: 'Keep them on the utterance, marked for review', value: 'keep-utterance', primary: true },
        ],
      });
      if (!policy) return;
      result = await api.post('/api/transcript/edit', { ...request, onConflict: policy, ...actor() });
    }
    if (!result.step) return;
    await after?.();
    toast(`Edited: ${result.step.summary}`, { action: undoAction(result.step.id, after) });
  } catch (error) {
    fail(error);
  }
}
