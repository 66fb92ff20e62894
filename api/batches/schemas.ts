// What the repatriation-batches resource accepts and answers.
import { z } from 'zod';
import { RISK_LEVELS } from '../../domain/categories';
import { BATCH_STATUSES, PLAN_OUTCOMES, RETURNEE_STATUSES } from '../../domain/group-trip';
import { reportSchema, subjectSchema } from '../cases/schemas';
import { agencyCode, caseId, categoryCode, cursor, pageLimit, regionCode, staffId } from '../http/parse';

export const batchId = caseId;

export const openBatchBody = z
  .object({
    category: categoryCode,
    regionCode,
    originRegionCode: regionCode,
    originAgency: agencyCode,
    report: reportSchema,
    assignedWorker: staffId.optional(),
    members: z
      .array(z.object({ riskLevel: z.enum(RISK_LEVELS), subject: subjectSchema.default({}) }).strict())
      .min(1)
      .max(60),
  })
  .strict();
export type OpenBatchBody = z.infer<typeof openBatchBody>;

export const batchListQuery = z
  .object({
    status: z.enum(BATCH_STATUSES).optional(),
    region: regionCode.optional(),
    limit: pageLimit,
    cursor,
  })
  .strict();
export type BatchListQuery = z.infer<typeof batchListQuery>;

export const replanBody = z.object({ originAgency: agencyCode.optional() }).strict();

export const batchViewSchema = z
  .object({
    batchId: z.string(),
    status: z.enum(BATCH_STATUSES),
    regionCode: z.string(),
    originRegionCode: z.string(),
    originAgency: z.string(),
    plans: z.array(
      z.object({
        version: z.number().int(),
        members: z.array(z.string()),
        booked: z.boolean(),
        outcome: z.enum(PLAN_OUTCOMES),
        reason: z.string().nullable(),
      }),
    ),
    members: z.array(z.object({ caseId: z.string(), status: z.enum(RETURNEE_STATUSES) })),
    compensations: z.array(z.object({ planVersion: z.number().int(), step: z.string(), outcome: z.string(), at: z.string() })),
    escalation: z.object({ reason: z.string(), planVersion: z.number().int(), since: z.string() }).nullable().optional(),
  })
  .meta({ id: 'RepatriationBatch', description: 'A group repatriation: trip plans (a compensated plan is followed by a re-plan) and each member' });

export const openedBatchSchema = z
  .object({ batchId: z.string(), caseIds: z.array(z.string()), links: z.object({ self: z.string() }) })
  .meta({ id: 'OpenedBatch' });

export const batchPageSchema = z
  .object({
    items: z.array(
      z.object({
        batchId: z.string(),
        status: z.enum(BATCH_STATUSES),
        regionCode: z.string(),
        originRegionCode: z.string(),
        originAgency: z.string(),
        members: z.number().int(),
        arrived: z.number().int(),
        withdrawn: z.number().int(),
        planVersion: z.number().int(),
        escalation: z.string().nullable(),
        openedAt: z.string(),
        updatedAt: z.string(),
        links: z.object({ self: z.string() }),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'BatchPage' });
