// The Corpus screen: coverage per round and group, the documents by group and session, and a
// keyword-in-context search whose hits can all be coded at once.
import { api } from './api.js';
import { go } from './nav.js';
import { pickCode } from './picker.js';
import { reloadSession } from './session.js';
import { activeCodeNames, actor, refreshCodes, state } from './state.js';
import { dialog, el, fail, number, percent, replace, toast } from './ui.js';

let view = null;

export async function render(container) {
  const data = await api.get('/api/corpus');
  view = { container, data, search: null };
  const groups = [...new Set(data.documents.map((doc) => doc.group ?? '(no group)'))].sort();
  const searchForm = searchBox(groups);
  container.append(
    el('div', { class: 'columns corpus-columns' },
      el('section', { class: 'panel' },
        el('h2', {}, 'Documents'),
        documentList(data),
      ),
      el('div', { class: 'stack-panels' },
        el('section', { class: 'panel' }, el('h2', {}, 'Coverage'), coverage(data.status)),
        el('section', { class: 'panel search-panel' }, el('h2', {}, 'Search (keyword in context)'), searchForm, el('div', { id: 'search-results' })),
      )));
}

export function leave() {
  view = null;
}

export function onKey(event) {
  if (event.key === '/') {
    event.preventDefault();
    document.getElementById('search-input')?.focus();
  }
}

export async function refresh() {
  if (!view) return;
  const container = view.container;
  container.replaceChildren();
  await render(container);
}

function documentList(data) {
  const counts = new Map();
  for (const count of data.codingCounts) {
    const entry = counts.get(count.document) ?? { byRound: {} };
    entry.byRound[count.round] = count.fragments;
    counts.set(count.document, entry);
  }
  const byGroup = new Map();
  for (const doc of data.documents) {
    const group = doc.group ?? '(no group)';
    const session = doc.session ?? '';
    if (!byGroup.has(group)) byGroup.set(group, new Map());
    const sessions = byGroup.get(group);
    if (!sessions.has(session)) sessions.set(session, []);
    sessions.get(session).push(doc);
  }
  if (data.documents.length === 0) return el('p', { class: 'empty' }, 'No documents yet. Add transcripts with cda ingest.');
  const rounds = Array.from({ length: data.status.currentRound }, (_, i) => i + 1);
  return [...byGroup.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([group, sessions]) => el('div', { class: 'doc-group' },
    el('h3', {}, group),
    el('table', { class: 'grid documents' },
      el('thead', {}, el('tr', {},
        el('th', {}, 'document'), el('th', {}, 'session'), el('th', { class: 'num' }, 'utterances'), el('th', { class: 'num' }, 'speakers'),
        el('th', { class: 'num' }, 'words'), rounds.map((round) => el('th', { class: 'num', title: `fragments coded in round ${round}` }, `R${round} fragments`)))),
      el('tbody', {}, [...sessions.entries()].sort(([a], [b]) => a.localeCompare(b)).flatMap(([session, docs]) => docs.map((doc) => el('tr', {
        class: 'clickable',
        dataset: { document: doc.id },
        onclick: () => go('transcript', doc.id),
      },
      el('td', {}, el('a', { href: `#/transcript/${encodeURIComponent(doc.id)}`, class: 'doc-link' }, doc.title), el('div', { class: 'muted small' }, doc.id)),
      el('td', {}, session),
      el('td', { class: 'num' }, number(doc.utterances)),
      el('td', { class: 'num' }, number(doc.speakers)),
      el('td', { class: 'num' }, number(doc.words)),
      rounds.map((round) => el('td', { class: 'num' }, number(counts.get(doc.id)?.byRound[round] ?? 0)))))))),
  ));
}

function coverage(status) {
  const groups = status.rounds[0]?.groups.map((group) => group.group) ?? [];
  const table = el('table', { class: 'grid' },
    el('thead', {}, el('tr', {}, el('th', {}, 'round'), el('th', { class: 'num' }, 'codes'), el('th', { class: 'num' }, 'fragments'),
      groups.map((group) => el('th', { class: 'num', title: 'share of participant words inside coded fragments' }, `${group} coverage`)),
      el('th', { class: 'num' }, 'all'))),
    el('tbody', {}, status.rounds.map((round) => el('tr', {},
      el('td', {}, `Round ${round.round}`),
      el('td', { class: 'num' }, number(round.codes)),
      el('td', { class: 'num' }, number(round.fragments)),
      round.groups.map((group) => el('td', { class: 'num' }, coverageBar(group.coverage))),
      el('td', { class: 'num' }, coverageBar(round.coverage))))));
  const notes = [];
  if (status.currentRound >= 2) {
    notes.push(el('p', { class: 'muted small' },
      `Round 2 deepens: ${status.roundTwoThemes.join(', ') || 'all themes'}. It recoded ${status.recodedFragments} fragment(s) and added ${status.newFragments}; ${status.codesAddedInRoundTwo.length} code(s) are new in round 2.`));
  } else {
    notes.push(el('button', { type: 'button', onclick: startRoundTwo }, 'Start round 2…'));
  }
  return [table, ...notes];
}

