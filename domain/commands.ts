// Staff commands and partner facts, as pure rules: who may give each one, when practice allows it, and
// what it changes. The workflow's Update validators call `refusal`; its handlers call `execute`.
import type { AtensiComponent, CareSetting } from './atensi';
import type { CaseFile, Consent, HandoverTo, ReferralPartner } from './case-file';
import type { Ctx, DomainEvent } from './case-ops';
import { iso, ms, moveTo, pendingVisits, plus, scheduleVisits, startMonitoringCycle } from './case-ops';
import type { RiskLevel } from './categories';
import { DAY, HOUR } from './time';
import { currentDeadline, settleEscalations } from './timers';
import { scaled } from './policy';
import type { Role } from './roles';
import type { RuleCode } from './rule-codes';
import { freshProgress } from './open-case';

export const CLOSURE_OUTCOMES = ['reunified', 'repatriated', 'rehabilitated', 'transferred', 'deceased', 'lost_contact', 'other'] as const;
export type ClosureOutcome = (typeof CLOSURE_OUTCOMES)[number];
export const EVALUATION_OUTCOMES = ['goals_met', 'partially_met', 'not_met'] as const;
export type EvaluationOutcome = (typeof EVALUATION_OUTCOMES)[number];

export type CaseCommand =
  | { type: 'acknowledge'; assignedWorker?: string }
  | {
      type: 'recordAssessment';
      consent: Consent;
      familyInvolved: boolean;
      riskLevel?: RiskLevel;
      originRegionCode?: string;
      needsShelter?: boolean;
      summary?: string;
    }
  | {
      type: 'submitPlan';
      components: AtensiComponent[];
      setting: CareSetting;
      services: { component: AtensiComponent; dueInDays: number }[];
      summary?: string;
    }
  | { type: 'decidePlan'; approve: boolean; reason?: string }
  | { type: 'requestReferral'; partner: ReferralPartner; facilityCode: string }
  | { type: 'recordReferralDecision'; accepted: boolean; reason?: string }
  | { type: 'recordTransport'; leg: 'to_facility' | 'home'; event: 'departed' | 'arrived' }
  | { type: 'recordObservationResult'; result: 'stable' | 'needs_further_care' }
  | { type: 'requestExtension'; days: number; reason: string }
  | { type: 'decideExtension'; approve: boolean; reason?: string }
  | { type: 'recordFamilyTracing'; found: boolean; canReceive?: boolean; reason?: string }
  | { type: 'recordHandover'; to: HandoverTo }
  | { type: 'recordServiceLinked'; serviceId: string; provider: string }
  | { type: 'recordServiceDelivered'; serviceId: string }
  | { type: 'recordVisit'; kind: 'follow_up' | 'monitoring'; summary?: string }
  | { type: 'recordReview'; decision: 'continue' | 'terminate'; summary?: string }
  | { type: 'recordEvaluation'; outcome: EvaluationOutcome; summary?: string }
  | { type: 'requestClosure'; outcome: ClosureOutcome; reason: string }
  | { type: 'decideClosure'; approve: boolean; reason?: string }
  | { type: 'reassign'; assignedWorker: string; reason: string }
  | { type: 'addNote'; text: string }
  | { type: 'withdraw'; reason: string }
  | { type: 'reopen'; reason: string }
  | { type: 'acknowledgeEscalation'; reason?: string }
  | { type: 'extendDeadline'; hours: number; reason: string }
  | { type: 'pauseDeadline'; party: ExternalParty; expectedInDays: number; reason: string }
  | { type: 'resumeDeadline' };

export const EXTERNAL_PARTIES = ['rsj', 'hospital', 'police', 'civil_registry', 'court', 'other_agency'] as const;
export type ExternalParty = (typeof EXTERNAL_PARTIES)[number];

export type CommandType = CaseCommand['type'];
type Of<K extends CommandType> = Extract<CaseCommand, { type: K }>;

interface Rule<C> {
  roles: readonly Role[];
  /** Also allowed on a closed or withdrawn case. */
  whenClosed?: boolean;
  check(file: CaseFile, cmd: C, ctx: Ctx): RuleCode | undefined;
  apply(file: CaseFile, cmd: C, ctx: Ctx): DomainEvent[];
}

