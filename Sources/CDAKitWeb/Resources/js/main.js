// The workbench shell: loads the session, keeps the coder and round, routes between the four
// screens (#/corpus, #/transcript/DOC?at=N, #/codes?code=NAME, #/themes) and handles global keys.
import { api, onChange, onUnauthorized, setCSRFToken } from './api.js';
import { currentCoder, setUpCoder } from './coder.js';
import { state, refreshCodes } from './state.js';
import { go, currentRoute } from './nav.js';
import { setUpRound } from './session.js';
import { latestStep, undoStep } from './undo.js';
import { el, dialog, fail, isTyping, sessionExpired, toast } from './ui.js';
import * as corpus from './corpus.js';
import * as transcript from './transcript.js';
import * as codes from './codes.js';
import * as themes from './themes.js';
import * as memos from './memos.js';

const screens = { corpus, transcript, codes, themes, memos };
let current = null;

async function show() {
  const { name, arg, params } = currentRoute(Object.keys(screens));
  current?.module.leave?.();
  current = { name, module: screens[name] };
  for (const link of document.querySelectorAll('.tabs a')) link.classList.toggle('active', link.dataset.screen === name);
  const container = document.getElementById('screen');
  container.replaceChildren();
  container.className = `screen-${name}`;
  try {
    await screens[name].render(container, { arg, params });
  } catch (error) {
    fail(error);
  }
}

/** The top bar's Undo: says which step (and whose) it would undo, and undoes exactly that one. */
async function undo() {
  try {
    const last = await latestStep();
    if (!last) {
      toast('Nothing to undo.');
      return;
    }
    const confirmed = await dialog({
      title: 'Undo the latest step?',
      body: el('p', { id: 'undo-latest' }, `Step ${last.id}: ${last.summary} — by ${last.actor}, ${last.at.replace('T', ' ').replace('Z', '')}.`),
      buttons: [{ label: 'Undo', value: true, primary: true }],
    });
    if (!confirmed || !(await undoStep(last.id))) return;
    await refreshCodes();
    current?.module.refresh?.();
  } catch (error) {
    fail(error);
  }
}

/** The top bar's Undo names whose step it would undo (the latest step's coder), or says there is none. */
async function showUndo() {
  const last = await latestStep();
  const button = document.getElementById('undo-button');
  button.textContent = last ? `Undo ${last.actor}'s step` : 'Undo';
  button.title = last ? `Undo step ${last.id}: ${last.summary} — by ${last.actor}` : 'Nothing to undo yet';
}

function help() {
  const rows = [
    ['1 – 5', 'Corpus, Transcript, Codes, Themes & report, Memos'],
    ['c', 'Transcript: code the selected text'],
    ['v', 'Transcript: code the selection in-vivo (its own words as the name)'],
    ['m', 'Transcript: memo on the chosen coding'],
    ['Delete', 'Transcript: remove the chosen coding'],
    ['g', 'Transcript: go to an utterance'],
    ['e', 'Transcript: edit the utterance the cursor is in (text, speaker, split, merge)'],
    ['p', 'Transcript with a recording: play or pause (click a time to play from there)'],
    ['[  ]', 'Transcript with a recording: back or forward 5 seconds'],
    ['-  +', 'Transcript with a recording: slower or faster (0.5× to 2×)'],
    ['r', 'Transcript with a recording: replay the selected passage or the chosen coding'],
    ['Tab', 'Transcript: the coded highlights (Enter opens the coding) · Codes: the rows of the tree'],
    ['↓  ↑', 'Transcript: a caret at the next or previous utterance · Codes: the next or previous row'],
    ['Shift + ←  →', 'Transcript: select from the caret (Ctrl: by word), then c to code'],
    ['→  ←', 'Codes: open or close a branch'],
    ['/', 'Corpus: search · Codes: filter the codes · Transcript: find (Enter next, Shift+Enter previous)'],
    ['u', 'Codes: undo the last step'],
    ['Esc', 'Close a picker, panel or dialog'],
  ];
  dialog({
    title: 'Keyboard shortcuts',
    body: el('table', { class: 'shortcuts' }, rows.map(([key, what]) => el('tr', {}, el('td', {}, el('kbd', {}, key)), el('td', {}, what)))),
    buttons: [{ label: 'Close', value: true, primary: true }],
    cancel: null,
  });
}

document.addEventListener('keydown', (event) => {
  if (event.defaultPrevented || isTyping(event) || event.ctrlKey || event.metaKey || event.altKey) return;
  if (document.querySelector('dialog[open], .picker')) return;
  const names = ['corpus', 'transcript', 'codes', 'themes', 'memos'];
  if (/^[1-5]$/.test(event.key)) {
    event.preventDefault();
    const name = names[Number(event.key) - 1];
    if (name === 'transcript' && state.lastDocument) go('transcript', state.lastDocument.id, state.lastDocument.at ? { at: state.lastDocument.at } : {});
    else go(name);
  } else if (event.key === '?') {
    event.preventDefault();
    help();
  } else {
    current?.module.onKey?.(event);
  }
});

async function start() {
  onUnauthorized(sessionExpired);
  try {
    state.session = await api.get('/api/session');
  } catch (error) {
    if (error.status !== 401) document.getElementById('screen').replaceChildren(el('p', { class: 'empty' }, error.message));
    return;
  }
  setCSRFToken(state.session.csrfToken);
  document.getElementById('project-name').textContent = state.session.project;
  document.title = `${state.session.project} · cda workbench`;
  setUpCoder();
  onChange({ who: currentCoder, after: () => showUndo().catch(() => {}) });
  setUpRound();
  document.getElementById('round').addEventListener('change', (event) => {
    state.round = Number(event.target.value);
    localStorage.setItem('cda.round', String(state.round));
    toast(`New codings go to round ${state.round}.`);
    current?.module.refresh?.();
  });
  document.getElementById('undo-button').addEventListener('click', undo);
  document.getElementById('help-button').addEventListener('click', help);
  await refreshCodes().catch(fail);
  await showUndo().catch(() => {});
  window.addEventListener('hashchange', show);
  await show();
}

start();
