// The case's recorder: every change is published to the Temporal UI, written to the read model as
// timeline records, and turned into notifications — durably. A write that keeps failing past the
// integration budget escalates the case (once) and goes on retrying; when it finally succeeds, the
// escalation is resolved. Records not yet written survive a cancellation (see `flushUnsent`).
//
// Since 'fast-commands-v1' a change is queued, not awaited: the case file is the durable truth the
// moment its workflow task completes, so a staff command answers at once whatever the database or the
// activity workers are doing, and one writer (`drain`) catches the read model and the outbox up in
// order. Cases opened before keep writing inline, so their histories replay.
import { ActivityFailure, condition, isCancellation } from '@temporalio/workflow';
import type { DomainEvent } from '../../domain/case/changes';
import type { CaseEventRecord } from '../../domain/case/events';
import type { CaseFile } from '../../domain/case/file';
import type { NotificationRequest } from '../../domain/notifications';
import { notificationsFor } from '../../domain/notifications';
import { integrationRecovered, integrationStalled } from '../../domain/integration/stalls';
import type { Policy } from '../../domain/policy';
import type { Actor } from '../../domain/roles';
import { SYSTEM_ACTOR } from '../../domain/roles';
import { caseActivities, refusalCode } from '../activity-options';
import type { Published } from './view';
import { projection, publish } from './view';

export const FAST_COMMANDS_PATCH = 'fast-commands-v1';

/**
 * Cases opened since then write a step once: its timeline records and its notifications in one activity
 * and one transaction, and upsert their search attributes only when they changed (#17: each activity and
 * each upsert is history, workflow tasks and CPU).
 */
export const ONE_WRITE_PER_STEP_PATCH = 'one-write-per-step-v1';

/**
 * Cases opened since then publish their search attributes in the workflow task after the step's write,
 * not beside it: an upsert in the same task as the activity holds the activity back on the server (a
 * visibility write first), and at 1,000 deadlines due at once that doubled the time to the last notice
 * (#17). The Temporal UI now trails the read model by one write; a stall still publishes at once.
 */
export const PUBLISH_AFTER_WRITE_PATCH = 'publish-after-write-v1';

interface Queued {
  records: CaseEventRecord[];
  /** Made when the change happened: who is told depends on the case as it was then, not at the write. */
  notifications: NotificationRequest[];
}

export class CaseRecorder {
  /** Timeline records not yet written: if the case is cancelled mid-write, they are written on the way out. */
  private readonly unsent = new Map<number, CaseEventRecord>();
  private readonly activities: ReturnType<typeof caseActivities>;
  /** Changes waiting for the writer; null for cases that write inline (before 'fast-commands-v1'). */
  private readonly queue: Queued[] | null;
  /** Notifications of queued changes not in the outbox yet. */
  private readonly unnotified: NotificationRequest[] = [];
  private writing = false;
  /** The search attributes last published (one-write-per-step cases upsert only on a change). */
  private published: Published | undefined;
  /** A change recorded since the last publish (cases that publish after the write). */
  private unpublished = false;

  constructor(
    private readonly file: CaseFile,
    private readonly policy: Policy,
    /** Position of the next timeline record; carried over by continue-as-new. */
    public seq: number,
    /** Called after each change is recorded (a group member tells its batch). */
    private readonly afterRecord: () => void,
    queued: boolean,
    /** Since 'one-write-per-step-v1': one activity per step, attributes upserted only on change. */
    private readonly oneWrite = false,
    /** Since 'publish-after-write-v1': attributes upserted after the write, not beside it. */
    private readonly publishAfterWrite = false,
  ) {
    this.activities = caseActivities(policy);
    this.queue = queued ? [] : null;
  }

  /** Changes are queued for one writer (cases opened since 'fast-commands-v1'). */
  get queued(): boolean {
    return this.queue !== null;
  }

  /** Nothing waits to be written: the case may continue as new or end. */
  get idle(): boolean {
    return this.queue === null || (this.queue.length === 0 && !this.writing);
  }

  async record(events: DomainEvent[], actor: Actor): Promise<void> {
    if (events.length === 0) return;
    if (this.queue === null) return this.recordInline(events, actor);
    if (this.publishAfterWrite) this.unpublished = true;
    else this.published = publish(this.file, this.policy, this.oneWrite ? this.published : undefined);
    const notifications = notificationsFor(events, this.file);
    this.queue.push({ records: this.toRecords(events, actor), notifications });
    this.unnotified.push(...notifications);
    this.afterRecord();
  }

