import type { CaseEventRecord } from '../domain/case-events';

export interface CaseActivities {
  /** Appends a timeline event and refreshes the case's read-model row. Idempotent on (caseId, seq). */
  recordCaseEvent(event: CaseEventRecord): Promise<void>;
}
