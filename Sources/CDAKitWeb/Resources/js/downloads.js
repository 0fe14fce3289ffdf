// Downloads: the report in every format, coding sheets and the REFI-QDA project, made by the same
// library functions as `cda report`, `cda sheet export` and `cda export qdpx` and saved by the
// browser (the server answers with attachments; nothing is left on its disk).
import { state } from './state.js';
import { el } from './ui.js';

const REPORT = [
  ['md', 'report.md', 'Markdown'],
  ['html', 'report.html', 'HTML, self-contained'],
  ['csv', 'themes.csv', 'CSV: themes × groups'],
  ['csv', 'codes.csv', 'CSV: codes × groups'],
  ['json', 'report.json', 'JSON, every figure unrounded'],
  ['docx', 'report.docx', 'Word'],
  ['odt', 'report.odt', 'OpenDocument (LibreOffice)'],
];

const SHEETS = [
  [{ format: 'tsv' }, 'coding-sheet.tsv', 'every coding, tab-separated'],
  [{ format: 'xlsx' }, 'coding-sheet.xlsx', 'every coding, Excel workbook'],
  [{ format: 'tsv', uncoded: '1' }, 'uncoded-sheet.tsv', 'participants\' utterances without a coding, to fill in'],
];

function link(path, params, name, what) {
  const href = `${path}?${new URLSearchParams(params)}`;
  return el('li', {}, el('a', { href, download: name, class: 'download', dataset: { file: name } }, name), el('span', { class: 'muted small' }, ` — ${what}`));
}

/** The Downloads panel. */
export function downloadsPanel() {
  return el('section', { class: 'panel narrow downloads' },
    el('h2', {}, 'Downloads'),
    el('p', { class: 'muted small' }, 'The files hold participants\' words: keep them where only the research team can read them.'),
    el('h3', {}, 'Report (latest round, groups compared by their group attribute)'),
    el('ul', { class: 'plain' }, REPORT.map(([format, name, what]) => link('/api/export/report', format === 'csv' ? { format, file: name } : { format }, name, what))),
    el('h3', {}, 'Coding sheets'),
    el('ul', { class: 'plain' }, SHEETS.map(([params, name, what]) => link('/api/export/sheet', params, name, what))),
    el('h3', {}, 'Other QDA software (REFI-QDA)'),
    el('ul', { class: 'plain' }, link('/api/export/qdpx', {}, `${state.session.project}.qdpx`, 'the documents, codes, codings, memos and sets, for ATLAS.ti, MAXQDA, NVivo, QualCoder…')));
}
