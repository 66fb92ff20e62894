import type { CaseEventRecord } from '../domain/case-events';

export interface CaseActivities {
  /** Appends timeline events and refreshes the case's read-model row. Idempotent on (caseId, seq). */
  recordCaseEvents(events: CaseEventRecord[]): Promise<void>;
}
