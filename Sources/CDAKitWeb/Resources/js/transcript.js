// The Transcript screen: a document in pages of utterances (loaded as you scroll, so documents of
// thousands of utterances stay smooth), codings as highlights, coding by selecting text, and
// finding a text (the server finds, with or without accents; the page marks and steps through).
import { api } from './api.js';
import { go } from './nav.js';
import { domRange, selectionFragment, sliceCodePoints } from './offsets.js';
import { pickCode } from './picker.js';
import { activeCodeNames, actor, refreshCodes, state } from './state.js';
import { describeFragment, utteranceRow } from './transcript-render.js';
import { editUtterance } from './transcript-edit.js';
import { showCodingPanel } from './transcript-panel.js';
import { createFilter } from './transcript-filter.js';
import { undoAction } from './undo.js';
import { createPlayer, nextStart, utteranceAt } from './player.js';
import { el, fail, number, prompt, replace, toast } from './ui.js';

const PAGE = 200;
let view = null;

/** Timings of page loads (fetch and render), for the browser tests and the curious. */
window.cdaTranscriptMetrics = window.cdaTranscriptMetrics ?? [];

export async function render(container, { arg, params }) {
  const id = arg ?? state.lastDocument?.id;
  if (!id) return chooseDocument(container);
  const [doc, links] = await Promise.all([api.get('/api/document', { doc: id }), api.get('/api/media')]);
  const link = links.find((candidate) => candidate.document === id);
  const placeKey = `cda.transcript.${state.session.project}.${id}`;
  const at = Math.max(1, Number(params.get('at')) || (link ? Number(localStorage.getItem(placeKey)) : 0) || 1);
  state.lastDocument = { id, at };
  // The participants' words are marked with their language, so that screen readers and spelling read them right.
  const list = el('div', { class: 'transcript', id: 'utterances', tabindex: '0', lang: doc.attributes?.language ?? state.session.language ?? undefined });
  const side = el('aside', { class: 'transcript-side panel', id: 'coding-panel' });
  const filter = el('select', { id: 'coding-filter', title: 'Which codings to show' },
    el('option', { value: 'all' }, 'all codings'),
    Array.from({ length: state.session.currentRound }, (_, i) => el('option', { value: `round-${i + 1}` }, `round ${i + 1} only`)),
    el('option', { value: 'mine' }, 'my codings only'));
  const toolbar = el('div', { class: 'selection-toolbar', hidden: true },
    el('button', { type: 'button', class: 'primary', id: 'code-selection', onmousedown: (event) => event.preventDefault(), onclick: () => codeSelection(false) }, 'Code… ', el('kbd', {}, 'c')),
    el('button', { type: 'button', id: 'code-in-vivo', onmousedown: (event) => event.preventDefault(), onclick: () => codeSelection(true) }, 'In-vivo ', el('kbd', {}, 'v')));
  const narrow = createFilter(id, () => view && redrawAll());
  const player = link ? createPlayer(link, { projectKey: state.session.project, onTime: (seconds) => followRecording(seconds) }) : null;
  container.append(el('div', { class: 'transcript-layout' },
    el('div', { class: 'transcript-main' },
      el('div', { class: 'transcript-head' },
        el('div', {},
          el('h2', {}, doc.title),
          el('div', { class: 'muted small' }, [doc.id, doc.group, doc.session, `${number(doc.utterances)} utterances`, `${number(doc.words)} words`].filter(Boolean).join(' · '))),
        el('div', { class: 'head-tools' },
          findForm(),
          el('label', {}, 'Show ', filter),
          el('button', { type: 'button', onclick: jump, title: 'Go to an utterance (g)' }, 'Go to # ', el('kbd', {}, 'g')))),
      narrow.element,
      player?.element,
      list),
    side,
    toolbar));
  view = {
    doc, list, side, toolbar, filter, codings: new Map(), lines: new Map(), from: 0, to: -1, total: doc.utterances, chosen: null, loading: false,
    find: { query: '', fold: true, result: null, current: -1 },
    player, placeKey, speaking: null, narrow,
  };
  filter.addEventListener('change', () => redrawAll());
  list.addEventListener('mouseup', () => setTimeout(updateToolbar, 0));
  list.addEventListener('keyup', updateToolbar);
  list.addEventListener('click', onClick);
  list.addEventListener('keydown', onListKey);
  list.addEventListener('scroll', () => { view.toolbar.hidden = true; }, { passive: true });
  showCodingPanel(null, panelContext());
  await loadAround(at);
  await narrow.load();
}

