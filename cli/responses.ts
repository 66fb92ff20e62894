// What the CLI reads from the API's answers. Deliberately looser than api/openapi/responses.ts (codes are
// plain strings, not enums): a server that gained a stage should not break an older CLI's tables.
import { z } from 'zod';

const deadline = z.object({ kind: z.string(), dueAt: z.string().nullable() }).nullable();

export const problemBody = z.object({
  code: z.string(),
  title: z.string(),
  messages: z.object({ id: z.string(), en: z.string() }).optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type Problem = z.infer<typeof problemBody>;

export const caseSummary = z.object({
  caseId: z.string(),
  status: z.string(),
  stage: z.string(),
  pathway: z.string(),
  category: z.string(),
  riskLevel: z.string(),
  regionCode: z.string(),
  jurisdiction: z.string(),
  assignedWorker: z.string().nullable(),
  escalationLevel: z.number(),
  escalations: z.array(z.object({ reason: z.string(), subject: z.string(), level: z.number(), since: z.string(), acknowledged: z.boolean() })),
  nextDeadline: deadline,
  transfer: z.object({ status: z.string(), toRegion: z.string() }).nullable().optional(),
  openedAt: z.string(),
  updatedAt: z.string(),
});
export type CaseSummary = z.infer<typeof caseSummary>;

export const casePage = z.object({ items: z.array(caseSummary), nextCursor: z.string().nullable() });

export const openedCase = z.object({ caseId: z.string() });

/**
 * The live case file; only what the CLI prints is checked, the rest passes through to --json. It is the
 * workflow's own state, so it is there before the read model has caught up.
 */
export const caseView = z.object({
  caseId: z.string(),
  status: z.string(),
  stage: z.string(),
  nextDeadline: deadline.optional(),
  pathway: z.string().optional(),
  category: z.string().optional(),
  riskLevel: z.string().optional(),
  regionCode: z.string().optional(),
  jurisdiction: z.string().optional(),
  assignedWorker: z.string().nullable().optional(),
  escalationLevel: z.number().optional(),
  openedAt: z.string().optional(),
  // The hand-offs (rules v3): codes only, as the API gives them.
  rapidAssessment: z.object({ danger: z.string(), capacity: z.string(), needs: z.array(z.string()) }).nullable().optional(),
  stay: z
    .object({
      facilityCode: z.string(),
      funding: z.object({ scheme: z.string() }).nullable(),
      discharge: z.object({ kind: z.string(), at: z.string() }).nullable(),
      pickedUpAt: z.string().nullable(),
    })
    .nullable()
    .optional(),
  familyTracing: z
    .object({
      found: z.boolean().nullable(),
      canReceive: z.boolean().nullable(),
      dueAt: z.string().nullable(),
      attempts: z.array(z.unknown()).optional(),
      unreadyReason: z.string().nullable().optional(),
    })
    .nullable()
    .optional(),
  transfers: z.array(z.object({ to: z.string(), unitCode: z.string(), regionCode: z.string(), status: z.string(), declineReason: z.string().nullable() })).optional(),
  // The social work inside the case (rules v6): codes, ids and dates, as the API gives them.
  plan: z.object({ status: z.string(), setting: z.string(), revision: z.unknown().optional() }).nullable().optional(),
  services: z
    .array(
      z.object({
        id: z.string(),
        component: z.string(),
        dueAt: z.string(),
        linkedAt: z.string().nullable(),
        startedAt: z.string().nullable().optional(),
        deliveredAt: z.string().nullable(),
        stoppedAt: z.string().nullable().optional(),
      }),
    )
    .optional(),
  advocacy: z.array(z.object({ id: z.string(), kind: z.string(), status: z.string(), worker: z.string(), targetAt: z.string() })).optional(),
  guardian: z.object({ basis: z.string() }).nullable().optional(),
  absence: z.object({ since: z.string(), searchUntil: z.string(), returnedAt: z.string().nullable() }).nullable().optional(),
  exit: z.object({ kind: z.string(), at: z.string() }).nullable().optional(),
  closure: z.object({ outcome: z.string(), approvedAt: z.string().nullable() }).nullable().optional(),
});
export type CaseView = z.infer<typeof caseView>;

export const caseDetails = z.object({
  caseId: z.string(),
  projection: z.string(),
  record: caseSummary.nullable(),
  live: caseView.nullable(),
  /** How the caller sees the case: it holds it, decides on its transfer, or reads it after handing it over. */
  access: z.string().optional(),
});
export type CaseDetails = z.infer<typeof caseDetails>;

export const timelineEvent = z.object({
  seq: z.number().int(),
  type: z.string(),
  at: z.string(),
  actor: z.object({ id: z.string(), role: z.string() }),
  stage: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type TimelineEvent = z.infer<typeof timelineEvent>;

export const timelinePage = z.object({ items: z.array(timelineEvent), nextAfter: z.number().int().nullable() });
export type TimelinePage = z.infer<typeof timelinePage>;

const counts = z.record(z.string(), z.number());
export const caseStats = z.object({
  open: z.number(),
  overdue: z.number(),
  escalated: z.number(),
  openedInPeriod: z.number(),
  closedInPeriod: z.number(),
  byStage: counts,
  byCategory: counts,
  byEscalationLevel: counts,
  byRisk: counts,
  periodDays: z.number(),
  region: z.string().nullable(),
});
export type CaseStats = z.infer<typeof caseStats>;

/** A staff record (#14): codes and calendar days as the API gives them; `standing` is null while it may act. */
export const staffRecord = z.object({
  staffId: z.string(),
  unitCode: z.string(),
  unitKind: z.string(),
  regionCode: z.string(),
  kecamatanCode: z.string().nullable(),
  role: z.string(),
  certificationNo: z.string().nullable(),
  certifiedUntil: z.string().nullable(),
  verifiedUntil: z.string().nullable(),
  active: z.boolean(),
  standing: z.string().nullable(),
  version: z.number().int().optional(),
});
export type StaffRecord = z.infer<typeof staffRecord>;

export const staffPage = z.object({ items: z.array(staffRecord), nextCursor: z.string().nullable() });

export const caseload = z.object({ staffId: z.string(), open: z.number().int(), threshold: z.number().int(), over: z.boolean() });
export type Caseload = z.infer<typeof caseload>;
