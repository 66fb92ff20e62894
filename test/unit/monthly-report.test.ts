// The monthly report's renderers and arithmetic, from a hand-made report: a CSV a spreadsheet pivots
// (codes beside labels, BOM, one block per table) and a printable page in Indonesian with inline charts,
// nothing to run or fetch, and no code in sight.
import type { MonthlyReport } from '../../api/reports/monthly';
import { medianDays, stageStays } from '../../api/reports/monthly';
import { csvField, csvFileName, monthlyReportCsv } from '../../api/reports/render-csv';
import { monthlyReportHtml } from '../../api/reports/render-html';
import { localMonth, monthWords } from '../../domain/local-time';

const report: MonthlyReport = {
  region: '64.72',
  month: '2026-03',
  from: '2026-02-28T16:00:00.000Z',
  to: '2026-03-31T16:00:00.000Z',
  generatedAt: '2026-04-02T01:30:00.000Z',
  opened: {
    total: 5,
    byCategory: [
      { code: 'odgj_terlantar', count: 3 },
      { code: 'lansia_terlantar', count: 2 },
      { code: 'anak_terlantar', count: 0 },
    ],
    byPathway: [
      { code: 'odgj', count: 3 },
      { code: 'shelter', count: 2 },
    ],
  },
  closed: { total: 2, byOutcome: [{ code: 'returned_to_family', count: 2 }, { code: 'deceased', count: 0 }], withdrawn: 1 },
  overdue: { count: 4, basis: 'month_end', asOf: '2026-03-31T16:00:00.000Z' },
  escalations: {
    total: 3,
    byLevel: [
      { code: '1', count: 2 },
      { code: '2', count: 1 },
      { code: '3', count: 0 },
    ],
    // A code this version has no words for, and markup where a code should be: shown, but escaped.
    byReason: [
      { code: 'deadline', count: 2 },
      { code: '<b>"x"</b>', count: 1 },
    ],
  },
  stageDays: [
    { stage: 'identification', stays: 3, medianDays: 0.5 },
    { stage: 'assessment', stays: 1, medianDays: 12.3 },
  ],
};

/** The text a reader sees: the page without its tags, styles and titles. */
const visible = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<title>[\s\S]*?<\/title>/g, '')
    .replace(/<[^>]+>/g, ' ');

test('the CSV opens with a BOM and has one block per table, codes beside labels', () => {
  const csv = monthlyReportCsv(report);
  expect(csv.startsWith('\uFEFFlaporan,kode_wilayah,')).toBe(true);
  const blocks = csv.slice(1).trimEnd().split('\r\n\r\n');
  expect(blocks).toHaveLength(8);
  expect(blocks[0]!.split('\r\n')[1]).toMatch(/^Laporan Bulanan Penanganan Kasus — 64\.72 Kalimantan Timur \(WITA\) — Maret 2026,64\.72,/);
  expect(blocks[0]).toContain('2 Apr 2026 09.30 WITA');
  const lines = csv.split('\r\n');
  expect(lines).toContain('opened_by_category,Kasus dibuka menurut kategori PPKS,odgj_terlantar,ODGJ terlantar,3');
  expect(lines).toContain('opened_by_pathway,Kasus dibuka menurut alur penanganan,shelter,rumah singgah,2');
  expect(lines).toContain('closed_by_outcome,Kasus ditutup menurut hasil penutupan,returned_to_family,kembali ke keluarga,2');
  expect(lines).toContain('summary,Ringkasan,withdrawn,kasus dibatalkan,1');
  expect(lines).toContain('escalations_by_level,Eskalasi menurut tingkat,2,tingkat 2 (Kepala Bidang),1');
  expect(lines).toContain('escalations_by_reason,Eskalasi menurut alasan,deadline,batas waktu langkah terlewat,2');
  expect(lines).toContain('escalations_by_reason,Eskalasi menurut alasan,"<b>""x""</b>","<b>""x""</b>",1');
  expect(lines).toContain('kode_bagian,bagian,kode,keterangan,jumlah_tahap_selesai,median_hari');
  expect(lines).toContain('median_days_by_stage,Median lama per tahap (hari),assessment,asesmen,1,12.3');
  expect(csvFileName(report)).toBe('sigap-laporan-64.72-2026-03.csv');
});

