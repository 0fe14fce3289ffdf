// The Codes screen: the code tree with fragments per group and round, consolidation (drag to
// nest, rename, merge with a preview, retire, split), history with undo, merge suggestions,
// theme mapping, code memos, and every fragment of a code in context.
import { api } from './api.js';
import { go } from './nav.js';
import { pickCode } from './picker.js';
import { activeCodeNames, actor, refreshCodes } from './state.js';
import { reassignAfterSplit } from './split.js';
import { showCodeDetail } from './codes-detail.js';
import { latestStep, undoAction, undoStep } from './undo.js';
import { dialog, el, fail, number, prompt, replace, swatch, toast } from './ui.js';

let view = null;

export async function render(container, { params }) {
  const data = await refreshCodes();
  view = {
    container, data, selected: params.get('code') ?? view?.selected ?? null, checked: new Set(), tab: params.get('tab') ?? 'code',
    filter: '', showInactive: false,
    collapsed: new Set(JSON.parse(localStorage.getItem('cda.codes.collapsed') ?? '[]')),
  };
  const filter = el('input', { type: 'search', id: 'code-filter', 'aria-label': 'Filter codes', placeholder: 'Filter codes  /', class: 'wide' });
  filter.addEventListener('input', () => {
    view.filter = filter.value;
    drawTree();
  });
  const inactive = el('input', { type: 'checkbox', id: 'show-inactive' });
  inactive.addEventListener('change', () => {
    view.showInactive = inactive.checked;
    drawTree();
  });
  view.mergeChecked = el('button', { type: 'button', id: 'merge-checked', disabled: true, onclick: mergeChecked }, 'Merge checked…');
  view.tree = el('div', { class: 'tree-wrap' });
  view.side = el('section', { class: 'panel codes-side' });
  container.append(el('div', { class: 'codes-layout' },
    el('section', { class: 'panel codes-tree-panel' },
      el('div', { class: 'tree-tools' }, filter, el('label', { class: 'check' }, inactive, ' merged & retired'), view.mergeChecked),
      view.tree,
      el('div', { class: 'drop-top', id: 'drop-top' }, 'Drop a code here to move it to the top level')),
    view.side));
  setUpTopDrop(container.querySelector('#drop-top'));
  drawTree();
  drawSide();
  view.tree.querySelector('tr.code-row.selected')?.scrollIntoView({ block: 'center' });
}

export function leave() {
  view = null;
}

export async function refresh() {
  if (!view) return;
  view.data = await refreshCodes();
  if (view.selected && !view.data.codes.some((code) => code.name === view.selected && code.status === 'active')) {
    view.selected = view.data.codes.find((code) => code.name === view.selected)?.name ?? null;
  }
  drawTree();
  drawSide();
}

export function onKey(event) {
  if (!view) return;
  if (event.key === '/') {
    event.preventDefault();
    document.getElementById('code-filter')?.focus();
  } else if (event.key === 'u') {
    event.preventDefault();
    undoLast();
  } else if (event.key === 'Escape') {
    view.checked.clear();
    drawTree();
  }
}

// The tree ---------------------------------------------------------------------------------------

function columns() {
  const groups = new Set();
  for (const figure of view.data.figures) for (const entry of figure.groups) groups.add(entry.group);
  const rounds = Array.from({ length: view.data.currentRound }, (_, i) => i + 1);
  return { groups: [...groups].sort(), rounds };
}