export function leave() {
  view?.observer?.disconnect();
  view?.player?.stop();
  view = null;
  clearFindMarks();
}

/**
 * Shows the project's current state after a change made elsewhere (the top bar's Undo, a round
 * switched): an undone edit can change the text and the number of utterances, so the part in view
 * is loaded again, with the codings and the recording's time spans.
 */
export async function refresh() {
  if (!view) return;
  const doc = await api.get('/api/document', { doc: view.doc.id });
  if (!view) return;
  view.total = doc.utterances;
  const inView = firstRowInView();
  await loadAround(inView ? Number(inView.dataset.index) : view.from);
  view?.player?.reloadSpans();
}

export function onKey(event) {
  if (!view) return;
  if (event.key === 'c') {
    event.preventDefault();
    codeSelection(false);
  } else if (event.key === 'v') {
    event.preventDefault();
    codeSelection(true);
  } else if (event.key === 'g') {
    event.preventDefault();
    jump();
  } else if (event.key === 'e') {
    event.preventDefault();
    editCurrent();
  } else if (event.key === '/') {
    event.preventDefault();
    document.getElementById('find-input')?.focus();
  } else if (event.key === 'm' && view.chosen) {
    event.preventDefault();
    document.getElementById('coding-memo')?.focus();
  } else if ((event.key === 'Delete' || event.key === 'Backspace') && view.chosen) {
    event.preventDefault();
    removeCoding(view.chosen);
  } else if (event.key === 'Escape') {
    choose(null);
  } else if (view.player && playerKey(event.key)) {
    event.preventDefault();
  }
}

/** The recording's keys; `true` when `key` was one. */
function playerKey(key) {
  const player = view.player;
  if (key === 'p') player.toggle();
  else if (key === '[') player.skip(-player.step);
  else if (key === ']') player.skip(player.step);
  else if (key === '-') player.changeRate(-1);
  else if (key === '+' || key === '=') player.changeRate(1);
  else if (key === 'r') replaySelection();
  else return false;
  return true;
}

async function chooseDocument(container) {
  const data = await api.get('/api/corpus');
  container.append(el('section', { class: 'panel narrow' }, el('h2', {}, 'Open a transcript'),
    data.documents.length === 0 ? el('p', { class: 'empty' }, 'No documents yet.')
      : el('ul', { class: 'plain' }, data.documents.map((doc) => el('li', {}, el('a', { href: `#/transcript/${encodeURIComponent(doc.id)}` }, doc.title), ` · ${doc.group ?? ''} · ${number(doc.utterances)} utterances`)))));
}

// Loading pages ----------------------------------------------------------------------------------

async function fetchPage(from, to) {
  const started = performance.now();
  const page = await api.get('/api/transcript', { doc: view.doc.id, from, to });
  return { page, fetched: performance.now() - started };
}

function remember(page) {
  for (const line of page.utterances) view.lines.set(line.index, line);
  for (const coding of page.codings) view.codings.set(coding.id, coding);
}

