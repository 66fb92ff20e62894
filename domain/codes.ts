// Every list of codes a case carries that has no module of its own (categories, stages, ATENSI and roles
// do). Types, the API's schemas, the OpenAPI document and the CLI's choices all derive from these lists.

/** How a report reached the Dinas. */
export const REPORT_CHANNELS = ['public', 'family', 'satpol_pp', 'police', 'hospital', 'call_centre', 'outreach', 'other_agency'] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

export const SEXES = ['male', 'female', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

/** Who consented to the assessment; `not_possible` when the person cannot (acute crisis). */
export const CONSENTS = ['client', 'family', 'guardian', 'not_possible'] as const;
export type Consent = (typeof CONSENTS)[number];

/** Who a referral goes to: an RSJ, a panti, or the origin region's Dinsos. */
export const REFERRAL_PARTNERS = ['rsj', 'panti', 'origin_dinsos'] as const;
export type ReferralPartner = (typeof REFERRAL_PARTNERS)[number];

/** Who takes the person over at the end of the pathway. */
export const HANDOVER_TARGETS = ['family', 'origin_dinsos', 'province'] as const;
export type HandoverTo = (typeof HANDOVER_TARGETS)[number];

export const TRANSPORT_LEGS = ['to_facility', 'home'] as const;
export type TransportLeg = (typeof TRANSPORT_LEGS)[number];
export const TRANSPORT_EVENTS = ['departed', 'arrived'] as const;
export type TransportEvent = (typeof TRANSPORT_EVENTS)[number];

export const OBSERVATION_RESULTS = ['stable', 'needs_further_care'] as const;
export type ObservationResult = (typeof OBSERVATION_RESULTS)[number];

export const VISIT_KINDS = ['follow_up', 'monitoring'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

export const REVIEW_DECISIONS = ['continue', 'terminate'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const EVALUATION_OUTCOMES = ['goals_met', 'partially_met', 'not_met'] as const;
export type EvaluationOutcome = (typeof EVALUATION_OUTCOMES)[number];

export const CLOSURE_OUTCOMES = ['reunified', 'repatriated', 'rehabilitated', 'transferred', 'deceased', 'lost_contact', 'other'] as const;
export type ClosureOutcome = (typeof CLOSURE_OUTCOMES)[number];

/** Outside parties a deadline may be paused for. */
export const EXTERNAL_PARTIES = ['rsj', 'hospital', 'police', 'civil_registry', 'court', 'other_agency'] as const;
export type ExternalParty = (typeof EXTERNAL_PARTIES)[number];

/** The supervisors' two views of what needs attention: escalated cases, or cases past a deadline. */
export const ESCALATION_VIEWS = ['escalated', 'overdue'] as const;

export const ESCALATION_REASONS = [
  'deadline',
  'stalled',
  'visit_missed',
  'review_missed',
  'service_overdue',
  'shelter_limit',
  'external_overdue',
  'integration_stalled',
] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

/** What Sigap asks of partner services on a case's behalf (integration/calls.ts decides when). */
export const PARTNER_CALL_KINDS = ['referral.admit', 'transport.book', 'transport.cancel', 'tracing.lookup'] as const;
export type PartnerCallKind = (typeof PARTNER_CALL_KINDS)[number];
