// The floor's one activity: a note's timeline-like row (bench_timeline, from bench/raw-floor/), retried
// safely (a repeated attempt writes nothing twice).
import type { Db } from '../../db/client';
import { benchTimeline } from '../raw-floor/tables';

export interface FloorNote {
  caseId: string;
  seq: number;
  /** Workflow time of the Update. */
  at: string;
}

export function createFloorNoteActivities(db: Db) {
  return {
    async recordNotes(notes: FloorNote[]): Promise<void> {
      await db
        .insert(benchTimeline)
        .values(notes.map((n) => ({ caseId: n.caseId, seq: n.seq, type: 'note.added', at: new Date(n.at), data: { by: 'bench' } })))
        .onConflictDoNothing();
    },
  };
}

export type FloorNoteActivities = ReturnType<typeof createFloorNoteActivities>;