/** Shows the page around utterance `at`, replacing what is loaded. */
async function loadAround(at) {
  const target = Math.min(Math.max(1, at), Math.max(1, view.total));
  const from = Math.max(1, target - 20);
  const to = Math.min(view.total, from + PAGE - 1);
  view.observer?.disconnect();
  view.lines.clear();
  view.codings.clear();
  const { page, fetched } = await fetchPage(from, to);
  if (!view) return;
  const started = performance.now();
  remember(page);
  view.from = page.from;
  view.to = page.to;
  view.top = el('div', { class: 'sentinel top' });
  view.bottom = el('div', { class: 'sentinel bottom' });
  replace(view.list, view.top, rows(page.from, page.to), view.bottom);
  paintFind();
  window.cdaTranscriptMetrics.push({ document: view.doc.id, from: page.from, to: page.to, fetchMs: fetched, renderMs: performance.now() - started });
  const row = document.getElementById(`u${target}`);
  if (row) {
    // Rows off screen have estimated heights until drawn: place the row again once they are.
    const place = () => row.scrollIntoView({ block: target > 1 ? 'center' : 'start' });
    place();
    requestAnimationFrame(() => requestAnimationFrame(place));
    if (target > 1) flash(row);
  }
  observe();
}

function observe() {
  view.observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      if (entry.target === view?.bottom) loadNext();
      if (entry.target === view?.top) loadPrevious();
    }
  }, { root: view.list, rootMargin: '800px 0px' });
  view.observer.observe(view.top);
  view.observer.observe(view.bottom);
}

// Loads the page of utterances beside those shown: below them (`end`) or above them (`start`),
// keeping the reader's place when rows are added above.
async function loadPage(edge) {
  const atEnd = edge === 'end';
  if (!view || view.loading || (atEnd ? view.to >= view.total : view.from <= 1)) return;
  view.loading = true;
  try {
    const [from, to] = atEnd ? [view.to + 1, Math.min(view.total, view.to + PAGE)] : [Math.max(1, view.from - PAGE), view.from - 1];
    const { page, fetched } = await fetchPage(from, to);
    if (!view) return;
    const started = performance.now();
    remember(page);
    // The row next to the new page, redrawn so codings that run across the seam join up.
    const seam = atEnd ? page.from - 1 : view.from;
    if (atEnd) {
      view.bottom.before(rows(page.from, page.to));
      view.to = page.to;
    } else {
      const before = view.list.scrollHeight;
      view.top.after(rows(page.from, page.to));
      view.list.scrollTop += view.list.scrollHeight - before;
      view.from = page.from;
    }
    window.cdaTranscriptMetrics.push({ document: view.doc.id, from: page.from, to: page.to, fetchMs: fetched, renderMs: performance.now() - started });
    redrawRange(seam, seam);
  } catch (error) {
    fail(error);
  } finally {
    if (view) view.loading = false;
  }
  if (atEnd && view) recheck(view.bottom);
}

function loadNext() {
  return loadPage('end');
}

function loadPrevious() {
  return loadPage('start');
}

/** Loads on when a sentinel is still in view after a page arrived (short pages, tall screens). */
function recheck(sentinel) {
  const box = view.list.getBoundingClientRect();
  const rect = sentinel.getBoundingClientRect();
  if (rect.top < box.bottom + 800) loadNext();
}

// Drawing ----------------------------------------------------------------------------------------

function visible(coding) {
  if (!view.narrow.showsCoding(coding.id)) return false;
  const filter = view.filter.value;
  if (filter === 'mine') return coding.coder === state.coder;
  if (filter.startsWith('round-')) return coding.round === Number(filter.slice(6));
  return true;
}

function codingsTouching(index) {
  const result = [];
  for (const coding of view.codings.values()) {
    if (coding.fragment.startUtterance <= index && coding.fragment.endUtterance >= index && visible(coding)) result.push(coding);
  }
  return result;
}

function row(index) {
  const line = view.lines.get(index);
  const drawn = utteranceRow(line, codingsTouching(index), {
    chosen: view.chosen, previousSection: view.lines.get(index - 1)?.section, playable: Boolean(view.player), speaking: index === view.speaking,
  });
  if (!view.narrow.shows(index)) drawn.hidden = true;
  return drawn;
}

function rows(from, to) {
  const fragment = document.createDocumentFragment();
  for (let index = from; index <= to; index += 1) fragment.append(row(index));
  return fragment;
}

