// Request schemas for staff commands (strict: unknown fields are refused): one per command type, checked before anything reaches the workflow.
// The compiler holds them to the domain's CaseCommand union: every type has exactly one schema, and each
// schema accepts exactly the fields of its command (see `exact` below).
import { z } from 'zod';
import { CARE_SETTINGS } from '../../domain/atensi';
import { PATHWAYS, RISK_LEVELS } from '../../domain/categories';
import {
  ADVOCACY_KINDS,
  ADVOCACY_OUTCOMES,
  CAPACITY,
  CAPACITY_REASONS,
  CONFERENCE_DECISIONS,
  CONFERENCE_ROLES,
  CONSENTS,
  DANGER,
  DISCHARGE_KINDS,
  EVALUATION_OUTCOMES,
  EXIT_KINDS,
  EXTERNAL_PARTIES,
  FAMILY_UNREADY_REASONS,
  FUNDING_SCHEMES,
  GUARDIAN_BASES,
  HANDOVER_TARGETS,
  IMMEDIATE_NEEDS,
  OBSERVATION_RESULTS,
  REFERRAL_PARTNERS,
  REVIEW_DECISIONS,
  STAY_REVIEW_DECISIONS,
  TRACING_CHANNELS,
  TRACING_DECISIONS,
  TRACING_RESULTS,
  TRANSFER_DECLINE_REASONS,
  TRANSFER_TARGETS,
  TRANSPORT_EVENTS,
  TRANSPORT_LEGS,
  VISIT_KINDS,
} from '../../domain/codes';
import type { CommandOf, CommandType } from '../../domain/commands';
import { PARTNER_COMMAND_TYPES } from '../../domain/commands';
import { ADVOCACY_ITEM_ID, SERVICE_ID } from '../../domain/ids';
import { COMMAND_TYPES } from '../../domain/steps/index';
import { agencyCode, atensiComponent, closureOutcome, categoryCode, regionCode, staffId, text } from '../http/parse';

const reason = text(2000);
const summary = text(4000).optional();
const serviceId = z.string().regex(SERVICE_ID);
const facility = agencyCode;
const decision = { approve: z.boolean(), reason: reason.optional() };
const advocacyItemId = z.string().regex(ADVOCACY_ITEM_ID);
const plannedService = z.strictObject({
  component: atensiComponent,
  dueInDays: z.number().int().min(1).max(730),
  startInDays: z.number().int().min(0).max(729).optional(),
});
const planGoal = z.strictObject({ component: atensiComponent, goal: text(1000), indicator: text(1000) });