function drawTree() {
  const { groups, rounds } = columns();
  const figures = new Map(view.data.figures.map((figure) => [figure.codeID, figure]));
  const shown = view.data.codes.filter((code) => view.showInactive || code.status === 'active');
  const byName = new Map(shown.map((code) => [code.name, code]));
  const children = new Map();
  for (const code of shown) {
    const parent = code.parent && byName.has(code.parent) && code.parent !== code.name ? code.parent : null;
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(code);
  }
  const query = view.filter.trim().toLowerCase();
  const matches = (code) => !query || code.name.toLowerCase().includes(query);
  const keep = (code) => matches(code) || (children.get(code.name) ?? []).some(keep);
  const order = (a, b) => (a.status === 'active' ? 0 : 1) - (b.status === 'active' ? 0 : 1) || a.name.localeCompare(b.name);
  const body = el('tbody', {});
  const visit = (parent, depth, seen) => {
    for (const code of (children.get(parent) ?? []).sort(order)) {
      if (seen.has(code.name) || !keep(code)) continue;
      seen.add(code.name);
      const branch = (children.get(code.name) ?? []).some(keep);
      // A filter opens every branch, so that what matches is in view.
      const open = !branch || query !== '' || !view.collapsed.has(code.name);
      body.append(treeRow(code, depth, figures.get(code.id), groups, rounds, branch ? open : null));
      body.lastElementChild.setAttribute('aria-level', String(depth + 1));
      if (open) visit(code.name, depth + 1, seen);
    }
  };
  visit(null, 0, new Set());
  const active = view.data.codes.filter((code) => code.status === 'active').length;
  replace(view.tree,
    el('table', { class: 'grid tree', role: 'treegrid', 'aria-label': 'Code tree' },
      el('thead', {}, el('tr', {},
        el('th', {}, ''), el('th', {}, `code (${active} active)`), el('th', { class: 'num', title: 'distinct fragments' }, 'fragments'),
        groups.map((group) => el('th', { class: 'num', title: `fragments in ${group}'s talk` }, group)),
        rounds.map((round) => el('th', { class: 'num', title: `fragments coded in round ${round}` }, `R${round}`)))),
      body),
    body.children.length === 0 ? el('p', { class: 'empty' }, query ? 'No code matches the filter.' : 'No codes yet: code a passage in a transcript.') : null);
  view.mergeChecked.disabled = view.checked.size < 2;
  view.mergeChecked.textContent = view.checked.size >= 2 ? `Merge ${view.checked.size} checked…` : 'Merge checked…';
}

/** Opens or closes a branch of the tree; which are closed is kept in this browser. */
function toggleBranch(name) {
  if (view.collapsed.has(name)) view.collapsed.delete(name);
  else view.collapsed.add(name);
  localStorage.setItem('cda.codes.collapsed', JSON.stringify([...view.collapsed]));
  drawTree();
}

/** The fragments cell: the code's own count and, for a parent, its branch's (fragments coded with it or any code below, each once). */
function fragmentsCell(code, branch) {
  if (branch === null) return el('td', { class: 'num' }, number(code.fragments));
  return el('td', { class: 'num', title: `${number(code.fragments)} coded with '${code.name}' itself; ${number(code.branchFragments)} with it or a code below it` },
    number(code.fragments), el('span', { class: 'branch-count' }, ` Σ ${number(code.branchFragments)}`));
}

