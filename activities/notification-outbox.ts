import type { Db } from '../db/client';
import { notifications } from '../db/schema';
import type { NotificationRequest } from '../domain/notifications';

/** Inserts the requests into the outbox; the key makes a retried activity queue nothing twice. */
export async function queueNotifications(db: Db, requests: NotificationRequest[]): Promise<void> {
  if (requests.length === 0) return;
  await db
    .insert(notifications)
    .values(
      requests.map((r) => ({
        key: r.key,
        caseId: r.caseId,
        audience: r.audience,
        staffId: r.staffId,
        regionCode: r.regionCode,
        template: r.template,
        data: r.data,
      })),
    )
    .onConflictDoNothing();
}
