// The monthly report in words: its title and each table with its rows labelled from the one label
// catalogue, so the CSV and the page say the same thing in the same order.
import { regionWords } from '../../domain/case/ui-texts';
import { escalationWords, label } from '../../domain/labels';
import { localTime, monthWords } from '../../domain/local-time';
import type { Count, MonthlyReport } from './monthly';

export interface Row {
  code: string;
  label: string;
  count: number;
}

export interface Table {
  /** A stable key for the section (the CSV's kode_bagian). */
  key: string;
  title: string;
  rows: Row[];
}

export interface StageRow {
  code: string;
  label: string;
  stays: number;
  medianDays: number;
}

/** Who each level of the ladder reaches (domain/ladder.ts). */
const LEVEL_ROLE: Record<string, string> = { '1': 'kasi', '2': 'kabid', '3': 'kadis' };

export const levelWords = (level: string) => `tingkat ${level}${LEVEL_ROLE[level] ? ` (${label('practiceRole', LEVEL_ROLE[level])})` : ''}`;

export function reportTitle(r: MonthlyReport): string {
  return `Laporan Bulanan Penanganan Kasus — ${regionWords(r.region)} — ${monthWords(r.month)}`;
}

export const generatedWords = (r: MonthlyReport) => localTime(r.generatedAt, r.region);

function overdueWords(r: MonthlyReport): string {
  return r.overdue.basis === 'now'
    ? `kasus berjalan yang melewati batas waktu (per ${localTime(r.overdue.asOf, r.region)})`
    : 'kasus yang masih berjalan dan sudah melewati batas waktu sebelum akhir bulan';
}

export function summary(r: MonthlyReport): Table {
  return {
    key: 'summary',
    title: 'Ringkasan',
    rows: [
      { code: 'opened', label: 'kasus dibuka', count: r.opened.total },
      { code: 'closed', label: `kasus ${label('status', 'closed')}`, count: r.closed.total },
      { code: 'withdrawn', label: `kasus ${label('status', 'withdrawn')}`, count: r.closed.withdrawn },
      { code: 'overdue', label: overdueWords(r), count: r.overdue.count },
      { code: 'escalations_raised', label: 'eskalasi yang muncul atau naik tingkat', count: r.escalations.total },
    ],
  };
}

const rows = (counts: Count[], words: (code: string) => string): Row[] => counts.map((c) => ({ code: c.code, label: words(c.code), count: c.count }));

export const openedByCategory = (r: MonthlyReport): Table => ({
  key: 'opened_by_category',
  title: 'Kasus dibuka menurut kategori PPKS',
  rows: rows(r.opened.byCategory, (c) => label('category', c)),
});

export const openedByPathway = (r: MonthlyReport): Table => ({
  key: 'opened_by_pathway',
  title: 'Kasus dibuka menurut alur penanganan',
  rows: rows(r.opened.byPathway, (c) => label('pathway', c)),
});

export const closedByOutcome = (r: MonthlyReport): Table => ({
  key: 'closed_by_outcome',
  title: 'Kasus ditutup menurut hasil penutupan',
  rows: rows(r.closed.byOutcome, (c) => label('closureOutcome', c)),
});

export const escalationsByLevel = (r: MonthlyReport): Table => ({
  key: 'escalations_by_level',
  title: 'Eskalasi menurut tingkat',
  rows: rows(r.escalations.byLevel, levelWords),
});

export const escalationsByReason = (r: MonthlyReport): Table => ({
  key: 'escalations_by_reason',
  title: 'Eskalasi menurut alasan',
  rows: rows(r.escalations.byReason, (c) => escalationWords(c).what),
});

export const STAGE_DAYS_TITLE = 'Median lama per tahap (hari)';

export const stageRows = (r: MonthlyReport): StageRow[] =>
  r.stageDays.map((s) => ({ code: s.stage, label: label('stage', s.stage), stays: s.stays, medianDays: s.medianDays }));

/** Every counted table, in the report's order. */
export const countTables = (r: MonthlyReport): Table[] => [
  summary(r),
  openedByCategory(r),
  openedByPathway(r),
  closedByOutcome(r),
  escalationsByLevel(r),
  escalationsByReason(r),
];

export const METHOD_NOTES = [
  'Bulan dihitung menurut waktu setempat wilayah (WIB, WITA atau WIT).',
  'Kasus ditutup: persetujuan penutupan dalam bulan ini, menurut hasil penutupannya; kasus yang dibatalkan dihitung terpisah.',
  'Eskalasi: setiap eskalasi baru dan setiap kenaikan tingkat dalam bulan ini.',
  'Median lama per tahap: tahap yang selesai (berpindah ke tahap berikutnya) dalam bulan ini, dari masuk tahap sampai keluar; untuk identifikasi, sejak kasus dibuka.',
  'Untuk bulan yang sudah lewat, kasus terlambat adalah kasus yang masih berjalan dan batas waktunya jatuh sebelum akhir bulan (batas bawah: kasus yang terlambat lalu berlanjut tidak lagi terlihat).',
] as const;
