// Every list of codes a case carries that has no module of its own (categories, stages, ATENSI and roles
// do). Types, the API's schemas, the OpenAPI document and the CLI's choices all derive from these lists.
import { renamedCodes } from './renamed-codes';

/** How a report reached the Dinas. */
/**
 * Who reported the person: the public, the family, Satpol PP, the police, a hospital or puskesmas, the
 * TKSK (sub-district social welfare worker), a PSM (community social worker), the kelurahan, the call
 * centre, social media, Dinsos outreach, another agency.
 */
export const REPORT_CHANNELS = [
  'public',
  'family',
  'satpol_pp',
  'police',
  'hospital',
  'puskesmas',
  'tksk',
  'psm',
  'kelurahan',
  'call_centre',
  'social_media',
  'outreach',
  'other_agency',
] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

export const SEXES = ['male', 'female', 'unknown'] as const;
export type Sex = (typeof SEXES)[number];

/** Who consented to the assessment; `not_possible` when the person cannot (acute crisis). */
export const CONSENTS = ['client', 'family', 'guardian', 'not_possible'] as const;
export type Consent = (typeof CONSENTS)[number];

/**
 * Who a referral goes to: an RSJ, a general hospital or puskesmas (`hospital`), the origin region's Dinsos;
 * `panti` only on cases opened before jurisdiction transfers (a panti now receives a case by transfer).
 */
export const REFERRAL_PARTNERS = ['rsj', 'hospital', 'panti', 'origin_dinsos'] as const;
export type ReferralPartner = (typeof REFERRAL_PARTNERS)[number];

/** Who takes the person over at the end of the pathway. */
export const HANDOVER_TARGETS = ['family', 'origin_dinsos', 'province'] as const;
export type HandoverTo = (typeof HANDOVER_TARGETS)[number];

/** To the RSJ or hospital, the pick-up from it after discharge, and the trip home. */
export const TRANSPORT_LEGS = ['to_facility', 'from_facility', 'home'] as const;
export type TransportLeg = (typeof TRANSPORT_LEGS)[number];
export const TRANSPORT_EVENTS = ['departed', 'arrived'] as const;
export type TransportEvent = (typeof TRANSPORT_EVENTS)[number];

export const OBSERVATION_RESULTS = ['stable', 'needs_further_care'] as const;
export type ObservationResult = (typeof OBSERVATION_RESULTS)[number];

