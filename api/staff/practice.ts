// Who the caller is in practice: after the token is verified, the staff registry says their role, region
// and standing (a deactivated or lapsed record is refused on every route, its token still valid or not).
// Mode `required` (production's default) refuses a token with no record; mode `known` (development)
// lets an unregistered token act on its own claims, so a deployment can adopt the registry step by step.
import type { NextFunction, Request, Response } from 'express';
import type { Db } from '../../db/client';
import type { StaffRow } from '../../db/staff';
import { findStaff, staffRecord } from '../../db/staff';
import type { CommandType } from '../../domain/commands';
import { isChild } from '../../domain/steps/guards';
import type { StaffRecord, StaffRefusal, StaffRegistryMode } from '../../domain/workforce';
import { assignmentRefusal, mayGive, PERMISSIONS, standing } from '../../domain/workforce';
import type { CaseView } from '../../workflows/case/contract';
import { isDatabaseUnavailable } from '../http/failures';
import type { ApiCode } from '../http/problem';
import { ProblemError } from '../http/problem';
import type { Principal } from '../http/principal';
import { principalOf, setPrincipal } from '../http/principal';

/** Records read in the last half minute are answered from memory. */
const CACHE_MS = 30_000;
/** While the database is down, a record read in the last five minutes still answers; an older one does not. */
const STALE_MS = 5 * 60_000;

export class StaffDirectory {
  private readonly cache = new Map<string, { row: StaffRow | undefined; at: number }>();

  constructor(
    readonly db: Db,
    readonly mode: StaffRegistryMode,
  ) {}

  /** The record, or undefined when there is none; a database outage falls back on a recent read. */
  async find(staffId: string): Promise<StaffRow | undefined> {
    const cached = this.cache.get(staffId);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.row;
    try {
      const row = await findStaff(this.db, staffId);
      this.cache.set(staffId, { row, at: Date.now() });
      return row;
    } catch (err) {
      if (!isDatabaseUnavailable(err)) throw err;
      if (cached && Date.now() - cached.at < STALE_MS) return cached.row;
      // Nobody may act on a registry that cannot be read; in `known` mode the token's own claims stand.
      if (this.mode === 'required') throw err;
      return undefined;
    }
  }

  /** A change made here takes effect at once in this process (others within CACHE_MS). */
  forget(staffId: string): void {
    this.cache.delete(staffId);
  }
}

const STANDING_CODES: Record<StaffRefusal, ApiCode> = {
  STAFF_INACTIVE: 'STAFF_INACTIVE',
  STAFF_UNVERIFIED: 'STAFF_UNVERIFIED',
  CERTIFICATION_LAPSED: 'CERTIFICATION_LAPSED',
  STAFF_CANNOT_CARRY: 'PRACTICE_ROLE_NOT_ALLOWED',
  STAFF_OUTSIDE_REGION: 'REGION_NOT_ALLOWED',
};

const ASSIGNEE_CODES: Record<StaffRefusal, ApiCode> = {
  STAFF_INACTIVE: 'ASSIGNEE_INACTIVE',
  STAFF_UNVERIFIED: 'ASSIGNEE_UNVERIFIED',
  CERTIFICATION_LAPSED: 'ASSIGNEE_CERTIFICATION_LAPSED',
  STAFF_CANNOT_CARRY: 'ASSIGNEE_CANNOT_CARRY',
  STAFF_OUTSIDE_REGION: 'ASSIGNEE_OUTSIDE_REGION',
};

