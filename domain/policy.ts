// Every duration Sigap waits on comes from a versioned policy: data, not constants in workflow code.
// A deployment may override values; a training simulation ("simulasi kasus") scales all of them at once.
import type { Category, RiskLevel } from './categories';
import type { AdvocacyKind, EscalationReason } from './codes';
import { DAY, HOUR, MINUTE } from './time';

export const RISK_TIERED_DEADLINES = [
  'first_response',
  'rapid_assessment',
  'pathway_decision',
  'assessment',
  'plan_approval',
  'referral_acceptance',
] as const;
export type RiskTieredDeadline = (typeof RISK_TIERED_DEADLINES)[number];

export const FIXED_DEADLINES = [
  'observation',
  'observation_extension_cap',
  'shelter_stay',
  'family_tracing',
  'origin_acceptance',
  'plan_review',
  'monitoring_interval',
  'stalled_after',
  'visit_grace',
  'visit_early',
  'reopen_window',
  'integration_budget',
  'group_departure',
  'pickup',
  'funding_guarantee',
  'facility_visit_interval',
  'long_stay_review',
  'transfer_acceptance',
  'transfer_read_only',
  'absence_search',
] as const;
export type FixedDeadline = (typeof FIXED_DEADLINES)[number];

export type DeadlineKind = RiskTieredDeadline | FixedDeadline;

export function isDeadlineKind(value: string): value is DeadlineKind {
  return (RISK_TIERED_DEADLINES as readonly string[]).includes(value) || (FIXED_DEADLINES as readonly string[]).includes(value);
}

export interface EscalationLadder {
  /** Fraction of a deadline at which the case manager gets a reminder. */
  reminderAt: number;
  /** Level 1 fires at the deadline; levels 2 and 3 this long after it. */
  level2After: number;
  level3After: number;
  /**
   * Rules v6: the climb per reason and risk where practice differs from the default — a missed visit on a
   * low-risk case stays with the Kasi unless it stays open for weeks.
   */
  byReason: Partial<Record<EscalationReason, Partial<Record<RiskLevel, LadderSteps>>>>;
}

export interface LadderSteps {
  level2After: number;
  level3After: number;
}

export interface Policy {
  version: string;
  /** Multiplies every duration: 1 in production; e.g. 1/86_400 makes a day pass in a second. */
  timeScale: number;
  riskTiered: Record<RiskTieredDeadline, Record<RiskLevel, number>>;
  fixed: Record<FixedDeadline, number>;
  /** Per-category replacements for risk-tiered deadlines, where practice differs (e.g. children). */
  categoryOverrides: Partial<Record<Category, Partial<Record<RiskTieredDeadline, Partial<Record<RiskLevel, number>>>>>>;
  /** Follow-up visits after an ODGJ reunification, as offsets from the handover to the family. */
  followUpVisits: readonly number[];
  /** Follow-up contacts after a repatriation, as offsets from the handover to the origin region. */
  repatriationFollowUps: readonly number[];
  escalation: EscalationLadder;
  /** Step 7: by when each kind of advocacy is expected to be done, from when it is opened. */
  advocacyTargets: Record<AdvocacyKind, number>;
  /** Open cases per worker above which the Kasi is warned (once per crossing). */
  caseloadThreshold: number;
  /** Backoff between attempts of a partner call that failed for want of an answer (not a refusal). */
  partnerRetry: { initialMs: number; maxMs: number };
}

