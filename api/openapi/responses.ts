// Response shapes for the OpenAPI document. Requests are validated by the schemas in api/; responses are
// described here so that clients can be generated, and the API tests check real bodies against them.
import { z } from 'zod';
import { CATEGORIES, PATHWAYS, RISK_LEVELS } from '../../domain/categories';
import { ESCALATION_REASONS } from '../../domain/case-file';
import { CASE_STATUSES, STAGES } from '../../domain/stages';

const bilingual = z.object({ id: z.string(), en: z.string() });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().meta({ description: 'Stable machine-readable code, e.g. CASE_NOT_FOUND or STAGE_MISMATCH' }),
    detail: z.string(),
    messages: bilingual.meta({ description: 'The message in Bahasa Indonesia (id) and English (en)' }),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    instance: z.string(),
    requestId: z.string(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details (application/problem+json)' });

const deadline = z.object({ kind: z.string(), dueAt: z.string().nullable() }).nullable();

export const caseSummarySchema = z
  .object({
    caseId: z.string(),
    status: z.enum(CASE_STATUSES),
    stage: z.enum(STAGES),
    pathway: z.enum(PATHWAYS),
    category: z.enum(CATEGORIES),
    riskLevel: z.enum(RISK_LEVELS),
    regionCode: z.string(),
    jurisdiction: z.string(),
    assignedWorker: z.string().nullable(),
    escalationLevel: z.number().int().min(0).max(3),
    escalations: z.array(
      z.object({ reason: z.enum(ESCALATION_REASONS), subject: z.string(), level: z.number().int(), since: z.string(), acknowledged: z.boolean() }),
    ),
    nextDeadline: deadline,
    openedAt: z.string(),
    updatedAt: z.string(),
    links: z.object({ self: z.string(), timeline: z.string() }),
  })
  .meta({ id: 'CaseSummary', description: 'A case as the read model holds it: codes and opaque ids, no personal data' });

export const casePageSchema = z
  .object({ items: z.array(caseSummarySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'CasePage' });

export const openedCaseSchema = z
  .object({ caseId: z.string(), workflowId: z.string(), links: z.object({ self: z.string() }) })
  .meta({ id: 'OpenedCase' });

export const caseViewSchema = z
  .looseObject({ caseId: z.string(), status: z.enum(CASE_STATUSES), stage: z.enum(STAGES), nextDeadline: deadline })
  .meta({ id: 'CaseView', description: 'The live case file from the workflow, including the (decrypted) intake details' });

export const caseDetailsSchema = z
  .object({
    caseId: z.string(),
    projection: z.enum(['current', 'pending']),
    record: caseSummarySchema.nullable(),
    live: caseViewSchema.nullable(),
  })
  .meta({ id: 'CaseDetails' });

export const timelinePageSchema = z
  .object({
    items: z.array(
      z.object({
        seq: z.number().int(),
        type: z.string(),
        at: z.string(),
        actor: z.object({ id: z.string(), role: z.string() }),
        stage: z.string(),
        data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
      }),
    ),
    nextAfter: z.number().int().nullable(),
  })
  .meta({ id: 'TimelinePage' });

const counts = z.record(z.string(), z.number().int());
export const statsSchema = z
  .object({
    open: z.number().int(),
    overdue: z.number().int(),
    escalated: z.number().int(),
    openedInPeriod: z.number().int(),
    closedInPeriod: z.number().int(),
    byStage: counts,
    byCategory: counts,
    byEscalationLevel: counts,
    byRisk: counts,
    periodDays: z.number().int(),
    region: z.string().nullable(),
  })
  .meta({ id: 'CaseStats' });

export const healthSchema = z.object({ status: z.string(), checks: z.record(z.string(), z.string()).optional() }).meta({ id: 'Health' });

const returnee = z.enum(['preparing', 'ready', 'departed', 'arrived', 'withdrawn']);
export const batchViewSchema = z
  .object({
    batchId: z.string(),
    status: z.enum(['gathering', 'booking', 'confirming', 'travelling', 'replanning', 'completed']),
    regionCode: z.string(),
    originRegionCode: z.string(),
    originAgency: z.string(),
    plans: z.array(
      z.object({
        version: z.number().int(),
        members: z.array(z.string()),
        booked: z.boolean(),
        outcome: z.enum(['pending', 'travelled', 'compensated', 'refused']),
        reason: z.string().nullable(),
      }),
    ),
    members: z.array(z.object({ caseId: z.string(), status: returnee })),
    compensations: z.array(z.object({ planVersion: z.number().int(), step: z.string(), outcome: z.string(), at: z.string() })),
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
        status: z.enum(['gathering', 'booking', 'confirming', 'travelling', 'replanning', 'completed']),
        regionCode: z.string(),
        originRegionCode: z.string(),
        originAgency: z.string(),
        members: z.number().int(),
        arrived: z.number().int(),
        withdrawn: z.number().int(),
        planVersion: z.number().int(),
        openedAt: z.string(),
        updatedAt: z.string(),
        links: z.object({ self: z.string() }),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'BatchPage' });