export const COMMAND_SCHEMAS = {
  acknowledge: z.strictObject({ type: z.literal('acknowledge'), assignedWorker: staffId.optional() }),
  recordRapidAssessment: z.strictObject({
    type: z.literal('recordRapidAssessment'),
    danger: z.enum(DANGER),
    medicalEmergency: z.boolean(),
    capacity: z.enum(CAPACITY),
    capacityReason: z.enum(CAPACITY_REASONS).optional(),
    needs: z.array(z.enum(IMMEDIATE_NEEDS)).max(IMMEDIATE_NEEDS.length),
    summary,
  }),
  decidePathway: z.strictObject({ type: z.literal('decidePathway'), pathway: z.enum(PATHWAYS), category: categoryCode.optional(), reason: reason.optional() }),
  recordIdentity: z.strictObject({
    type: z.literal('recordIdentity'),
    nik: z.string().regex(/^\d{16}$/, 'expected 16 digits').optional(),
    name: z.string().trim().min(1).max(200).optional(),
    birthDate: z.iso.date().refine((d) => d <= new Date().toISOString().slice(0, 10), 'must not be in the future').optional(),
  }),
  decideBestInterest: z.strictObject({ type: z.literal('decideBestInterest'), capacityReason: z.enum(CAPACITY_REASONS), reason: reason.optional() }),
  recordAssessment: z.strictObject({
    type: z.literal('recordAssessment'),
    consent: z.enum(CONSENTS),
    familyInvolved: z.boolean(),
    riskLevel: z.enum(RISK_LEVELS).optional(),
    originRegionCode: regionCode.optional(),
    needsShelter: z.boolean().optional(),
    familyReady: z.boolean().optional(),
    familyReason: z.enum(FAMILY_UNREADY_REASONS).optional(),
    advocacy: z.array(z.enum(ADVOCACY_KINDS)).max(ADVOCACY_KINDS.length).optional(),
    summary,
  }),
  submitPlan: z.strictObject({
    type: z.literal('submitPlan'),
    components: z.array(atensiComponent).min(1).max(10),
    setting: z.enum(CARE_SETTINGS),
    services: z.array(plannedService).min(1).max(30),
    goals: z.array(planGoal).max(10).optional(),
    summary,
  }),
  proposePlanRevision: z.strictObject({
    type: z.literal('proposePlanRevision'),
    add: z.array(plannedService).max(30).optional(),
    stop: z.array(serviceId).max(30).optional(),
    setting: z.enum(CARE_SETTINGS).optional(),
    goals: z.array(planGoal).max(10).optional(),
    summary,
  }),
  recordCaseConference: z.strictObject({
    type: z.literal('recordCaseConference'),
    participants: z.array(z.enum(CONFERENCE_ROLES)).min(1).max(CONFERENCE_ROLES.length),
    decisions: z.array(z.enum(CONFERENCE_DECISIONS)).min(1).max(CONFERENCE_DECISIONS.length),
    summary,
  }),
  appointGuardian: z.strictObject({ type: z.literal('appointGuardian'), basis: z.enum(GUARDIAN_BASES), reason: reason.optional() }),
  openAdvocacy: z.strictObject({
    type: z.literal('openAdvocacy'),
    kind: z.enum(ADVOCACY_KINDS),
    worker: staffId.optional(),
    targetInDays: z.number().int().min(1).max(365).optional(),
    summary,
  }),
  recordAdvocacyStep: z.strictObject({ type: z.literal('recordAdvocacyStep'), itemId: advocacyItemId, summary }),
  closeAdvocacy: z.strictObject({ type: z.literal('closeAdvocacy'), itemId: advocacyItemId, outcome: z.enum(ADVOCACY_OUTCOMES), summary }),
  waiveAdvocacy: z.strictObject({ type: z.literal('waiveAdvocacy'), itemId: advocacyItemId, reason }),
  recordAbsence: z.strictObject({ type: z.literal('recordAbsence'), summary }),
  recordReturn: z.strictObject({ type: z.literal('recordReturn'), summary }),
  recordExit: z.strictObject({ type: z.literal('recordExit'), kind: z.enum(EXIT_KINDS), reason }),
  recordServiceStarted: z.strictObject({ type: z.literal('recordServiceStarted'), serviceId }),
  decidePlan: z.strictObject({ type: z.literal('decidePlan'), ...decision }),
  requestReferral: z.strictObject({ type: z.literal('requestReferral'), partner: z.enum(REFERRAL_PARTNERS), facilityCode: facility }),
  recordReferralDecision: z.strictObject({ type: z.literal('recordReferralDecision'), accepted: z.boolean(), reason: reason.optional() }),
  recordServiceLinked: z.strictObject({ type: z.literal('recordServiceLinked'), serviceId, provider: facility }),
  recordObservationResult: z.strictObject({ type: z.literal('recordObservationResult'), result: z.enum(OBSERVATION_RESULTS) }),
  requestExtension: z.strictObject({ type: z.literal('requestExtension'), days: z.number().int().min(1).max(90), reason }),
  decideExtension: z.strictObject({ type: z.literal('decideExtension'), ...decision }),
  recordFundingGuarantee: z.strictObject({ type: z.literal('recordFundingGuarantee'), scheme: z.enum(FUNDING_SCHEMES) }),
  recordDischarge: z.strictObject({ type: z.literal('recordDischarge'), kind: z.enum(DISCHARGE_KINDS), referredTo: facility.optional(), reason: reason.optional() }),
  recordPickUp: z.strictObject({ type: z.literal('recordPickUp'), toShelter: z.boolean().optional() }),
  recordStayReview: z.strictObject({ type: z.literal('recordStayReview'), decision: z.enum(STAY_REVIEW_DECISIONS), reason: reason.optional() }),
  recordFamilyTracing: z.strictObject({ type: z.literal('recordFamilyTracing'), found: z.boolean(), canReceive: z.boolean().optional(), reason: reason.optional() }),
  recordTracingAttempt: z.strictObject({ type: z.literal('recordTracingAttempt'), channel: z.enum(TRACING_CHANNELS), result: z.enum(TRACING_RESULTS), summary }),
  recordHomeVisit: z.strictObject({ type: z.literal('recordHomeVisit'), ready: z.boolean(), reason: z.enum(FAMILY_UNREADY_REASONS).optional(), summary }),
  decideTracing: z.strictObject({ type: z.literal('decideTracing'), decision: z.enum(TRACING_DECISIONS), reason: reason.optional() }),
  requestTransfer: z.strictObject({ type: z.literal('requestTransfer'), to: z.enum(TRANSFER_TARGETS), unitCode: facility, regionCode, reason: reason.optional() }),
  decideTransfer: z.strictObject({
    type: z.literal('decideTransfer'),
    accept: z.boolean(),
    assignedWorker: staffId.optional(),
    declineReason: z.enum(TRANSFER_DECLINE_REASONS).optional(),
    reason: reason.optional(),
  }),
  recordBast: z.strictObject({ type: z.literal('recordBast'), ref: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9./_-]{0,63}$/, 'expected the BAST number') }),
  recordTransport: z.strictObject({ type: z.literal('recordTransport'), leg: z.enum(TRANSPORT_LEGS), event: z.enum(TRANSPORT_EVENTS) }),
  recordHandover: z.strictObject({ type: z.literal('recordHandover'), to: z.enum(HANDOVER_TARGETS) }),
  recordServiceDelivered: z.strictObject({ type: z.literal('recordServiceDelivered'), serviceId }),
  recordVisit: z.strictObject({ type: z.literal('recordVisit'), kind: z.enum(VISIT_KINDS), summary }),
  recordReview: z.strictObject({ type: z.literal('recordReview'), decision: z.enum(REVIEW_DECISIONS), summary }),
  recordEvaluation: z.strictObject({ type: z.literal('recordEvaluation'), outcome: z.enum(EVALUATION_OUTCOMES), summary }),
  requestClosure: z.strictObject({ type: z.literal('requestClosure'), outcome: closureOutcome, reason }),
  decideClosure: z.strictObject({ type: z.literal('decideClosure'), ...decision }),
  withdraw: z.strictObject({ type: z.literal('withdraw'), reason }),
  reopen: z.strictObject({ type: z.literal('reopen'), reason }),
  acknowledgeEscalation: z.strictObject({ type: z.literal('acknowledgeEscalation'), reason: reason.optional() }),
  extendDeadline: z.strictObject({ type: z.literal('extendDeadline'), hours: z.number().int().min(1).max(720), reason }),
  pauseDeadline: z.strictObject({ type: z.literal('pauseDeadline'), party: z.enum(EXTERNAL_PARTIES), expectedInDays: z.number().int().min(1).max(90), reason }),
  resumeDeadline: z.strictObject({ type: z.literal('resumeDeadline') }),
  reassign: z.strictObject({ type: z.literal('reassign'), assignedWorker: staffId, reason }),
  addNote: z.strictObject({ type: z.literal('addNote'), text: text(4000) }),
} satisfies { [K in CommandType]: z.ZodType<CommandOf<K>> };

