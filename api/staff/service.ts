// The staff registry over HTTP: register (Idempotency-Key), change, deactivate, list and read records,
// and a worker's caseload. An admin manages everyone; a Kasi the workers of the regions they hold, never
// the heads. Records outside the caller's regions do not exist for them (404).
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { staff } from '../../db/schema';
import type { StaffRow } from '../../db/staff';
import { caseloadOf, findStaff, recordStaffEvent, staffRecord } from '../../db/staff';
import type { StaffRecord } from '../../domain/workforce';
import { HEAD_ROLES, PERMISSIONS, recordProblems, standing } from '../../domain/workforce';
import type { Keyset, Page } from '../http/keyset';
import { keysetPage } from '../http/keyset';
import type { Principal } from '../http/principal';
import { canSeeRegion } from '../http/principal';
import { ProblemError } from '../http/problem';
import { regionFilter, regionScope } from '../http/region-scope';
import type { RegisterStaff, StaffQuery, UpdateStaff } from './schemas';

const BY_ID: Keyset<StaffRow> = [
  { name: 'r', column: staff.regionCode, kind: 'text', direction: 'asc', value: (s) => s.regionCode },
  { name: 'id', column: staff.staffId, kind: 'text', direction: 'asc', value: (s) => s.staffId },
];

const today = (now: Date) => now.toISOString().slice(0, 10);

export function staffView(row: StaffRow, now: Date) {
  const record = staffRecord(row);
  return {
    ...record,
    standing: standing(record, now) ?? null,
    version: row.version,
    links: { self: `/v1/staff/${row.staffId}`, caseload: `/v1/staff/${row.staffId}/caseload` },
  };
}

/**
 * A Kasi manages the workers of their own unit (a registered Kasi: that unit; an unregistered supervisor
 * in `known` mode: their regions); the heads and admins only an admin registers or changes.
 */
function assertManages(principal: Principal, record: Pick<StaffRecord, 'regionCode' | 'role' | 'unitCode'>): void {
  if (principal.role === 'admin') return;
  if (principal.role !== 'supervisor' || HEAD_ROLES.includes(record.role)) throw ProblemError.of('FORBIDDEN');
  if (!canSeeRegion(principal, record.regionCode)) throw ProblemError.of('REGION_NOT_ALLOWED');
  const own = principal.practice;
  if (own && (own.role !== 'kasi' || own.unitCode !== record.unitCode)) throw ProblemError.of('FORBIDDEN');
}

function assertValid(record: StaffRecord, now: Date, isNew: boolean): void {
  const problems = recordProblems(record, today(now), isNew);
  if (problems.length) throw ProblemError.of('VALIDATION_FAILED', problems);
}

/** A record the caller may see, or 404: outside their regions it does not exist for them. */
export async function visibleStaff(db: Db, principal: Principal, staffId: string): Promise<StaffRow> {
  const row = await findStaff(db, staffId);
  if (!row || !canSeeRegion(principal, row.regionCode)) throw ProblemError.of('STAFF_NOT_FOUND');
  return row;
}

export async function registerStaff(db: Db, principal: Principal, body: RegisterStaff, now: Date): Promise<{ row: StaffRow; created: boolean }> {
  const record: StaffRecord = {
    staffId: body.staffId,
    unitCode: body.unitCode,
    unitKind: body.unitKind,
    regionCode: body.regionCode,
    kecamatanCode: body.kecamatanCode ?? null,
    role: body.role,
    certificationNo: body.certificationNo ?? null,
    certifiedUntil: body.certifiedUntil ?? null,
    verifiedUntil: body.verifiedUntil ?? null,
    active: true,
  };
  assertManages(principal, record);
  assertValid(record, now, true);
  const inserted = await db
    .insert(staff)
    .values({ ...record, provinceCode: record.regionCode.slice(0, 2), createdAt: now, updatedAt: now })
    .onConflictDoNothing()
    .returning();
  if (inserted[0]) {
    await recordStaffEvent(db, record.staffId, 'staff.registered', principal.id, { role: record.role, regionCode: record.regionCode });
    return { row: inserted[0], created: true };
  }
  // The same registration again is the same record; a different one for the same id is a conflict.
  const existing = (await findStaff(db, record.staffId))!;
  const same = JSON.stringify({ ...staffRecord(existing), active: true }) === JSON.stringify(record);
  if (!same) throw ProblemError.of('STAFF_EXISTS');
  return { row: existing, created: false };
}

export async function updateStaff(db: Db, principal: Principal, staffId: string, body: UpdateStaff, now: Date): Promise<StaffRow> {
  const row = await visibleStaff(db, principal, staffId);
  const before = staffRecord(row);
  assertManages(principal, before);
  const after: StaffRecord = { ...before, ...Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined)) } as StaffRecord;
  assertManages(principal, after);
  assertValid(after, now, false);
  const changed = (Object.keys(body) as (keyof UpdateStaff)[]).filter((k) => body[k] !== undefined && body[k] !== before[k]);
  if (!changed.length) return row;
  const [updated] = await db
    .update(staff)
    .set({ ...after, provinceCode: after.regionCode.slice(0, 2), updatedAt: now, version: sql`${staff.version} + 1` })
    .where(and(eq(staff.staffId, staffId), eq(staff.version, row.version)))
    .returning();
  // Someone else changed it in between: the caller sees the newest record and may try again.
  if (!updated) throw ProblemError.of('STAFF_CHANGED');
  const type = body.active === false && before.active ? 'staff.deactivated' : body.active === true && !before.active ? 'staff.reactivated' : 'staff.updated';
  await recordStaffEvent(db, staffId, type, principal.id, { fields: changed.join(',') });
  return updated;
}

export async function listStaff(db: Db, principal: Principal, q: StaffQuery, now: Date): Promise<Page<StaffRow>> {
  const horizon = q.lapsingWithinDays === undefined ? undefined : today(new Date(now.getTime() + q.lapsingWithinDays * 86_400_000));
  const certifiedRoles = Object.entries(PERMISSIONS)
    .filter(([, p]) => p.certified)
    .map(([role]) => role);
  const lapsing = horizon
    ? or(
        and(sql`${staff.role} <> 'admin'`, or(isNull(staff.verifiedUntil), lt(staff.verifiedUntil, horizon))),
        and(sql`${staff.role} in (${sql.join(certifiedRoles.map((r) => sql`${r}`), sql`, `)})`, or(isNull(staff.certifiedUntil), lt(staff.certifiedUntil, horizon))),
      )
    : undefined;
  const filters = [
    regionScope(principal, staff),
    regionFilter(q.region, staff),
    q.role ? eq(staff.role, q.role) : undefined,
    q.active ? eq(staff.active, q.active === 'true') : undefined,
    lapsing,
  ];
  return keysetPage(BY_ID, q, (after, order, limit) =>
    db
      .select()
      .from(staff)
      .where(and(...filters, after))
      .orderBy(...order)
      .limit(limit),
  );
}

export async function caseload(db: Db, principal: Principal, staffId: string, threshold: number) {
  await visibleStaff(db, principal, staffId);
  const open = await caseloadOf(db, staffId);
  return { staffId, open, threshold, over: open > threshold };
}

