// Request schemas for staff commands: one per command type, checked before anything reaches the workflow.
import { z } from 'zod';
import { ATENSI_COMPONENTS, CARE_SETTINGS } from '../domain/atensi';
import { RISK_LEVELS } from '../domain/categories';
import { CLOSURE_OUTCOMES, EVALUATION_OUTCOMES, EXTERNAL_PARTIES } from '../domain/commands';
import type { CaseCommand } from '../domain/commands';
import type { PartnerCommand } from '../workflows/contract';
import { regionCode, staffId } from './schemas';

const text = (max: number) => z.string().trim().min(1).max(max);
const reason = text(2000);
const facility = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'expected an opaque facility or agency code');

const schemas = [
  z.object({ type: z.literal('acknowledge'), assignedWorker: staffId.optional() }),
  z.object({
    type: z.literal('recordAssessment'),
    consent: z.enum(['client', 'family', 'guardian', 'not_possible']),
    familyInvolved: z.boolean(),
    riskLevel: z.enum(RISK_LEVELS).optional(),
    originRegionCode: regionCode.optional(),
    needsShelter: z.boolean().optional(),
    summary: text(4000).optional(),
  }),
  z.object({
    type: z.literal('submitPlan'),
    components: z.array(z.enum(ATENSI_COMPONENTS)).min(1).max(10),
    setting: z.enum(CARE_SETTINGS),
    services: z.array(z.object({ component: z.enum(ATENSI_COMPONENTS), dueInDays: z.number().int().min(1).max(730) }).strict()).min(1).max(30),
    summary: text(4000).optional(),
  }),
  z.object({ type: z.literal('decidePlan'), approve: z.boolean(), reason: reason.optional() }),
  z.object({ type: z.literal('requestReferral'), partner: z.enum(['rsj', 'panti', 'origin_dinsos']), facilityCode: facility }),
  z.object({ type: z.literal('recordReferralDecision'), accepted: z.boolean(), reason: reason.optional() }),
  z.object({ type: z.literal('recordTransport'), leg: z.enum(['to_facility', 'home']), event: z.enum(['departed', 'arrived']) }),
  z.object({ type: z.literal('recordObservationResult'), result: z.enum(['stable', 'needs_further_care']) }),
  z.object({ type: z.literal('requestExtension'), days: z.number().int().min(1).max(90), reason }),
  z.object({ type: z.literal('decideExtension'), approve: z.boolean(), reason: reason.optional() }),
  z.object({ type: z.literal('recordFamilyTracing'), found: z.boolean(), canReceive: z.boolean().optional(), reason: reason.optional() }),
  z.object({ type: z.literal('recordHandover'), to: z.enum(['family', 'origin_dinsos', 'province']) }),
  z.object({ type: z.literal('recordServiceLinked'), serviceId: z.string().regex(/^svc-\d{1,3}$/), provider: facility }),
  z.object({ type: z.literal('recordServiceDelivered'), serviceId: z.string().regex(/^svc-\d{1,3}$/) }),
  z.object({ type: z.literal('recordVisit'), kind: z.enum(['follow_up', 'monitoring']), summary: text(4000).optional() }),
  z.object({ type: z.literal('recordReview'), decision: z.enum(['continue', 'terminate']), summary: text(4000).optional() }),
  z.object({ type: z.literal('recordEvaluation'), outcome: z.enum(EVALUATION_OUTCOMES), summary: text(4000).optional() }),
  z.object({ type: z.literal('requestClosure'), outcome: z.enum(CLOSURE_OUTCOMES), reason }),
  z.object({ type: z.literal('decideClosure'), approve: z.boolean(), reason: reason.optional() }),
  z.object({ type: z.literal('reassign'), assignedWorker: staffId, reason }),
  z.object({ type: z.literal('addNote'), text: text(4000) }),
  z.object({ type: z.literal('withdraw'), reason }),
  z.object({ type: z.literal('reopen'), reason }),
  z.object({ type: z.literal('acknowledgeEscalation'), reason: reason.optional() }),
  z.object({ type: z.literal('extendDeadline'), hours: z.number().int().min(1).max(720), reason }),
  z.object({ type: z.literal('pauseDeadline'), party: z.enum(EXTERNAL_PARTIES), expectedInDays: z.number().int().min(1).max(90), reason }),
  z.object({ type: z.literal('resumeDeadline') }),
].map((s) => s.strict());

export const commandBody = z.discriminatedUnion('type', schemas as unknown as [z.ZodObject, ...z.ZodObject[]]);

/** Every command type has a request schema; the compiler and this list keep each other honest. */
export const COMMAND_SCHEMA_TYPES = schemas.map((s) => (s.shape.type as z.ZodLiteral<CaseCommand['type']>).value);

/** What partners may report by callback: facts from their side, as the commands staff would give. */
export const PARTNER_COMMAND_TYPES = [
  'recordReferralDecision',
  'recordTransport',
  'recordObservationResult',
  'recordFamilyTracing',
  'recordServiceDelivered',
  'requestExtension',
] as const satisfies readonly PartnerCommand['type'][];

export const partnerCommandBody = z.discriminatedUnion(
  'type',
  schemas.filter((s) => (PARTNER_COMMAND_TYPES as readonly string[]).includes((s.shape.type as z.ZodLiteral<string>).value)) as unknown as [
    z.ZodObject,
    ...z.ZodObject[],
  ],
);

export const partnerCallbackBody = z
  .object({
    /** The partner's own id for this report: a repeated callback with the same id changes nothing. */
    reportId: z.string().regex(/^[\x21-\x7e]{1,200}$/, 'expected 1-200 visible ASCII characters'),
    /** A case id, or "batch-<id>" for a group's reception. */
    caseRef: z.string().regex(/^(batch-)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'expected a case or batch reference'),
    command: partnerCommandBody,
    /** The sender's own name for itself; informational only — the token's subject identifies the partner. */
    partnerId: z.string().max(64).optional(),
  })
  .strict();
export type PartnerCallbackBody = z.infer<typeof partnerCallbackBody>;
