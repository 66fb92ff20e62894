import type { CaseEventRecord } from '../domain/case/events';
import type { BatchSnapshot } from './batch-read-model';
import type { NotificationRequest } from '../domain/notifications';
import type { PartnerActivities } from './partners/activities';
import type { LapsingNotice } from './workforce';

export interface CaseActivities extends PartnerActivities {
  /** Appends timeline events and refreshes the case's read-model row. Idempotent on (caseId, seq). */
  recordCaseEvents(events: CaseEventRecord[]): Promise<void>;
  /**
   * A step's timeline records and its notifications in one transaction (cases opened since
   * 'one-write-per-step-v1'): one activity per step instead of two, and never the one without the other.
   */
  recordStep(events: CaseEventRecord[], notifications: NotificationRequest[]): Promise<void>;
  /** Queues notifications in the outbox; a request whose key is already there is not queued again. */
  notify(requests: NotificationRequest[]): Promise<void>;
  /** Refreshes a repatriation batch's read-model row. Idempotent; an older snapshot changes nothing. */
  recordBatch(snapshot: BatchSnapshot): Promise<void>;
  /** The day's notice to each region's Kasi of staff whose verification or certification lapses soon. */
  noticeLapsingStaff(withinDays: number): Promise<LapsingNotice[]>;
}
