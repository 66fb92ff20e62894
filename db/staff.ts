// The staff registry's reads and writes, shared by the API (registration, authentication, assignment)
// and the worker's activities (caseload warnings, the daily verification list).
import { and, count, eq } from 'drizzle-orm';
import type { PracticeRole, StaffRecord, UnitKind } from '../domain/workforce';
import type { Db } from './client';
import { cases, staff, staffEvents } from './schema';
import { realCases } from './training';

export type StaffRow = typeof staff.$inferSelect;

export function staffRecord(row: StaffRow): StaffRecord {
  return {
    staffId: row.staffId,
    unitCode: row.unitCode,
    unitKind: row.unitKind as UnitKind,
    regionCode: row.regionCode,
    kecamatanCode: row.kecamatanCode,
    role: row.role as PracticeRole,
    certificationNo: row.certificationNo,
    certifiedUntil: row.certifiedUntil,
    verifiedUntil: row.verifiedUntil,
    active: row.active,
  };
}

export async function findStaff(db: Db, staffId: string): Promise<StaffRow | undefined> {
  const [row] = await db.select().from(staff).where(eq(staff.staffId, staffId));
  return row;
}

/** Open cases a worker carries, from the read model (a training case is no one's caseload). */
export async function caseloadOf(db: Db, staffId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(cases)
    .where(and(eq(cases.assignedWorker, staffId), eq(cases.status, 'open'), realCases()));
  return row?.n ?? 0;
}

export async function recordStaffEvent(db: Db, staffId: string, type: string, actorId: string, data: Record<string, string | number | boolean | null> = {}): Promise<void> {
  await db.insert(staffEvents).values({ staffId, type, actorId, data });
}
