// The Themes & report screen: each theme with its codes and per-group figures, the theme × group
// summaries to write, the HTML report (the one `cda report` writes) rendered in place, and downloads.
import { api } from './api.js';
import { pickCode } from './picker.js';
import { activeCodeNames, actor, refreshCodes } from './state.js';
import { el, fail, number, percent, replace, toast } from './ui.js';
import { downloadsPanel } from './downloads.js';

let view = null;

export async function render(container, { params }) {
  view = { container, tab: params.get('tab') ?? 'themes', body: el('div', { class: 'themes-body' }) };
  container.append(el('nav', { class: 'subtabs page-tabs' },
    [['themes', 'Themes'], ['report', 'Report'], ['downloads', 'Downloads']].map(([id, label]) => el('button', {
      type: 'button', class: view.tab === id ? 'active' : '', dataset: { tab: id },
      onclick: (event) => {
        view.tab = id;
        for (const button of container.querySelectorAll('.page-tabs button')) button.classList.toggle('active', button === event.currentTarget);
        draw().catch(fail);
      },
    }, label))), view.body);
  await draw();
}

export function leave() {
  view = null;
}

export async function refresh() {
  if (view) await draw();
}

async function draw() {
  if (view.tab === 'report') return drawReport();
  if (view.tab === 'downloads') return replace(view.body, downloadsPanel());
  const data = await api.get('/api/themes');
  if (!view) return;
  const report = data.report;
  if (data.themes.length === 0) {
    replace(view.body, el('section', { class: 'panel narrow' }, el('h2', {}, 'No themes yet'),
      el('p', {}, 'Load a codebook with themes: ', el('code', {}, 'cda themes load Codebooks/report-themes.yaml'), '. Then map codes to themes here or on the Codes screen.')));
    return;
  }
  const summaries = new Map(data.themes.map((theme) => [theme.id, theme]));
  replace(view.body,
    el('p', { class: 'muted small intro' }, `Round ${report.round} · groups by ${report.by} · moderators ${report.includes_moderators ? 'included' : 'left out'}. `,
      'Figures count fragments whose codes map to the theme; shares are of the group\'s words and participants.'),
    el('div', { class: 'theme-cards' }, report.themes.map((theme) => themeCard(theme, summaries.get(theme.id), report.groups))));
}

function themeCard(theme, summary, groups) {
  const codes = summary?.codes ?? [];
  return el('section', { class: 'panel theme-card', dataset: { theme: theme.id } },
    el('h2', {}, theme.label, ' ', el('span', { class: 'muted small' }, theme.id)),
    theme.description ? el('p', { class: 'small description', title: theme.description }, theme.description) : null,
    el('table', { class: 'grid figures' },
      el('thead', {}, el('tr', {}, el('th', {}, ''), groups.map((group) => el('th', { class: 'num' }, group.name)))),
      el('tbody', {},
        figureRow('fragments', groups, (cell) => number(cell?.fragments ?? 0), theme),
        figureRow('share of words', groups, (cell) => percent(cell?.share_of_words ?? 0), theme),
        figureRow('participants', groups, (cell, group) => `${cell?.participants ?? 0} of ${group.participants}`, theme))),
    theme.comparison ? el('p', { class: 'muted small' }, `G² ${theme.comparison.log_likelihood.toFixed(2)}`
      + (theme.comparison.log_ratio !== null && theme.comparison.log_ratio !== undefined ? ` · Log Ratio ${theme.comparison.log_ratio.toFixed(2)}` : '')
      + (theme.comparison.raised_more_by ? ` · raised more by ${theme.comparison.raised_more_by}` : '')) : null,
    el('div', { class: 'summaries' }, groups.map((group) => summaryEditor(theme, group))),
    el('h3', {}, `Codes (${codes.length}) `, el('button', { type: 'button', class: 'link', onclick: (event) => map(event, theme) }, '+ map a code')),
    el('div', { class: 'theme-codes' },
      codes.length === 0 ? el('span', { class: 'muted small' }, 'No codes mapped yet.') : codes.map((name) => el('span', { class: 'chip' }, name,
        el('button', { type: 'button', class: 'unmap', title: `Unmap '${name}'`, 'aria-label': `unmap ${name}`, onclick: () => unmap(name, theme.id) }, '×')))));
}

function figureRow(label, groups, value, theme) {
  return el('tr', {}, el('th', {}, label), groups.map((group) => el('td', { class: 'num' }, value(theme.groups[group.name], group))));
}

function summaryEditor(theme, group) {
  const text = theme.groups[group.name]?.summary ?? '';
  const area = el('textarea', { rows: 5, 'aria-label': `Summary for ${group.name}`, placeholder: `How did ${group.name} discuss this theme?`, dataset: { group: group.name } }, text);
  const status = el('span', { class: 'muted small' }, '');
  area.addEventListener('input', () => { status.textContent = 'unsaved'; });
  const save = async () => {
    try {
      await api.put('/api/themes/summary', { theme: theme.id, group: group.name, text: area.value, ...actor() });
      status.textContent = 'saved';
    } catch (error) {
      fail(error);
    }
  };
  area.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) save();
  });
  return el('label', { class: 'stack summary' }, el('span', {}, `Summary: ${group.name} `, status), area,
    el('span', { class: 'buttons' }, el('button', { type: 'button', onclick: save }, 'Save summary')));
}

async function map(event, theme) {
  const picked = await pickCode({
    anchor: event.currentTarget.getBoundingClientRect(), title: `Map a code to '${theme.label}'`, names: activeCodeNames(), allowCreate: false, action: 'Map',
  });
  if (!picked) return;
  try {
    const step = await api.post('/api/themes/map', { code: picked.name, theme: theme.id, ...actor() });
    toast(step.summary);
    await refreshCodes();
    await draw();
  } catch (error) {
    fail(error);
  }
}

async function unmap(name, theme) {
  try {
    const step = await api.post('/api/themes/unmap', { code: name, theme, ...actor() });
    toast(step.summary);
    await refreshCodes();
    await draw();
  } catch (error) {
    fail(error);
  }
}

function drawReport() {
  const round = el('select', { id: 'report-round', 'aria-label': 'Round' }, el('option', { value: '' }, 'latest round'), el('option', { value: '1' }, 'round 1'), el('option', { value: '2' }, 'round 2'));
  const frame = el('iframe', { class: 'report-frame', id: 'report-frame', title: 'Theme report', src: '/api/report.html' });
  round.addEventListener('change', () => {
    frame.src = `/api/report.html${round.value ? `?round=${round.value}` : ''}`;
  });
  replace(view.body,
    el('div', { class: 'report-tools' }, el('label', {}, 'Report for ', round),
      el('button', { type: 'button', onclick: () => { frame.src = frame.src; } }, 'Reload'),
      el('span', { class: 'muted small' }, 'The same report as cda report --format html: figures only, no participant text.')),
    frame);
}
