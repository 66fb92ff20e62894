// Compact text for a terminal: one case or event per line, aligned columns. Labels are the API's own
// field names and codes (as in --json), so the text and the JSON read the same; --lang changes messages.
import type { CaseDetails, CaseStats, CaseSummary, TimelineEvent } from './responses';

export function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ').trimEnd());
}

/** ISO time to the minute, still UTC: the same instant whatever the operator's time zone. */
export const when = (iso: string | null | undefined) => (iso ? iso.replace(/^(\d{4}-\d\d-\d\d)T(\d\d:\d\d).*$/, '$1 $2Z') : '-');

/** "!" marks a deadline already passed, so that overdue cases stand out in a long list. */
function deadline(d: CaseSummary['nextDeadline'] | undefined, now: number): string {
  if (!d) return '-';
  const overdue = d.dueAt !== null && Date.parse(d.dueAt) < now ? '!' : '';
  return `${overdue}${d.kind} ${d.dueAt ? when(d.dueAt) : ''}`.trim();
}

export function caseTable(items: CaseSummary[], now = Date.now()): string[] {
  return table([
    ['CASE', 'STAGE', 'CATEGORY', 'RISK', 'REGION', 'LEVEL', 'NEXT DEADLINE'],
    ...items.map((c) => [c.caseId, c.stage, c.category, c.riskLevel, c.regionCode, String(c.escalationLevel), deadline(c.nextDeadline, now)]),
  ]);
}

/** The live state where the workflow gave it (it is current), the read model's record for the rest. */
export function caseLines(d: CaseDetails, now = Date.now()): string[] {
  const r = d.record;
  const v = d.live;
  return [
    `case      ${d.caseId}`,
    `status    ${v?.status ?? r?.status ?? '?'} · stage ${v?.stage ?? r?.stage ?? '?'} · pathway ${v?.pathway ?? r?.pathway ?? '?'}`,
    `category  ${v?.category ?? r?.category ?? '?'} · risk ${v?.riskLevel ?? r?.riskLevel ?? '?'} · region ${v?.regionCode ?? r?.regionCode ?? '?'} (${v?.jurisdiction ?? r?.jurisdiction ?? '?'})`,
    `assigned  ${(v ? v.assignedWorker : r?.assignedWorker) ?? '-'}`,
    `level     ${v?.escalationLevel ?? r?.escalationLevel ?? 0}`,
    ...(r?.escalations ?? []).map((e) => `  ${e.reason} ${e.subject} L${e.level} since ${when(e.since)}${e.acknowledged ? ' (acknowledged)' : ''}`),
    `opened    ${when(v?.openedAt ?? r?.openedAt)}${r ? ` · updated ${when(r.updatedAt)}` : ''}`,
    `next      ${deadline(v ? v.nextDeadline : r?.nextDeadline, now)}`,
  ];
}

const value = (v: unknown) => (typeof v === 'string' && !/\s/.test(v) ? v : JSON.stringify(v));

export const eventLine = (e: TimelineEvent) =>
  [
    `${String(e.seq).padStart(4)}  ${when(e.at)}  ${e.type.padEnd(24)} ${`${e.actor.role}:${e.actor.id}`.padEnd(22)} (${e.stage})`,
    ...Object.entries(e.data).map(([k, v]) => `${k}=${value(v)}`),
  ].join(' ');

const counts = (label: string, c: Record<string, number>) =>
  `${label.padEnd(10)} ${Object.entries(c).map(([k, n]) => `${k} ${n}`).join(' · ') || '-'}`;

export function statsLines(s: CaseStats): string[] {
  return [
    `open ${s.open} · overdue ${s.overdue} · escalated ${s.escalated}`,
    `opened ${s.openedInPeriod} · closed ${s.closedInPeriod} in the last ${s.periodDays} days${s.region ? ` · region ${s.region}` : ''}`,
    counts('stage', s.byStage),
    counts('risk', s.byRisk),
    counts('level', s.byEscalationLevel),
    counts('category', s.byCategory),
  ];
}
