// The case's recorder: every change is published to the Temporal UI, written to the read model as
// timeline records, and turned into notifications — durably. A write that keeps failing past the
// integration budget escalates the case (once) and goes on retrying; when it finally succeeds, the
// escalation is resolved. Records not yet written survive a cancellation (see `flushUnsent`).
import { ActivityFailure, isCancellation } from '@temporalio/workflow';
import type { DomainEvent } from '../../domain/case/changes';
import type { CaseEventRecord } from '../../domain/case/events';
import type { CaseFile } from '../../domain/case/file';
import { notificationsFor } from '../../domain/notifications';
import { integrationRecovered, integrationStalled } from '../../domain/integration/stalls';
import type { Policy } from '../../domain/policy';
import type { Actor } from '../../domain/roles';
import { SYSTEM_ACTOR } from '../../domain/roles';
import { caseActivities, refusalCode } from '../activity-options';
import { projection, publish } from './view';

export class CaseRecorder {
  /** Timeline records not yet written: if the case is cancelled mid-write, they are written on the way out. */
  private readonly unsent = new Map<number, CaseEventRecord>();
  private readonly activities: ReturnType<typeof caseActivities>;

  constructor(
    private readonly file: CaseFile,
    private readonly policy: Policy,
    /** Position of the next timeline record; carried over by continue-as-new. */
    public seq: number,
    /** Called after each change is recorded (a group member tells its batch). */
    private readonly afterRecord: () => void,
  ) {
    this.activities = caseActivities(policy);
  }

  async record(events: DomainEvent[], actor: Actor): Promise<void> {
    if (events.length === 0) return;
    publish(this.file, this.policy);
    const batch = this.toRecords(events, actor);
    const alerts = [...events];
    // A stall found while writing is itself recorded in the same write, so the batch grows on retry.
    await this.durably('recordCaseEvents', () => this.activities.recordCaseEvents(batch), (stalled) => {
      batch.push(...this.toRecords(stalled, SYSTEM_ACTOR));
      alerts.push(...stalled);
    });
    for (const r of batch) this.unsent.delete(r.seq);
    const late: DomainEvent[] = [];
    const notifications = notificationsFor(alerts, this.file);
    if (notifications.length) {
      await this.durably('notify', () => this.activities.notify(notifications), (stalled) => {
        late.push(...stalled);
      });
    }
    const recovered = [...late, ...integrationRecovered(this.file, 'recordCaseEvents'), ...integrationRecovered(this.file, 'notify')];
    if (recovered.length) await this.record(recovered, SYSTEM_ACTOR);
    this.afterRecord();
  }

  /**
   * Calls until it succeeds; each time it runs out of budget, the stall escalates (once) and it goes on.
   * A business refusal (non-retryable) and a cancellation end it at once.
   */
  async durably<T>(what: string, call: () => Promise<T>, onStall: (events: DomainEvent[]) => void | Promise<void>): Promise<T> {
    for (;;) {
      try {
        return await call();
      } catch (err) {
        if (!(err instanceof ActivityFailure) || isCancellation(err) || refusalCode(err)) throw err;
        const stalled = integrationStalled(this.file, what, new Date());
        if (stalled.length) {
          // Supervisors see it in the Temporal UI even when the database is the part that fails.
          publish(this.file, this.policy);
          await onStall(stalled);
        }
      }
    }
  }

  /** Writes what a cancellation interrupted; run in a non-cancellable scope. */
  async flushUnsent(): Promise<void> {
    const backlog = [...this.unsent.values()];
    if (backlog.length) await this.durably('recordCaseEvents', () => this.activities.recordCaseEvents(backlog), () => undefined);
  }

  private toRecords(events: DomainEvent[], actor: Actor): CaseEventRecord[] {
    const at = new Date().toISOString();
    const records = events.map((e) => ({
      caseId: this.file.caseId,
      seq: this.seq++,
      type: e.type,
      at,
      actor,
      stage: this.file.stage,
      data: e.data,
      projection: projection(this.file, this.policy),
    }));
    for (const r of records) this.unsent.set(r.seq, r);
    return records;
  }
}
