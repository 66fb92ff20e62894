import type { CaseEventRecord } from '../domain/case-events';
import type { NotificationRequest } from '../domain/notifications';
import type { PartnerActivities } from './partners/activities';

export interface CaseActivities extends PartnerActivities {
  /** Appends timeline events and refreshes the case's read-model row. Idempotent on (caseId, seq). */
  recordCaseEvents(events: CaseEventRecord[]): Promise<void>;
  /** Queues notifications in the outbox; a request whose key is already there is not queued again. */
  notify(requests: NotificationRequest[]): Promise<void>;
}
