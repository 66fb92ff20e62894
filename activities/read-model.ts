// Writes the workflows' events into the Postgres read model.
import type { Db } from '../db/client';
import type { CaseEventRecord } from '../domain/case/events';
import { currentCategory } from '../domain/categories';
import { DEFAULT_POLICY } from '../domain/policy';
import { provinceOf } from '../domain/regions';
import type { OutboxRow } from './step-statement';
import { writeStep } from './step-statement';
import { checkCaseloads } from './workforce';

/**
 * Appends the events and refreshes the case row from the newest of them, with the step's outbox rows, in
 * one statement. A retry changes nothing, and a batch that arrives after a newer one never rolls the row back.
 */
export async function writeCaseEvents(
  db: Db,
  events: CaseEventRecord[],
  caseloadThreshold = DEFAULT_POLICY.caseloadThreshold,
  /** The step's notifications, written with it. */
  outbox: OutboxRow[] = [],
): Promise<void> {
  const newest = events.reduce<CaseEventRecord | undefined>((a, e) => (e.projection && (!a || e.seq > a.seq) ? e : a), undefined);
  const p = newest?.projection;
  if (!newest || !p) return;
  const row = {
    caseId: p.caseId,
    workflowId: p.workflowId,
    status: p.status,
    stage: p.stage,
    pathway: p.pathway,
    // A case opened before #13 still holds its category's old code: the row, which lists filter and
    // count, holds the current one.
    category: currentCategory(p.category),
    riskLevel: p.riskLevel,
    regionCode: p.regionCode,
    provinceCode: provinceOf(p.regionCode),
    jurisdiction: p.jurisdiction,
    assignedWorker: p.assignedWorker,
    escalationLevel: p.escalationLevel,
    // Histories from before escalation summaries carry none.
    escalations: p.escalations ?? [],
    nextDeadlineKind: p.nextDeadlineKind,
    nextDeadlineAt: p.nextDeadlineAt ? new Date(p.nextDeadlineAt) : null,
    policyVersion: p.policyVersion,
    openedAt: new Date(p.openedAt),
    updatedAt: new Date(newest.at),
    lastSeq: newest.seq,
    // Histories from before transfers carry neither.
    access: p.access ?? [],
    transferStatus: p.transfer?.status ?? null,
    transferToRegion: p.transfer?.toRegion ?? null,
    trainingSessionId: p.trainingSessionId ?? null,
  };
  const written = await writeStep(
    db,
    row,
    events.map((event) => ({
      caseId: event.caseId,
      seq: event.seq,
      type: event.type,
      at: new Date(event.at),
      actorId: event.actor.id,
      actorRole: event.actor.role,
      stage: event.stage,
      data: event.data,
    })),
    outbox,
  );
  // A training case whose session was deleted meanwhile wrote nothing (it would have brought its rows back).
  if (!written.ran) return;
  // Who carries the case may have changed (or it closed): their caseloads, against the threshold. The
  // previous worker comes from the events too — a retried write finds the row already changed. A step
  // that changed neither who carries the case nor whether it is open (most: a deadline, a note) leaves
  // every caseload as it was, unless it is a retry, whose first try may have stopped before this check.
  const { before, inserted } = written;
  const handedOver = events.filter((e) => e.type === 'case.reassigned').map((e) => (typeof e.data.from === 'string' ? e.data.from : null));
  const unchanged = before && before.assignedWorker === p.assignedWorker && before.status === p.status && handedOver.length === 0 && inserted === events.length;
  if (!unchanged) await checkCaseloads(db, [before?.assignedWorker ?? null, ...handedOver, p.assignedWorker], caseloadThreshold, new Date());
}
