// How read-model rows look to API clients: codes and opaque ids only, never personal data.
import { cases } from '../../db/schema';
import { shownCategory } from './current-codes';

type CaseRow = typeof cases.$inferSelect;

/**
 * The columns a summary shows and a list's order needs, and no others: a list reads, parses and maps
 * 51 rows of them on every request (#17), and the case's access grants and workflow id are not shown.
 */
export const SUMMARY_COLUMNS = {
  caseId: cases.caseId,
  status: cases.status,
  stage: cases.stage,
  pathway: cases.pathway,
  category: cases.category,
  riskLevel: cases.riskLevel,
  regionCode: cases.regionCode,
  jurisdiction: cases.jurisdiction,
  assignedWorker: cases.assignedWorker,
  escalationLevel: cases.escalationLevel,
  escalations: cases.escalations,
  nextDeadlineKind: cases.nextDeadlineKind,
  nextDeadlineAt: cases.nextDeadlineAt,
  transferStatus: cases.transferStatus,
  transferToRegion: cases.transferToRegion,
  openedAt: cases.openedAt,
  updatedAt: cases.updatedAt,
};

export type CaseSummaryRow = Pick<CaseRow, keyof typeof SUMMARY_COLUMNS>;

export function caseSummary(c: CaseSummaryRow) {
  return {
    caseId: c.caseId,
    status: c.status,
    stage: c.stage,
    pathway: c.pathway,
    category: shownCategory(c.category),
    riskLevel: c.riskLevel,
    regionCode: c.regionCode,
    jurisdiction: c.jurisdiction,
    assignedWorker: c.assignedWorker,
    escalationLevel: c.escalationLevel,
    escalations: c.escalations,
    nextDeadline: c.nextDeadlineKind ? { kind: c.nextDeadlineKind, dueAt: c.nextDeadlineAt?.toISOString() ?? null } : null,
    transfer: c.transferStatus && c.transferToRegion ? { status: c.transferStatus, toRegion: c.transferToRegion } : null,
    openedAt: c.openedAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
    links: { self: `/v1/cases/${c.caseId}`, timeline: `/v1/cases/${c.caseId}/timeline` },
  };
}
