// Coding a moment without words: mark where a stretch of the recording starts and ends (buttons,
// or the keys i and o while the recording plays), code it with the code picker, and list the
// document's time-span codings under the player; clicking one plays it. Times here are recording
// time in whole milliseconds, as the library stores them.
import { api } from './api.js';
import { pickCode } from './picker.js';
import { actor, activeCodeNames, refreshCodes, state } from './state.js';
import { el, fail, isTyping, replace, toast } from './ui.js';

/** `MM:SS.mmm` (or `H:MM:SS.mmm`) for milliseconds. */
export function spanClock(milliseconds) {
  const total = Math.max(0, Math.round(milliseconds));
  const pad = (n, width = 2) => String(n).padStart(width, '0');
  const seconds = Math.floor(total / 1000);
  const hours = Math.floor(seconds / 3600);
  const tail = `${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}.${pad(total % 1000, 3)}`;
  return hours > 0 ? `${hours}:${tail}` : tail;
}

/**
 * The time-span tools for the recording of `link` played by `media`: an element to place under
 * the player, a key handler for i/o, and `stop()` to call when the screen closes.
 */
export function createTimeSpans(link, media) {
  let start = null;
  let end = null;
  const marks = el('span', { id: 'time-span-marks', class: 'muted small', 'aria-live': 'polite' });
  const list = el('ul', { id: 'time-span-list', class: 'time-span-list', 'aria-label': 'Time-span codings' });
  const codeButton = el('button', { type: 'button', id: 'time-span-code', class: 'primary', disabled: true, onclick: () => codeSpan() }, 'Code span…');
  const element = el('div', { class: 'time-spans' },
    el('div', { class: 'player-tools' },
      el('button', { type: 'button', id: 'time-span-start', title: 'Mark the start at the current time (i)', onclick: () => mark('start') },
        'Mark start ', el('kbd', {}, 'i')),
      el('button', { type: 'button', id: 'time-span-end', title: 'Mark the end at the current time (o)', onclick: () => mark('end') },
        'Mark end ', el('kbd', {}, 'o')),
      codeButton, marks),
    list);

  function now() {
    return Math.round(media.currentTime * 1000);
  }

  function mark(which) {
    if (which === 'start') start = now();
    else end = now();
    showMarks();
  }

  function showMarks() {
    const from = start === null ? '…' : spanClock(start);
    const to = end === null ? '…' : spanClock(end);
    marks.textContent = start === null && end === null ? '' : `${from} – ${to}`;
    codeButton.disabled = !(start !== null && end !== null && end > start);
  }

  async function codeSpan() {
    if (start === null || end === null || end <= start) {
      toast('Mark a start and a later end first (i and o).');
      return;
    }
    const picked = await pickCode({
      anchor: codeButton.getBoundingClientRect(),
      title: `Code ${spanClock(start)}–${spanClock(end)} of the recording (round ${state.round})`,
      names: activeCodeNames(),
      withMemo: true,
    });
    if (!picked) return;
    try {
      const added = await api.post('/api/time-spans', {
        document: link.document, startMilliseconds: start, endMilliseconds: end, code: picked.name, round: state.round,
        memo: picked.memo || undefined, create: picked.created, ...actor(),
      });
      const result = added.result;
      toast(result.alreadyCoded
        ? `Already coded with '${result.code}'.`
        : `Coded ${spanClock(start)}–${spanClock(end)} with '${result.code}'${result.createdCode ? ' (new code)' : ''}.`);
      start = null;
      end = null;
      showMarks();
      if (result.createdCode) await refreshCodes();
      await load();
    } catch (error) {
      fail(error);
    }
  }

  async function remove(coding) {
    try {
      await api.delete(`/api/time-spans/${coding.id}`, actor());
      toast(`Removed '${coding.code}' at ${spanClock(coding.span.startMilliseconds)}. 'Undo' brings it back.`);
      await load();
    } catch (error) {
      fail(error);
    }
  }

  async function load() {
    try {
      const codings = await api.get('/api/time-spans', { doc: link.document });
      replace(list, ...codings.map((coding) => el('li', { dataset: { id: String(coding.id) } },
        el('button', {
          type: 'button', class: 'link time-span-seek', title: 'Play this stretch',
          onclick: () => {
            media.currentTime = coding.span.startMilliseconds / 1000;
            media.play().catch(() => {});
          },
        }, `${spanClock(coding.span.startMilliseconds)}–${spanClock(coding.span.endMilliseconds)}`),
        ' ', el('span', { class: 'time-span-code' }, coding.code),
        el('span', { class: 'muted small' }, ` round ${coding.round} · ${coding.coder}`),
        ' ', el('button', { type: 'button', class: 'link small', title: 'Remove this coding', onclick: () => remove(coding) }, '×'))));
      if (codings.length === 0) list.append(el('li', { class: 'muted small' }, 'No time-span codings yet.'));
    } catch (error) {
      fail(error);
    }
  }

  function onKey(event) {
    if (event.defaultPrevented || isTyping(event) || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'i') mark('start');
    else if (event.key === 'o') mark('end');
    else return;
    event.preventDefault();
  }

  document.addEventListener('keydown', onKey);
  load();
  return {
    element,
    reload: load,
    stop() { document.removeEventListener('keydown', onKey); },
  };
}