/** One code's row; `branch` is null for a code without children shown, else whether its branch is open. */
function treeRow(code, depth, figure, groups, rounds, branch = null) {
  const count = (list, key, value) => list?.find((entry) => entry[key] === value)?.fragments ?? 0;
  const box = el('input', { type: 'checkbox', checked: view.checked.has(code.name), disabled: code.status !== 'active', 'aria-label': `check ${code.name}` });
  box.addEventListener('click', (event) => event.stopPropagation());
  box.addEventListener('change', () => {
    if (box.checked) view.checked.add(code.name);
    else view.checked.delete(code.name);
    view.mergeChecked.disabled = view.checked.size < 2;
    view.mergeChecked.textContent = view.checked.size >= 2 ? `Merge ${view.checked.size} checked…` : 'Merge checked…';
  });
  const row = el('tr', {
    class: `code-row ${code.status}${code.name === view.selected ? ' selected' : ''}`,
    dataset: { code: code.name },
    draggable: code.status === 'active' ? 'true' : 'false',
    onclick: () => select(code.name),
    onkeydown: (event) => treeKey(event, code.name, branch),
    tabindex: '0',
    role: 'row',
    'aria-selected': String(code.name === view.selected),
    'aria-expanded': branch === null ? undefined : String(branch),
  },
  el('td', {}, box),
  el('td', {}, el('div', { class: 'code-name' },
    el('span', { class: 'indent', style: { width: `${depth * 18}px` } }),
    branch === null ? el('span', { class: 'twisty' }) : el('button', {
      type: 'button', class: 'twisty', 'aria-expanded': String(branch), 'aria-label': `${branch ? 'collapse' : 'expand'} ${code.name}`,
      title: branch ? 'Collapse this branch' : 'Expand this branch',
      onclick: (event) => { event.stopPropagation(); toggleBranch(code.name); },
    }, branch ? '▾' : '▸'),
    swatch(code.color),
    el('span', { class: 'name' }, code.name),
    code.origin === 'in-vivo' ? el('span', { class: 'tag', title: 'in-vivo: the participants\' own words' }, 'in vivo') : null,
    code.status === 'merged' ? el('span', { class: 'muted small' }, ` → ${code.mergedInto ?? '?'}`) : null,
    code.status === 'retired' ? el('span', { class: 'tag' }, 'retired') : null,
    code.themes.length ? el('span', { class: 'muted small themes-note', title: `themes: ${code.themes.join(', ')}` }, ` ◆${code.themes.length}`) : null)),
  fragmentsCell(code, branch),
  groups.map((group) => el('td', { class: 'num' }, number(count(figure?.groups, 'group', group)))),
  rounds.map((round) => el('td', { class: 'num' }, number(count(figure?.rounds, 'round', round)))));
  if (code.status === 'active') setUpDrag(row, code.name);
  return row;
}

/**
 * Keys on a focused row of the tree: Enter or Space opens the code, → and ← open and close its
 * branch, ↓ and ↑ go to the next and previous row, Home and End to the first and last.
 */
function treeKey(event, name, branch) {
  if (event.target !== event.currentTarget) return;
  const rows = [...view.tree.querySelectorAll('tr.code-row')];
  const at = rows.indexOf(event.currentTarget);
  let focus = name;
  if (event.key === 'Enter' || event.key === ' ') select(name);
  else if (event.key === 'ArrowRight' && branch === false) toggleBranch(name);
  else if (event.key === 'ArrowLeft' && branch === true) toggleBranch(name);
  else if (event.key === 'ArrowDown' && at < rows.length - 1) focus = rows[at + 1].dataset.code;
  else if (event.key === 'ArrowUp' && at > 0) focus = rows[at - 1].dataset.code;
  else if (event.key === 'Home' && rows.length) focus = rows[0].dataset.code;
  else if (event.key === 'End' && rows.length) focus = rows[rows.length - 1].dataset.code;
  else return;
  event.preventDefault();
  event.stopPropagation();
  [...view.tree.querySelectorAll('tr.code-row')].find((row) => row.dataset.code === focus)?.focus();
}

function setUpDrag(row, name) {
  row.addEventListener('dragstart', (event) => {
    event.dataTransfer.setData('text/plain', name);
    event.dataTransfer.effectAllowed = 'move';
    row.classList.add('dragging');
  });
  row.addEventListener('dragend', () => row.classList.remove('dragging'));
  row.addEventListener('dragover', (event) => {
    event.preventDefault();
    row.classList.add('drop-target');
  });
  row.addEventListener('dragleave', () => row.classList.remove('drop-target'));
  row.addEventListener('drop', (event) => {
    event.preventDefault();
    row.classList.remove('drop-target');
    const dragged = event.dataTransfer.getData('text/plain');
    if (dragged && dragged !== name) move(dragged, name);
  });
}

function setUpTopDrop(zone) {
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('drop-target');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('drop-target'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('drop-target');
    const dragged = event.dataTransfer.getData('text/plain');
    if (dragged) move(dragged, null);
  });
}

function select(name) {
  view.selected = name;
  view.tab = 'code';
  drawTree();
  drawSide();
}

// The side: code, history, suggestions ------------------------------------------------------------

