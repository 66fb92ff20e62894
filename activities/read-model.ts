// Writes the workflows' events into the Postgres read model.
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { caseEvents, cases, trainingSessions } from '../db/schema';
import type { CaseEventRecord } from '../domain/case/events';
import { currentCategory } from '../domain/categories';
import { DEFAULT_POLICY } from '../domain/policy';
import { provinceOf } from '../domain/regions';
import { checkCaseloads } from './workforce';

/**
 * Appends the events and refreshes the case row from the newest of them, in one transaction. A retry
 * changes nothing, and a batch that arrives after a newer one never rolls the row back.
 */
export async function writeCaseEvents(
  db: Db,
  events: CaseEventRecord[],
  caseloadThreshold = DEFAULT_POLICY.caseloadThreshold,
  /** More writes of the same step, in the same transaction (the step's notifications). */
  alsoInTransaction?: (tx: Pick<Db, 'insert'>) => Promise<void>,
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
  const { caseId: _key, ...changes } = row;
  let before: { assignedWorker: string | null; status: string } | undefined;
  let inserted = 0;
  let dropped = false;
  await db.transaction(async (tx) => {
    // A training case's write that arrives after its session was deleted would bring its rows back.
    if (p.trainingSessionId && !(await sessionExists(tx, p.trainingSessionId))) {
      dropped = true;
      return;
    }
    [before] = await tx.select({ assignedWorker: cases.assignedWorker, status: cases.status }).from(cases).where(eq(cases.caseId, p.caseId));
    await tx
      .insert(cases)
      .values(row)
      .onConflictDoUpdate({ target: cases.caseId, set: changes, setWhere: sql`${cases.lastSeq} < ${newest.seq}` });
    const written = await tx
      .insert(caseEvents)
      .values(
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
      )
      .onConflictDoNothing()
      .returning({ seq: caseEvents.seq });
    inserted = written.length;
    if (alsoInTransaction) await alsoInTransaction(tx);
  });
  // Who carries the case may have changed (or it closed): their caseloads, against the threshold. The
  // previous worker comes from the events too — a retried write finds the row already changed. A step
  // that changed neither who carries the case nor whether it is open (most: a deadline, a note) leaves
  // every caseload as it was, unless it is a retry, whose first try may have stopped before this check.
  if (dropped) return;
  const handedOver = events.filter((e) => e.type === 'case.reassigned').map((e) => (typeof e.data.from === 'string' ? e.data.from : null));
  const unchanged = before && before.assignedWorker === p.assignedWorker && before.status === p.status && handedOver.length === 0 && inserted === events.length;
  if (!unchanged) await checkCaseloads(db, [before?.assignedWorker ?? null, ...handedOver, p.assignedWorker], caseloadThreshold, new Date());
}

async function sessionExists(tx: Pick<Db, 'select'>, sessionId: string): Promise<boolean> {
  const [row] = await tx.select({ sessionId: trainingSessions.sessionId }).from(trainingSessions).where(eq(trainingSessions.sessionId, sessionId));
  return row !== undefined;
}
