// Compact text for a terminal: one case, event or staff record per line, aligned columns. Labels are the API's own
// field names and codes (as in --json), so the text and the JSON read the same; --lang changes messages, and
// `case show` adds the case in words and local time from the label catalogue.
import { regionWords } from '../domain/case/ui-texts';
import { label } from '../domain/labels';
import { localTime } from '../domain/local-time';
import type { Lang } from './messages';
import type { CaseDetails, Caseload, CaseStats, CaseSummary, CaseView, StaffRecord, TimelineEvent } from './responses';

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
  // A transfer column only when some case is being (or was) handed to another unit.
  const transfers = items.some((c) => c.transfer);
  const transfer = (c: CaseSummary) => (transfers ? [c.transfer ? `${c.transfer.status} → ${c.transfer.toRegion}` : '-'] : []);
  return table([
    ['CASE', 'STAGE', 'CATEGORY', 'RISK', 'REGION', 'LEVEL', 'NEXT DEADLINE', ...(transfers ? ['TRANSFER'] : [])],
    ...items.map((c) => [c.caseId, c.stage, c.category, c.riskLevel, c.regionCode, String(c.escalationLevel), deadline(c.nextDeadline, now), ...transfer(c)]),
  ]);
}

/** The same case in words and in the region's own time: what a Kasi reads, beside the codes scripts read. */
function readableLines(d: CaseDetails, lang: Lang): string[] {
  const c = d.live ?? d.record;
  if (!c?.regionCode || !c.stage || !c.category) return [];
  const status = c.status ? label('status', c.status, lang) : '';
  const stage = `${lang === 'id' ? 'tahap' : 'stage'} ${label('stage', c.stage, lang)}`;
  const who = `${label('category', c.category, lang)}${c.riskLevel ? `, ${lang === 'id' ? 'risiko' : 'risk'} ${label('risk', c.riskLevel, lang)}` : ''}`;
  const next = (d.live ? d.live.nextDeadline : d.record?.nextDeadline) ?? null;
  const due = next?.dueAt ? ` · ${lang === 'id' ? 'batas' : 'due'} ${label('deadline', next.kind, lang)} ${localTime(next.dueAt, c.regionCode, lang)}` : '';
  return [`${lang === 'id' ? 'dibaca' : 'reads'}    ${[status, stage, c.pathway ? label('pathway', c.pathway, lang) : '', who].filter(Boolean).join(' · ')} · ${regionWords(c.regionCode)}${due}`];
}

/** The live state where the workflow gave it (it is current), the read model's record for the rest. */
export function caseLines(d: CaseDetails, now = Date.now(), lang: Lang = 'id'): string[] {
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
    ...(d.access && d.access !== 'full' ? [`access    ${ACCESS[d.access] ?? d.access}`] : []),
    ...readableLines(d, lang),
    ...(v ? handoffLines(v) : []),
    ...(v ? socialWorkLines(v, now) : []),
  ];
}

/** Where a service stands on its own schedule. */
function serviceState(s: NonNullable<CaseView['services']>[number]): string {
  if (s.stoppedAt) return 'stopped';
  if (s.deliveredAt) return 'delivered';
  if (s.startedAt) return 'started';
  return s.linkedAt ? 'linked' : 'to link';
}

/** The plan and its services, advocacy items (overdue marked "!"), the guardian, and how the work ended. */
function socialWorkLines(v: CaseView, now: number): string[] {
  const lines: string[] = [];
  if (v.plan) lines.push(`plan      ${v.plan.status} · setting ${v.plan.setting}${v.plan.revision ? ' · revision awaiting decision' : ''}`);
  for (const s of v.services ?? []) lines.push(`  ${s.id} ${s.component} ${serviceState(s)} · due ${when(s.dueAt)}`);
  for (const a of v.advocacy ?? []) {
    const open = a.status === 'open' || a.status === 'in_progress';
    lines.push(`advocacy  ${a.id} ${a.kind} ${a.status} · ${a.worker} · target ${open && Date.parse(a.targetAt) < now ? '!' : ''}${when(a.targetAt)}`);
  }
  if (v.guardian) lines.push(`guardian  ${v.guardian.basis}`);
  if (v.absence && !v.absence.returnedAt && !v.exit) lines.push(`absent    since ${when(v.absence.since)} · search until ${when(v.absence.searchUntil)}`);
  if (v.exit) lines.push(`ended     ${v.exit.kind} ${when(v.exit.at)}`);
  if (v.closure) lines.push(`closure   ${v.closure.outcome}${v.closure.approvedAt ? ` · approved ${when(v.closure.approvedAt)}` : ' · awaiting approval'}`);
  return lines;
}

