// The session: project, coder and round in the top bar.
import { api } from './api.js';
import { state } from './state.js';
import { el } from './ui.js';

/** Fills the round menu with the started rounds and picks the saved or current one. */
export function setUpRound() {
  const select = document.getElementById('round');
  select.replaceChildren(...Array.from({ length: state.session.currentRound }, (_, i) => el('option', { value: String(i + 1) }, String(i + 1))));
  const saved = Number(localStorage.getItem('cda.round'));
  state.round = saved >= 1 && saved <= state.session.currentRound ? saved : state.session.currentRound;
  select.value = String(state.round);
}

/** Reloads the session after a round starts: the round menu grows and switches to it. */
export async function reloadSession() {
  state.session = await api.get('/api/session');
  localStorage.removeItem('cda.round');
  setUpRound();
}