const STAFF: readonly Role[] = ['operator', 'case_manager', 'supervisor', 'admin'];
const WORKERS: readonly Role[] = ['case_manager', 'supervisor'];
const WORKERS_AND_PARTNERS: readonly Role[] = ['case_manager', 'supervisor', 'partner'];
const SUPERVISORS: readonly Role[] = ['supervisor'];

const stageIs = (file: CaseFile, ...stages: CaseFile['stage'][]): RuleCode | undefined =>
  stages.includes(file.stage) ? undefined : 'WRONG_STAGE';
const pathwayIs = (file: CaseFile, ...pathways: CaseFile['pathway'][]): RuleCode | undefined =>
  pathways.includes(file.pathway) ? undefined : 'WRONG_PATHWAY';
const first = (...codes: (RuleCode | undefined)[]) => codes.find((c) => c !== undefined);

/** ODGJ: admitted once the RSJ has accepted and the person has arrived there. */
function admitIfReady(file: CaseFile, ctx: Ctx): DomainEvent[] {
  if (file.pathway !== 'odgj' || file.referral?.decision !== 'accepted' || !file.transport.toFacilityArrivedAt) return [];
  const now = iso(ctx.now);
  file.observation = {
    startedAt: now,
    endsAt: plus(now, scaled(ctx.policy, ctx.policy.fixed.observation)),
    extensions: [],
    result: null,
    resultAt: null,
  };
  // Family tracing starts at admission and runs alongside the observation period.
  file.familyTracing = {
    startedAt: now,
    dueAt: plus(now, scaled(ctx.policy, ctx.policy.fixed.family_tracing)),
    found: null,
    canReceive: null,
    decidedAt: null,
  };
  return [moveTo(file, 'implementation', ctx, 'admitted for observation'), { type: 'observation.started', data: { endsAt: file.observation.endsAt } }];
}

/** The adjustment record of the current step's deadline, created on first use. */
function adjustmentFor(file: CaseFile, ctx: Ctx): NonNullable<CaseFile['deadlineAdjustment']> {
  const id = currentDeadline(file, ctx.policy)!.id;
  if (file.deadlineAdjustment?.deadline !== id) file.deadlineAdjustment = { deadline: id, extensionMs: 0, pausedMs: 0, pause: null };
  return file.deadlineAdjustment;
}

/** Linking and delivering an ATENSI service: the service must be in the plan and the step not done yet. */
function serviceStepRefusal(file: CaseFile, serviceId: string, stage: CaseFile['stage'], done: 'linkedAt' | 'deliveredAt') {
  const service = file.services.find((s) => s.id === serviceId);
  return first(
    pathwayIs(file, 'atensi'),
    stageIs(file, stage),
    service ? undefined : 'UNKNOWN_SERVICE',
    service?.[done] ? 'ALREADY_RECORDED' : undefined,
  );
}

const familyCanReceive = (file: CaseFile) => file.familyTracing?.found === true && file.familyTracing.canReceive === true;
const tracingDecided = (file: CaseFile) => file.familyTracing?.decidedAt != null;
const extensionDays = (file: CaseFile, statuses: string[]) =>
  (file.observation?.extensions ?? []).filter((e) => statuses.includes(e.status)).reduce((sum, e) => sum + e.days, 0);

