// How read-model rows look to API clients: codes and opaque ids only, never personal data.
import type { cases } from '../../db/schema';
import { shownCategory } from './current-codes';

type CaseRow = typeof cases.$inferSelect;

export function caseSummary(c: CaseRow) {
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
