// GET /v1/escalations: supervisors' list of escalated (default) or overdue open cases, most urgent first,
// from the read model and inside the caller's regions.
import { eq, gte, lt, lte, sql } from 'drizzle-orm';
import { Router } from 'express';
import type { Db } from '../../db/client';
import { cases, negatedLevel } from '../../db/schema';
import { caseFilters, casePage } from '../cases/list';
import type { CaseSummaryRow } from '../cases/present';
import { caseSummary } from '../cases/present';
import { casePageSchema } from '../cases/responses';
import { allow } from '../auth/authenticate';
import type { Keyset, Page } from '../http/keyset';
import type { RegisterRoute } from '../http/openapi';
import { common, headers, json } from '../http/openapi';
import { parseBody } from '../http/parse';
import type { Principal } from '../http/principal';
import { principalOf } from '../http/principal';
import type { EscalationQuery } from './schemas';
import { escalationQuery } from './schemas';

/**
 * The highest level first, then by case id, as the escalation indexes hold them: on the negated level, so
 * both parts run one way and a later page is one seek in the index, not a walk past every earlier row.
 * (Cursors name it `nl`: a cursor from before, with the level itself, starts from the first page.)
 */
const NEGATED_LEVEL = negatedLevel(cases.escalationLevel);
const HIGHEST_LEVEL_FIRST: Keyset<CaseSummaryRow> = [
  { name: 'nl', column: NEGATED_LEVEL, kind: 'int', direction: 'asc', value: (c) => -c.escalationLevel },
  { name: 'id', column: cases.caseId, kind: 'text', direction: 'asc', value: (c) => c.caseId },
];
const MOST_OVERDUE_FIRST: Keyset<CaseSummaryRow> = [
  { name: 't', column: cases.nextDeadlineAt, kind: 'time', direction: 'asc', value: (c) => c.nextDeadlineAt! },
  { name: 'id', column: cases.caseId, kind: 'text', direction: 'asc', value: (c) => c.caseId },
];

export function listEscalations(db: Db, principal: Principal, q: EscalationQuery, now: Date): Promise<Page<CaseSummaryRow>> {
  const overdue = q.view === 'overdue';
  const filters = [
    eq(cases.status, 'open'),
    ...caseFilters(principal, q),
    q.reason ? sql`${cases.escalations} @> ${JSON.stringify([{ reason: q.reason }])}::jsonb` : undefined,
    ...(overdue
      ? [lt(cases.nextDeadlineAt, now)]
      : // The level itself lets the planner see that the partial indexes (level > 0) apply; the negated
        // one bounds the index range, so a list from level 2 up never reads the level-1 rows.
        [gte(cases.escalationLevel, q.minLevel), lte(NEGATED_LEVEL, -q.minLevel)]),
  ];
  return casePage(db, overdue ? MOST_OVERDUE_FIRST : HIGHEST_LEVEL_FIRST, filters, q);
}

export function escalationsRouter(db: Db): Router {
  const router = Router();
  router.get('/v1/escalations', allow('case_manager', 'supervisor', 'admin'), async (req, res) => {
    // Express 5's req.query is read-only: parse it into a new object.
    const page = await listEscalations(db, principalOf(req), parseBody(escalationQuery, { ...req.query }), new Date());
    res.json({ items: page.items.map(caseSummary), nextCursor: page.nextCursor });
  });
  return router;
}

export function escalationPaths(route: RegisterRoute): void {
  route({
    method: 'get',
    path: '/v1/escalations',
    operationId: 'listEscalations',
    summary: 'Escalated or overdue open cases, most urgent first',
    request: { headers: headers(false), query: escalationQuery },
    responses: common({ 200: json(casePageSchema, 'A page of cases') }),
  });
}