const RULES: { [K in CommandType]: Rule<Of<K>> } = {
  acknowledge: {
    roles: STAFF,
    check: (file) => (file.acknowledgedAt ? 'ALREADY_ACKNOWLEDGED' : stageIs(file, 'identification')),
    apply(file, cmd, ctx) {
      file.acknowledgedAt = iso(ctx.now);
      file.assignedWorker = cmd.assignedWorker ?? file.assignedWorker ?? (ctx.actor.role === 'case_manager' ? ctx.actor.id : null);
      return [
        { type: 'case.acknowledged', data: { assignedWorker: file.assignedWorker } },
        moveTo(file, 'assessment', ctx, 'first response made'),
      ];
    },
  },

  recordAssessment: {
    roles: WORKERS,
    check(file, cmd) {
      return first(
        stageIs(file, 'assessment'),
        // People in an acute crisis (ODGJ on the street) may be unable to consent; everyone else must.
        cmd.consent === 'not_possible' && file.pathway !== 'odgj' ? 'CONSENT_REQUIRED' : undefined,
        // A child cannot consent alone: a guardian or the family must.
        file.category === 'anak_terlantar' && !['guardian', 'family'].includes(cmd.consent) ? 'CONSENT_REQUIRED' : undefined,
        file.pathway === 'repatriation' && !cmd.originRegionCode ? 'ORIGIN_REGION_REQUIRED' : undefined,
      );
    },
    apply(file, cmd, ctx) {
      const events: DomainEvent[] = [];
      file.assessment = {
        at: iso(ctx.now),
        by: ctx.actor.id,
        consent: cmd.consent,
        familyInvolved: cmd.familyInvolved,
        originRegionCode: cmd.originRegionCode ?? null,
      };
      events.push({ type: 'assessment.recorded', data: { consent: cmd.consent, familyInvolved: cmd.familyInvolved } });
      if (cmd.riskLevel && cmd.riskLevel !== file.riskLevel) {
        events.push({ type: 'risk.changed', data: { from: file.riskLevel, to: cmd.riskLevel } });
        file.riskLevel = cmd.riskLevel;
      }
      if (file.pathway === 'repatriation' && cmd.needsShelter) {
        file.shelter = { admittedAt: iso(ctx.now), leftAt: null };
        events.push({ type: 'shelter.admitted', data: {} });
      }
      // ODGJ and repatriation act at once on the assessment; ATENSI plans first, with approval.
      events.push(moveTo(file, file.pathway === 'atensi' ? 'planning' : 'linking', ctx, 'assessment complete'));
      return events;
    },
  },

  submitPlan: {
    roles: ['case_manager'],
    check(file, cmd) {
      const consistent =
        cmd.components.length > 0 &&
        cmd.services.length > 0 &&
        cmd.services.every((s) => cmd.components.includes(s.component) && Number.isInteger(s.dueInDays) && s.dueInDays > 0);
      return first(
        pathwayIs(file, 'atensi'),
        stageIs(file, 'planning'),
        file.plan?.status === 'submitted' ? 'REQUEST_PENDING' : undefined,
        consistent ? undefined : 'INVALID_PLAN',
      );
    },
    apply(file, cmd, ctx) {
      file.plan = { status: 'submitted', submittedAt: iso(ctx.now), decidedAt: null, components: cmd.components, setting: cmd.setting };
      // Due dates are fixed when the plan is approved; until then they are offsets.
      file.services = cmd.services.map((s, i) => ({
        id: `svc-${i + 1}`,
        component: s.component,
        dueAt: String(s.dueInDays),
        provider: null,
        linkedAt: null,
        deliveredAt: null,
      }));
      return [{ type: 'plan.submitted', data: { components: cmd.components.join(','), setting: cmd.setting, services: cmd.services.length } }];
    },
  },

  decidePlan: {
    roles: SUPERVISORS,
    check: (file) => first(stageIs(file, 'planning'), file.plan?.status === 'submitted' ? undefined : 'NOTHING_TO_DECIDE'),
    apply(file, cmd, ctx) {
      const plan = file.plan!;
      plan.decidedAt = iso(ctx.now);
      if (!cmd.approve) {
        plan.status = 'rejected';
        file.services = [];
        return [{ type: 'plan.rejected', data: {} }];
      }
      plan.status = 'approved';
      for (const s of file.services) s.dueAt = plus(ctx.now, scaled(ctx.policy, Number(s.dueAt) * DAY));
      return [{ type: 'plan.approved', data: {} }, moveTo(file, 'linking', ctx, 'plan approved')];
    },
  },

  requestReferral: {
    roles: WORKERS,
    check(file, cmd) {
      const partnerFits =
        (file.pathway === 'odgj' && cmd.partner === 'rsj') || (file.pathway === 'repatriation' && cmd.partner === 'origin_dinsos');
      return first(
        stageIs(file, 'linking'),
        partnerFits ? undefined : 'WRONG_PATHWAY',
        file.referral?.decision === 'accepted' ? 'ALREADY_RECORDED' : undefined,
        file.referral && file.referral.decision === null ? 'REQUEST_PENDING' : undefined,
      );
    },
    apply(file, cmd, ctx) {
      file.referral = {
        partner: cmd.partner,
        facilityCode: cmd.facilityCode,
        requestedAt: iso(ctx.now),
        attempt: (file.referral?.attempt ?? 0) + 1,
        decision: null,
        decidedAt: null,
      };
      return [{ type: 'referral.requested', data: { partner: cmd.partner, facilityCode: cmd.facilityCode, attempt: file.referral.attempt } }];
    },
  },

  recordReferralDecision: {
    roles: WORKERS_AND_PARTNERS,
    check: (file) => first(stageIs(file, 'linking'), file.referral && file.referral.decision === null ? undefined : 'NOTHING_TO_DECIDE'),
    apply(file, cmd, ctx) {
      const referral = file.referral!;
      referral.decision = cmd.accepted ? 'accepted' : 'declined';
      referral.decidedAt = iso(ctx.now);
      const events: DomainEvent[] = [
        { type: cmd.accepted ? 'referral.accepted' : 'referral.declined', data: { partner: referral.partner, attempt: referral.attempt } },
      ];
      if (!cmd.accepted) return events;
      if (file.pathway === 'repatriation') events.push(moveTo(file, 'implementation', ctx, 'origin region accepted the return'));
      events.push(...admitIfReady(file, ctx));
      return events;
    },
  },

  recordTransport: {
    roles: WORKERS_AND_PARTNERS,
    check(file, cmd) {
      if (cmd.leg === 'to_facility') {
        return first(pathwayIs(file, 'odgj'), stageIs(file, 'linking'), file.transport.toFacilityArrivedAt ? 'ALREADY_RECORDED' : undefined);
      }
      const ready = file.pathway === 'odgj' ? familyCanReceive(file) : file.pathway === 'repatriation';
      const done = cmd.event === 'departed' ? file.transport.homeDepartedAt : file.transport.homeArrivedAt;
      return first(
        pathwayIs(file, 'odgj', 'repatriation'),
        stageIs(file, 'implementation'),
        ready ? undefined : 'STEP_NOT_READY',
        done ? 'ALREADY_RECORDED' : undefined,
      );
    },
    apply(file, cmd, ctx) {
      const now = iso(ctx.now);
      const events: DomainEvent[] = [{ type: `transport.${cmd.event}`, data: { leg: cmd.leg } }];
      if (cmd.leg === 'to_facility') {
        if (cmd.event === 'arrived') {
          file.transport.toFacilityArrivedAt = now;
          events.push(...admitIfReady(file, ctx));
        }
        return events;
      }
      file.transport.homeDepartedAt ??= now;
      if (cmd.event === 'arrived') file.transport.homeArrivedAt = now;
      if (file.shelter && !file.shelter.leftAt) {
        file.shelter.leftAt = now;
        events.push({ type: 'shelter.left', data: {} });
      }
      return events;
    },
  },

  recordObservationResult: {
    roles: WORKERS_AND_PARTNERS,
    check: (file) =>
      first(pathwayIs(file, 'odgj'), stageIs(file, 'implementation'), file.observation?.result ? 'ALREADY_RECORDED' : undefined),
    apply(file, cmd, ctx) {
      file.observation!.result = cmd.result;
      file.observation!.resultAt = iso(ctx.now);
      return [{ type: 'observation.result', data: { result: cmd.result } }];
    },
  },

  requestExtension: {
    roles: WORKERS_AND_PARTNERS,
    check(file, cmd, ctx) {
      const capDays = ctx.policy.fixed.observation_extension_cap / DAY;
      return first(
        pathwayIs(file, 'odgj'),
        stageIs(file, 'implementation'),
        !file.observation || file.observation.result ? 'STEP_NOT_READY' : undefined,
        file.observation?.extensions.some((e) => e.status === 'pending') ? 'REQUEST_PENDING' : undefined,
        !Number.isInteger(cmd.days) || cmd.days <= 0 ? 'NO_CHANGE' : undefined,
        extensionDays(file, ['approved']) + cmd.days > capDays ? 'EXTENSION_BEYOND_CAP' : undefined,
      );
    },
    apply(file, cmd, ctx) {
      file.observation!.extensions.push({ days: cmd.days, requestedBy: ctx.actor.id, requestedAt: iso(ctx.now), status: 'pending' });
      return [{ type: 'observation.extension_requested', data: { days: cmd.days } }];
    },
  },

  decideExtension: {
    roles: SUPERVISORS,
    check(file, _cmd, ctx) {
      const pending = file.observation?.extensions.find((e) => e.status === 'pending');
      return first(
        stageIs(file, 'implementation'),
        pending ? undefined : 'NOTHING_TO_DECIDE',
        pending?.requestedBy === ctx.actor.id ? 'SELF_APPROVAL' : undefined,
      );
    },
    apply(file, cmd, ctx) {
      const observation = file.observation!;
      const pending = observation.extensions.find((e) => e.status === 'pending')!;
      pending.status = cmd.approve ? 'approved' : 'refused';
      if (!cmd.approve) return [{ type: 'observation.extension_refused', data: { days: pending.days } }];
      observation.endsAt = plus(observation.endsAt, scaled(ctx.policy, pending.days * DAY));
      return [{ type: 'observation.extended', data: { days: pending.days, endsAt: observation.endsAt } }];
    },
  },

  recordFamilyTracing: {
    // The civil-registry / tracing service reports its result like staff do.
    roles: WORKERS_AND_PARTNERS,
    check: (file) =>
      first(pathwayIs(file, 'odgj'), stageIs(file, 'implementation'), tracingDecided(file) ? 'ALREADY_RECORDED' : undefined),
    apply(file, cmd, ctx) {
      const tracing = file.familyTracing!;
      tracing.found = cmd.found;
      tracing.canReceive = cmd.found ? (cmd.canReceive ?? true) : false;
      tracing.decidedAt = iso(ctx.now);
      return [{ type: 'family_tracing.result', data: { found: cmd.found, canReceive: tracing.canReceive } }];
    },
  },

  recordHandover: {
    roles: WORKERS,
    check(file, cmd) {
      const ready =
        cmd.to === 'family'
          ? file.pathway === 'odgj' && familyCanReceive(file) && !!file.transport.homeArrivedAt
          : cmd.to === 'province'
            ? file.pathway === 'odgj' && tracingDecided(file) && !familyCanReceive(file) && !!file.observation?.result
            : file.pathway === 'repatriation' && !!file.transport.homeArrivedAt;
      return first(stageIs(file, 'implementation'), ready ? undefined : 'STEP_NOT_READY');
    },
    apply(file, cmd, ctx) {
      file.handover = { to: cmd.to, at: iso(ctx.now) };
      const events: DomainEvent[] = [{ type: 'handover.completed', data: { to: cmd.to } }];
      switch (cmd.to) {
        case 'family':
          file.visits.push(...scheduleVisits('follow_up', ctx.now, ctx.policy.followUpVisits, ctx.policy));
          break;
        case 'origin_dinsos':
          file.visits.push(...scheduleVisits('follow_up', ctx.now, ctx.policy.repatriationFollowUps, ctx.policy));
          break;
        case 'province': {
          // In-panti rehabilitation is the province's job: the case changes hands and region.
          const from = file.regionCode;
          file.jurisdiction = 'province';
          file.regionCode = file.regionCode.slice(0, 2);
          events.push({ type: 'jurisdiction.changed', data: { from: 'kabkota', to: 'province', fromRegion: from, toRegion: file.regionCode } });
          startMonitoringCycle(file, ctx.now, ctx.policy);
          break;
        }
      }
      events.push(moveTo(file, 'monitoring', ctx, `handed over to ${cmd.to}`));
      return events;
    },
  },

  recordServiceLinked: {
    roles: WORKERS,
    check: (file, cmd) => serviceStepRefusal(file, cmd.serviceId, 'linking', 'linkedAt'),
    apply(file, cmd, ctx) {
      const service = file.services.find((s) => s.id === cmd.serviceId)!;
      service.linkedAt = iso(ctx.now);
      service.provider = cmd.provider;
      const events: DomainEvent[] = [{ type: 'service.linked', data: { serviceId: service.id, component: service.component, provider: cmd.provider } }];
      if (file.services.every((s) => s.linkedAt)) {
        startMonitoringCycle(file, ctx.now, ctx.policy);
        events.push(moveTo(file, 'implementation', ctx, 'all services linked'));
      }
      return events;
    },
  },

  recordServiceDelivered: {
    roles: WORKERS_AND_PARTNERS,
    check: (file, cmd) => serviceStepRefusal(file, cmd.serviceId, 'implementation', 'deliveredAt'),
    apply(file, cmd, ctx) {
      const service = file.services.find((s) => s.id === cmd.serviceId)!;
      service.deliveredAt = iso(ctx.now);
      const events: DomainEvent[] = [{ type: 'service.delivered', data: { serviceId: service.id, component: service.component } }];
      if (file.services.every((s) => s.deliveredAt)) events.push(moveTo(file, 'monitoring', ctx, 'all services delivered'));
      return events;
    },
  },

  recordVisit: {
    roles: WORKERS,
    check(file, cmd, ctx) {
      const next = pendingVisits(file, cmd.kind)[0];
      const dueSoon = next && ms(next.dueAt) - ctx.now.getTime() <= scaled(ctx.policy, ctx.policy.fixed.visit_early);
      return first(
        cmd.kind === 'follow_up' ? stageIs(file, 'monitoring') : stageIs(file, 'implementation', 'monitoring'),
        dueSoon ? undefined : 'NOTHING_DUE',
      );
    },
    apply(file, cmd, ctx) {
      const visit = pendingVisits(file, cmd.kind)[0]!;
      visit.doneAt = iso(ctx.now);
      const events: DomainEvent[] = [{ type: 'visit.recorded', data: { kind: cmd.kind, dueAt: visit.dueAt } }];
      // Monthly monitoring keeps its calendar: the next visit is a month after this one was due.
      if (cmd.kind === 'monitoring') file.visits.push(...scheduleVisits('monitoring', new Date(visit.dueAt), [ctx.policy.fixed.monitoring_interval], ctx.policy));
      return events;
    },
  },

  recordReview: {
    roles: WORKERS,
    check(file, _cmd, ctx) {
      const dueSoon = file.nextReviewAt && ms(file.nextReviewAt) - ctx.now.getTime() <= scaled(ctx.policy, ctx.policy.fixed.visit_early);
      return first(stageIs(file, 'implementation', 'monitoring'), dueSoon ? undefined : 'NOTHING_DUE');
    },
    apply(file, cmd, ctx) {
      const dueAt = file.nextReviewAt!;
      file.reviews.push({ at: iso(ctx.now), decision: cmd.decision });
      const events: DomainEvent[] = [{ type: 'review.recorded', data: { decision: cmd.decision, dueAt } }];
      if (cmd.decision === 'terminate') {
        file.nextReviewAt = null;
        file.visits = file.visits.filter((v) => v.doneAt || v.missed || v.kind !== 'monitoring');
        events.push(moveTo(file, 'evaluation', ctx, 'review decided to terminate'));
      } else {
        file.nextReviewAt = plus(dueAt, scaled(ctx.policy, ctx.policy.fixed.plan_review));
      }
      return events;
    },
  },

  recordEvaluation: {
    roles: ['case_manager'],
    check: (file) => first(stageIs(file, 'monitoring'), pendingVisits(file, 'follow_up').length ? 'FOLLOW_UP_PENDING' : undefined),
    apply(file, cmd, ctx) {
      file.evaluation = { at: iso(ctx.now), outcome: cmd.outcome };
      file.nextReviewAt = null;
      file.visits = file.visits.filter((v) => v.doneAt || v.missed);
      return [{ type: 'evaluation.recorded', data: { outcome: cmd.outcome } }, moveTo(file, 'evaluation', ctx, 'evaluated')];
    },
  },

  requestClosure: {
    roles: ['case_manager'],
    check: (file) => first(stageIs(file, 'evaluation'), file.closure ? 'REQUEST_PENDING' : undefined),
    apply(file, cmd, ctx) {
      file.closure = { requestedAt: iso(ctx.now), requestedBy: ctx.actor.id, outcome: cmd.outcome, approvedAt: null, approvedBy: null };
      return [{ type: 'closure.requested', data: { outcome: cmd.outcome } }];
    },
  },

  decideClosure: {
    roles: SUPERVISORS,
    check: (file, _cmd, ctx) =>
      first(
        stageIs(file, 'evaluation'),
        file.closure && !file.closure.approvedAt ? undefined : 'CLOSURE_NOT_REQUESTED',
        file.closure?.requestedBy === ctx.actor.id ? 'SELF_APPROVAL' : undefined,
      ),
    apply(file, cmd, ctx) {
      if (!cmd.approve) {
        file.closure = null;
        return [{ type: 'closure.refused', data: {} }];
      }
      file.closure!.approvedAt = iso(ctx.now);
      file.closure!.approvedBy = ctx.actor.id;
      file.status = 'closed';
      file.closedAt = iso(ctx.now);
      return [{ type: 'closure.approved', data: { outcome: file.closure!.outcome } }, moveTo(file, 'closed', ctx, 'closure approved')];
    },
  },

  reassign: {
    roles: ['supervisor', 'admin'],
    check: (file, cmd) => (file.assignedWorker === cmd.assignedWorker ? 'NO_CHANGE' : undefined),
    apply(file, cmd) {
      const from = file.assignedWorker;
      file.assignedWorker = cmd.assignedWorker;
      return [{ type: 'case.reassigned', data: { from, to: cmd.assignedWorker } }];
    },
  },

  addNote: {
    roles: STAFF,
    whenClosed: true,
    check: (_file, cmd) => (cmd.text.trim() ? undefined : 'NO_CHANGE'),
    apply(file, cmd, ctx) {
      file.notes.push({ at: iso(ctx.now), by: ctx.actor.id, text: cmd.text, about: 'addNote' });
      return [{ type: 'note.added', data: { index: file.notes.length - 1 } }];
    },
  },

  withdraw: {
    // The system withdraws a case when its workflow is cancelled.
    roles: ['supervisor', 'system'],
    check: () => undefined,
    apply(file, _cmd, ctx) {
      const events: DomainEvent[] = [];
      // Clean-up: nothing pending with a partner may outlive the case.
      if (file.referral && file.referral.decision === null) {
        file.referral.decision = 'declined';
        file.referral.decidedAt = iso(ctx.now);
        events.push({ type: 'referral.cancelled', data: { partner: file.referral.partner, attempt: file.referral.attempt } });
      }
      if (file.transport.homeDepartedAt && !file.transport.homeArrivedAt) events.push({ type: 'transport.cancelled', data: { leg: 'home' } });
      if (file.shelter && !file.shelter.leftAt) {
        file.shelter.leftAt = iso(ctx.now);
        events.push({ type: 'shelter.left', data: {} });
      }
      file.visits = file.visits.filter((v) => v.doneAt || v.missed);
      file.nextReviewAt = null;
      file.status = 'withdrawn';
      file.closedAt = iso(ctx.now);
      events.push({ type: 'case.withdrawn', data: { stage: file.stage } });
      return events;
    },
  },

  acknowledgeEscalation: {
    roles: SUPERVISORS,
    check: (file) => (file.escalations.some((e) => !e.acknowledgedBy) ? undefined : 'NOTHING_TO_DECIDE'),
    apply(file, _cmd, ctx) {
      const open = file.escalations.filter((e) => !e.acknowledgedBy);
      for (const e of open) e.acknowledgedBy = ctx.actor.id;
      // The supervisor has taken charge: the ladder stops climbing for these matters.
      return [{ type: 'escalation.acknowledged', data: { count: open.length, level: file.escalationLevel } }];
    },
  },

  extendDeadline: {
    roles: SUPERVISORS,
    check: (file, cmd, ctx) =>
      first(
        currentDeadline(file, ctx.policy) ? undefined : 'STEP_NOT_READY',
        Number.isInteger(cmd.hours) && cmd.hours > 0 && cmd.hours <= 30 * 24 ? undefined : 'NO_CHANGE',
      ),
    apply(file, cmd, ctx) {
      const adj = adjustmentFor(file, ctx);
      adj.extensionMs += scaled(ctx.policy, cmd.hours * HOUR);
      const deadline = currentDeadline(file, ctx.policy)!;
      return [{ type: 'deadline.extended', data: { kind: deadline.kind, hours: cmd.hours, dueAt: deadline.dueAt } }];
    },
  },

  pauseDeadline: {
    roles: WORKERS,
    check(file, cmd, ctx) {
      const deadline = currentDeadline(file, ctx.policy);
      return first(
        deadline ? undefined : 'STEP_NOT_READY',
        deadline?.pausedSince ? 'REQUEST_PENDING' : undefined,
        Number.isInteger(cmd.expectedInDays) && cmd.expectedInDays > 0 && cmd.expectedInDays <= 90 ? undefined : 'NO_CHANGE',
      );
    },
    apply(file, cmd, ctx) {
      const adj = adjustmentFor(file, ctx);
      adj.pause = { since: iso(ctx.now), party: cmd.party, partyDueAt: plus(ctx.now, scaled(ctx.policy, cmd.expectedInDays * DAY)) };
      return [{ type: 'deadline.paused', data: { kind: currentDeadline(file, ctx.policy)!.kind, party: cmd.party, partyDueAt: adj.pause.partyDueAt } }];
    },
  },

  resumeDeadline: {
    roles: WORKERS_AND_PARTNERS,
    check: (file, _cmd, ctx) => (currentDeadline(file, ctx.policy)?.pausedSince ? undefined : 'NOTHING_TO_DECIDE'),
    apply(file, _cmd, ctx) {
      const adj = adjustmentFor(file, ctx);
      // The deadline resumes with the time it had left when it was paused.
      adj.pausedMs += ctx.now.getTime() - ms(adj.pause!.since);
      adj.pause = null;
      const deadline = currentDeadline(file, ctx.policy)!;
      return [{ type: 'deadline.resumed', data: { kind: deadline.kind, dueAt: deadline.dueAt } }];
    },
  },

  reopen: {
    roles: SUPERVISORS,
    whenClosed: true,
    check: (file) => (file.status === 'withdrawn' ? 'NOT_REOPENABLE' : file.status !== 'closed' ? 'NO_CHANGE' : undefined),
    apply(file, _cmd, ctx) {
      // A reopened case is assessed afresh; its history stays in the timeline and stage history.
      Object.assign(file, freshProgress(), { status: 'open', closedAt: null, escalationLevel: 0, escalations: [], deadlineAdjustment: null } satisfies Partial<CaseFile>);
      return [{ type: 'case.reopened', data: {} }, moveTo(file, 'assessment', ctx, 'case reopened')];
    },
  },
};

