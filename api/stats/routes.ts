// GET /v1/stats: caseload counts for dashboards, from the read model, inside the caller's regions.
import type { SQL } from 'drizzle-orm';
import { and, count, eq, gte, lt } from 'drizzle-orm';
import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { cases } from '../../db/schema';
import { realCases } from '../../db/training';
import { STAFF } from '../../domain/roles';
import { allow } from '../auth/authenticate';
import { shownCategory } from '../cases/current-codes';
import type { RegisterRoute } from '../http/openapi';
import { common, headers, json } from '../http/openapi';
import { parseBody, regionCode } from '../http/parse';
import type { Principal } from '../http/principal';
import { principalOf } from '../http/principal';
import { regionFilter, regionScope } from '../http/region-scope';

export const statsQuery = z
  .object({
    region: regionCode.optional(),
    periodDays: z.coerce.number().int().min(1).max(366).default(30),
  })
  .strict();
export type StatsQuery = z.infer<typeof statsQuery>;

const counts = z.record(z.string(), z.number().int());
export const statsSchema = z
  .object({
    open: z.number().int(),
    overdue: z.number().int(),
    escalated: z.number().int(),
    openedInPeriod: z.number().int(),
    closedInPeriod: z.number().int(),
    byStage: counts,
    byCategory: counts,
    byEscalationLevel: counts,
    byRisk: counts,
    byWorker: counts.meta({ description: 'Open cases per assigned worker (the caseload); "unassigned" for cases nobody carries yet' }),
    periodDays: z.number().int(),
    region: z.string().nullable(),
  })
  .meta({ id: 'CaseStats' });

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
  /** The caseload: open cases per assigned worker (opaque staff ids; "unassigned" for none yet). */
  byWorker: Record<string, number>;
}

/** Dashboard counts: the open caseload by stage, category, risk and escalation level, plus the period's flow. */
export async function caseStats(db: Db, principal: Principal, q: StatsQuery, now: Date): Promise<CaseStats> {
  // Real work only: a training session's cases count nowhere.
  const scope = and(realCases(), regionScope(principal), regionFilter(q.region));
  const open = and(scope, eq(cases.status, 'open'));
  const since = new Date(now.getTime() - q.periodDays * 86_400_000);
  type Column = typeof cases.stage | typeof cases.category | typeof cases.riskLevel | typeof cases.escalationLevel | typeof cases.assignedWorker;
  const grouped = async (column: Column, shown: (code: string) => string = String) => {
    const rows = await db.select({ key: column, n: count() }).from(cases).where(open).groupBy(column);
    // A row still under a category's old code counts under the current one.
    const counts: Record<string, number> = {};
    for (const r of rows) {
      const key = r.key === null ? 'unassigned' : shown(String(r.key));
      counts[key] = (counts[key] ?? 0) + Number(r.n);
    }
    return counts;
  };
  const total = async (where: SQL | undefined) => Number((await db.select({ n: count() }).from(cases).where(where))[0]?.n ?? 0);
  const [byStage, byCategory, byRisk, byEscalationLevel, byWorker, openCount, overdue, escalated, openedInPeriod, closedInPeriod] = await Promise.all([
    grouped(cases.stage),
    grouped(cases.category, shownCategory),
    grouped(cases.riskLevel),
    grouped(cases.escalationLevel),
    grouped(cases.assignedWorker),
    total(open),
    total(and(open, lt(cases.nextDeadlineAt, now))),
    total(and(open, gte(cases.escalationLevel, 1))),
    total(and(scope, gte(cases.openedAt, since))),
    total(and(scope, eq(cases.status, 'closed'), gte(cases.updatedAt, since))),
  ]);
  return { open: openCount, overdue, escalated, openedInPeriod, closedInPeriod, byStage, byCategory, byEscalationLevel, byRisk, byWorker };
}

export function statsRouter(db: Db): Router {
  const router = Router();
  router.get('/v1/stats', allow(...STAFF), async (req, res) => {
    const query = parseBody(statsQuery, { ...req.query });
    res.json({ ...(await caseStats(db, principalOf(req), query, new Date())), periodDays: query.periodDays, region: query.region ?? null });
  });
  return router;
}

export function statsPaths(route: RegisterRoute): void {
  route({
    method: 'get',
    path: '/v1/stats',
    operationId: 'caseStats',
    summary: 'Caseload counts for dashboards',
    request: { headers: headers(false), query: statsQuery },
    responses: common({ 200: json(statsSchema, 'Counts') }),
  });
}