test('a CSV field is quoted when it must be and never starts a formula', () => {
  expect(csvField('a,b')).toBe('"a,b"');
  expect(csvField('say "hi"')).toBe('"say ""hi"""');
  expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
  expect(csvField(-1)).toBe('-1');
});

test('the page is Indonesian, self-contained and printable, with bar charts and escaped text', () => {
  const html = monthlyReportHtml(report);
  expect(html).toContain('<title>Laporan Bulanan Penanganan Kasus — 64.72 Kalimantan Timur (WITA) — Maret 2026</title>');
  expect(html).toContain('<html lang="id">');
  expect(html).toContain('@page { size: A4;');
  expect(html.match(/<svg /g)).toHaveLength(4);
  for (const words of ['ODGJ terlantar', 'rumah singgah', 'kembali ke keluarga', 'tingkat 1 (Kepala Seksi)', 'batas waktu langkah terlewat', 'identifikasi', '12,3']) {
    expect(html).toContain(words);
  }
  expect(html).toContain('Dibuat 2 Apr 2026 09.30 WITA');
  expect(html).toContain('1 kasus dibatalkan');
  expect(html).toContain('&lt;b&gt;&quot;x&quot;&lt;/b&gt;');
  expect(html).not.toContain('<b>');
  expect(html).not.toMatch(/<script|https?:\/\/|@import|url\(/i);
  expect(visible(html)).not.toMatch(/[a-z]+_[a-z_]+/);
});

test('a month with nothing in it says so instead of drawing empty charts', () => {
  const empty: MonthlyReport = {
    ...report,
    opened: { total: 0, byCategory: [{ code: 'odgj_terlantar', count: 0 }], byPathway: [{ code: 'odgj', count: 0 }] },
    closed: { total: 0, byOutcome: [{ code: 'other', count: 0 }], withdrawn: 0 },
    overdue: { count: 0, basis: 'now', asOf: report.generatedAt },
    escalations: { total: 0, byLevel: [{ code: '1', count: 0 }], byReason: [] },
    stageDays: [],
  };
  const html = monthlyReportHtml(empty);
  expect(html).not.toContain('<svg');
  expect(html).toContain('Tidak ada tahap yang selesai dalam bulan ini.');
  expect(html).toContain('melewati batas waktu (per 2 Apr 2026 09.30 WITA)');
});

test('months are counted in the region\'s zone', () => {
  expect(localMonth('2026-03', '64.72')).toEqual({ start: new Date('2026-02-28T16:00:00Z'), end: new Date('2026-03-31T16:00:00Z') });
  expect(localMonth('2026-12', '31.71').end).toEqual(new Date('2026-12-31T17:00:00Z'));
  expect(localMonth('2026-01', '91.01').start).toEqual(new Date('2025-12-31T15:00:00Z'));
  expect(monthWords('2026-08')).toBe('Agustus 2026');
});

test('the median stay per stage: the middle one, or the mean of the middle two, in days to one decimal', () => {
  const day = 86_400_000;
  expect(medianDays([3 * day, 1 * day, 2 * day])).toBe(2);
  expect(medianDays([1 * day, 2 * day])).toBe(1.5);
  expect(medianDays([0.04 * day])).toBe(0);
  const start = new Date('2026-03-01T00:00:00Z');
  const end = new Date('2026-04-01T00:00:00Z');
  const at = (iso: string) => new Date(iso);
  const a = { caseId: 'a', openedAt: at('2026-02-20T00:00:00Z') };
  const b = { caseId: 'b', openedAt: at('2026-03-01T00:00:00Z') };
  const stays = stageStays(
    [
      // Left identification before the month: only the assessment that ended in it counts.
      { ...a, at: at('2026-02-21T00:00:00Z'), from: 'identification' },
      { ...a, at: at('2026-03-03T12:00:00Z'), from: 'assessment' },
      { ...b, at: at('2026-03-02T00:00:00Z'), from: 'identification' },
      { ...b, at: at('2026-03-05T00:00:00Z'), from: 'assessment' },
      { ...b, at: at('2026-03-06T00:00:00Z'), from: 'closed' },
    ],
    start,
    end,
  );
  expect(stays).toEqual([
    { stage: 'identification', stays: 1, medianDays: 1 },
    { stage: 'assessment', stays: 2, medianDays: 6.8 },
  ]);
});
