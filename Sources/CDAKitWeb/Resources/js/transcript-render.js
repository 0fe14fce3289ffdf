// Drawing utterances: speaker, time and section beside the text; codings as coloured highlights
// (code names on hover) and as chips in the margin where they start.
import { coveredRange, segments } from './offsets.js';
import { clock, el, tint } from './ui.js';

/**
 * The row of one utterance. `codings` are the visible codings touching it; `chosen` is the id of
 * the coding the panel shows; `previousSection` decides whether the section is named.
 */
export function utteranceRow(line, codings, { chosen = null, previousSection, playable = false, speaking = false } = {}) {
  const ranges = [];
  for (const coding of codings) {
    const range = coveredRange(coding.fragment, line.index, line.length);
    if (range) ranges.push({ ...range, coding });
  }
  // Wider codings first, so the widest gives the background and narrower ones the underlines.
  ranges.sort((a, b) => (b.end - b.start) - (a.end - a.start) || a.coding.id - b.coding.id);
  const text = el('div', { class: 'utt-text' }, segments(line.text, ranges).map((piece) => highlight(piece, chosen)));
  const starting = codings.filter((coding) => coding.fragment.startUtterance === line.index);
  const continuing = codings.filter((coding) => coding.fragment.startUtterance < line.index);
  const sectionChanged = line.section && line.section !== previousSection;
  return el('div', {
    class: `utt${line.role && line.role !== 'participant' ? ' moderator' : ''}${speaking ? ' speaking' : ''}`,
    id: `u${line.index}`,
    dataset: { index: String(line.index), length: String(line.length) },
  },
  sectionChanged ? el('div', { class: 'utt-section' }, line.section) : null,
  el('div', { class: 'utt-meta' },
    el('span', { class: 'utt-no' }, String(line.index)),
    el('button', { type: 'button', class: 'edit-utt', title: `Edit utterance ${line.index} (e)`, 'aria-label': `Edit utterance ${line.index}` }, '✎'),
    el('span', { class: 'who' },
      el('span', { class: 'speaker', title: `${line.speaker ?? 'unknown speaker'}${line.role ? ` (${line.role})` : ''}` }, line.speaker ?? '?'),
      timeLabel(line, playable))),
  text,
  el('div', { class: 'utt-margin' },
    starting.map((coding) => chip(coding, chosen)),
    continuing.length ? el('span', { class: 'continues', title: continuing.map((coding) => coding.code).join(', ') }, `↳ ${continuing.length}`) : null));
}

function timeLabel(line, playable) {
  if (line.start === null || line.start === undefined) return null;
  if (!playable) return el('span', { class: 'time' }, clock(line.start));
  return el('button', {
    type: 'button', class: 'time seek', dataset: { start: String(line.start) }, title: `Play from ${clock(line.start)}`,
  }, clock(line.start));
}

function highlight(piece, chosen) {
  if (piece.covering.length === 0) return piece.text;
  const codings = piece.covering.map((range) => range.coding);
  const mark = el('mark', {
    class: `coded${codings.some((coding) => coding.id === chosen) ? ' chosen' : ''}${codings.every((coding) => coding.status === 'retired') ? ' retired' : ''}`,
    title: codings.map((coding) => coding.code + (coding.memo ? ' — memo' : '')).join('\n'),
    tabindex: '0',
    dataset: { codings: codings.map((coding) => coding.id).join(',') },
  }, piece.text);
  mark.style.backgroundColor = tint(codings[0].color, 0.3);
  if (codings.length > 1) {
    mark.style.boxShadow = codings.slice(1, 4).map((coding, i) => `inset 0 -${3 * (i + 1)}px 0 ${tint(coding.color, 0.9)}`).join(', ');
  }
  return mark;
}

function chip(coding, chosen) {
  const span = coding.fragment.endUtterance > coding.fragment.startUtterance ? ` → ${coding.fragment.endUtterance}` : '';
  const item = el('button', {
    type: 'button',
    class: `chip${coding.id === chosen ? ' chosen' : ''}${coding.status === 'retired' ? ' retired' : ''}`,
    dataset: { coding: String(coding.id) },
    title: `${coding.code} · round ${coding.round} · ${coding.coder}${coding.memo ? `\nmemo: ${coding.memo}` : ''}${coding.review ? `\nto review: ${coding.review}` : ''}`,
  }, el('span', { class: 'swatch' }), coding.code + span, coding.memo ? ' ✎' : '', coding.review ? ' ⚑' : '');
  item.firstChild.style.backgroundColor = coding.color ?? '#999';
  return item;
}

/** A fragment in words: "#5 [3–12)", "#5–#7", "#5 (whole)". */
export function describeFragment(fragment) {
  const whole = fragment.startOffset === null || fragment.startOffset === undefined;
  if (fragment.startUtterance === fragment.endUtterance) {
    return whole ? `utterance ${fragment.startUtterance} (whole)` : `utterance ${fragment.startUtterance}, characters ${fragment.startOffset}–${fragment.endOffset}`;
  }
  return whole
    ? `utterances ${fragment.startUtterance}–${fragment.endUtterance} (whole)`
    : `utterances ${fragment.startUtterance}–${fragment.endUtterance}, from character ${fragment.startOffset} to character ${fragment.endOffset}`;
}