function ruleFor<K extends CommandType>(type: K): Rule<Of<K>> {
  return RULES[type] as Rule<Of<K>>;
}

export const COMMAND_TYPES = Object.keys(RULES) as CommandType[];

/** Why practice forbids this command now, or undefined when it is allowed. Never changes the file. */
export function refusal(file: CaseFile, cmd: CaseCommand, ctx: Ctx): RuleCode | undefined {
  const rule = ruleFor(cmd.type);
  if (!rule) return 'NO_CHANGE';
  if (!rule.roles.includes(ctx.actor.role)) return 'ROLE_NOT_ALLOWED';
  if (file.status !== 'open' && !rule.whenClosed) return 'CASE_NOT_OPEN';
  return rule.check(file, cmd as never, ctx);
}

/** Applies an allowed command to the file and returns what happened. Throws if the command is refused. */
export function execute(file: CaseFile, cmd: CaseCommand, ctx: Ctx): DomainEvent[] {
  const code = refusal(file, cmd, ctx);
  if (code) throw new Error(`command ${cmd.type} refused: ${code}`);
  const events = ruleFor(cmd.type).apply(file, cmd as never, ctx);
  // The "why" of a command is free text and may name people: it goes to the case notes (encrypted with
  // the workflow state); the timeline only points at it.
  const why = 'reason' in cmd ? cmd.reason : 'summary' in cmd ? cmd.summary : undefined;
  if (why?.trim() && cmd.type !== 'addNote') {
    file.notes.push({ at: iso(ctx.now), by: ctx.actor.id, text: why, about: cmd.type });
    for (const e of events) e.data.note = file.notes.length - 1;
  }
  // Acknowledging an escalation is oversight, not work on the case: it must not end a stall.
  if (cmd.type !== 'acknowledgeEscalation') file.lastActivityAt = iso(ctx.now);
  if (file.rules === 1) {
    // Rules v1: an escalation is about a step that was late; once the case moves on, it is cleared.
    if (file.escalationLevel > 0 && events.some((e) => e.type === 'stage.changed')) {
      events.push({ type: 'escalation.cleared', data: { from: file.escalationLevel } });
      file.escalationLevel = 0;
    }
  } else {
    events.push(...settleEscalations(file, ctx.now, ctx.policy));
  }
  file.version += 1;
  return events;
}
