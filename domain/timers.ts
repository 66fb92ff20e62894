// Time-based rules: which moments a case is waiting for, and what happens when one passes. The workflow
// sleeps until the earliest of them (or until someone acts) and then calls `fireDue`.
import type { CaseFile } from './case-file';
import type { DomainEvent } from './case-ops';
import { iso, ms, plus, raiseEscalation, scheduleVisits } from './case-ops';
import type { DeadlineKind, Policy } from './policy';
import { deadlineDuration, scaled } from './policy';
import { assertNever } from './categories';

export type Trigger =
  | 'deadline'
  | 'observation_end'
  | 'tracing_due'
  | 'shelter_limit'
  | 'visit_due'
  | 'visit_missed'
  | 'review_due'
  | 'review_missed'
  | 'service_overdue'
  | 'archive';

export interface DueItem {
  /** Unique for the moment it stands for, so it fires once even across continue-as-new. */
  key: string;
  at: string;
  trigger: Trigger;
  /** What staff and supervisors see: the deadline kind for deadlines, else the trigger. */
  label: string;
}

/** The deadline of the step a case is on, if that step has one. */
export function stageDeadline(file: CaseFile): { kind: DeadlineKind; since: string } | undefined {
  switch (file.stage) {
    case 'identification':
      return { kind: 'first_response', since: file.openedAt };
    case 'assessment':
      return { kind: 'assessment', since: file.stepStartedAt };
    case 'planning':
      return { kind: 'plan_approval', since: file.stepStartedAt };
    case 'linking':
      if (file.pathway === 'atensi') return { kind: 'referral_acceptance', since: file.stepStartedAt };
      if (file.referral && file.referral.decision === null) {
        return { kind: file.pathway === 'repatriation' ? 'origin_acceptance' : 'referral_acceptance', since: file.referral.requestedAt };
      }
      return undefined;
    case 'implementation':
    case 'monitoring':
    case 'evaluation':
    case 'closed':
      return undefined;
    default:
      return assertNever(file.stage);
  }
}

export function dueItems(file: CaseFile, policy: Policy): DueItem[] {
  const items: DueItem[] = [];
  const add = (key: string, at: string, trigger: Trigger, label: string = trigger) => {
    if (!file.fired.includes(key)) items.push({ key, at, trigger, label });
  };
  if (file.status === 'closed' && file.closedAt) {
    add(`archive:${file.closedAt}`, plus(file.closedAt, scaled(policy, policy.fixed.reopen_window)), 'archive');
    return items;
  }
  if (file.status !== 'open') return items;

  const deadline = stageDeadline(file);
  if (deadline) {
    const at = plus(deadline.since, deadlineDuration(policy, deadline.kind, file.riskLevel, file.category));
    add(`deadline:${deadline.kind}:${deadline.since}`, at, 'deadline', deadline.kind);
  }
  if (file.observation && !file.observation.result) add(`observation:${file.observation.endsAt}`, file.observation.endsAt, 'observation_end');
  if (file.familyTracing && file.familyTracing.decidedAt === null) add('tracing', file.familyTracing.dueAt, 'tracing_due');
  if (file.shelter && !file.shelter.leftAt) {
    add(`shelter:${file.shelter.admittedAt}`, plus(file.shelter.admittedAt, scaled(policy, policy.fixed.shelter_stay)), 'shelter_limit');
  }
  for (const v of file.visits) {
    if (v.doneAt || v.missed) continue;
    add(`visit:${v.kind}:${v.dueAt}:due`, v.dueAt, 'visit_due');
    add(`visit:${v.kind}:${v.dueAt}:missed`, plus(v.dueAt, scaled(policy, policy.fixed.visit_grace)), 'visit_missed');
  }
  if (file.nextReviewAt) {
    add(`review:${file.nextReviewAt}:due`, file.nextReviewAt, 'review_due');
    add(`review:${file.nextReviewAt}:missed`, plus(file.nextReviewAt, scaled(policy, policy.fixed.visit_grace)), 'review_missed');
  }
  if (file.stage === 'implementation') {
    for (const s of file.services) if (!s.deliveredAt) add(`service:${s.id}:${s.dueAt}`, s.dueAt, 'service_overdue');
  }
  return items;
}

export function nextDue(file: CaseFile, policy: Policy): DueItem | undefined {
  return dueItems(file, policy).sort((a, b) => ms(a.at) - ms(b.at))[0];
}

/** Fires every moment that has passed, earliest first; each may change what else is due. */
export function fireDue(file: CaseFile, now: Date, policy: Policy): DomainEvent[] {
  const events: DomainEvent[] = [];
  for (let item = nextDue(file, policy); item && ms(item.at) <= now.getTime(); item = nextDue(file, policy)) {
    file.fired.push(item.key);
    events.push(...fire(file, item, now, policy));
  }
  if (events.length) file.version += 1;
  return events;
}

function fire(file: CaseFile, item: DueItem, now: Date, policy: Policy): DomainEvent[] {
  switch (item.trigger) {
    case 'deadline': {
      raiseEscalation(file, 1);
      return [{ type: 'deadline.missed', data: { kind: item.label, dueAt: item.at, level: file.escalationLevel } }];
    }
    case 'observation_end':
      return [{ type: 'observation.period_ended', data: { endsAt: item.at } }];
    case 'tracing_due': {
      // No family found in time is an outcome, not a hang: the case goes the province route.
      const tracing = file.familyTracing!;
      tracing.found = false;
      tracing.canReceive = false;
      tracing.decidedAt = iso(now);
      return [{ type: 'family_tracing.expired', data: { dueAt: item.at } }];
    }
    case 'shelter_limit':
      raiseEscalation(file, 1);
      return [{ type: 'shelter.limit_reached', data: { since: file.shelter!.admittedAt } }];
    case 'visit_due': {
      const visit = file.visits.find((v) => item.key === `visit:${v.kind}:${v.dueAt}:due`)!;
      return [{ type: 'visit.due', data: { kind: visit.kind, dueAt: visit.dueAt } }];
    }
    case 'visit_missed': {
      const visit = file.visits.find((v) => item.key === `visit:${v.kind}:${v.dueAt}:missed`)!;
      visit.missed = true;
      raiseEscalation(file, 1);
      if (visit.kind === 'monitoring') {
        file.visits.push(...scheduleVisits('monitoring', new Date(visit.dueAt), [policy.fixed.monitoring_interval], policy));
      }
      return [{ type: 'visit.missed', data: { kind: visit.kind, dueAt: visit.dueAt, level: file.escalationLevel } }];
    }
    case 'review_due':
      return [{ type: 'review.due', data: { dueAt: item.at } }];
    case 'review_missed':
      raiseEscalation(file, 1);
      return [{ type: 'review.missed', data: { dueAt: file.nextReviewAt, level: file.escalationLevel } }];
    case 'service_overdue': {
      const service = file.services.find((s) => item.key === `service:${s.id}:${s.dueAt}`)!;
      raiseEscalation(file, 1);
      return [{ type: 'service.overdue', data: { serviceId: service.id, component: service.component } }];
    }
    case 'archive':
      return [{ type: 'case.archived', data: {} }];
    default:
      return assertNever(item.trigger);
  }
}

/** A case whose reopen window has passed (or that was withdrawn) has nothing left to wait for. */
export function isFinished(file: CaseFile): boolean {
  return file.status === 'withdrawn' || (file.status === 'closed' && file.fired.some((k) => k.startsWith('archive:')));
}
