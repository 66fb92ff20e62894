// The notification outbox: rows the dispatcher drains into the gateway, a head's notice addressed to the
// registered holders of the role. The key makes a retried activity queue nothing twice.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { prepared } from '../db/prepared';
import { notifications, staff } from '../db/schema';
import { staffRecord } from '../db/staff';
import type { Audience, NotificationRequest } from '../domain/notifications';
import type { PracticeRole } from '../domain/workforce';
import { standing } from '../domain/workforce';
import type { OutboxRow } from './step-statement';

/** Inserts the requests into the outbox, a head's notice once per registered holder of the role. */
export async function queueNotifications(db: Db, given: NotificationRequest[]): Promise<void> {
  if (given.length === 0) return;
  await insertOutbox(db, await toRoleHolders(db, given, new Date()));
}

/** The rows themselves, into the outbox (or a transaction's view of it). */
export async function insertOutbox(into: Pick<Db, 'insert'>, requests: NotificationRequest[]): Promise<void> {
  if (requests.length === 0) return;
  await into.insert(notifications).values(outboxRows(requests)).onConflictDoNothing();
}

/** The outbox rows of addressed requests. */
export function outboxRows(requests: NotificationRequest[]): OutboxRow[] {
  return requests.map(({ key, caseId, audience, staffId, regionCode, template, data, trainingSessionId }) => ({
    key,
    caseId,
    audience,
    staffId,
    regionCode,
    template,
    data,
    trainingSessionId: trainingSessionId ?? null,
  }));
}

/** Active staff of some regions: most steps that notify a head ask it. */
const activeStaffOf = (db: Db) =>
  prepared(db, 'sigap_active_staff_of_regions', (d, name) =>
    d
      .select()
      .from(staff)
      .where(and(sql`${staff.regionCode} = ANY(${sql.placeholder('regions')})`, eq(staff.active, true)))
      .prepare(name),
  );

const HOLDERS: Partial<Record<Audience, PracticeRole>> = { supervisor: 'kasi', kepala_bidang: 'kabid', kepala_dinas: 'kadis' };

/**
 * A notice for a region's Kasi, Kabid or Kadis goes to each registered holder of that role in the region
 * by their staff address; a region whose heads are not registered yet keeps the role address. One query
 * for all the requests of a step.
 */
export async function toRoleHolders(db: Db, requests: NotificationRequest[], now: Date): Promise<NotificationRequest[]> {
  const addressed = requests.filter((r) => HOLDERS[r.audience] && !r.staffId);
  if (!addressed.length) return requests;
  const rows = await activeStaffOf(db).execute({ regions: [...new Set(addressed.map((r) => r.regionCode))] });
  const holders = rows.filter((row) => !standing(staffRecord(row), now));
  return requests.flatMap((r) => {
    const role = HOLDERS[r.audience];
    if (!role || r.staffId) return [r];
    const named = holders.filter((h) => h.role === role && h.regionCode === r.regionCode);
    return named.length ? named.map((h) => ({ ...r, key: `${r.key}:${h.staffId}`, staffId: h.staffId })) : [r];
  });
}