function redrawRange(from, to) {
  // A highlight or chip with the keyboard focus keeps it when its row is drawn again.
  const focused = document.activeElement?.closest?.('.utt mark.coded, .utt .chip');
  const again = focused && {
    row: focused.closest('.utt').id,
    selector: focused.matches('mark') ? `mark.coded[data-codings="${focused.dataset.codings}"]` : `.chip[data-coding="${focused.dataset.coding}"]`,
  };
  for (let index = Math.max(from, view.from); index <= Math.min(to, view.to); index += 1) {
    document.getElementById(`u${index}`)?.replaceWith(row(index));
  }
  if (again && !focused.isConnected) document.getElementById(again.row)?.querySelector(again.selector)?.focus({ preventScroll: true });
  paintFind();
}

// Find in the transcript ---------------------------------------------------------------------------

function findForm() {
  const input = el('input', { type: 'search', id: 'find-input', placeholder: 'Find in transcript  /', 'aria-label': 'Find in transcript', spellcheck: 'false' });
  const fold = el('input', { type: 'checkbox', id: 'find-fold', checked: true });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      find(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      input.value = '';
      resetFind();
      input.blur();
    }
  });
  fold.addEventListener('change', () => {
    if (view?.find.result) find(0);
  });
  return el('div', { class: 'find', role: 'search' },
    input,
    el('label', { class: 'check small', title: 'een finds één, naief finds naïef' }, fold, ' ignore accents'),
    el('span', { id: 'find-count', class: 'muted small', 'aria-live': 'polite' }),
    el('button', { type: 'button', id: 'find-previous', title: 'Previous (Shift+Enter)', onclick: () => find(-1) }, '↑'),
    el('button', { type: 'button', id: 'find-next', title: 'Next (Enter)', onclick: () => find(1) }, '↓'));
}

/** Asks the server for the occurrences when the text or the accent setting changed, then steps `step` (±1, 0 stays). */
async function find(step) {
  if (!view) return;
  const query = document.getElementById('find-input').value;
  const fold = document.getElementById('find-fold').checked;
  if (!query.trim()) {
    resetFind();
    return;
  }
  const previous = view.find;
  if (!previous.result || previous.query !== query || previous.fold !== fold) {
    let result;
    try {
      result = await api.get('/api/transcript/find', { doc: view.doc.id, q: query, fold });
    } catch (error) {
      fail(error);
      return;
    }
    if (!view) return;
    view.find = { query, fold, result, current: -1 };
    step = 1;
  }
  const { result } = view.find;
  if (result.matches.length === 0) {
    showFindCount();
    paintFind();
    return;
  }
  const count = result.matches.length;
  const current = view.find.current;
  view.find.current = current < 0 ? (step < 0 ? count - 1 : 0) : (current + step + count) % count;
  await showMatch(view.find.current);
}

async function showMatch(index) {
  const match = view.find.result.matches[index];
  showFindCount();
  if (match.utterance < view.from || match.utterance > view.to) {
    await loadAround(match.utterance);
  } else {
    document.getElementById(`u${match.utterance}`)?.scrollIntoView({ block: 'center' });
  }
  if (view) {
    state.lastDocument = { id: view.doc.id, at: match.utterance };
    paintFind();
  }
}

function showFindCount() {
  const box = document.getElementById('find-count');
  const { result, current } = view.find;
  if (!box) return;
  if (!result) box.textContent = '';
  else if (result.total === 0) box.textContent = 'no match';
  else {
    const listed = result.matches.length < result.total ? ` (first ${number(result.matches.length)} listed)` : '';
    box.textContent = `${number(current + 1)} of ${number(result.total)}${listed}`;
  }
}

function resetFind() {
  if (!view) return;
  view.find = { query: '', fold: true, result: null, current: -1 };
  showFindCount();
  clearFindMarks();
}

function clearFindMarks() {
  if (!('highlights' in CSS)) return;
  CSS.highlights.delete('find');
  CSS.highlights.delete('find-current');
}

