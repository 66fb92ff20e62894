// The monthly report's figures, from the read model only (codes and times, no personal data): what was
// opened, closed, withdrawn and escalated in a calendar month of the region's own zone, what is overdue,
// and how long the steps that ended in the month took. The result is a plain object; render-csv.ts and
// render-html.ts put it into words.
import { and, asc, count, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { caseEvents, cases } from '../../db/schema';
import { realCases } from '../../db/training';
import { CATEGORIES, PATHWAYS } from '../../domain/categories';
import { CLOSURE_OUTCOMES, currentClosureOutcome } from '../../domain/codes';
import { localDay, localMonth } from '../../domain/local-time';
import { STAGES } from '../../domain/stages';
import { shownCategory } from '../cases/current-codes';
import { regionFilter } from '../http/region-scope';

export interface Count {
  code: string;
  count: number;
}

export interface StageDays {
  stage: string;
  /** Stays in the stage that ended in the month. */
  stays: number;
  /** Their median length in days, to one decimal. */
  medianDays: number;
}

export interface MonthlyReport {
  region: string;
  /** YYYY-MM, in the region's zone. */
  month: string;
  /** The month's first moment and the next month's, as ISO instants. */
  from: string;
  to: string;
  generatedAt: string;
  opened: { total: number; byCategory: Count[]; byPathway: Count[] };
  /** Closed cases by their (current) closure outcome; withdrawn ones apart. */
  closed: { total: number; byOutcome: Count[]; withdrawn: number };
  /**
   * Open cases past their next deadline. For the current month: overdue now (`asOf` is the generation
   * time). For a past month: the read model keeps only each case's current deadline, so it counts the cases
   * still open whose deadline fell before the month ended — a lower bound of what was overdue then.
   */
  overdue: { count: number; basis: 'now' | 'month_end'; asOf: string };
  /** Each escalation.raised event (a new escalation, or one climbing a level) in the month. */
  escalations: { total: number; byLevel: Count[]; byReason: Count[] };
  stageDays: StageDays[];
}

const DAY_MS = 86_400_000;
const LEVELS = ['1', '2', '3'];

/** The month the region is living in now. */
export const currentMonth = (now: Date, region: string) => localDay(now, region).slice(0, 7);

/** Counts in the catalogue's order, every known code present (so months compare), unknown codes after. */
function tally(codes: readonly string[], seen: string[]): Count[] {
  const counts = new Map<string, number>(codes.map((c) => [c, 0]));
  for (const code of seen) counts.set(code, (counts.get(code) ?? 0) + 1);
  return [...counts].map(([code, n]) => ({ code, count: n }));
}

/** The middle value (the mean of the two middle ones for an even count), in days to one decimal. */
export function medianDays(durationsMs: number[]): number {
  const sorted = [...durationsMs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const middle = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return Math.round((middle / DAY_MS) * 10) / 10;
}

type StageEvent = { caseId: string; at: Date; from: unknown; openedAt: Date };

/**
 * How long each stage lasted, for the stays that ended in the month: from the event that entered the stage
 * (for identification, the opening) to the stage.changed event that left it. Time spent closed before a
 * reopening is not a step and is left out.
 */
export function stageStays(events: StageEvent[], start: Date, end: Date): StageDays[] {
  const durations = new Map<string, number[]>();
  let entered: { caseId: string; at: Date } | undefined;
  for (const e of events) {
    if (entered?.caseId !== e.caseId) entered = { caseId: e.caseId, at: e.openedAt };
    if (e.at >= start && e.at < end && typeof e.from === 'string' && e.from !== 'closed') {
      durations.set(e.from, [...(durations.get(e.from) ?? []), e.at.getTime() - entered.at.getTime()]);
    }
    entered = { caseId: e.caseId, at: e.at };
  }
  // The steps' own order; a stage this version does not know goes last.
  const order = (s: string) => {
    const i = (STAGES as readonly string[]).indexOf(s);
    return i < 0 ? STAGES.length : i;
  };
  return [...durations]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([stage, ms]) => ({ stage, stays: ms.length, medianDays: medianDays(ms) }));
}

export async function monthlyReport(db: Db, q: { region: string; month: string }, now: Date): Promise<MonthlyReport> {
  const { start, end } = localMonth(q.month, q.region);
  // Every query below reads cases through this: real work only, never a training session's cases.
  const inRegion = and(realCases(), regionFilter(q.region));
  const isCurrent = currentMonth(now, q.region) === q.month;
  const cutoff = isCurrent ? now : end;
  const inMonth = (column: typeof cases.openedAt | typeof caseEvents.at) => and(gte(column, start), lt(column, end));

  const changedInMonth = db
    .selectDistinct({ caseId: caseEvents.caseId })
    .from(caseEvents)
    .where(and(eq(caseEvents.type, 'stage.changed'), inMonth(caseEvents.at)));
  const [opened, events, [overdue], stageEvents] = await Promise.all([
    db.select({ category: cases.category, pathway: cases.pathway }).from(cases).where(and(inRegion, inMonth(cases.openedAt))),
    db
      .select({ caseId: caseEvents.caseId, type: caseEvents.type, data: caseEvents.data })
      .from(caseEvents)
      .innerJoin(cases, eq(cases.caseId, caseEvents.caseId))
      .where(and(inRegion, inArray(caseEvents.type, ['closure.approved', 'case.withdrawn', 'escalation.raised']), inMonth(caseEvents.at)))
      .orderBy(asc(caseEvents.caseId), asc(caseEvents.seq)),
    db
      .select({ n: count() })
      .from(cases)
      .where(and(inRegion, eq(cases.status, 'open'), lt(cases.openedAt, end), lt(cases.nextDeadlineAt, cutoff))),
    db
      .select({ caseId: caseEvents.caseId, at: caseEvents.at, data: caseEvents.data, openedAt: cases.openedAt })
      .from(caseEvents)
      .innerJoin(cases, eq(cases.caseId, caseEvents.caseId))
      .where(and(inRegion, eq(caseEvents.type, 'stage.changed'), lt(caseEvents.at, end), inArray(caseEvents.caseId, changedInMonth)))
      .orderBy(asc(caseEvents.caseId), asc(caseEvents.seq)),
  ]);

  // A case closed, reopened and closed again in one month counts once, with its last outcome.
  const closures = new Map<string, string>();
  const withdrawn = new Set<string>();
  const raised: { level: string; reason: string }[] = [];
  for (const e of events) {
    if (e.type === 'closure.approved') closures.set(e.caseId, currentClosureOutcome(String(e.data.outcome)));
    else if (e.type === 'case.withdrawn') withdrawn.add(e.caseId);
    else raised.push({ level: String(e.data.level), reason: String(e.data.reason) });
  }
  const byReason = tally([], raised.map((r) => r.reason)).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));

  return {
    region: q.region,
    month: q.month,
    from: start.toISOString(),
    to: end.toISOString(),
    generatedAt: now.toISOString(),
    opened: {
      total: opened.length,
      byCategory: tally(CATEGORIES, opened.map((c) => shownCategory(c.category))),
      byPathway: tally(PATHWAYS, opened.map((c) => c.pathway)),
    },
    closed: { total: closures.size, byOutcome: tally(CLOSURE_OUTCOMES, [...closures.values()]), withdrawn: withdrawn.size },
    overdue: { count: Number(overdue?.n ?? 0), basis: isCurrent ? 'now' : 'month_end', asOf: cutoff.toISOString() },
    escalations: { total: raised.length, byLevel: tally(LEVELS, raised.map((r) => r.level)), byReason },
    stageDays: stageStays(
      stageEvents.map((e) => ({ caseId: e.caseId, at: e.at, from: e.data.from, openedAt: e.openedAt })),
      start,
      end,
    ),
  };
}
