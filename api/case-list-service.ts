// Listing and counting cases from the Postgres read model (never from Temporal visibility), always
// inside the caller's region scope.
import type { SQL } from 'drizzle-orm';
import { and, count, desc, eq, gte, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { cases } from '../db/schema';
import type { Page } from './keyset';
import { decodeCursor, encodeCursor } from './keyset';
import type { Principal } from './principal';
import { regionFilter, regionScope } from './region-scope';
import type { CaseListQuery, StatsQuery } from './schemas';

type CaseRow = typeof cases.$inferSelect;

const isOpenedCursor = (v: unknown): v is { t: string; id: string } =>
  typeof v === 'object' && v !== null && !Number.isNaN(Date.parse(String((v as { t?: unknown }).t))) && typeof (v as { id?: unknown }).id === 'string';

/** Newest first; the cursor is (openedAt, caseId) of the last row, so pages stay stable while cases open. */
export async function listCases(db: Db, principal: Principal, q: CaseListQuery): Promise<Page<CaseRow>> {
  const after = decodeCursor(q.cursor, isOpenedCursor);
  const filters: (SQL | undefined)[] = [
    regionScope(principal),
    regionFilter(q.region),
    q.status ? eq(cases.status, q.status) : undefined,
    q.stage ? eq(cases.stage, q.stage) : undefined,
    q.category ? eq(cases.category, q.category) : undefined,
    q.pathway ? eq(cases.pathway, q.pathway) : undefined,
    q.risk ? eq(cases.riskLevel, q.risk) : undefined,
    q.assignee ? eq(cases.assignedWorker, q.assignee) : undefined,
    q.minEscalationLevel !== undefined ? gte(cases.escalationLevel, q.minEscalationLevel) : undefined,
    q.openedFrom ? gte(cases.openedAt, q.openedFrom) : undefined,
    q.openedBefore ? lt(cases.openedAt, q.openedBefore) : undefined,
    after
      ? or(lt(cases.openedAt, new Date(after.t)), and(eq(cases.openedAt, new Date(after.t)), sql`${cases.caseId} < ${after.id}`))
      : undefined,
  ];
  const rows = await db
    .select()
    .from(cases)
    .where(and(...filters))
    .orderBy(desc(cases.openedAt), desc(cases.caseId))
    .limit(q.limit + 1);
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > q.limit && last ? encodeCursor({ t: last.openedAt.toISOString(), id: last.caseId }) : null };
}

export interface CaseStats {
  open: number;
  overdue: number;
  escalated: number;
  openedInPeriod: number;
  closedInPeriod: number;
  byStage: Record<string, number>;
  byCategory: Record<string, number>;
  byEscalationLevel: Record<string, number>;
  byRisk: Record<string, number>;
}

/** Dashboard counts: the open caseload by stage, category, risk and escalation level, plus the period's flow. */
export async function caseStats(db: Db, principal: Principal, q: StatsQuery, now: Date): Promise<CaseStats> {
  const scope = and(regionScope(principal), regionFilter(q.region));
  const open = and(scope, eq(cases.status, 'open'));
  const since = new Date(now.getTime() - q.periodDays * 86_400_000);
  const grouped = async (column: typeof cases.stage | typeof cases.category | typeof cases.riskLevel | typeof cases.escalationLevel) => {
    const rows = await db.select({ key: column, n: count() }).from(cases).where(open).groupBy(column);
    return Object.fromEntries(rows.map((r) => [String(r.key), Number(r.n)]));
  };
  const total = async (where: SQL | undefined) => Number((await db.select({ n: count() }).from(cases).where(where))[0]?.n ?? 0);
  const [byStage, byCategory, byRisk, byEscalationLevel, openCount, overdue, escalated, openedInPeriod, closedInPeriod] = await Promise.all([
    grouped(cases.stage),
    grouped(cases.category),
    grouped(cases.riskLevel),
    grouped(cases.escalationLevel),
    total(open),
    total(and(open, lt(cases.nextDeadlineAt, now))),
    total(and(open, gte(cases.escalationLevel, 1))),
    total(and(scope, gte(cases.openedAt, since))),
    total(and(scope, eq(cases.status, 'closed'), gte(cases.updatedAt, since))),
  ]);
  return { open: openCount, overdue, escalated, openedInPeriod, closedInPeriod, byStage, byCategory, byEscalationLevel, byRisk };
}