/** Marks the occurrences on loaded rows (CSS highlights: the text and its coding marks stay as they are). */
function paintFind() {
  if (!view || !('highlights' in CSS)) return;
  const others = [];
  let current = null;
  (view.find.result?.matches ?? []).forEach((match, index) => {
    if (match.utterance < view.from || match.utterance > view.to) return;
    const text = document.querySelector(`#u${match.utterance} .utt-text`);
    const range = text ? domRange(text, match.start, match.end) : null;
    if (!range) return;
    if (index === view.find.current) current = range;
    else others.push(range);
  });
  CSS.highlights.set('find', new Highlight(...others));
  if (current) CSS.highlights.set('find-current', new Highlight(current));
  else CSS.highlights.delete('find-current');
}

function redrawAll() {
  redrawRange(view.from, view.to);
  // Filtered rows take no room: load on while the end of what is loaded is in view.
  if (view.bottom) recheck(view.bottom);
}

function flash(element) {
  element.classList.add('flash');
  setTimeout(() => element.classList.remove('flash'), 1600);
}

async function jump() {
  const answer = await prompt('Go to utterance', { label: `1–${view.total}`, action: 'Go' });
  const index = Number(answer);
  if (!answer || !Number.isInteger(index)) return;
  state.lastDocument = { id: view.doc.id, at: index };
  if (index >= view.from && index <= view.to) {
    const target = document.getElementById(`u${index}`);
    target?.scrollIntoView({ block: 'center' });
    if (target) flash(target);
  } else {
    await loadAround(index);
  }
}

async function reloadCodings() {
  view.codings.clear();
  for (let from = view.from; from <= view.to; from += 1000) {
    const { page } = await fetchPage(from, Math.min(view.to, from + 999));
    if (!view) return;
    remember(page);
  }
  if (view.chosen && !view.codings.has(view.chosen)) view.chosen = null;
  await view.narrow.refresh();
  if (!view) return;
  redrawAll();
  showCodingPanel(view.chosen ? view.codings.get(view.chosen) : null, panelContext());
}

// Selecting and coding ---------------------------------------------------------------------------

function currentFragment() {
  return selectionFragment(window.getSelection(), view.list);
}