/** After authentication: the registry's role, regions and standing replace the token's claims. */
export function practiceOf(directory: StaffDirectory) {
  return async (req: Request, _res: Response, next: NextFunction): Promise<void> => {
    const principal = principalOf(req);
    // Partners are not staff: their callbacks carry their own facility codes.
    if (principal.role === 'partner') return next();
    const row = await directory.find(principal.id);
    if (!row) {
      if (directory.mode === 'required') throw ProblemError.of('STAFF_NOT_REGISTERED');
      return next();
    }
    const record = staffRecord(row);
    const refused = standing(record, new Date());
    if (refused) throw ProblemError.of(STANDING_CODES[refused]);
    // An admin keeps the regions the identity provider gave; everyone else works in their unit's region.
    const regions = record.role === 'admin' ? principal.regions : [record.regionCode];
    setPrincipal(req, { ...principal, role: PERMISSIONS[record.role].actsAs, regions, practice: record });
    next();
  };
}

/** Commands that name the worker who will carry the case, and the region they must work in. */
export function assignee(command: { type: CommandType; assignedWorker?: string }, view: Pick<CaseView, 'regionCode' | 'transfers'>): { staffId: string; region: string } | undefined {
  if (!command.assignedWorker) return undefined;
  if (command.type === 'decideTransfer') return { staffId: command.assignedWorker, region: view.transfers.at(-1)?.regionCode ?? view.regionCode };
  return command.type === 'acknowledge' || command.type === 'reassign' ? { staffId: command.assignedWorker, region: view.regionCode } : undefined;
}

/** A worker named at intake (a case, or a group's batch) must be one who may carry it, as a later assignment must. */
export async function assertAssignable(directory: StaffDirectory | undefined, staffId: string | undefined, region: string): Promise<void> {
  const refused = directory && staffId ? await assigneeRefusal(directory, { staffId, region }, new Date()) : undefined;
  if (refused) throw ProblemError.of(refused);
}

/** Whether the named worker may newly carry a case of that region (only active, verified workers of it). */
export async function assigneeRefusal(directory: StaffDirectory, who: { staffId: string; region: string }, now: Date): Promise<ApiCode | undefined> {
  const row = await directory.find(who.staffId);
  if (!row) return directory.mode === 'required' ? 'ASSIGNEE_NOT_REGISTERED' : undefined;
  const refused = assignmentRefusal(staffRecord(row), who.region, now);
  return refused && ASSIGNEE_CODES[refused];
}

/**
 * What the caller's practice role allows on this case (the case rules check the abstract role after):
 * their commands, their kecamatan (TKSK, PSM), a child's assessment only by a certified pekerja sosial,
 * the heads' escalations only from their level.
 */
export function practiceRefusal(record: StaffRecord, type: CommandType, view: CaseView, now: Date): ApiCode | undefined {
  const role = PERMISSIONS[record.role];
  if (!mayGive(record.role, type)) return 'PRACTICE_ROLE_NOT_ALLOWED';
  if (role.kecamatanOnly) {
    const area = view.report.place?.areaCode;
    if (!area || !record.kecamatanCode || !(area === record.kecamatanCode || area.startsWith(`${record.kecamatanCode}.`))) return 'OUTSIDE_KECAMATAN';
  }
  if (type === 'recordAssessment' && isChild(view, now) && !role.certified) return 'CERTIFIED_WORKER_REQUIRED';
  // The heads take charge of escalations of their level; reassigning across the unit needs none.
  const ladderCommand = type === 'acknowledgeEscalation' || type === 'extendDeadline';
  if (role.escalationLevel && ladderCommand && view.escalationLevel < role.escalationLevel) return 'ESCALATION_LEVEL_TOO_LOW';
  return undefined;
}

/** A relawan reads a case without who the person is, where they were found, or what was written about them. */
export function withoutPersonalData(view: CaseView): CaseView {
  return {
    ...view,
    subject: {},
    report: { channel: view.report.channel },
    notes: [],
    identity: undefined,
    plan: view.plan && { ...view.plan, goals: undefined, revision: view.plan.revision && { ...view.plan.revision, goals: [] } },
  } as CaseView;
}

export const seesPersonalData = (principal: Principal) => !principal.practice || PERMISSIONS[principal.practice.role].seesPersonalData;
