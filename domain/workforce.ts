// The workforce of a Dinas Sosial as practice knows it: who works where, in which role, and whether their
// certification and verification (verivali) still hold. One table says what each practice role may do;
// the case rules keep their four abstract roles, and each practice role acts as one of them.
import type { CommandType } from './commands';
import { localDay } from './local-time';
import type { Role, TokenRole } from './roles';

/** `required`: every staff token needs a registry record; `known`: registered staff follow it, others their token. */
export const STAFF_REGISTRY_MODES = ['required', 'known'] as const;
export type StaffRegistryMode = (typeof STAFF_REGISTRY_MODES)[number];

/** Who a Dinsos unit is: a kabupaten/kota Dinsos, a province's Dinsos, a UPTD or panti, a Sentra Kemensos. */
export const UNIT_KINDS = ['dinsos_kabkota', 'dinsos_provinsi', 'uptd_panti', 'sentra_kemensos'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/**
 * Pekerja sosial (certified), pendamping sosial (incl. pendamping ATENSI), penyuluh sosial, TKSK (one per
 * kecamatan), PSM (community volunteers with a kecamatan), relawan, petugas intake (operator), Kepala
 * Seksi, Kepala Bidang, Kepala Dinas, and the system administrator.
 */
export const PRACTICE_ROLES = ['pekerja_sosial', 'pendamping_sosial', 'penyuluh_sosial', 'tksk', 'psm', 'relawan', 'petugas_intake', 'kasi', 'kabid', 'kadis', 'admin'] as const;
export type PracticeRole = (typeof PRACTICE_ROLES)[number];

export interface Permissions {
  /** The role the case rules know them by. */
  actsAs: Role & TokenRole;
  /** May be the assigned worker of a case. */
  carriesCases: boolean;
  /** Their case commands: every one the abstract role may give, or only these. */
  commands: 'all' | readonly CommandType[];
  /** Works only in their kecamatan: acts on a case reported there. */
  kecamatanOnly: boolean;
  /** Reads names, NIK, addresses and notes; a relawan reads the case without them. */
  seesPersonalData: boolean;
  /** Acts on escalations from this level of the ladder (the Kabid from 2, the Kadis from 3). */
  escalationLevel?: 2 | 3;
  /** Needs a current certification (the pekerja sosial's). */
  certified: boolean;
}

/** Outreach in the kecamatan: the first response, the rapid assessment, visits, tracing, notes. */
const FIELD: readonly CommandType[] = ['acknowledge', 'recordRapidAssessment', 'recordVisit', 'recordTracingAttempt', 'recordHomeVisit', 'recordAbsence', 'recordReturn', 'addNote'];
/** The heads act on escalations and on who carries a case, not on the case's content. */
const HEADS: readonly CommandType[] = ['acknowledgeEscalation', 'extendDeadline', 'reassign', 'addNote'];

export const PERMISSIONS: Record<PracticeRole, Permissions> = {
  pekerja_sosial: { actsAs: 'case_manager', carriesCases: true, commands: 'all', kecamatanOnly: false, seesPersonalData: true, certified: true },
  pendamping_sosial: { actsAs: 'case_manager', carriesCases: true, commands: 'all', kecamatanOnly: false, seesPersonalData: true, certified: false },
  penyuluh_sosial: { actsAs: 'case_manager', carriesCases: false, commands: FIELD, kecamatanOnly: false, seesPersonalData: true, certified: false },
  // A TKSK does the outreach and the visits in their kecamatan; a pendamping or pekerja sosial carries the case.
  tksk: { actsAs: 'case_manager', carriesCases: false, commands: FIELD, kecamatanOnly: true, seesPersonalData: true, certified: false },
  psm: { actsAs: 'case_manager', carriesCases: false, commands: FIELD, kecamatanOnly: true, seesPersonalData: true, certified: false },
  relawan: { actsAs: 'operator', carriesCases: false, commands: [], kecamatanOnly: false, seesPersonalData: false, certified: false },
  petugas_intake: { actsAs: 'operator', carriesCases: false, commands: 'all', kecamatanOnly: false, seesPersonalData: true, certified: false },
  kasi: { actsAs: 'supervisor', carriesCases: false, commands: 'all', kecamatanOnly: false, seesPersonalData: true, certified: false },
  kabid: { actsAs: 'supervisor', carriesCases: false, commands: HEADS, kecamatanOnly: false, seesPersonalData: true, escalationLevel: 2, certified: false },
  kadis: { actsAs: 'supervisor', carriesCases: false, commands: HEADS, kecamatanOnly: false, seesPersonalData: true, escalationLevel: 3, certified: false },
  admin: { actsAs: 'admin', carriesCases: false, commands: 'all', kecamatanOnly: false, seesPersonalData: true, certified: false },
};

/** A staff record as the rules need it (no name, no phone: the identity provider holds those). */
export interface StaffRecord {
  staffId: string;
  unitCode: string;
  unitKind: UnitKind;
  regionCode: string;
  kecamatanCode: string | null;
  role: PracticeRole;
  certificationNo: string | null;
  certifiedUntil: string | null;
  verifiedUntil: string | null;
  active: boolean;
}

export const STAFF_REFUSALS = ['STAFF_INACTIVE', 'STAFF_UNVERIFIED', 'CERTIFICATION_LAPSED', 'STAFF_CANNOT_CARRY', 'STAFF_OUTSIDE_REGION'] as const;
export type StaffRefusal = (typeof STAFF_REFUSALS)[number];

/** A date holds through its last day in the staff member's own zone (WIB, WITA, WIT). */
const lapsedBy = (until: string | null, day: string) => !until || until < day;

/** Whether the record may act at all today: active, verified (verivali) and, where needed, certified. */
export function standing(s: StaffRecord, now: Date): StaffRefusal | undefined {
  if (!s.active) return 'STAFF_INACTIVE';
  const day = localDay(now, s.regionCode);
  if (s.role !== 'admin' && lapsedBy(s.verifiedUntil, day)) return 'STAFF_UNVERIFIED';
  if (PERMISSIONS[s.role].certified && lapsedBy(s.certifiedUntil, day)) return 'CERTIFICATION_LAPSED';
  return undefined;
}

/**
 * Whether a case in `caseRegion` may be newly assigned to this worker: a worker of that very region (a
 * provincial worker carries the province's own cases, not a kabupaten's — regional autonomy).
 */
export function assignmentRefusal(s: StaffRecord, caseRegion: string, now: Date): StaffRefusal | undefined {
  return standing(s, now) ?? (!PERMISSIONS[s.role].carriesCases ? 'STAFF_CANNOT_CARRY' : s.regionCode !== caseRegion ? 'STAFF_OUTSIDE_REGION' : undefined);
}

/** The case commands a practice role may give (beyond what its abstract role allows, nothing). */
export function mayGive(role: PracticeRole, type: CommandType): boolean {
  const commands = PERMISSIONS[role].commands;
  return commands === 'all' || commands.includes(type);
}

/** Staff whose verification or certification lapses within `withinDays` (or has lapsed), for the Kasi's list. */
export function lapsing(s: StaffRecord, now: Date, withinDays: number): 'verification' | 'certification' | undefined {
  const horizon = new Date(now.getTime() + withinDays * 86_400_000);
  if (!s.active) return undefined;
  const day = localDay(horizon, s.regionCode);
  if (s.role !== 'admin' && lapsedBy(s.verifiedUntil, day)) return 'verification';
  if (PERMISSIONS[s.role].certified && lapsedBy(s.certifiedUntil, day)) return 'certification';
  return undefined;
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** Who may register or change a record of this role: the Kasi of the unit registers its workers; only an admin its heads. */
export const HEAD_ROLES: readonly PracticeRole[] = ['kasi', 'kabid', 'kadis', 'admin'];

/**
 * What is wrong with a staff record as it would stand (messages name the rule, never the value): a TKSK
 * or PSM needs a kecamatan inside the region, a unit's region fits its kind, a pekerja sosial needs a
 * certification, everyone but an admin a verification; a new registration may not start lapsed.
 */
export function recordProblems(s: StaffRecord, today: string, isNew: boolean): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const province = s.regionCode.length === 2;
  if ((s.role === 'tksk' || s.role === 'psm') && !s.kecamatanCode) problems.push({ field: 'kecamatanCode', message: 'a TKSK or PSM works in one kecamatan' });
  if (s.kecamatanCode && (province || !s.kecamatanCode.startsWith(`${s.regionCode}.`))) problems.push({ field: 'kecamatanCode', message: 'must be a kecamatan inside the region' });
  if (s.unitKind === 'dinsos_kabkota' && province) problems.push({ field: 'regionCode', message: 'a kabupaten/kota Dinsos has a kabupaten/kota code' });
  if (s.unitKind === 'dinsos_provinsi' && !province) problems.push({ field: 'regionCode', message: 'a provincial Dinsos has a province code' });
  if (PERMISSIONS[s.role].certified && (!s.certificationNo || !s.certifiedUntil)) problems.push({ field: 'certifiedUntil', message: 'a pekerja sosial is registered with their certification and its expiry' });
  if (s.role !== 'admin' && !s.verifiedUntil) problems.push({ field: 'verifiedUntil', message: 'expected the date the verification (verivali) holds until' });
  if (isNew && s.certifiedUntil && s.certifiedUntil < today) problems.push({ field: 'certifiedUntil', message: 'a new registration cannot start with a lapsed certification' });
  if (isNew && s.verifiedUntil && s.verifiedUntil < today) problems.push({ field: 'verifiedUntil', message: 'a new registration cannot start with a lapsed verification' });
  return problems;
}
