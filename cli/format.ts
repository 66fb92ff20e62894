// Compact text for a terminal, one case, event or staff record per line in aligned columns, in the
// operator's language (--lang): every code a person reads is written in the label catalogue's words
// (domain/labels) and every time in the case's or staff member's own zone (WIB/WITA/WIT). Scripts use --json,
// which keeps the API's codes and UTC times unchanged. Cases here; case-format, timeline-format and
// staff-format for the rest.
import { regionWords } from '../domain/case/ui-texts';
import { label } from '../domain/labels';
import { localTime } from '../domain/local-time';
import type { CommandSpec } from './fields';
import { describeField } from './fields';
import type { Lang } from './messages';
import type { CaseStats, CaseSummary, CaseView } from './responses';

export function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd());
}

/** The CLI's own words in the operator's language: tr(lang)('tahap', 'stage'). */
export const tr =
  (lang: Lang) =>
  (id: string, en: string): string =>
    lang === 'id' ? id : en;

/** ISO time to the minute in UTC: only where a record names no region whose zone it could be read in. */
export const when = (iso: string | null | undefined) => (iso ? iso.replace(/^(\d{4}-\d\d-\d\d)T(\d\d:\d\d).*$/, '$1 $2Z') : '-');

/** Times as the case's region reads them: "12 Des 2026 14.00 WITA". */
export const timeIn =
  (regionCode: string | undefined, lang: Lang) =>
  (iso: string | null | undefined): string =>
    !iso ? '-' : regionCode ? localTime(iso, regionCode, lang) : when(iso);

/** "!" marks a deadline already passed, so that overdue cases stand out in a long list. */
export function deadlineWords(d: CaseSummary['nextDeadline'] | undefined, regionCode: string | undefined, now: number, lang: Lang): string {
  if (!d) return '-';
  const overdue = d.dueAt !== null && Date.parse(d.dueAt) < now ? '!' : '';
  return `${overdue}${label('deadline', d.kind, lang)}${d.dueAt ? ` ${timeIn(regionCode, lang)(d.dueAt)}` : ''}`;
}

/** `case list`, `escalations` and `transfers`. */
export function caseTable(items: CaseSummary[], lang: Lang = 'id', now = Date.now()): string[] {
  const t = tr(lang);
  // A transfer column only when some case is being (or was) handed to another unit.
  const transfers = items.some((c) => c.transfer);
  const transfer = (c: CaseSummary) => (transfers ? [c.transfer ? `${label('transferStatus', c.transfer.status, lang)} → ${c.transfer.toRegion}` : '-'] : []);
  return table([
    [t('KASUS', 'CASE'), t('TAHAP', 'STAGE'), t('KATEGORI', 'CATEGORY'), t('RISIKO', 'RISK'), t('WILAYAH', 'REGION'), t('ESKALASI', 'LEVEL'), t('BATAS BERIKUTNYA', 'NEXT DEADLINE'), ...(transfers ? [t('ALIH KELOLA', 'TRANSFER')] : [])],
    ...items.map((c) => [
      c.caseId,
      label('stage', c.stage, lang),
      label('category', c.category, lang),
      label('risk', c.riskLevel, lang),
      c.regionCode,
      String(c.escalationLevel),
      deadlineWords(c.nextDeadline, c.regionCode, now, lang),
      ...transfer(c),
    ]),
  ]);
}

/** What `case act` answers: the command in words, and where the case now stands. */
export function actLine(type: string, v: Pick<CaseView, 'status' | 'stage'>, lang: Lang = 'id'): string {
  return `${label('command', type, lang)}: ${label('status', v.status, lang)} · ${tr(lang)('tahap', 'stage')} ${label('stage', v.stage, lang)}`;
}

/** `case commands`: the type to give `case act` (the code is what one types), its words, its fields. */
export function commandLines(specs: CommandSpec[], lang: Lang = 'id'): string[] {
  return table(specs.map((s) => [s.type, label('command', s.type, lang), s.fields.map((f) => `${f.name}${f.required ? '*' : ''}`).join(' ')]));
}

export function commandDetailLines(spec: CommandSpec, lang: Lang = 'id'): string[] {
  return [`${spec.type} — ${label('command', spec.type, lang)}`, ...spec.fields.map((f) => describeField(f, lang)), tr(lang)('(* wajib)', '(* required)')];
}

function counts(heading: string, c: Record<string, number>, words: (code: string) => string): string {
  return `${heading.padEnd(10)} ${Object.entries(c).map(([k, n]) => `${words(k)}: ${n}`).join(' · ') || '-'}`;
}

export function statsLines(s: CaseStats, lang: Lang = 'id'): string[] {
  const t = tr(lang);
  const region = s.region ? ` · ${t('wilayah', 'region')} ${regionWords(s.region)}` : '';
  return [
    `${t('berjalan', 'open')} ${s.open} · ${t('lewat batas', 'overdue')} ${s.overdue} · ${t('dieskalasi', 'escalated')} ${s.escalated}`,
    `${t('dibuka', 'opened')} ${s.openedInPeriod} · ${t('ditutup', 'closed')} ${s.closedInPeriod} ${t(`dalam ${s.periodDays} hari terakhir`, `in the last ${s.periodDays} days`)}${region}`,
    counts(t('tahap', 'stage'), s.byStage, (k) => label('stage', k, lang)),
    counts(t('risiko', 'risk'), s.byRisk, (k) => label('risk', k, lang)),
    counts(t('eskalasi', 'escalation'), s.byEscalationLevel, (k) => `${t('tingkat', 'level')} ${k}`),
    counts(t('kategori', 'category'), s.byCategory, (k) => label('category', k, lang)),
  ];
}
