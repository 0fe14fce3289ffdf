// Undo always names the step the analyst saw, so that a step recorded since — by a colleague in
// a terminal, or in another tab — is never undone in its place: the server refuses and says why.
import { api } from './api.js';
import { fail, toast } from './ui.js';

/** Undoes step `id`; resolves with the step undone, or null when it was refused (the message says why). */
export async function undoStep(id) {
  try {
    const step = await api.post('/api/undo', { step: id });
    toast(`Undone: ${step.summary}`);
    return step;
  } catch (error) {
    fail(error);
    return null;
  }
}

/** The latest step not undone yet, or null. */
export async function latestStep() {
  const history = await api.get('/api/history');
  return [...history].reverse().find((entry) => !entry.undoneAt) ?? null;
}

/** A message's Undo button for step `id`; `after` runs once the step is undone. */
export function undoAction(id, after) {
  return {
    label: 'Undo',
    run: async () => {
      if (await undoStep(id)) await after?.();
    },
  };
}
