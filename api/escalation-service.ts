// Supervisors' list of escalated and overdue cases, from the read model, scoped to the caller's regions.
import type { SQL } from 'drizzle-orm';
import { and, asc, desc, eq, gt, gte, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { cases } from '../db/schema';
import type { Page } from './keyset';
import { decodeCursor, encodeCursor } from './keyset';
import type { Principal } from './principal';
import { regionFilter, regionScope } from './region-scope';
import type { EscalationQuery } from './schemas';

const isLevelCursor = (v: unknown): v is { l: number; id: string } =>
  typeof v === 'object' && v !== null && typeof (v as { l?: unknown }).l === 'number' && typeof (v as { id?: unknown }).id === 'string';
const isTimeCursor = (v: unknown): v is { t: string; id: string } =>
  typeof v === 'object' && v !== null && !Number.isNaN(Date.parse(String((v as { t?: unknown }).t))) && typeof (v as { id?: unknown }).id === 'string';

export async function listEscalations(db: Db, principal: Principal, q: EscalationQuery, now: Date): Promise<Page<typeof cases.$inferSelect>> {
  const filters: (SQL | undefined)[] = [
    eq(cases.status, 'open'),
    regionScope(principal),
    regionFilter(q.region),
    q.category ? eq(cases.category, q.category) : undefined,
    q.pathway ? eq(cases.pathway, q.pathway) : undefined,
    q.stage ? eq(cases.stage, q.stage) : undefined,
    q.risk ? eq(cases.riskLevel, q.risk) : undefined,
    q.assignee ? eq(cases.assignedWorker, q.assignee) : undefined,
    q.reason ? sql`${cases.escalations} @> ${JSON.stringify([{ reason: q.reason }])}::jsonb` : undefined,
  ];
  if (q.view === 'overdue') {
    const after = decodeCursor(q.cursor, isTimeCursor);
    filters.push(lt(cases.nextDeadlineAt, now));
    if (after) filters.push(or(gt(cases.nextDeadlineAt, new Date(after.t)), and(eq(cases.nextDeadlineAt, new Date(after.t)), gt(cases.caseId, after.id))));
    const rows = await db.select().from(cases).where(and(...filters)).orderBy(asc(cases.nextDeadlineAt), asc(cases.caseId)).limit(q.limit + 1);
    const items = rows.slice(0, q.limit);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > q.limit && last ? encodeCursor({ t: last.nextDeadlineAt!.toISOString(), id: last.caseId }) : null };
  }
  const after = decodeCursor(q.cursor, isLevelCursor);
  filters.push(gte(cases.escalationLevel, q.minLevel));
  if (after) filters.push(or(lt(cases.escalationLevel, after.l), and(eq(cases.escalationLevel, after.l), gt(cases.caseId, after.id))));
  const rows = await db.select().from(cases).where(and(...filters)).orderBy(desc(cases.escalationLevel), asc(cases.caseId)).limit(q.limit + 1);
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > q.limit && last ? encodeCursor({ l: last.escalationLevel, id: last.caseId }) : null };
}
