// The notification outbox: rows the dispatcher drains into the gateway. The key makes a retried activity
// queue nothing twice.
import type { Db } from '../db/client';
import { notifications } from '../db/schema';
import type { NotificationRequest } from '../domain/notifications';
import { toRoleHolders } from './workforce';

/** Inserts the requests into the outbox, a head's notice once per registered holder of the role. */
export async function queueNotifications(db: Db, given: NotificationRequest[]): Promise<void> {
  if (given.length === 0) return;
  await insertOutbox(db, await toRoleHolders(db, given, new Date()));
}

/** The rows themselves, into the outbox (or a transaction's view of it). */
export async function insertOutbox(into: Pick<Db, 'insert'>, requests: NotificationRequest[]): Promise<void> {
  if (requests.length === 0) return;
  await into
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
