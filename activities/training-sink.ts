// The training sink (simulasi kasus): where a training case's notices go instead of the gateway. The
// message is kept as the gateway would have sent it, for the trainer to read with the session
// (GET /v1/training/sessions/:id/messages), and the outbox row is marked delivered in the same
// transaction, so a dispatcher that dies between the two leaves it pending, never lost or doubled.
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { notifications, trainingMessages, trainingSessions } from '../db/schema';

export interface SinkRow {
  key: string;
  caseId: string;
  audience: string;
  staffId: string | null;
  template: string;
  trainingSessionId: string;
}

export async function deliverToTrainingSink(db: Db, row: SinkRow, message: { channel: string; language: string; body: string }, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    // The session was deleted meanwhile: its notice goes with it.
    const [session] = await tx.select({ id: trainingSessions.sessionId }).from(trainingSessions).where(eq(trainingSessions.sessionId, row.trainingSessionId));
    if (!session) {
      await tx.delete(notifications).where(eq(notifications.key, row.key));
      return;
    }
    await tx
      .insert(trainingMessages)
      .values({
        key: row.key,
        sessionId: row.trainingSessionId,
        caseId: row.caseId,
        audience: row.audience,
        staffId: row.staffId,
        template: row.template,
        channel: message.channel,
        language: message.language,
        body: message.body,
      })
      .onConflictDoNothing();
    await tx
      .update(notifications)
      .set({ status: 'delivered', sentAt: now, deliveredAt: now, channel: message.channel, language: message.language, leaseUntil: null, lastError: null })
      .where(eq(notifications.key, row.key));
  });
}