/** After a hand-over (follow_up), under ATENSI or province care (monitoring), the pendamping at the RSJ (facility). */
export const VISIT_KINDS = ['follow_up', 'monitoring', 'facility'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

/** At a 90-day review: carry on, end the services (on to evaluation), or (rules v6) revise the plan. */
export const REVIEW_DECISIONS = ['continue', 'terminate', 'revise'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const EVALUATION_OUTCOMES = ['goals_met', 'partially_met', 'not_met'] as const;
export type EvaluationOutcome = (typeof EVALUATION_OUTCOMES)[number];

/**
 * How a case ends, as practice reports it: goals reached, returned to the family, repatriated, referred on,
 * melarikan diri (ran away), menolak layanan (refused services), meninggal dunia (died), tidak ditemukan
 * (never found), hilang kontak (contact lost in the community). The last five end the services early: the
 * case records that first (`recordExit`).
 */
export const CLOSURE_OUTCOMES = [
  'goals_reached',
  'returned_to_family',
  'repatriated',
  'referred',
  'ran_away',
  'refused_services',
  'deceased',
  'not_found',
  'lost_contact',
  'other',
] as const;
/** What a closure request says now. */
export type CurrentClosureOutcome = (typeof CLOSURE_OUTCOMES)[number];
/** Outcomes of cases closed before the list above, and the outcome each meant: they read back (and are taken) as it. */
export const LEGACY_CLOSURE_OUTCOMES = { reunified: 'returned_to_family', rehabilitated: 'goals_reached', transferred: 'referred' } as const satisfies Record<
  string,
  CurrentClosureOutcome
>;
export type LegacyClosureOutcome = keyof typeof LEGACY_CLOSURE_OUTCOMES;
/** What a case file (or a command in its history) may hold. */
export type ClosureOutcome = CurrentClosureOutcome | LegacyClosureOutcome;

export const currentClosureOutcome = renamedCodes(LEGACY_CLOSURE_OUTCOMES).shown;

/** The services ended before the plan did; each has its own rule (see steps/exit.ts). */
export const EXIT_KINDS = ['ran_away', 'refused_services', 'deceased', 'not_found', 'lost_contact'] as const satisfies readonly ClosureOutcome[];
export type ExitKind = (typeof EXIT_KINDS)[number];

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
  'facility_silent',
  'pickup_overdue',
  'long_stay',
  'funding_missing',
  'tracing_overdue',
  'transfer_overdue',
  'partner_report',
  'advocacy_overdue',
] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

/** What Sigap asks of partner services on a case's behalf (integration/calls.ts decides when). */
export const PARTNER_CALL_KINDS = ['referral.admit', 'transport.book', 'transport.cancel', 'tracing.lookup'] as const;
export type PartnerCallKind = (typeof PARTNER_CALL_KINDS)[number];

// Rapid assessment (inside the first-response window, before the pathway is decided).

/** Whom the person is a danger to, as the worker found them. */
export const DANGER = ['none', 'self', 'others', 'both'] as const;
export type Danger = (typeof DANGER)[number];

export const CAPACITY = ['has_capacity', 'lacks_capacity'] as const;
export type Capacity = (typeof CAPACITY)[number];

/** Why a person cannot consent now. */
export const CAPACITY_REASONS = ['acute_psychosis', 'dementia', 'unconscious', 'intellectual_disability', 'intoxicated', 'child_alone', 'other'] as const;
export type CapacityReason = (typeof CAPACITY_REASONS)[number];

export const IMMEDIATE_NEEDS = ['medical_care', 'psychiatric_care', 'food', 'shelter', 'clothing', 'hygiene', 'protection'] as const;
export type ImmediateNeed = (typeof IMMEDIATE_NEEDS)[number];

// The stay at an RSJ or hospital.

/** Who pays for the stay: BPJS PBI / JKN-KIS, the regional scheme, or a guarantee letter from the Dinsos. */
export const FUNDING_SCHEMES = ['bpjs_pbi', 'jkn_kis', 'jamkesda', 'surat_jaminan'] as const;
export type FundingScheme = (typeof FUNDING_SCHEMES)[number];

/** How the RSJ lets the patient go: stable, on the patient's own request (APS), or referred on (rujuk). */
export const DISCHARGE_KINDS = ['stable', 'own_request', 'referred'] as const;
export type DischargeKind = (typeof DISCHARGE_KINDS)[number];

/** A long stay is reviewed for its funding and for a placement, not capped. */
export const STAY_REVIEW_DECISIONS = ['continue_funding', 'seek_placement'] as const;
export type StayReviewDecision = (typeof STAY_REVIEW_DECISIONS)[number];

// Family tracing.

export const TRACING_CHANNELS = ['dukcapil_biometric', 'police', 'kelurahan_rt', 'social_media', 'former_employer', 'other'] as const;
export type TracingChannel = (typeof TRACING_CHANNELS)[number];

export const TRACING_RESULTS = ['found', 'lead', 'not_found'] as const;
export type TracingResult = (typeof TRACING_RESULTS)[number];

/** Why a family found cannot take the person in (now). */
export const FAMILY_UNREADY_REASONS = ['economy', 'refuses', 'unsafe', 'unknown'] as const;
export type FamilyUnreadyReason = (typeof FAMILY_UNREADY_REASONS)[number];

/** At the tracing deadline a supervisor decides: keep tracing, or refer onwards while tracing goes on. */
export const TRACING_DECISIONS = ['continue', 'refer_onwards'] as const;
export type TracingDecision = (typeof TRACING_DECISIONS)[number];

// Jurisdiction transfers: a hand-over the receiving unit accepts.

export const TRANSFER_TARGETS = ['dinsos_provinsi', 'uptd_panti', 'sentra_kemensos', 'origin_dinsos'] as const;
export type TransferTarget = (typeof TRANSFER_TARGETS)[number];

/** A transfer waits for the receiving unit, which accepts or declines; it completes at the hand-over (BAST), or is withdrawn when the family is found first. */
export const TRANSFER_STATUSES = ['requested', 'accepted', 'declined', 'completed', 'withdrawn'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];

/** Which side of a transfer a list shows: handed to the caller's unit, or from it. */
export const TRANSFER_DIRECTIONS = ['incoming', 'outgoing'] as const;

export const TRANSFER_DECLINE_REASONS = ['no_capacity', 'outside_mandate', 'report_incomplete', 'other'] as const;
export type TransferDeclineReason = (typeof TRANSFER_DECLINE_REASONS)[number];

// Advocacy (step 7): what the case pursues on the person's behalf with other agencies.

/**
 * Civil documents (NIK, KK, akta via Dukcapil), health insurance (BPJS PBI / KIS), registration in DTSEN
 * (the national social-economic register that opens social assistance), legal aid (a police report, LBH;
 * LPSK and restitution for trafficking victims), guardianship (a court's perwalian or pengampuan), other.
 */
export const ADVOCACY_KINDS = ['civil_documents', 'health_insurance', 'dtsen_registration', 'legal_aid', 'guardianship', 'other'] as const;
export type AdvocacyKind = (typeof ADVOCACY_KINDS)[number];

export const ADVOCACY_OUTCOMES = ['achieved', 'partly_achieved', 'not_achieved'] as const;
export type AdvocacyOutcome = (typeof ADVOCACY_OUTCOMES)[number];

/** An item is open until closed with an outcome, or waived by a supervisor; in progress once a step is recorded. */
export const ADVOCACY_STATUSES = ['open', 'in_progress', 'closed', 'waived'] as const;
export type AdvocacyStatus = (typeof ADVOCACY_STATUSES)[number];

// Guardianship and case conferences.

/**
 * On what a guardian stands for the person: the Dinsos as wali sementara, the head of an LKSA caring for
 * the child (both for children without family, until a court decides), or a court order (any person).
 */
export const GUARDIAN_BASES = ['temporary_dinsos', 'temporary_lksa', 'court_order'] as const;
export type GuardianBasis = (typeof GUARDIAN_BASES)[number];

/** Who sat at a case conference, by role (never by name). */
export const CONFERENCE_ROLES = [
  'case_manager',
  'supervisor',
  'social_worker',
  'psychologist',
  'doctor',
  'nurse',
  'client',
  'family',
  'guardian',
  'tksk',
  'psm',
  'rt_rw',
  'police',
  'facility',
  'origin_dinsos',
  'other',
] as const;
export type ConferenceRole = (typeof CONFERENCE_ROLES)[number];

export const CONFERENCE_DECISIONS = ['continue_plan', 'revise_plan', 'refer', 'seek_family', 'open_advocacy', 'end_services', 'other'] as const;
export type ConferenceDecision = (typeof CONFERENCE_DECISIONS)[number];
