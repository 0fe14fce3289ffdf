// The transcript's filters: by speaker, participant group, code and coder. They combine; the
// server (CDAKit's TranscriptFilter) decides which utterances and codings remain and counts
// them, and the page hides the rest.
import { api } from './api.js';
import { el, fail, number, replace } from './ui.js';

const FIELDS = [
  ['speaker', 'Speaker', 'speakers'],
  ['group', 'Group', 'groups'],
  ['code', 'Code', 'codes'],
  ['coder', 'Coder', 'coders'],
];

/**
 * The filter bar for document `doc`; `changed` runs after a new result arrived (or the filters
 * were cleared). `shows(index)` and `showsCoding(id)` answer for the rows the page draws.
 */
export function createFilter(doc, changed) {
  const selects = Object.fromEntries(FIELDS.map(([key, label]) => [key, el('select', { id: `filter-${key}`, 'aria-label': `Filter by ${label.toLowerCase()}` })]));
  const status = el('span', { id: 'filter-status', class: 'muted small', role: 'status', 'aria-live': 'polite' });
  const clear = el('button', { type: 'button', id: 'filter-clear', hidden: true, onclick: () => reset() }, 'Clear filters');
  const element = el('div', { class: 'filter-bar', role: 'group', 'aria-label': 'Filters' },
    FIELDS.map(([key, label]) => el('label', { class: 'small' }, `${label} `, selects[key])), clear, status);
  const filter = { element, result: null, utterances: null, codings: null };

  const chosen = () => Object.fromEntries(FIELDS.map(([key]) => [key, selects[key].value]).filter(([, value]) => value));

  function fill(result) {
    for (const [key, label, list] of FIELDS) {
      const current = selects[key].value;
      replace(selects[key], el('option', { value: '' }, `any ${label.toLowerCase()}`), result[list].map((value) => el('option', { value }, value)));
      selects[key].value = result[list].includes(current) ? current : '';
    }
  }

  function describe(result) {
    const active = Object.entries(chosen());
    if (!active.length) {
      replace(status, '');
      return;
    }
    replace(status, `Filtered by ${active.map(([key, value]) => `${key} ${value}`).join(', ')}: `,
      el('strong', {}, `${number(result.utterances.length)} of ${number(result.totalUtterances)} utterances`),
      `, ${number(result.codings.length)} of ${number(result.totalCodings)} codings shown`);
  }

  async function run() {
    const conditions = chosen();
    try {
      const result = await api.get('/api/transcript/filter', { doc, ...conditions });
      filter.result = result;
      const active = Object.keys(conditions).length > 0;
      filter.utterances = active ? new Set(result.utterances) : null;
      filter.codings = active ? new Set(result.codings) : null;
      clear.hidden = !active;
      fill(result);
      describe(result);
      changed();
    } catch (error) {
      fail(error);
    }
  }

  function reset() {
    for (const [key] of FIELDS) selects[key].value = '';
    run();
  }

  for (const [key] of FIELDS) selects[key].addEventListener('change', run);
  filter.active = () => filter.utterances !== null;
  filter.shows = (index) => filter.utterances === null || filter.utterances.has(index);
  filter.showsCoding = (id) => filter.codings === null || filter.codings.has(id);
  /** Asks again (after a coding was added or removed), keeping the choices. */
  filter.refresh = () => (filter.active() ? run() : Promise.resolve());
  filter.load = run;
  filter.reset = reset;
  return filter;
}
