// Request schemas: what the API accepts, checked before anything is started or stored.
import { z } from 'zod';
import { CATEGORIES, PATHWAYS, RISK_LEVELS } from '../domain/categories';
import { ESCALATION_REASONS } from '../domain/case-file';
import { CASE_STATUSES, STAGES } from '../domain/stages';
import { REPORT_CHANNELS } from '../workflows/contract';
import type { FieldError } from './problem';
import { ProblemError } from './problem';

/** Staff ids are opaque (e.g. NIP-based codes issued by the Dinas), never names. */
export const staffId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,63}$/, 'expected an opaque staff id');
export const regionCode = z.string().regex(/^\d{2}(\.\d{2})?$/, 'expected a BPS region code such as "64" or "64.72"');
export const caseId = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

export const subjectSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    nik: z.string().regex(/^\d{16}$/, 'expected 16 digits').optional(),
    sex: z.enum(['male', 'female', 'unknown']).optional(),
    estimatedAge: z.number().int().min(0).max(130).optional(),
    description: z.string().max(4000).optional(),
    foundLocation: z.string().max(1000).optional(),
  })
  .strict();

export const openCaseBody = z
  .object({
    category: z.enum(CATEGORIES),
    riskLevel: z.enum(RISK_LEVELS),
    pathway: z.enum(PATHWAYS).optional(),
    regionCode,
    report: z.object({ channel: z.enum(REPORT_CHANNELS), summary: z.string().max(4000).optional() }).strict(),
    subject: subjectSchema.default({}),
    assignedWorker: staffId.optional(),
  })
  .strict();
export type OpenCaseBody = z.infer<typeof openCaseBody>;

export const agencyCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'expected an opaque agency code');

export const openBatchBody = z
  .object({
    category: z.enum(CATEGORIES),
    regionCode,
    originRegionCode: regionCode,
    originAgency: agencyCode,
    report: z.object({ channel: z.enum(REPORT_CHANNELS), summary: z.string().max(4000).optional() }).strict(),
    assignedWorker: staffId.optional(),
    members: z
      .array(z.object({ riskLevel: z.enum(RISK_LEVELS), subject: subjectSchema.default({}) }).strict())
      .min(1)
      .max(60),
  })
  .strict();
export type OpenBatchBody = z.infer<typeof openBatchBody>;

export const batchId = caseId;

export const batchListQuery = z
  .object({
    status: z.enum(['gathering', 'booking', 'confirming', 'travelling', 'replanning', 'completed']).optional(),
    region: regionCode.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(500).optional(),
  })
  .strict();
export type BatchListQuery = z.infer<typeof batchListQuery>;
export const replanBody = z.object({ originAgency: agencyCode.optional() }).strict();

export const escalationQuery = z
  .object({
    view: z.enum(['escalated', 'overdue']).default('escalated'),
    minLevel: z.coerce.number().int().min(1).max(3).default(1),
    region: regionCode.optional(),
    category: z.enum(CATEGORIES).optional(),
    pathway: z.enum(PATHWAYS).optional(),
    stage: z.enum(STAGES).optional(),
    risk: z.enum(RISK_LEVELS).optional(),
    assignee: staffId.optional(),
    reason: z.enum(ESCALATION_REASONS).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(500).optional(),
  })
  .strict();
export type EscalationQuery = z.infer<typeof escalationQuery>;

export const timelineQuery = z
  .object({
    after: z.coerce.number().int().min(-1).default(-1),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();

export const caseListQuery = z
  .object({
    status: z.enum(CASE_STATUSES).optional(),
    stage: z.enum(STAGES).optional(),
    category: z.enum(CATEGORIES).optional(),
    pathway: z.enum(PATHWAYS).optional(),
    risk: z.enum(RISK_LEVELS).optional(),
    region: regionCode.optional(),
    assignee: staffId.optional(),
    minEscalationLevel: z.coerce.number().int().min(0).max(3).optional(),
    openedFrom: z.coerce.date().optional(),
    openedBefore: z.coerce.date().optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().max(500).optional(),
  })
  .strict();
export type CaseListQuery = z.infer<typeof caseListQuery>;

export const statsQuery = z
  .object({
    region: regionCode.optional(),
    periodDays: z.coerce.number().int().min(1).max(366).default(30),
  })
  .strict();
export type StatsQuery = z.infer<typeof statsQuery>;

/** Parses or throws a 422 naming each bad field; messages never echo the submitted values. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const errors: FieldError[] = result.error.issues.flatMap((issue) => {
    const at = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({ field: at ? `${at}.${k}` : k, message: 'unknown field' }));
    }
    return [{ field: at || '(body)', message: issue.message }];
  });
  throw ProblemError.of('VALIDATION_FAILED', errors);
}