/** The text of a fragment from the loaded utterances; utterances joined by a space. */
function fragmentText(fragment) {
  const parts = [];
  for (let index = fragment.startUtterance; index <= fragment.endUtterance; index += 1) {
    const line = view.lines.get(index);
    if (!line) continue;
    const start = index === fragment.startUtterance ? fragment.startOffset : 0;
    const end = index === fragment.endUtterance ? fragment.endOffset : line.length;
    parts.push(sliceCodePoints(line.text, start, end));
  }
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

function updateToolbar() {
  if (!view) return;
  const fragment = currentFragment();
  if (!fragment) {
    view.toolbar.hidden = true;
    return;
  }
  const rect = window.getSelection().getRangeAt(0).getBoundingClientRect();
  view.toolbar.hidden = false;
  view.toolbar.style.left = `${Math.max(8, Math.min(window.innerWidth - 220, rect.left))}px`;
  view.toolbar.style.top = `${Math.min(window.innerHeight - 48, rect.bottom + 6)}px`;
}

async function codeSelection(inVivo) {
  if (!view) return;
  const fragment = currentFragment();
  if (!fragment) {
    toast('Select some text in the transcript first.');
    return;
  }
  const selected = fragmentText(fragment);
  const rect = window.getSelection().getRangeAt(0).getBoundingClientRect();
  view.toolbar.hidden = true;
  const picked = await pickCode({
    anchor: rect,
    title: `Code ${describeFragment(fragment)} (round ${state.round})`,
    names: activeCodeNames(),
    selectedText: selected,
    withMemo: true,
    initial: inVivo ? selected : '',
  });
  if (!picked || !view) return;
  try {
    const added = await api.post('/api/codings', {
      document: view.doc.id, ...fragment, code: picked.name, round: state.round, memo: picked.memo, inVivo: picked.inVivo, ...actor(),
    });
    window.getSelection().removeAllRanges();
    view.codings.set(added.coding.id, added.coding);
    view.chosen = added.coding.id;
    redrawRange(added.coding.fragment.startUtterance, added.coding.fragment.endUtterance);
    showCodingPanel(added.coding, panelContext());
    const result = added.result;
    toast(result.alreadyCoded
      ? `Already coded with '${result.code}'.`
      : `Coded with '${result.code}'${result.createdCode ? (picked.inVivo ? ' (new in-vivo code)' : ' (new code)') : ''}.`);
    if (result.createdCode) await refreshCodes();
    await view?.narrow.refresh();
  } catch (error) {
    fail(error);
  }
}

function onClick(event) {
  const edit = event.target.closest('button.edit-utt');
  if (edit) {
    editLine(Number(edit.closest('.utt').dataset.index));
    return;
  }
  const time = event.target.closest('button.seek[data-start]');
  if (time && view.player) {
    view.player.playFrom(Number(time.dataset.start));
    return;
  }
  const chip = event.target.closest('.chip[data-coding]');
  if (chip) {
    choose(Number(chip.dataset.coding));
    return;
  }
  const mark = event.target.closest('mark.coded');
  if (mark && window.getSelection().isCollapsed) {
    const ids = mark.dataset.codings.split(',').map(Number);
    const next = ids[(ids.indexOf(view.chosen) + 1) % ids.length];
    choose(next);
  }
}

// Editing -----------------------------------------------------------------------------------------

/** Edits the utterance the selection or cursor is in. */
function editCurrent() {
  const row = window.getSelection()?.anchorNode?.parentElement?.closest('.utt');
  if (!row || !view.list.contains(row)) {
    toast('Click in an utterance first (or use its ✎ button), then press e.');
    return;
  }
  editLine(Number(row.dataset.index));
}

function editLine(index) {
  const line = view?.lines.get(index);
  if (!line) return;
  const speakers = [...view.lines.values()].map((known) => known.speaker).filter(Boolean);
  const doc = view.doc.id;
  // An edit can renumber utterances: the page is loaded again around the edited one.
  editUtterance(doc, line, { speakers, after: () => go('transcript', doc, { at: index }) });
}

/**
 * Keys inside the transcript, so that a span can be selected and coded (c) without a mouse:
 * Enter or Space on a focused highlight chooses its coding; ← → move a caret through the text and
 * Shift+← → select (with Ctrl or Alt: by word); ↓ ↑ move the caret to the next or previous
 * utterance and Shift+↓ ↑ extend by a line. The caret starts in the focused highlight's utterance,
 * else the first one in view; until there is one, plain ↓ ↑ scroll.
 */
function onListKey(event) {
  const mark = event.target.closest?.('mark.coded');
  if (mark && (event.key === 'Enter' || event.key === ' ')) {
    event.preventDefault();
    onClick({ target: mark });
    return;
  }
  const directions = { ArrowRight: 'forward', ArrowLeft: 'backward', ArrowDown: 'forward', ArrowUp: 'backward' };
  if (!(event.key in directions) || event.metaKey) return;
  const vertical = event.key === 'ArrowDown' || event.key === 'ArrowUp';
  const selection = window.getSelection();
  const caret = selection.rangeCount > 0 && view.list.contains(selection.focusNode);
  if (vertical && !event.shiftKey) {
    const from = caret ? rowOf(selection.focusNode) : mark?.closest('.utt');
    if (!from) return;
    event.preventDefault();
    const step = event.key === 'ArrowDown' ? 'nextElementSibling' : 'previousElementSibling';
    let target = from[step];
    while (target && (target.hidden || !target.classList.contains('utt'))) target = target[step];
    const text = (target ?? from).querySelector('.utt-text');
    selection.collapse(text, 0);
    (target ?? from).scrollIntoView({ block: 'nearest' });
    updateToolbar();
    return;
  }
  if (!caret) {
    const start = (mark?.closest('.utt') ?? firstRowInView())?.querySelector('.utt-text');
    if (!start) return;
    selection.collapse(start, 0);
  }
  event.preventDefault();
  const granularity = vertical ? 'line' : event.ctrlKey || event.altKey ? 'word' : 'character';
  selection.modify(event.shiftKey ? 'extend' : 'move', directions[event.key], granularity);
  updateToolbar();
}

/** The utterance row holding a node. */
function rowOf(node) {
  return (node instanceof Element ? node : node?.parentElement)?.closest('.utt') ?? null;
}

/** The first utterance row whose top is inside the transcript's view. */
function firstRowInView() {
  const top = view.list.getBoundingClientRect().top;
  return [...view.list.querySelectorAll('.utt:not([hidden])')].find((row) => row.getBoundingClientRect().bottom > top + 4) ?? null;
}

function choose(id) {
  if (!view) return;
  const previous = view.chosen ? view.codings.get(view.chosen) : null;
  view.chosen = id;
  const coding = id ? view.codings.get(id) : null;
  if (previous) redrawRange(previous.fragment.startUtterance, previous.fragment.endUtterance);
  if (coding) redrawRange(coding.fragment.startUtterance, coding.fragment.endUtterance);
  showCodingPanel(coding, panelContext());
}

async function removeCoding(id) {
  const coding = view.codings.get(id);
  if (!coding) return;
  try {
    const removal = await api.delete(`/api/codings/${id}`, actor());
    view.codings.delete(id);
    view.chosen = null;
    redrawRange(coding.fragment.startUtterance, coding.fragment.endUtterance);
    showCodingPanel(null, panelContext());
    toast(`Removed the coding '${coding.code}'.`, { action: undoAction(removal.step, () => view && reloadCodings().catch(fail)) });
  } catch (error) {
    fail(error);
  }
}

// Playing the recording --------------------------------------------------------------------------

/** Marks the utterance being spoken at transcript time `seconds` and, when following, keeps it in view. */
function followRecording(seconds) {
  if (!view) return;
  const index = utteranceAt(view.lines, seconds);
  if (index === view.speaking) return;
  document.getElementById(`u${view.speaking}`)?.classList.remove('speaking');
  view.speaking = index;
  if (index === null) return;
  localStorage.setItem(view.placeKey, String(index));
  state.lastDocument = { id: view.doc.id, at: index };
  const row = document.getElementById(`u${index}`);
  row?.classList.add('speaking');
  if (row && view.player.following) {
    const box = view.list.getBoundingClientRect();
    const rect = row.getBoundingClientRect();
    if (rect.top < box.top || rect.bottom > box.bottom) row.scrollIntoView({ block: 'center' });
  }
}

/** Plays the selected passage, or the chosen coding's, from its first utterance's start to its last one's end. */
function replaySelection() {
  const fragment = currentFragment() ?? (view.chosen ? view.codings.get(view.chosen)?.fragment : null);
  if (!fragment) {
    toast('Select a passage, or choose a coding, to replay it.');
    return;
  }
  const first = view.lines.get(fragment.startUtterance);
  const last = view.lines.get(fragment.endUtterance);
  if (first?.start === null || first?.start === undefined) {
    toast(`Utterance ${fragment.startUtterance} has no time in the transcript.`);
    return;
  }
  const end = last?.end ?? (last ? nextStart(view.lines, last) : null);
  view.player.playFrom(first.start, end);
}

/** What the coding panel may do to the transcript. */
function panelContext() {
  return {
    container: view.side,
    textOf: (coding) => fragmentText(coding.fragment),
    updated: (coding) => {
      view.codings.set(coding.id, coding);
      redrawRange(coding.fragment.startUtterance, coding.fragment.endUtterance);
      showCodingPanel(coding, panelContext());
    },
    remove: (id) => removeCoding(id),
    reload: () => reloadCodings().catch(fail),
    close: () => choose(null),
    showCode: (name) => go('codes', null, { code: name }),
  };
}
