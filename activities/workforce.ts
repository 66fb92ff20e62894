// The workforce's side of the read model: a worker whose open cases pass the caseload threshold is named
// to the Kasi once per crossing; every day the Kasi hears which staff's verification or certification
// lapses soon, with how many open cases they carry. Both notices reach the Kasi by name (see the outbox).
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { cases, staff, staffEvents } from '../db/schema';
import { caseloadOf, staffRecord } from '../db/staff';
import { realCases } from '../db/training';
import type { NotificationRequest } from '../domain/notifications';
import { localDay } from '../domain/local-time';
import { lapsing } from '../domain/workforce';
import { insertOutbox, toRoleHolders } from './notification-outbox';

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
    const openNow = sql`(select count(*) from ${cases} where ${cases.assignedWorker} = ${staffId} and ${cases.status} = 'open' and ${realCases()})`;
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
      await insertOutbox(tx, addressed);
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
      .where(and(inArray(cases.assignedWorker, staffIds), eq(cases.status, 'open'), realCases()));
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
    await insertOutbox(db, await toRoleHolders(db, [notice], now));
    notices.push({ regionCode, staffIds, openCases });
  }
  return notices;
}
