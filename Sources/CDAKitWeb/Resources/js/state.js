// What every screen shares: the session, the coder and round in use, and the code list for pickers.
import { api } from './api.js';

export const state = {
  session: null,
  coder: '',
  round: 1,
  codes: [],
  codeData: null,
};

/** Loads the codes (all statuses) with their figures, for pickers, colours and the Codes screen. */
export async function refreshCodes() {
  const data = await api.get('/api/codes');
  state.codes = data.codes;
  state.codeData = data;
  return data;
}

/** Names of active codes, sorted. */
export function activeCodeNames() {
  return state.codes.filter((code) => code.status === 'active').map((code) => code.name).sort((a, b) => a.localeCompare(b));
}

/** Fields sent with every change: who made it. */
export function actor() {
  return { coder: state.coder };
}