export const DEFAULT_POLICY: Policy = {
  version: '2026.2',
  timeScale: 1,
  riskTiered: {
    first_response: { high: 1 * HOUR, medium: 3 * HOUR, low: 24 * HOUR },
    // Safety, medical emergency, capacity, immediate needs: on the spot, soon after first contact.
    rapid_assessment: { high: 2 * HOUR, medium: 6 * HOUR, low: 24 * HOUR },
    // The Kasi decides the pathway once the rapid assessment is in.
    pathway_decision: { high: 4 * HOUR, medium: 24 * HOUR, low: 3 * DAY },
    assessment: { high: 2 * DAY, medium: 5 * DAY, low: 10 * DAY },
    plan_approval: { high: 7 * DAY, medium: 14 * DAY, low: 14 * DAY },
    referral_acceptance: { high: 3 * DAY, medium: 3 * DAY, low: 7 * DAY },
  },
  fixed: {
    observation: 14 * DAY,
    observation_extension_cap: 14 * DAY,
    shelter_stay: 14 * DAY,
    family_tracing: 14 * DAY,
    origin_acceptance: 3 * DAY,
    plan_review: 90 * DAY,
    monitoring_interval: 30 * DAY,
    stalled_after: 7 * DAY,
    visit_grace: 3 * DAY,
    visit_early: 3 * DAY,
    reopen_window: 30 * DAY,
    integration_budget: 30 * MINUTE,
    group_departure: 2 * DAY,
    // "Sudah stabil, belum dijemput": a discharged patient is picked up within three days.
    pickup: 3 * DAY,
    funding_guarantee: 3 * DAY,
    facility_visit_interval: 14 * DAY,
    // Not a cap: the RSJ decides the stay; a long one is reviewed for its funding and a placement.
    long_stay_review: 60 * DAY,
    transfer_acceptance: 7 * DAY,
    transfer_read_only: 30 * DAY,
    // Melarikan diri: the police are told at once; after a week's search the case may end as ran away.
    absence_search: 7 * DAY,
  },
  categoryOverrides: {},
  followUpVisits: [7 * DAY, 30 * DAY, 90 * DAY],
  repatriationFollowUps: [7 * DAY, 30 * DAY],
  escalation: {
    reminderAt: 0.5,
    level2After: 24 * HOUR,
    level3After: 72 * HOUR,
    byReason: {
      visit_missed: { low: { level2After: 21 * DAY, level3After: 42 * DAY }, medium: { level2After: 3 * DAY, level3After: 10 * DAY } },
      review_missed: { low: { level2After: 14 * DAY, level3After: 30 * DAY }, medium: { level2After: 3 * DAY, level3After: 10 * DAY } },
      service_overdue: { low: { level2After: 14 * DAY, level3After: 30 * DAY }, medium: { level2After: 3 * DAY, level3After: 10 * DAY } },
      // Documents and insurance take weeks anyway; a week late is the Kasi's matter, a month the Kabid's.
      advocacy_overdue: {
        low: { level2After: 14 * DAY, level3After: 30 * DAY },
        medium: { level2After: 7 * DAY, level3After: 21 * DAY },
        high: { level2After: 3 * DAY, level3After: 7 * DAY },
      },
    },
  },
  caseloadThreshold: 25,
  advocacyTargets: {
    civil_documents: 30 * DAY,
    health_insurance: 30 * DAY,
    dtsen_registration: 60 * DAY,
    legal_aid: 14 * DAY,
    guardianship: 90 * DAY,
    other: 30 * DAY,
  },
  partnerRetry: { initialMs: 2_000, maxMs: 5 * MINUTE },
};

function isRiskTiered(kind: DeadlineKind): kind is RiskTieredDeadline {
  return (RISK_TIERED_DEADLINES as readonly string[]).includes(kind);
}

/** Unscaled duration of a deadline for a case, in milliseconds. */
export function baseDuration(policy: Policy, kind: DeadlineKind, risk: RiskLevel, category?: Category): number {
  if (!isRiskTiered(kind)) return policy.fixed[kind];
  const override = category ? policy.categoryOverrides[category]?.[kind]?.[risk] : undefined;
  return override ?? policy.riskTiered[kind][risk];
}

/** How long after an overdue matter its escalation reaches levels 2 and 3 (rules v6: per reason and risk). */
export function ladderSteps(policy: Policy, reason: EscalationReason, risk: RiskLevel, rules: number): LadderSteps {
  return (rules >= 6 ? policy.escalation.byReason[reason]?.[risk] : undefined) ?? policy.escalation;
}

/** Scales a real-world duration to the policy's clock, in whole milliseconds (at least one). */
export function scaled(policy: Policy, durationMs: number): number {
  return Math.max(1, Math.round(durationMs * policy.timeScale));
}

/** Duration of a deadline on the policy's clock, in milliseconds. */
export function deadlineDuration(policy: Policy, kind: DeadlineKind, risk: RiskLevel, category?: Category): number {
  return scaled(policy, baseDuration(policy, kind, risk, category));
}