function drawSide() {
  const tabs = [['code', 'Code'], ['history', 'History'], ['suggestions', 'Merge suggestions']];
  const body = el('div', { class: 'side-body' });
  replace(view.side,
    el('nav', { class: 'subtabs' }, tabs.map(([id, label]) => el('button', {
      type: 'button', class: view.tab === id ? 'active' : '', dataset: { tab: id },
      onclick: () => {
        view.tab = id;
        drawSide();
      },
    }, label))),
    body);
  if (view.tab === 'history') drawHistory(body).catch(fail);
  else if (view.tab === 'suggestions') drawSuggestions(body).catch(fail);
  else {
    const code = view.data.codes.find((candidate) => candidate.name === view.selected && candidate.status === 'active')
      ?? view.data.codes.find((candidate) => candidate.name === view.selected);
    showCodeDetail(body, code, {
      figures: view.data.figures.find((figure) => figure.codeID === code?.id),
      rename, mergeInto, move, retire, split, recolor, changed: refresh,
      openFragment: (fragment) => go('transcript', fragment.documentID, { at: fragment.startUtterance }),
    }).catch(fail);
  }
}

async function drawHistory(body) {
  const history = await api.get('/api/history');
  if (!view) return;  // the screen was left while the history loaded
  const last = [...history].reverse().find((entry) => !entry.undoneAt);
  view.historyLast = last ?? null;
  replace(body,
    el('div', { class: 'buttons' }, el('button', { type: 'button', class: 'primary', id: 'undo-last', disabled: !last, onclick: undoLast },
      last ? 'Undo: ' : 'Nothing to undo', last ? el('span', {}, last.summary) : null, ' ', el('kbd', {}, 'u'))),
    history.length === 0 ? el('p', { class: 'empty' }, 'No steps yet.') : el('ol', { class: 'history', reversed: true },
      [...history].reverse().map((entry) => el('li', { class: entry.undoneAt ? 'undone' : '' },
        el('div', {}, el('span', { class: 'tag' }, entry.kind), ' ', entry.summary),
        el('div', { class: 'muted small' }, `#${entry.id} · ${entry.actor} · ${entry.at.replace('T', ' ').replace('Z', '')}`,
          entry.reason ? ` · “${entry.reason}”` : '', entry.undoneAt ? ' · undone' : '')))));
}

async function drawSuggestions(body) {
  replace(body, el('p', { class: 'muted' }, 'Looking for codes that may mean the same…'));
  const suggestions = await api.get('/api/suggestions/merges', { limit: 40 });
  replace(body,
    el('p', { class: 'muted small' }, 'Pairs of codes with similar names or overlapping fragments. Nothing changes until you merge.'),
    suggestions.length === 0 ? el('p', { class: 'empty' }, 'No suggestions.') : el('ul', { class: 'suggestions' }, suggestions.map((pair) => el('li', {},
      el('div', {}, el('strong', {}, pair.first), ' ↔ ', el('strong', {}, pair.second), el('span', { class: 'muted small' }, `  score ${pair.score.toFixed(2)}`)),
      el('div', { class: 'muted small' }, pair.reasons.join('; ')),
      el('div', { class: 'buttons compact' },
        el('button', { type: 'button', onclick: () => mergeFlow([pair.second], pair.first) }, `Merge into '${pair.first}'`),
        el('button', { type: 'button', onclick: () => mergeFlow([pair.first], pair.second) }, `Merge into '${pair.second}'`))))));
}

// Steps ------------------------------------------------------------------------------------------

/** Runs a step; its message's Undo undoes that very step (`stepOf` finds its id in the answer). */
async function run(call, message, stepOf = (result) => result.id) {
  try {
    const result = await call();
    toast(message(result), { action: undoAction(stepOf(result), refresh) });
    await refresh();
    return result;
  } catch (error) {
    fail(error);
    return null;
  }
}

/** Undoes the step the History tab shows (or, elsewhere, the latest step). */
async function undoLast() {
  try {
    const last = view?.tab === 'history' && view.historyLast ? view.historyLast : await latestStep();
    if (!last) {
      toast('Nothing to undo.');
      return;
    }
    if (await undoStep(last.id)) await refresh();
  } catch (error) {
    fail(error);
  }
}

