// The workforce's side of the read model: a worker whose open cases pass the caseload threshold is named
// to the Kasi once per crossing; every day the Kasi hears which staff's verification or certification
// lapses soon, with how many open cases they carry; and ladder notices reach the role holders by name.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { cases, notifications, staff, staffEvents } from '../db/schema';
import { caseloadOf, staffRecord } from '../db/staff';
import type { Audience, NotificationRequest } from '../domain/notifications';
import { localDay } from '../domain/local-time';
import type { PracticeRole } from '../domain/workforce';
import { lapsing, standing } from '../domain/workforce';

/**
 * Re-counts the open cases of these workers. Above the threshold and not yet warned: one staff event and
 * one notice to the Kasi, in one transaction behind a conditional update, so a retried or racing write
 * warns exactly once; back at or under it, the next crossing warns again.
 */
export async function checkCaseloads(db: Db, staffIds: readonly (string | null)[], threshold: number, now: Date): Promise<void> {
  for (const staffId of new Set(staffIds.filter((id): id is string => !!id))) {
    const [row] = await db.select().from(staff).where(eq(staff.staffId, staffId));
    if (!row) continue;
    const open = await caseloadOf(db, staffId);
    // Counted again inside each conditional update, so a racing write never leaves the flag wrong.
    const openNow = sql`(select count(*) from ${cases} where ${cases.assignedWorker} = ${staffId} and ${cases.status} = 'open')`;
    if (open <= threshold) {
      await db.update(staff).set({ caseloadWarnedAt: null }).where(and(eq(staff.staffId, staffId), sql`${staff.caseloadWarnedAt} is not null`, sql`${openNow} <= ${threshold}`));
      continue;
    }
    const notice: NotificationRequest = {
      key: `caseload:${staffId}:${now.toISOString()}`,
      caseId: `staff:${staffId}`,
      audience: 'supervisor',
      staffId: null,
      regionCode: row.regionCode,
      template: 'caseload.over',
      data: { staffId, open, threshold },
    };
    const addressed = await toRoleHolders(db, [notice], now);
    await db.transaction(async (tx) => {
      const marked = await tx
        .update(staff)
        .set({ caseloadWarnedAt: now })
        .where(and(eq(staff.staffId, staffId), sql`${staff.caseloadWarnedAt} is null`, sql`${openNow} > ${threshold}`))
        .returning({ staffId: staff.staffId });
      if (!marked.length) return;
      await tx.insert(staffEvents).values({ staffId, type: 'staff.caseload_over', actorId: 'sigap', data: { open, threshold } });
      await queueRows(tx, addressed);
    });
  }
}

export interface LapsingNotice {
  regionCode: string;
  staffIds: string[];
  openCases: number;
}

/**
 * The day's list for each region's Kasi: active staff whose verification or certification lapses within
 * `withinDays` (or has lapsed), and how many open cases they carry. Keyed by region and day: the
 * Schedule's retries and overlapping runs queue it once.
 */
export async function noticeLapsingStaff(db: Db, withinDays: number, now: Date): Promise<LapsingNotice[]> {
  const rows = await db.select().from(staff).where(eq(staff.active, true));
  const lapsingRows = rows.filter((r) => lapsing(staffRecord(r), now, withinDays));
  const byRegion = new Map<string, string[]>();
  for (const r of lapsingRows) byRegion.set(r.regionCode, [...(byRegion.get(r.regionCode) ?? []), r.staffId]);
  const notices: LapsingNotice[] = [];
  for (const [regionCode, staffIds] of byRegion) {
    // The region's own calendar day: the 06:00 WIB run is the day before in UTC.
    const day = localDay(now, regionCode);
    const [counted] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(cases)
      .where(and(inArray(cases.assignedWorker, staffIds), eq(cases.status, 'open')));
    const openCases = counted?.n ?? 0;
    const notice: NotificationRequest = {
      key: `staff-lapsing:${regionCode}:${day}`,
      caseId: `region:${regionCode}`,
      audience: 'supervisor',
      staffId: null,
      regionCode,
      template: 'staff.lapsing',
      data: { regionCode, count: staffIds.length, staffIds: staffIds.join(','), openCases, withinDays },
    };
    await queueRows(db, await toRoleHolders(db, [notice], now));
    notices.push({ regionCode, staffIds, openCases });
  }
  return notices;
}

/** Outbox rows for these notices (a key already there is not queued again). */
async function queueRows(db: Pick<Db, 'insert'>, requests: NotificationRequest[]): Promise<void> {
  if (!requests.length) return;
  await db
    .insert(notifications)
    .values(requests.map(({ key, caseId, audience, staffId, regionCode, template, data }) => ({ key, caseId, audience, staffId, regionCode, template, data })))
    .onConflictDoNothing();
}

const HOLDERS: Partial<Record<Audience, PracticeRole>> = { supervisor: 'kasi', kepala_bidang: 'kabid', kepala_dinas: 'kadis' };

/**
 * A notice for a region's Kasi, Kabid or Kadis goes to each registered holder of that role in the region
 * by their staff address; a region whose heads are not registered yet keeps the role address.
 */
export async function toRoleHolders(db: Db, requests: NotificationRequest[], now: Date): Promise<NotificationRequest[]> {
  const out: NotificationRequest[] = [];
  for (const r of requests) {
    const role = HOLDERS[r.audience];
    if (!role || r.staffId) {
      out.push(r);
      continue;
    }
    const holders = (await db.select().from(staff).where(and(eq(staff.role, role), eq(staff.regionCode, r.regionCode), eq(staff.active, true)))).filter(
      (row) => !standing(staffRecord(row), now),
    );
    if (!holders.length) out.push(r);
    for (const h of holders) out.push({ ...r, key: `${r.key}:${h.staffId}`, staffId: h.staffId });
  }
  return out;
}
