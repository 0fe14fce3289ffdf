// The Memos screen: the project's memo and a document's memo to write, and every memo of the
// project in one list (on documents, themes, theme × group pairs, codes and codings), each
// leading to where it belongs.
import { api } from './api.js';
import { go } from './nav.js';
import { actor, state } from './state.js';
import { el, fail, replace, toast } from './ui.js';

let view = null;

export async function render(container) {
  const [memos, corpus] = await Promise.all([api.get('/api/memos'), api.get('/api/corpus')]);
  view = { container, documents: corpus.documents, memos };
  draw();
}

export function leave() {
  view = null;
}

export async function refresh() {
  if (!view) return;
  view.memos = await api.get('/api/memos');
  draw();
}

function draw() {
  const project = view.memos.find((memo) => memo.kind === 'project');
  const projectBox = el('textarea', { id: 'project-memo', 'aria-label': 'Project memo', rows: 4, placeholder: 'What this study is about, decisions taken, what to look at next…' }, project?.text ?? '');
  const choice = el('select', { id: 'memo-document', 'aria-label': 'Document' },
    view.documents.map((doc) => el('option', { value: doc.id }, `${doc.title} (${doc.id})`)));
  const documentBox = el('textarea', { id: 'document-memo', 'aria-label': 'Document memo', rows: 4, placeholder: 'About this session: the setting, the mood, who dominated…' });
  const showDocumentMemo = () => {
    documentBox.value = view.memos.find((memo) => memo.kind === 'document' && memo.target === choice.value)?.text ?? '';
  };
  choice.addEventListener('change', showDocumentMemo);
  showDocumentMemo();
  replace(view.container, el('div', { class: 'memos-layout' },
    el('section', { class: 'panel' },
      el('h2', {}, 'Project memo'),
      projectBox,
      el('div', { class: 'buttons' }, el('button', { type: 'button', class: 'primary', id: 'save-project-memo', onclick: () => save({ kind: 'project' }, projectBox.value) }, 'Save')),
      el('h2', {}, 'Document memo'),
      el('label', { class: 'stack' }, 'Document', choice),
      documentBox,
      el('div', { class: 'buttons' }, el('button', { type: 'button', class: 'primary', id: 'save-document-memo', onclick: () => save({ kind: 'document', target: choice.value }, documentBox.value) }, 'Save'))),
    el('section', { class: 'panel', 'aria-labelledby': 'all-memos-title' },
      el('h2', { id: 'all-memos-title' }, `All memos (${view.memos.length})`),
      view.memos.length === 0 ? el('p', { class: 'empty' }, 'No memos yet.')
        : el('ul', { class: 'memo-list plain', id: 'memo-list' }, view.memos.map(memoItem)))));
}

function memoItem(memo) {
  const open = destination(memo);
  return el('li', { class: `memo-item${open ? ' clickable' : ''}`, dataset: { kind: memo.kind }, onclick: open, title: open ? 'Open where it belongs' : null },
    el('div', { class: 'memo-label' }, memo.label),
    el('div', { class: 'muted small' }, [memo.author, memo.updatedAt.replace('T', ' ').replace('Z', '')].filter(Boolean).join(' · ')),
    el('div', { class: 'memo-text', lang: memo.kind === 'coding' ? state.session.language ?? undefined : undefined }, memo.text));
}

function destination(memo) {
  if (memo.kind === 'code') return () => go('codes', null, { code: memo.target });
  if (memo.kind === 'coding') return () => go('transcript', memo.document, { at: memo.utterance });
  if (memo.kind === 'document') return () => go('transcript', memo.target);
  if (memo.kind === 'theme' || memo.kind === 'theme-group') return () => go('themes');
  return null;
}

async function save(target, text) {
  try {
    view.memos = await api.put('/api/memo', { ...target, text, ...actor() });
    toast(text.trim() ? 'Memo saved.' : 'Memo deleted.');
    draw();
  } catch (error) {
    fail(error);
  }
}