async function rename(name) {
  const to = await prompt(`Rename '${name}'`, { label: 'New name', value: name, action: 'Rename' });
  if (!to || to === name) return;
  const result = await run(() => api.post('/api/codes/rename', { code: name, to, ...actor() }), (step) => step.summary);
  if (result) {
    view.selected = to;
    drawTree();
    drawSide();
  }
}

async function mergeInto(name, anchor) {
  const picked = await pickCode({
    anchor, title: `Merge '${name}' into…`, names: activeCodeNames().filter((other) => other !== name), action: 'Preview',
  });
  if (picked) await mergeFlow([name], picked.name);
}

async function mergeChecked(event) {
  const names = [...view.checked];
  const picked = await pickCode({
    anchor: event.currentTarget.getBoundingClientRect(), title: `Merge ${names.length} codes into…`, names: activeCodeNames(), initial: names[0], action: 'Preview',
  });
  if (picked) await mergeFlow(names, picked.name);
}

/** Previews a merge, asks, and merges. */
async function mergeFlow(sources, target) {
  let preview;
  try {
    preview = await api.post('/api/codes/merge/preview', { codes: sources, into: target });
  } catch (error) {
    fail(error);
    return;
  }
  const result = preview.result;
  const reason = el('input', { type: 'text', class: 'wide', id: 'merge-reason', 'aria-label': 'Reason for the merge', placeholder: 'why (kept in the history)' });
  const confirmed = await dialog({
    title: 'Merge codes',
    body: el('div', { class: 'merge-preview' },
      el('p', {}, 'Merge ', result.merged.map((name, i) => [i ? ', ' : '', el('strong', {}, name)]), ' into ', el('strong', {}, result.target),
        result.createdTarget ? ' (a new code)' : '', '.'),
      el('ul', {},
        el('li', { id: 'preview-fragments' }, `${number(preview.fragmentsMoving)} fragment(s) move to '${result.target}', which goes from ${number(preview.targetFragmentsBefore)} to ${number(preview.targetFragmentsAfter)} fragments.`),
        el('li', {}, `${number(result.movedCodings)} coding(s) move; ${number(result.collapsedCodings)} identical coding(s) collapse into one.`),
        el('li', {}, 'Sub-codes and theme mappings follow; the merged codes stay in the lineage. Undo reverts it exactly.')),
      el('label', { class: 'stack' }, 'Reason', reason)),
    buttons: [{ label: 'Merge', value: () => reason.value.trim(), primary: true }],
  });
  if (confirmed === null) return;
  const merged = await run(() => api.post('/api/codes/merge', { codes: sources, into: target, reason: confirmed || null, ...actor() }),
    (done) => `Merged ${done.merged.map((name) => `'${name}'`).join(', ')} into '${done.target}': ${done.movedCodings} coding(s) moved.`,
    (done) => done.step);
  if (merged) {
    view.checked.clear();
    view.selected = merged.target;
    drawTree();
    drawSide();
  }
}

async function move(name, parent) {
  await run(() => api.post('/api/codes/move', { code: name, under: parent, ...actor() }), (step) => step.summary);
}

async function recolor(name, color) {
  await run(() => api.post('/api/codes/color', { code: name, color, ...actor() }), (step) => step.summary);
}

async function retire(name) {
  const confirmed = await dialog({
    title: `Retire '${name}'?`,
    body: el('p', {}, 'A retired code keeps its codings but counts for no theme and takes no new codings. Undo brings it back.'),
    buttons: [{ label: 'Retire', value: true, primary: true }],
  });
  if (confirmed) await run(() => api.post('/api/codes/retire', { code: name, ...actor() }), (step) => step.summary);
}

async function split(name) {
  const answer = await prompt(`Split '${name}'`, { label: 'New codes, separated by commas', placeholder: 'first aspect, second aspect', action: 'Split' });
  if (!answer) return;
  const names = answer.split(',').map((part) => part.trim()).filter(Boolean);
  const result = await run(() => api.post('/api/codes/split', { code: name, into: names, ...actor() }),
    (done) => `Created ${done.created.map((created) => `'${created}'`).join(', ')}.`, (done) => done.step);
  if (result && (await reassignAfterSplit(result)) > 0) await refresh();
}
