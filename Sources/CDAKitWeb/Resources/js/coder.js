// Who is coding: chosen once per browser session (a dialog on the first change, kept in
// sessionStorage for this tab), shown in the top bar with a button to change it. It is no free
// text field, so a slip of the keyboard never changes who a step is recorded for.
import { api } from './api.js';
import { state } from './state.js';
import { dialog, el, toast } from './ui.js';

const KEY = 'cda.coder';
let asking = null;

/** Reads the coder this tab chose, if any, and wires the top bar. */
export function setUpCoder() {
  state.coder = sessionStorage.getItem(KEY) ?? '';
  showCoder();
  document.getElementById('coder-change').addEventListener('click', () => chooseCoder(true));
}

function showCoder() {
  document.getElementById('coder-name').textContent = state.coder || 'not chosen';
  document.getElementById('coder-change').textContent = state.coder ? 'Change' : 'Choose';
}

/** The coder a change is recorded for: asked for on this tab's first change; null when the analyst cancels. */
export function currentCoder() {
  return state.coder ? Promise.resolve(state.coder) : chooseCoder(false);
}

/** Asks who is coding (one dialog at a time); resolves with the name, or null when cancelled. */
export function chooseCoder(changing) {
  asking ??= ask(changing).finally(() => {
    asking = null;
  });
  return asking;
}

async function ask(changing) {
  const known = await api.get('/api/coders').catch(() => []);
  const names = [...new Set([state.session.coder, ...known].filter(Boolean))].sort((a, b) => a.localeCompare(b));
  const select = el('select', { id: 'coder-choice' },
    names.map((name) => el('option', { value: name }, name)),
    el('option', { value: '' }, 'someone new…'));
  select.value = state.coder || state.session.coder;
  const input = el('input', { id: 'coder-new', type: 'text', placeholder: 'name or initials', spellcheck: 'false', autocomplete: 'off' });
  const newName = el('label', { class: 'stack', hidden: true }, 'New coder', input);
  select.addEventListener('change', () => {
    newName.hidden = select.value !== '';
    if (!newName.hidden) input.focus();
  });
  const chosen = await dialog({
    title: changing ? 'Change who is coding' : 'Who is coding?',
    body: el('div', {},
      el('p', {}, 'Every coding and step from this browser tab is recorded under this name until you change it.'),
      el('label', { class: 'stack' }, 'Coder', select),
      newName),
    buttons: [{ label: 'Code as this coder', value: () => (select.value || input.value).trim(), primary: true }],
  });
  if (!chosen) return null;
  state.coder = chosen;
  sessionStorage.setItem(KEY, chosen);
  showCoder();
  toast(`Coding as ${chosen}.`);
  return chosen;
}
