// What the cases resource accepts: intake, the case list's filters and the timeline's paging.
import { z } from 'zod';
import { PATHWAYS, RISK_LEVELS } from '../../domain/categories';
import { REPORT_CHANNELS, SEXES } from '../../domain/codes';
import { CASE_STATUSES, STAGES } from '../../domain/stages';
import { AREA_CODE, PHOTO_REF } from '../../domain/ids';
import { categoryCode, cursor, pageLimit, regionCode, staffId } from '../http/parse';

export const subjectSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    nik: z.string().regex(/^\d{16}$/, 'expected 16 digits').optional(),
    sex: z.enum(SEXES).optional(),
    estimatedAge: z.number().int().min(0).max(130).optional(),
    description: z.string().max(4000).optional(),
    foundLocation: z.string().max(1000).optional(),
  })
  .strict();

/** Reports older than this are data entry of a past case, not intake: refused as a typing error. */
const EARLIEST_REPORT = '2000-01-01T00:00:00Z';
/** Clocks of phones and Dinas PCs drift: a report "from the future" within this is still now. */
const CLOCK_SKEW_MS = 5 * 60_000;

export const reportSchema = z
  .object({
    channel: z.enum(REPORT_CHANNELS),
    summary: z.string().max(4000).optional(),
    reportedAt: z.iso
      .datetime({ offset: true })
      .refine((v) => Date.parse(v) <= Date.now() + CLOCK_SKEW_MS, 'must not be in the future')
      .refine((v) => Date.parse(v) >= Date.parse(EARLIEST_REPORT), 'must not be before 2000')
      .optional(),
    place: z
      .object({
        areaCode: z.string().regex(AREA_CODE, 'expected a Kemendagri kecamatan or kelurahan code such as "64.71.01" or "64.71.01.1001"').optional(),
        landmark: z.string().trim().min(1).max(500).optional(),
      })
      .strict()
      .optional(),
    photoRef: z.string().regex(PHOTO_REF, 'expected an opaque reference to the document store').optional(),
  })
  .strict();

export const openCaseBody = z
  .object({
    category: categoryCode,
    riskLevel: z.enum(RISK_LEVELS),
    pathway: z.enum(PATHWAYS).optional(),
    regionCode,
    report: reportSchema,
    subject: subjectSchema.default({}),
    assignedWorker: staffId.optional(),
  })
  .strict()
  // The place lies inside the region that takes the case.
  .refine((b) => !b.report.place?.areaCode || b.report.place.areaCode.startsWith(`${b.regionCode}.`), {
    message: 'must lie inside regionCode',
    path: ['report', 'place', 'areaCode'],
  });
export type OpenCaseBody = z.infer<typeof openCaseBody>;

export const caseListQuery = z
  .object({
    status: z.enum(CASE_STATUSES).optional(),
    stage: z.enum(STAGES).optional(),
    category: categoryCode.optional(),
    pathway: z.enum(PATHWAYS).optional(),
    risk: z.enum(RISK_LEVELS).optional(),
    region: regionCode.optional(),
    assignee: staffId.optional(),
    minEscalationLevel: z.coerce.number().int().min(0).max(3).optional(),
    openedFrom: z.coerce.date().optional(),
    openedBefore: z.coerce.date().optional(),
    limit: pageLimit,
    cursor,
  })
  .strict();
export type CaseListQuery = z.infer<typeof caseListQuery>;

export const timelineQuery = z
  .object({
    after: z.coerce.number().int().min(-1).default(-1),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
