// The floor's one activity: a fired deadline's timeline row and outbox row in one transaction, retried
// safely (a repeated attempt writes nothing twice), as Sigap's recordStep does for a step.
import type { Db } from '../../db/client';
import { benchOutbox, benchTimeline } from './tables';

export interface FiredDeadline {
  caseId: string;
  dueAt: string;
  /** Workflow time when the timer fired. */
  firedAt: string;
}

export function createFloorActivities(db: Db) {
  return {
    async recordFired(d: FiredDeadline): Promise<void> {
      await db.transaction(async (tx) => {
        await tx
          .insert(benchTimeline)
          .values({ caseId: d.caseId, seq: 1, type: 'deadline.missed', at: new Date(d.firedAt), data: { kind: 'first_response', dueAt: d.dueAt } })
          .onConflictDoNothing();
        await tx
          .insert(benchOutbox)
          .values({ key: `${d.caseId}:deadline:L1:supervisor`, caseId: d.caseId, audience: 'supervisor', template: 'escalation.level1', data: { caseId: d.caseId, dueAt: d.dueAt } })
          .onConflictDoNothing();
      });
    },
  };
}

export type FloorActivities = ReturnType<typeof createFloorActivities>;
