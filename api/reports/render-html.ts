// The monthly report as a page a Kabid prints (A4) or saves and sends on: Indonesian words only, every
// style and chart inline, no script and nothing fetched from elsewhere, so it reads the same offline.
import type { MonthlyReport } from './monthly';
import { barChart, escapeXml as esc } from './svg';
import type { Table } from './words';
import {
  closedByOutcome,
  escalationsByLevel,
  escalationsByReason,
  generatedWords,
  METHOD_NOTES,
  openedByCategory,
  openedByPathway,
  reportTitle,
  STAGE_DAYS_TITLE,
  stageRows,
  summary,
} from './words';

const STYLE = `
@page { size: A4; margin: 16mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1d2a33; margin: 24px auto; max-width: 760px; font-size: 13px; line-height: 1.45; }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 15px; margin: 0 0 8px; border-bottom: 1px solid #c9d3da; padding-bottom: 3px; }
.meta { color: #52616b; margin: 0 0 18px; }
section { margin: 0 0 20px; break-inside: avoid; page-break-inside: avoid; }
.cards { display: grid; grid-template-columns: repeat(5, 1fr); gap: 8px; }
.card { border: 1px solid #c9d3da; border-radius: 4px; padding: 8px; }
.card .n { font-size: 22px; font-weight: 600; display: block; }
.card .w { color: #52616b; font-size: 11.5px; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #e1e7eb; padding: 4px 6px; text-align: left; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.chart .label { font-size: 12px; fill: #1d2a33; }
.chart .value { font-size: 12px; fill: #1d2a33; font-variant-numeric: tabular-nums; }
.chart .bar { fill: #2f6f8f; }
.chart .axis { stroke: #8a9aa5; stroke-width: 1; }
.note { color: #52616b; font-size: 11.5px; }
.empty { color: #52616b; font-style: italic; }
footer { color: #52616b; font-size: 11px; border-top: 1px solid #c9d3da; padding-top: 6px; }
@media print {
  body { margin: 0; max-width: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}`;

/** Days the Indonesian way: one decimal, a decimal comma. */
export const daysWords = (days: number) => days.toFixed(1).replace('.', ',');

const heading = (title: string) => `<h2>${esc(title)}</h2>`;

function chartSection(t: Table, note = ''): string {
  const total = t.rows.reduce((n, r) => n + r.count, 0);
  const body = total === 0 ? '<p class="empty">Tidak ada dalam bulan ini.</p>' : barChart(t.rows.map((r) => ({ label: r.label, value: r.count })), t.title);
  return `<section>${heading(t.title)}${body}${note ? `<p class="note">${esc(note)}</p>` : ''}</section>`;
}

function tableSection(t: Table): string {
  if (t.rows.length === 0) return `<section>${heading(t.title)}<p class="empty">Tidak ada dalam bulan ini.</p></section>`;
  const rows = t.rows.map((r) => `<tr><td>${esc(r.label)}</td><td class="num">${r.count}</td></tr>`).join('');
  return `<section>${heading(t.title)}<table><thead><tr><th>Alasan</th><th class="num">Jumlah</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function summarySection(r: MonthlyReport): string {
  const t = summary(r);
  const cards = t.rows.map((row) => `<div class="card"><span class="n">${row.count}</span><span class="w">${esc(row.label)}</span></div>`).join('');
  return `<section>${heading(t.title)}<div class="cards">${cards}</div></section>`;
}

function stageSection(r: MonthlyReport): string {
  const rows = stageRows(r);
  if (rows.length === 0) return `<section>${heading(STAGE_DAYS_TITLE)}<p class="empty">Tidak ada tahap yang selesai dalam bulan ini.</p></section>`;
  const body = rows.map((s) => `<tr><td>${esc(s.label)}</td><td class="num">${s.stays}</td><td class="num">${daysWords(s.medianDays)}</td></tr>`).join('');
  return [
    `<section>${heading(STAGE_DAYS_TITLE)}<table>`,
    '<thead><tr><th>Tahap</th><th class="num">Tahap selesai</th><th class="num">Median (hari)</th></tr></thead>',
    `<tbody>${body}</tbody></table></section>`,
  ].join('');
}

export function monthlyReportHtml(r: MonthlyReport): string {
  const title = reportTitle(r);
  const withdrawn = `Di luar hitungan ini, ${r.closed.withdrawn} kasus dibatalkan.`;
  return [
    '<!doctype html>',
    '<html lang="id">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${esc(title)}</h1><p class="meta">Dibuat ${esc(generatedWords(r))} dari data Sigap (tanpa data pribadi).</p></header>`,
    summarySection(r),
    chartSection(openedByCategory(r)),
    chartSection(openedByPathway(r), 'Alur penanganan sebagaimana tercatat sekarang (setelah keputusan Kepala Seksi).'),
    chartSection(closedByOutcome(r), withdrawn),
    chartSection(escalationsByLevel(r)),
    tableSection(escalationsByReason(r)),
    stageSection(r),
    `<footer><p>Catatan:</p><ul>${METHOD_NOTES.map((n) => `<li>${esc(n)}</li>`).join('')}</ul></footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