// Each schema must also have exactly its command's fields, and take every value the command does (the
// `satisfies` above checks the other direction); a mismatch names the command type in the error.
type Schema<K extends CommandType> = z.output<(typeof COMMAND_SCHEMAS)[K]>;
type SameKeys<A, B> = [Exclude<keyof A, keyof B> | Exclude<keyof B, keyof A>] extends [never] ? true : false;
type Mismatched = { [K in CommandType]: [CommandOf<K>] extends [Schema<K>] ? (SameKeys<CommandOf<K>, Schema<K>> extends true ? never : K) : K }[CommandType];
const exact: [Mismatched] extends [never] ? true : { mismatched: Mismatched } = true;
void exact;

/** A list of schemas that is never empty, as discriminated unions need it. */
function nonEmpty<T>(items: readonly T[]): [T, ...T[]] {
  const [head, ...rest] = items;
  if (head === undefined) throw new Error('no schemas');
  return [head, ...rest];
}

const schemaFor = <K extends CommandType>(type: K): (typeof COMMAND_SCHEMAS)[K] => COMMAND_SCHEMAS[type];

/** Any staff command, in the order of the work (the OpenAPI document and the CLI list them so). */
export const commandBody = z.discriminatedUnion('type', nonEmpty(COMMAND_TYPES.map(schemaFor)));

/** What partners may report by callback: the partner commands' own schemas. */
export const partnerCommandBody = z.discriminatedUnion('type', nonEmpty(PARTNER_COMMAND_TYPES.map(schemaFor)));