const ACCESS: Record<string, string> = {
  decide_transfer: 'decide_transfer (a transfer waits for your unit: decideTransfer)',
  read: 'read (handed over: you may read it, not act on it)',
};

/** Where the person is between agencies: the rapid assessment, the stay, tracing, the latest transfer. */
function handoffLines(v: CaseView): string[] {
  const lines: string[] = [];
  const ra = v.rapidAssessment;
  if (ra) lines.push(`rapid     danger ${ra.danger} · capacity ${ra.capacity} · needs ${ra.needs.join(',') || '-'}`);
  const stay = v.stay;
  if (stay) {
    const parts = [stay.facilityCode, `funding ${stay.funding?.scheme ?? '-'}`];
    if (stay.discharge) parts.push(`discharged ${stay.discharge.kind} ${when(stay.discharge.at)}`, `picked up ${when(stay.pickedUpAt)}`);
    lines.push(`stay      ${parts.join(' · ')}`);
  }
  const t = v.familyTracing;
  if (t) {
    const found = t.found === true ? 'found' : t.found === false ? 'not found' : 'tracing';
    const ready = t.canReceive === null ? '' : ` · can receive ${t.canReceive ? 'yes' : `no${t.unreadyReason ? ` (${t.unreadyReason})` : ''}`}`;
    const attempts = t.attempts ? ` · ${t.attempts.length} attempt(s)` : '';
    lines.push(`tracing   ${found}${ready}${attempts}${t.found === true ? '' : ` · due ${when(t.dueAt)}`}`);
  }
  const last = v.transfers?.at(-1);
  if (last) lines.push(`transfer  ${last.to} ${last.unitCode} (${last.regionCode}) ${last.status}${last.declineReason ? ` (${last.declineReason})` : ''}`);
  return lines;
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

/** A record that may act has no standing code; "ok" says so rather than leave a blank a reader could doubt. */
const standingOf = (s: StaffRecord) => s.standing ?? 'ok';

export function staffTable(items: StaffRecord[]): string[] {
  return table([
    ['STAFF', 'ROLE', 'UNIT', 'REGION', 'KECAMATAN', 'VERIFIED UNTIL', 'CERTIFIED UNTIL', 'STANDING'],
    ...items.map((s) => [s.staffId, s.role, s.unitCode, s.regionCode, s.kecamatanCode ?? '-', s.verifiedUntil ?? '-', s.certifiedUntil ?? '-', standingOf(s)]),
  ]);
}

export function staffLines(s: StaffRecord): string[] {
  return [
    `staff     ${s.staffId} · ${s.role} · ${s.active ? 'active' : 'inactive'}`,
    `unit      ${s.unitCode} (${s.unitKind}) · region ${s.regionCode}${s.kecamatanCode ? ` · kecamatan ${s.kecamatanCode}` : ''}`,
    `verified  until ${s.verifiedUntil ?? '-'}`,
    ...(s.certificationNo || s.certifiedUntil ? [`certified ${s.certificationNo ?? '-'} until ${s.certifiedUntil ?? '-'}`] : []),
    `standing  ${standingOf(s)}`,
  ];
}

export const caseloadLine = (c: Caseload) =>
  `${c.staffId} · ${c.open} open case${c.open === 1 ? '' : 's'} · threshold ${c.threshold}${c.over ? ' · over' : ''}`;