  /** The one writer of a queued recorder: in order, batch by batch, for as long as the case runs. */
  async drain(): Promise<void> {
    const queue = this.queue;
    if (queue === null) return;
    for (;;) {
      await condition(() => queue.length > 0);
      this.writing = true;
      const taken = queue.splice(0);
      const notifications = taken.flatMap((q) => q.notifications);
      await this.write(
        taken.flatMap((q) => q.records),
        () => notifications,
        (recovered) => void this.record(recovered, SYSTEM_ACTOR),
      );
      this.unnotified.splice(0, notifications.length);
      // Shown once nothing more waits: an upsert beside the next write would hold that write back.
      if (queue.length === 0) this.publishPending();
      this.writing = false;
    }
  }

  private async recordInline(events: DomainEvent[], actor: Actor): Promise<void> {
    publish(this.file, this.policy);
    // Inline, as before the patch: the notifications of the events and of any stall, made after the write.
    await this.write(
      this.toRecords(events, actor),
      (stalled) => notificationsFor([...events, ...stalled], this.file),
      (recovered) => this.record(recovered, SYSTEM_ACTOR),
    );
    this.afterRecord();
  }

  /**
   * Writes timeline records, then queues their notifications. A stall found meanwhile joins the write
   * inline; a queued recorder queues it behind what is already waiting, so positions are written in order
   * (the read model's newest position never runs ahead of one it lacks).
   */
  private async write(
    batch: CaseEventRecord[],
    notificationsOf: (stalled: DomainEvent[]) => NotificationRequest[],
    onRecovered: (events: DomainEvent[]) => void | Promise<void>,
  ): Promise<void> {
    const stalledHere: DomainEvent[] = [];
    if (this.oneWrite) {
      // The records and their notifications in one transaction; a stall while it fails is queued behind it.
      const slim = onlyNewestProjected(batch);
      await this.durably('recordCaseEvents', () => this.activities.recordStep(slim, notificationsOf(stalledHere)), (stalled) => this.record(stalled, SYSTEM_ACTOR));
      for (const r of batch) this.unsent.delete(r.seq);
      const recovered = integrationRecovered(this.file, 'recordCaseEvents');
      if (recovered.length) await onRecovered(recovered);
      return;
    }
    await this.durably('recordCaseEvents', () => this.activities.recordCaseEvents(batch), (stalled) => {
      if (this.queue !== null) return this.record(stalled, SYSTEM_ACTOR);
      batch.push(...this.toRecords(stalled, SYSTEM_ACTOR));
      stalledHere.push(...stalled);
    });
    for (const r of batch) this.unsent.delete(r.seq);
    const late: DomainEvent[] = [];
    const notifications = notificationsOf(stalledHere);
    if (notifications.length) {
      await this.durably('notify', () => this.activities.notify(notifications), (stalled) => {
        late.push(...stalled);
      });
    }
    const recovered = [...late, ...integrationRecovered(this.file, 'recordCaseEvents'), ...integrationRecovered(this.file, 'notify')];
    if (recovered.length) await onRecovered(recovered);
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
          const shown = publish(this.file, this.policy);
          if (this.publishAfterWrite) this.published = shown;
          await onStall(stalled);
        }
      }
    }
  }

  /**
   * Writes what a cancellation interrupted, and for a queued recorder also the notifications still
   * waiting (the outbox's keys make a repeated one harmless); run in a non-cancellable scope.
   */
  async flushUnsent(): Promise<void> {
    const backlog = [...this.unsent.values()].sort((a, b) => a.seq - b.seq);
    if (backlog.length) await this.durably('recordCaseEvents', () => this.activities.recordCaseEvents(backlog), () => undefined);
    this.queue?.splice(0);
    const notifications = this.unnotified.splice(0);
    if (notifications.length) await this.durably('notify', () => this.activities.notify(notifications), () => undefined);
    // The writer went with the cancellation before it could publish: the closed case shows where it ended.
    this.publishPending();
  }

  private publishPending(): void {
    if (!this.unpublished) return;
    this.unpublished = false;
    this.published = publish(this.file, this.policy, this.published);
  }

  private toRecords(events: DomainEvent[], actor: Actor): CaseEventRecord[] {
    const at = new Date().toISOString();
    // The events of one change leave the case in one state: one projection serves them all.
    const shown = projection(this.file, this.policy);
    const records = events.map((e) => ({
      caseId: this.file.caseId,
      seq: this.seq++,
      type: e.type,
      at,
      actor,
      stage: this.file.stage,
      data: e.data,
      projection: shown,
    }));
    for (const r of records) this.unsent.set(r.seq, r);
    return records;
  }
}

/** Only the newest record's projection refreshes the case row; the others' would be payload and history for nothing. */
function onlyNewestProjected(batch: CaseEventRecord[]): CaseEventRecord[] {
  const newest = Math.max(...batch.map((r) => r.seq));
  return batch.map((r) => {
    if (r.seq === newest) return r;
    const { projection: _projection, ...rest } = r;
    return rest;
  });
}
