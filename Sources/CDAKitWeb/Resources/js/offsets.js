// Offsets: the project counts positions in Unicode code points (scalars); JavaScript strings index
// UTF-16 code units. "é" is one of each, but an emoji such as 🙂 is one code point and two units.
// Everything the page sends or receives is in code points; DOM positions are converted here.

/** The number of code points in a string. */
export function codePointLength(text) {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}

/** The code-point offset of a UTF-16 index (an index inside a surrogate pair counts the whole pair). */
export function utf16ToCodePoint(text, index) {
  return codePointLength(text.slice(0, index));
}

/** The UTF-16 index of a code-point offset. */
export function codePointToUTF16(text, offset) {
  let index = 0;
  let count = 0;
  for (const character of text) {
    if (count === offset) return index;
    index += character.length;
    count += 1;
  }
  return index;
}

/** The text between two code-point offsets. */
export function sliceCodePoints(text, start, end) {
  return Array.from(text).slice(start, end).join('');
}

/**
 * Splits a text into pieces at every boundary of the given ranges (code points), each piece
 * with the ranges that cover it: [{start, end, text, covering: [range…]}].
 */
export function segments(text, ranges) {
  const characters = Array.from(text);
  const length = characters.length;
  const bounds = new Set([0, length]);
  for (const range of ranges) {
    bounds.add(Math.max(0, Math.min(length, range.start)));
    bounds.add(Math.max(0, Math.min(length, range.end)));
  }
  const sorted = [...bounds].sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i + 1 < sorted.length; i += 1) {
    const start = sorted[i];
    const end = sorted[i + 1];
    if (start === end) continue;
    pieces.push({
      start,
      end,
      text: characters.slice(start, end).join(''),
      covering: ranges.filter((range) => range.start < end && range.end > start),
    });
  }
  return pieces;
}

/** The part of a fragment inside utterance `index` of length `length`, in code points, or null. */
export function coveredRange(fragment, index, length) {
  if (index < fragment.startUtterance || index > fragment.endUtterance) return null;
  const start = index === fragment.startUtterance ? Math.min(fragment.startOffset ?? 0, length) : 0;
  const end = index === fragment.endUtterance ? Math.min(fragment.endOffset ?? length, length) : length;
  return start < end ? { start, end } : null;
}

/**
 * A DOM range over code points `start`–`end` of the text inside `element` (across its text nodes,
 * such as the pieces between coding highlights), or null when the text is shorter.
 */
export function domRange(element, start, end) {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let seen = 0;
  let started = false;
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const length = codePointLength(node.data);
    if (!started && start < seen + length) {
      range.setStart(node, codePointToUTF16(node.data, start - seen));
      started = true;
    }
    if (started && end <= seen + length) {
      range.setEnd(node, codePointToUTF16(node.data, end - seen));
      return range;
    }
    seen += length;
  }
  return null;
}

/**
 * Where a DOM point (node, UTF-16 offset) lies in the transcript: the utterance row and the
 * code-point offset inside its text, or null outside any utterance. A point in a row but outside
 * its text counts as the text's start or end.
 */
function position(node, offset) {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  const row = element?.closest('.utt');
  if (!row) return null;
  const textElement = row.querySelector('.utt-text');
  const index = Number(row.dataset.index);
  const length = Number(row.dataset.length);
  if (textElement.contains(node)) {
    const before = document.createRange();
    before.setStart(textElement, 0);
    before.setEnd(node, offset);
    return { row, index, offset: Math.min(length, codePointLength(before.toString())) };
  }
  const whole = document.createRange();
  whole.selectNodeContents(textElement);
  return { row, index, offset: whole.comparePoint(node, offset) < 0 ? 0 : length };
}

/**
 * The fragment a DOM selection covers in the transcript `container`, in code points:
 * {startUtterance, startOffset, endUtterance, endOffset}, or null when it covers no text.
 * A selection that ends at the very start of an utterance ends at the end of the one before.
 */
export function selectionFragment(selection, container) {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.commonAncestorContainer)) return null;
  const rows = [...container.querySelectorAll('.utt')].filter((row) => range.intersectsNode(row));
  if (rows.length === 0) return null;
  const first = rows[0];
  const last = rows[rows.length - 1];
  let start = position(range.startContainer, range.startOffset) ?? { row: first, index: Number(first.dataset.index), offset: 0 };
  let end = position(range.endContainer, range.endOffset) ?? { row: last, index: Number(last.dataset.index), offset: Number(last.dataset.length) };
  if (end.offset === 0 && end.index > start.index) {
    const previous = rows[rows.indexOf(end.row) - 1];
    if (previous) end = { row: previous, index: Number(previous.dataset.index), offset: Number(previous.dataset.length) };
  }
  if (start.offset >= Number(start.row.dataset.length) && start.index < end.index) {
    const next = rows[rows.indexOf(start.row) + 1];
    if (next) start = { row: next, index: Number(next.dataset.index), offset: 0 };
  }
  if (start.index > end.index || (start.index === end.index && start.offset >= end.offset)) return null;
  return { startUtterance: start.index, startOffset: start.offset, endUtterance: end.index, endOffset: end.offset };
}