export type PolicyOverrides = Partial<{
  version: string;
  timeScale: number;
  riskTiered: Partial<Record<RiskTieredDeadline, Partial<Record<RiskLevel, number>>>>;
  fixed: Partial<Record<FixedDeadline, number>>;
  categoryOverrides: Policy['categoryOverrides'];
  followUpVisits: number[];
  repatriationFollowUps: number[];
  escalation: Partial<EscalationLadder>;
  advocacyTargets: Partial<Record<AdvocacyKind, number>>;
  caseloadThreshold: number;
  partnerRetry: Partial<Policy['partnerRetry']>;
}>;

/** A deployment's ladder per reason and risk over the defaults: overriding one risk keeps the others. */
function mergeByReason(base: EscalationLadder['byReason'], given: EscalationLadder['byReason'] | undefined): EscalationLadder['byReason'] {
  const merged = { ...base };
  for (const [reason, byRisk] of Object.entries(given ?? {}) as [EscalationReason, EscalationLadder['byReason'][EscalationReason]][]) {
    merged[reason] = { ...base[reason], ...byRisk };
  }
  return merged;
}

/** A deployment's policy: the defaults with its overrides laid over them. */
export function withOverrides(base: Policy, o: PolicyOverrides): Policy {
  const riskTiered = { ...base.riskTiered };
  for (const kind of RISK_TIERED_DEADLINES) riskTiered[kind] = { ...base.riskTiered[kind], ...o.riskTiered?.[kind] };
  return {
    version: o.version ?? base.version,
    timeScale: o.timeScale ?? base.timeScale,
    riskTiered,
    fixed: { ...base.fixed, ...o.fixed },
    categoryOverrides: { ...base.categoryOverrides, ...o.categoryOverrides },
    followUpVisits: o.followUpVisits ?? base.followUpVisits,
    repatriationFollowUps: o.repatriationFollowUps ?? base.repatriationFollowUps,
    escalation: { ...base.escalation, ...o.escalation, byReason: mergeByReason(base.escalation.byReason, o.escalation?.byReason) },
    advocacyTargets: { ...base.advocacyTargets, ...o.advocacyTargets },
    caseloadThreshold: o.caseloadThreshold ?? base.caseloadThreshold,
    // Cases carried over from before this setting have none in their stored overrides; the default applies.
    partnerRetry: { ...base.partnerRetry, ...o.partnerRetry },
  };
}

/** Checks a policy before a case is started with it; returns the problems found (empty when valid). */
export function policyProblems(policy: Policy): string[] {
  const problems: string[] = [];
  const positive = (label: string, value: number) => {
    if (!Number.isFinite(value) || value <= 0) problems.push(`${label} must be a positive number of milliseconds`);
  };
  if (!(policy.timeScale > 0 && policy.timeScale <= 1)) problems.push('timeScale must be in (0, 1]');
  for (const kind of RISK_TIERED_DEADLINES) {
    for (const risk of ['high', 'medium', 'low'] as const) positive(`riskTiered.${kind}.${risk}`, policy.riskTiered[kind][risk]);
  }
  for (const kind of FIXED_DEADLINES) positive(`fixed.${kind}`, policy.fixed[kind]);
  policy.followUpVisits.forEach((v, i) => positive(`followUpVisits[${i}]`, v));
  policy.repatriationFollowUps.forEach((v, i) => positive(`repatriationFollowUps[${i}]`, v));
  const { reminderAt, level2After, level3After } = policy.escalation;
  if (!(reminderAt > 0 && reminderAt < 1)) problems.push('escalation.reminderAt must be in (0, 1)');
  positive('escalation.level2After', level2After);
  positive('partnerRetry.initialMs', policy.partnerRetry.initialMs);
  if (!(policy.partnerRetry.maxMs >= policy.partnerRetry.initialMs)) problems.push('partnerRetry.maxMs must be at least initialMs');
  if (!(level3After > level2After)) problems.push('escalation.level3After must be after level2After');
  for (const [reason, byRisk] of Object.entries(policy.escalation.byReason)) {
    for (const [risk, steps] of Object.entries(byRisk ?? {})) {
      positive(`escalation.byReason.${reason}.${risk}.level2After`, steps.level2After);
      if (!(steps.level3After > steps.level2After)) problems.push(`escalation.byReason.${reason}.${risk}.level3After must be after level2After`);
    }
  }
  for (const [kind, target] of Object.entries(policy.advocacyTargets)) positive(`advocacyTargets.${kind}`, target);
  if (!(Number.isInteger(policy.caseloadThreshold) && policy.caseloadThreshold > 0)) problems.push('caseloadThreshold must be a positive whole number');
  return problems;
}
