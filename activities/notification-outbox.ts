import type { Db } from '../db/client';
import { notifications } from '../db/schema';
import type { NotificationRequest } from '../domain/notifications';
import { toRoleHolders } from './workforce';

/**
 * Inserts the requests into the outbox, a head's notice once per registered holder of the role; the key
 * makes a retried activity queue nothing twice.
 */
export async function queueNotifications(db: Db, given: NotificationRequest[]): Promise<void> {
  if (given.length === 0) return;
  const requests = await toRoleHolders(db, given, new Date());
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
