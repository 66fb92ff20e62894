// What the staff resource takes and answers. Dates are ISO calendar days (the last day a certification or
// a verification holds); region and kecamatan are Kemendagri codes; no names, no phone numbers.
import { z } from 'zod';
import { KECAMATAN_CODE } from '../../domain/ids';
import { PRACTICE_ROLES, UNIT_KINDS } from '../../domain/workforce';
import { agencyCode, cursor, pageLimit, regionCode, staffId } from '../http/parse';

const day = z.iso.date();
const kecamatan = z.string().regex(KECAMATAN_CODE, 'expected a Kemendagri kecamatan code such as "64.72.03"');

const fields = {
  unitCode: agencyCode,
  unitKind: z.enum(UNIT_KINDS),
  regionCode,
  kecamatanCode: kecamatan.optional(),
  role: z.enum(PRACTICE_ROLES),
  certificationNo: z.string().regex(/^[A-Za-z0-9./-]{3,40}$/, 'expected a certification number').optional(),
  certifiedUntil: day.optional(),
  verifiedUntil: day.optional(),
};

export const registerStaffBody = z.strictObject({ staffId, ...fields }).meta({ id: 'RegisterStaff' });
export type RegisterStaff = z.infer<typeof registerStaffBody>;

/** Any of the fields; `active: false` deactivates (the reason goes to the staff events as a code). */
export const updateStaffBody = z
  .strictObject({
    unitCode: fields.unitCode.optional(),
    unitKind: fields.unitKind.optional(),
    regionCode: fields.regionCode.optional(),
    kecamatanCode: kecamatan.nullable().optional(),
    role: fields.role.optional(),
    certificationNo: z.string().regex(/^[A-Za-z0-9./-]{3,40}$/, 'expected a certification number').nullable().optional(),
    certifiedUntil: day.nullable().optional(),
    verifiedUntil: day.nullable().optional(),
    active: z.boolean().optional(),
  })
  .meta({ id: 'UpdateStaff' });
export type UpdateStaff = z.infer<typeof updateStaffBody>;

export const staffQuery = z
  .strictObject({
    region: regionCode.optional(),
    role: z.enum(PRACTICE_ROLES).optional(),
    active: z.enum(['true', 'false']).optional(),
    /** Staff whose verification or certification lapses within this many days (or has lapsed). */
    lapsingWithinDays: z.coerce.number().int().min(0).max(365).optional(),
    limit: pageLimit,
    cursor,
  });
export type StaffQuery = z.infer<typeof staffQuery>;

export const staffSchema = z
  .object({
    staffId: z.string(),
    unitCode: z.string(),
    unitKind: z.enum(UNIT_KINDS),
    regionCode: z.string(),
    kecamatanCode: z.string().nullable(),
    role: z.enum(PRACTICE_ROLES),
    certificationNo: z.string().nullable(),
    certifiedUntil: z.string().nullable(),
    verifiedUntil: z.string().nullable(),
    active: z.boolean(),
    standing: z.string().nullable().meta({ description: 'Why the record may not act today (STAFF_INACTIVE, STAFF_UNVERIFIED, CERTIFICATION_LAPSED), or null' }),
    version: z.number().int(),
    links: z.object({ self: z.string(), caseload: z.string() }),
  })
  .meta({ id: 'Staff', description: 'A staff record: opaque id, unit, region, practice role and how long their certification and verification hold' });

export const staffPageSchema = z.object({ items: z.array(staffSchema), nextCursor: z.string().nullable() }).meta({ id: 'StaffPage' });

export const caseloadSchema = z
  .object({ staffId: z.string(), open: z.number().int(), threshold: z.number().int(), over: z.boolean() })
  .meta({ id: 'Caseload', description: 'Open cases the worker carries, against the policy\'s caseload threshold' });
