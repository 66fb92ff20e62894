// Supervisors' list of escalated and overdue cases, from the read model, scoped to the caller's regions.
import type { SQL } from 'drizzle-orm';
import { and, asc, desc, eq, gt, gte, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { cases } from '../db/schema';
import type { Principal } from './principal';
import type { EscalationQuery } from './schemas';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const encode = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
function decode<T>(cursor: string | undefined): T | undefined {
  if (!cursor) return undefined;
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString()) as T;
  } catch {
    return undefined;
  }
}

/** The caller's region scope as a condition; undefined means every region. */
export function regionScope(principal: Principal): SQL | undefined {
  if (principal.regions.includes('*')) return undefined;
  const provinces = principal.regions.filter((r) => r.length === 2);
  const regencies = principal.regions.filter((r) => r.length > 2);
  return or(
    provinces.length ? inArray(cases.provinceCode, provinces) : undefined,
    regencies.length ? inArray(cases.regionCode, regencies) : undefined,
    sql`false`,
  );
}

export async function listEscalations(db: Db, principal: Principal, q: EscalationQuery, now: Date): Promise<Page<typeof cases.$inferSelect>> {
  const filters: (SQL | undefined)[] = [
    eq(cases.status, 'open'),
    regionScope(principal),
    q.region ? (q.region.length === 2 ? eq(cases.provinceCode, q.region) : eq(cases.regionCode, q.region)) : undefined,
    q.category ? eq(cases.category, q.category) : undefined,
    q.pathway ? eq(cases.pathway, q.pathway) : undefined,
    q.stage ? eq(cases.stage, q.stage) : undefined,
    q.risk ? eq(cases.riskLevel, q.risk) : undefined,
    q.assignee ? eq(cases.assignedWorker, q.assignee) : undefined,
    q.reason ? sql`${cases.escalations} @> ${JSON.stringify([{ reason: q.reason }])}::jsonb` : undefined,
  ];
  if (q.view === 'overdue') {
    const after = decode<{ t: string; id: string }>(q.cursor);
    filters.push(lt(cases.nextDeadlineAt, now));
    if (after) filters.push(or(gt(cases.nextDeadlineAt, new Date(after.t)), and(eq(cases.nextDeadlineAt, new Date(after.t)), gt(cases.caseId, after.id))));
    const rows = await db.select().from(cases).where(and(...filters)).orderBy(asc(cases.nextDeadlineAt), asc(cases.caseId)).limit(q.limit + 1);
    const items = rows.slice(0, q.limit);
    const last = items.at(-1);
    return { items, nextCursor: rows.length > q.limit && last ? encode({ t: last.nextDeadlineAt!.toISOString(), id: last.caseId }) : null };
  }
  const after = decode<{ l: number; id: string }>(q.cursor);
  filters.push(gte(cases.escalationLevel, q.minLevel));
  if (after) filters.push(or(lt(cases.escalationLevel, after.l), and(eq(cases.escalationLevel, after.l), gt(cases.caseId, after.id))));
  const rows = await db.select().from(cases).where(and(...filters)).orderBy(desc(cases.escalationLevel), asc(cases.caseId)).limit(q.limit + 1);
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > q.limit && last ? encode({ l: last.escalationLevel, id: last.caseId }) : null };
}
