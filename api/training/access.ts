// Who may see and act on a training case (simulasi kasus): its group's members and the session's trainer
// — nobody else, whatever their regions: to anyone else it does not exist (404, like another region's
// case). And where the rules' refusals of a training case's commands are kept, since a refused Update
// leaves no trace in the history and the scoring counts them.
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { trainingGroups, trainingRefusals, trainingSessions } from '../../db/schema';

/** One of the case's group, or the trainer of its session. */
export async function isTrainingParticipant(db: Db, staffId: string, caseId: string): Promise<boolean> {
  const [row] = await db
    .select({ members: trainingGroups.members, trainerId: trainingSessions.trainerId })
    .from(trainingGroups)
    .innerJoin(trainingSessions, eq(trainingSessions.sessionId, trainingGroups.sessionId))
    .where(eq(trainingGroups.caseId, caseId));
  return row !== undefined && (row.trainerId === staffId || row.members.includes(staffId));
}

export interface TrainingRefusal {
  sessionId: string;
  caseId: string;
  actorId: string;
  command: string;
  code: string;
}

/**
 * Keeps a refusal for the session's scoring. The caller hears the refusal itself whatever happens here: a
 * database that cannot keep it costs the session one count, not the trainee their answer.
 */
export async function recordTrainingRefusal(db: Db, refusal: TrainingRefusal): Promise<void> {
  try {
    await db.insert(trainingRefusals).values(refusal);
  } catch {
    // The session was deleted meanwhile, or the database is away: nothing to score then.
  }
}
