// The monthly report as CSV for a spreadsheet: one block per table, each with its header row, codes beside
// labels (a pivot keeps working whatever the labels say), a UTF-8 byte order mark so Excel reads the
// Indonesian text as UTF-8, and CRLF line ends (RFC 4180).
import { regionWords } from '../../domain/case/ui-texts';
import { monthWords, zoneOf } from '../../domain/local-time';
import type { MonthlyReport } from './monthly';
import { countTables, generatedWords, reportTitle, STAGE_DAYS_TITLE, stageRows } from './words';

const BOM = '\uFEFF';

/** One field: quoted when it must be, and never read by a spreadsheet as a formula. */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (fields: (string | number)[]) => fields.map(csvField).join(',');

export function monthlyReportCsv(r: MonthlyReport): string {
  const blocks: string[][] = [
    [
      line(['laporan', 'kode_wilayah', 'wilayah', 'zona', 'bulan', 'nama_bulan', 'dibuat', 'dibuat_utc']),
      line([reportTitle(r), r.region, regionWords(r.region), zoneOf(r.region), r.month, monthWords(r.month), generatedWords(r), r.generatedAt]),
    ],
    ...countTables(r).map((t) => [
      line(['kode_bagian', 'bagian', 'kode', 'keterangan', 'jumlah']),
      ...t.rows.map((row) => line([t.key, t.title, row.code, row.label, row.count])),
    ]),
    [
      line(['kode_bagian', 'bagian', 'kode', 'keterangan', 'jumlah_tahap_selesai', 'median_hari']),
      ...stageRows(r).map((s) => line(['median_days_by_stage', STAGE_DAYS_TITLE, s.code, s.label, s.stays, s.medianDays.toFixed(1)])),
    ],
  ];
  return `${BOM}${blocks.map((b) => b.join('\r\n')).join('\r\n\r\n')}\r\n`;
}

export const csvFileName = (r: Pick<MonthlyReport, 'region' | 'month'>) => `sigap-laporan-${r.region}-${r.month}.csv`;
