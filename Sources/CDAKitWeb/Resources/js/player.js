// The recording beside a transcript: plays the linked audio or video (streamed by the server in
// ranges), seeks to an utterance's time, follows the utterance being spoken, and keeps its place
// across reloads. Times in the transcript are `recording time − offset`. Under it, the
// document's time-span codings (time-spans.js).
import { createTimeSpans } from './time-spans.js';
import { clock, el } from './ui.js';

const RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2];
const STEP = 5;

/**
 * A player for `link` (an entry of GET /api/media). `onTime(seconds)` is called with the
 * transcript's time as the recording plays or seeks.
 */
export function createPlayer(link, { projectKey, onTime }) {
  const storageKey = `cda.player.${projectKey}.${link.document}`;
  const media = el(link.kind === 'video' ? 'video' : 'audio', {
    id: 'player-media',
    controls: true,
    preload: 'metadata',
    src: `/api/media/${encodeURIComponent(link.document)}`,
  });
  const rate = el('span', { id: 'player-rate', class: 'muted small', title: 'Playback speed (- slower, + faster)' }, '1×');
  const position = el('span', { id: 'player-time', class: 'muted small' }, clock(0));
  const follow = el('input', { type: 'checkbox', id: 'player-follow' });
  follow.checked = localStorage.getItem('cda.player.follow') !== 'off';
  follow.addEventListener('change', () => localStorage.setItem('cda.player.follow', follow.checked ? 'on' : 'off'));
  let stopAt = null;
  let saved = 0;
  // Set when the screen closes: unloading the media resets its time, which must not be remembered.
  let stopped = false;

  media.addEventListener('loadedmetadata', () => {
    const resume = Number(localStorage.getItem(storageKey));
    if (resume > 0 && resume < media.duration) media.currentTime = resume;
  }, { once: true });
  media.addEventListener('timeupdate', () => {
    if (stopped) return;
    if (stopAt !== null && media.currentTime >= stopAt) {
      media.pause();
      stopAt = null;
    }
    position.textContent = clock(Math.max(0, media.currentTime - link.offset));
    // Remember the place about once a second, and at every pause or seek.
    if (Math.abs(media.currentTime - saved) >= 1 || media.paused) remember();
    onTime(media.currentTime - link.offset);
  });
  media.addEventListener('seeked', remember);
  media.addEventListener('pause', remember);
  media.addEventListener('ratechange', () => { rate.textContent = `${media.playbackRate}×`; });

  function remember() {
    if (stopped) return;
    saved = media.currentTime;
    localStorage.setItem(storageKey, String(media.currentTime));
  }

  const spans = createTimeSpans(link, media);
  const element = el('section', { class: `player ${link.kind}`, 'aria-label': 'Recording' },
    media,
    el('div', { class: 'player-tools' },
      position, rate,
      el('label', { class: 'check small', title: 'Keep the utterance being spoken in view' }, follow, ' follow'),
      el('span', { class: 'muted small' }, el('kbd', {}, 'p'), ' play · ', el('kbd', {}, '['), el('kbd', {}, ']'), ` ${STEP} s · `,
        el('kbd', {}, '-'), el('kbd', {}, '+'), ' speed · ', el('kbd', {}, 'r'), ' replay selection')),
    link.found ? null : el('p', { class: 'warning small' },
      `The recording is not at '${link.path}'. Find it again with 'cda media relink FOLDER'.`),
    spans.element);

  return {
    element,
    media,
    /** Whether the transcript should scroll to the utterance being spoken. */
    get following() { return follow.checked; },
    /** Seeks to a transcript time (seconds) and plays. */
    playFrom(seconds, until = null) {
      media.currentTime = Math.max(0, seconds + link.offset);
      stopAt = until === null ? null : until + link.offset;
      media.play().catch(() => {});
    },
    toggle() {
      if (media.paused) media.play().catch(() => {});
      else media.pause();
    },
    skip(seconds) {
      media.currentTime = Math.min(Math.max(0, media.currentTime + seconds), media.duration || Infinity);
    },
    /** One step slower (−1) or faster (+1), from 0.5× to 2×. */
    changeRate(direction) {
      const at = RATES.findIndex((value) => value >= media.playbackRate - 1e-9);
      const next = RATES[Math.min(RATES.length - 1, Math.max(0, (at < 0 ? 2 : at) + direction))];
      media.playbackRate = next;
    },
    /** Loads the time-span codings again (after an undo elsewhere). */
    reloadSpans: () => spans.reload(),
    stop() {
      spans.stop();
      media.pause();
      stopped = true;
      media.removeAttribute('src');
      media.load();
    },
    step: STEP,
  };
}

/**
 * The utterance being spoken at transcript time `seconds` among `lines` (a Map from index to
 * line): the last that started at or before it and has not ended (an utterance without an end
 * lasts until the next one starts). `null` in a silence or outside the loaded lines.
 */
export function utteranceAt(lines, seconds) {
  let best = null;
  for (const line of lines.values()) {
    if (line.start === null || line.start === undefined || line.start > seconds) continue;
    if (!best || line.start > best.start || (line.start === best.start && line.index > best.index)) best = line;
  }
  if (!best) return null;
  const end = best.end ?? nextStart(lines, best);
  return end === null || seconds < end ? best.index : null;
}

/** When the utterance after `line` starts, from the loaded lines; `null` when unknown. */
export function nextStart(lines, line) {
  let next = null;
  for (const other of lines.values()) {
    if (other.start === null || other.start === undefined || other.index <= line.index) continue;
    if (next === null || other.start < next) next = other.start;
  }
  return next;
}
