// The case list, from the Postgres read model (never from Temporal visibility), always inside the
// caller's region scope; newest first.
import type { SQL } from 'drizzle-orm';
import { and, eq, gte, inArray, lt } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { cases } from '../../db/schema';
import { realCases } from '../../db/training';
import { storedCodesOf } from '../../domain/categories';
import type { Keyset, Page } from '../http/keyset';
import { keysetPage } from '../http/keyset';
import type { Principal } from '../http/principal';
import { regionFilter, regionScope } from '../http/region-scope';
import type { CaseSummaryRow } from './present';
import { SUMMARY_COLUMNS } from './present';
import type { CaseListQuery } from './schemas';

/** (openedAt, caseId) of the last row: pages stay stable while cases open. */
export const NEWEST_FIRST: Keyset<CaseSummaryRow> = [
  { name: 't', column: cases.openedAt, kind: 'time', direction: 'desc', value: (c) => c.openedAt },
  { name: 'id', column: cases.caseId, kind: 'text', direction: 'desc', value: (c) => c.caseId },
];

/** The filters every list of cases shares, inside the caller's region scope. */
export function caseFilters(principal: Principal, q: Pick<CaseListQuery, 'region' | 'stage' | 'category' | 'pathway' | 'risk' | 'assignee'>) {
  return [
    regionScope(principal),
    regionFilter(q.region),
    q.stage ? eq(cases.stage, q.stage) : undefined,
    // A case opened under a category's old code may still hold it (until its next write, or the 0007
    // migration); a filter by either code finds both.
    q.category ? inArray(cases.category, storedCodesOf(q.category)) : undefined,
    q.pathway ? eq(cases.pathway, q.pathway) : undefined,
    q.risk ? eq(cases.riskLevel, q.risk) : undefined,
    q.assignee ? eq(cases.assignedWorker, q.assignee) : undefined,
  ];
}

export function listCases(db: Db, principal: Principal, q: CaseListQuery): Promise<Page<CaseSummaryRow>> {
  const filters = [
    ...caseFilters(principal, q),
    q.status ? eq(cases.status, q.status) : undefined,
    q.minEscalationLevel !== undefined ? gte(cases.escalationLevel, q.minEscalationLevel) : undefined,
    q.openedFrom ? gte(cases.openedAt, q.openedFrom) : undefined,
    q.openedBefore ? lt(cases.openedAt, q.openedBefore) : undefined,
  ];
  return casePage(db, NEWEST_FIRST, filters, q);
}

/**
 * One page of the read model's cases matching `filters`, in the keyset's order: real work only (every
 * list of cases — the case list, escalations, transfers — pages here, so none shows a training case).
 */
export function casePage(db: Db, keyset: Keyset<CaseSummaryRow>, filters: (SQL | undefined)[], q: { cursor?: string; limit: number }): Promise<Page<CaseSummaryRow>> {
  return keysetPage(keyset, q, (after, order, limit) =>
    db
      .select(SUMMARY_COLUMNS)
      .from(cases)
      .where(and(realCases(), ...filters, after))
      .orderBy(...order)
      .limit(limit),
  );
}
