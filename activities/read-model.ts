// Writes the workflows' events into the Postgres read model.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { caseEvents, cases } from '../db/schema';
import type { CaseEventRecord } from '../domain/case-events';
import { provinceOf } from '../workflows/contract';

/**
 * Appends the event and refreshes the case row in one transaction. A retry of the same event changes
 * nothing, and an event that arrives after a newer one never rolls the row back.
 */
export async function writeCaseEvent(db: Db, event: CaseEventRecord): Promise<void> {
  const p = event.projection;
  const row = {
    caseId: p.caseId,
    workflowId: p.workflowId,
    status: p.status,
    stage: p.stage,
    pathway: p.pathway,
    category: p.category,
    riskLevel: p.riskLevel,
    regionCode: p.regionCode,
    provinceCode: provinceOf(p.regionCode),
    assignedWorker: p.assignedWorker,
    escalationLevel: p.escalationLevel,
    nextDeadlineKind: p.nextDeadlineKind,
    nextDeadlineAt: p.nextDeadlineAt ? new Date(p.nextDeadlineAt) : null,
    policyVersion: p.policyVersion,
    openedAt: new Date(p.openedAt),
    updatedAt: new Date(event.at),
    lastSeq: event.seq,
  };
  const { caseId: _key, ...changes } = row;
  await db.transaction(async (tx) => {
    await tx
      .insert(cases)
      .values(row)
      .onConflictDoUpdate({ target: cases.caseId, set: changes, setWhere: sql`${cases.lastSeq} < ${event.seq}` });
    await tx
      .insert(caseEvents)
      .values({
        caseId: event.caseId,
        seq: event.seq,
        type: event.type,
        at: new Date(event.at),
        actorId: event.actor.id,
        actorRole: event.actor.role,
        stage: event.stage,
        data: event.data,
      })
      .onConflictDoNothing();
  });
}