function coverageBar(share) {
  const bar = el('span', { class: 'bar' }, el('span', { class: 'bar-fill', style: { width: `${Math.min(100, share * 100)}%` } }));
  return el('span', { class: 'coverage' }, bar, percent(share));
}

async function startRoundTwo() {
  let themes = [];
  try {
    themes = (await api.get('/api/themes')).themes;
  } catch (error) {
    fail(error);
  }
  const boxes = themes.map((theme) => el('label', { class: 'check' }, el('input', { type: 'checkbox', value: theme.id }), ` ${theme.label}`));
  const chosen = await dialog({
    title: 'Start round 2',
    body: el('div', {}, el('p', {}, 'Round 2 deepens chosen themes. New codings then go to round 2; round-1 codings stay.'),
      boxes.length ? boxes : el('p', { class: 'muted' }, 'No themes are loaded; round 2 will deepen all talk.')),
    buttons: [{ label: 'Start round 2', primary: true, value: (box) => [...box.querySelectorAll('input:checked')].map((input) => input.value) }],
  });
  if (chosen === null) return;
  try {
    await api.post('/api/rounds/start', { round: 2, themes: chosen });
    await reloadSession();
    toast('Round 2 started; new codings go to round 2.');
    refresh();
  } catch (error) {
    fail(error);
  }
}

function searchBox(groups) {
  const input = el('input', { id: 'search-input', type: 'search', 'aria-label': 'Search the corpus', placeholder: 'a word, a "phrase" or digitalis*', class: 'wide' });
  const group = el('select', { id: 'search-group', 'aria-label': 'Group' }, el('option', { value: '' }, 'all groups'), groups.map((name) => el('option', { value: name }, name)));
  const fold = el('input', { type: 'checkbox', id: 'search-fold' });
  const moderators = el('input', { type: 'checkbox', id: 'search-moderators' });
  const form = el('form', {
    class: 'search-form',
    onsubmit: (event) => {
      event.preventDefault();
      search({ q: input.value.trim(), group: group.value, fold: fold.checked, moderators: moderators.checked });
    },
  }, input, group,
  el('label', { class: 'check' }, fold, ' ignore accents'),
  el('label', { class: 'check' }, moderators, ' moderators too'),
  el('button', { type: 'submit', class: 'primary' }, 'Search'));
  return form;
}

async function search(params) {
  const results = document.getElementById('search-results');
  if (!params.q) return;
  try {
    const data = await api.get('/api/search', { ...params, limit: 300 });
    if (!view) return;
    view.search = params;
    const codeButton = el('button', { type: 'button', id: 'code-hits', disabled: data.total === 0, onclick: (event) => codeHits(event, params, data.total) },
      `Code these ${number(data.total)} hits…`);
    replace(results,
      el('div', { class: 'search-summary' }, el('span', {}, `${number(data.total)} hit(s) for `, el('strong', {}, data.pattern),
        data.total > data.lines.length ? ` (showing the first ${data.lines.length})` : ''), codeButton),
      el('table', { class: 'grid kwic', lang: state.session.language ?? undefined },
        el('tbody', {}, data.lines.map((line) => el('tr', {
          class: 'clickable',
          onclick: () => go('transcript', line.document, { at: line.utterance }),
        },
        el('td', { class: 'where' }, `${line.document}:${line.utterance}`, el('div', { class: 'muted small' }, `${line.speaker ?? '?'} · ${line.group ?? ''}`)),
        el('td', { class: 'left' }, line.left),
        el('td', { class: 'keyword' }, line.keyword),
        el('td', { class: 'right' }, line.right),
        el('td', { class: 'codes' }, line.codes.map((code) => el('span', { class: 'chip small' }, code))))))));
  } catch (error) {
    fail(error);
  }
}

async function codeHits(event, params, total) {
  const picked = await pickCode({
    anchor: event.currentTarget.getBoundingClientRect(),
    title: `Code all ${total} hits of '${params.q}' as…`,
    names: activeCodeNames(),
  });
  if (!picked) return;
  const confirmed = await dialog({
    title: 'Code every hit',
    body: el('p', {}, `Code all ${total} hits of '${params.q}' as '${picked.name}' in round ${state.round}? Hits already coded so are skipped; 'Undo' does not revert an import, remove codings in the transcript.`),
    buttons: [{ label: `Code ${total} hits`, value: true, primary: true }],
  });
  if (!confirmed) return;
  try {
    const result = await api.post('/api/search/code', {
      pattern: params.q, code: picked.name, group: params.group || null, foldDiacritics: params.fold, includeModerators: params.moderators,
      round: state.round, ...actor(),
    });
    toast(`Coded ${result.result.added} hit(s) as '${picked.name}' (${result.result.alreadyPresent} already coded).`);
    await refreshCodes();
    search(params);
  } catch (error) {
    fail(error);
  }
}
