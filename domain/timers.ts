// Time-based rules: which moments a case is waiting for, and what happens when one passes. The workflow
// sleeps until the earliest of them (or until someone acts) and then calls `fireDue`.
//
// Rules v2 (escalation ladder): every overdue matter — a missed step deadline, a stalled case, a missed
// visit or review, an overdue service, a shelter stay at its legal limit, an outside party late while a
// deadline is paused — opens an escalation at level 1 and climbs to level 2 and 3 after the policy's
// intervals unless it is resolved or a supervisor acknowledges it. Rules v1 (cases opened before the
// ladder) only raise level 1; it is kept so those cases replay unchanged.
import { assertNever } from './categories';
import type { CaseFile, EscalationReason } from './case-file';
import type { DomainEvent } from './case-ops';
import { iso, ms, plus, raiseEscalation, scheduleVisits } from './case-ops';
import type { DeadlineKind, Policy } from './policy';
import { deadlineDuration, scaled } from './policy';

export type Trigger =
  | 'reminder'
  | 'deadline'
  | 'ladder'
  | 'stalled'
  | 'external_overdue'
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

export interface CurrentDeadline {
  kind: DeadlineKind;
  /** Identity of this step's deadline (kind and start), which adjustments attach to. */
  id: string;
  /** Changes when a supervisor extends it, so an escalation about the old deadline is resolved. */
  key: string;
  since: string;
  durationMs: number;
  /** Due time with extensions and completed pauses; while paused, there is none. */
  dueAt: string | null;
  pausedSince: string | null;
}

/** The current step's deadline with the supervisor's extensions and pauses applied. */
export function currentDeadline(file: CaseFile, policy: Policy): CurrentDeadline | undefined {
  const base = stageDeadline(file);
  if (!base || file.status !== 'open') return undefined;
  const id = `${base.kind}:${base.since}`;
  const adj = file.deadlineAdjustment?.deadline === id ? file.deadlineAdjustment : null;
  const durationMs = deadlineDuration(policy, base.kind, file.riskLevel, file.category) + (adj?.extensionMs ?? 0);
  const pausedSince = adj?.pause?.since ?? null;
  return {
    kind: base.kind,
    id,
    key: `${id}:+${adj?.extensionMs ?? 0}`,
    since: base.since,
    durationMs,
    dueAt: pausedSince ? null : plus(base.since, durationMs + (adj?.pausedMs ?? 0)),
    pausedSince,
  };
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
  const v2 = file.rules === 2;

  const deadline = currentDeadline(file, policy);
  if (deadline?.dueAt) {
    if (v2) {
      const reminderAt = plus(deadline.dueAt, -Math.round(deadline.durationMs * (1 - policy.escalation.reminderAt)));
      add(`reminder:${deadline.key}`, reminderAt, 'reminder', deadline.kind);
    }
    add(v2 ? `deadline:${deadline.key}` : `deadline:${deadline.id}`, deadline.dueAt, 'deadline', deadline.kind);
  }
  const pause = file.deadlineAdjustment?.pause;
  if (v2 && deadline?.pausedSince && pause) add(`external:${pause.since}`, pause.partyDueAt, 'external_overdue');
  // A paused deadline waits on an outside party: neither the watchdog nor the ladder runs meanwhile.
  if (v2 && !deadline?.pausedSince) {
    // A missed step deadline already escalates this inactivity; the watchdog would only repeat it.
    if (!waitingOnCalendar(file) && !file.escalations.some((e) => e.reason === 'deadline')) {
      add(`stalled:${file.lastActivityAt}`, plus(file.lastActivityAt, scaled(policy, policy.fixed.stalled_after)), 'stalled');
    }
    for (const e of file.escalations) {
      if (e.acknowledgedBy || e.level >= 3) continue;
      add(`ladder:${e.key}:${e.level + 1}`, plus(e.since, nextLevelOffset(policy, e.level)), 'ladder', e.reason);
    }
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

/** Level 2 and level 3 come these intervals after the matter became overdue (+24 h and +72 h by default). */
function nextLevelOffset(policy: Policy, level: number): number {
  return scaled(policy, level === 1 ? policy.escalation.level2After : policy.escalation.level3After);
}

/**
 * A case waiting on its calendar (a visit, review, observation period, tracing or service due date) is
 * not stalled: those have their own triggers. The watchdog is for cases where staff should be acting.
 */
function waitingOnCalendar(file: CaseFile): boolean {
  return (
    file.visits.some((v) => !v.doneAt && !v.missed) ||
    file.nextReviewAt !== null ||
    (file.observation !== null && !file.observation.result) ||
    (file.familyTracing !== null && file.familyTracing.decidedAt === null) ||
    (file.stage === 'implementation' && file.services.some((s) => !s.deliveredAt))
  );
}

export function nextDue(file: CaseFile, policy: Policy): DueItem | undefined {
  return dueItems(file, policy).sort((a, b) => ms(a.at) - ms(b.at))[0];
}

/** Wake-ups of the system itself, not deadlines anyone must meet. */
const NOT_DEADLINES: readonly Trigger[] = ['reminder', 'ladder', 'stalled', 'archive'];

/**
 * The next moment someone must act by: what staff, supervisors and the search attribute show. A step
 * deadline that has passed stays the answer until the step is done, so overdue cases sort first.
 */
export function nextDeadline(file: CaseFile, policy: Policy): DueItem | undefined {
  const items = dueItems(file, policy).filter((i) => !NOT_DEADLINES.includes(i.trigger));
  const current = currentDeadline(file, policy);
  if (current?.dueAt) items.push({ key: `deadline:${current.key}`, at: current.dueAt, trigger: 'deadline', label: current.kind });
  return items.sort((a, b) => ms(a.at) - ms(b.at))[0];
}

/** Fires every moment that has passed, earliest first; each may change what else is due. */
export function fireDue(file: CaseFile, now: Date, policy: Policy): DomainEvent[] {
  const events: DomainEvent[] = [];
  for (let item = nextDue(file, policy); item && ms(item.at) <= now.getTime(); item = nextDue(file, policy)) {
    file.fired.push(item.key);
    events.push(...fire(file, item, now, policy));
    events.push(...settleEscalations(file, now, policy));
  }
  if (events.length) file.version += 1;
  return events;
}

/** Opens an escalation (rules v2) or raises the level to 1 (rules v1). */
function escalate(file: CaseFile, reason: EscalationReason, subject: string, key: string, at: string): DomainEvent[] {
  if (file.rules === 1) {
    raiseEscalation(file, 1);
    return [];
  }
  file.escalations.push({ key, reason, subject, since: at, level: 1, acknowledgedBy: null });
  raiseEscalation(file, 1);
  return [{ type: 'escalation.raised', data: { key, reason, subject, level: 1, dueAt: at } }];
}

function fire(file: CaseFile, item: DueItem, now: Date, policy: Policy): DomainEvent[] {
  switch (item.trigger) {
    case 'reminder':
      return [{ type: 'deadline.reminder', data: { kind: item.label, key: item.key.slice('reminder:'.length), dueAt: item.at } }];
    case 'deadline': {
      const key = item.key.slice('deadline:'.length);
      const raised = escalate(file, 'deadline', item.label, key, item.at);
      return [{ type: 'deadline.missed', data: { kind: item.label, dueAt: item.at, level: file.escalationLevel } }, ...raised];
    }
    case 'ladder': {
      const key = item.key.slice('ladder:'.length, item.key.lastIndexOf(':'));
      const e = file.escalations.find((x) => x.key === key)!;
      e.level += 1;
      raiseEscalation(file, e.level);
      return [{ type: 'escalation.raised', data: { key: e.key, reason: e.reason, subject: e.subject, level: e.level, dueAt: item.at } }];
    }
    case 'stalled':
      return escalate(file, 'stalled', 'no_activity', item.key, item.at);
    case 'external_overdue':
      return escalate(file, 'external_overdue', file.deadlineAdjustment!.pause!.party, item.key, item.at);
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
      return [
        { type: 'shelter.limit_reached', data: { since: file.shelter!.admittedAt } },
        ...escalate(file, 'shelter_limit', 'shelter', item.key, item.at),
      ];
    case 'visit_due': {
      const visit = file.visits.find((v) => item.key === `visit:${v.kind}:${v.dueAt}:due`)!;
      return [{ type: 'visit.due', data: { kind: visit.kind, dueAt: visit.dueAt } }];
    }
    case 'visit_missed': {
      const visit = file.visits.find((v) => item.key === `visit:${v.kind}:${v.dueAt}:missed`)!;
      visit.missed = true;
      const raised = escalate(file, 'visit_missed', visit.kind, item.key, item.at);
      if (visit.kind === 'monitoring') {
        file.visits.push(...scheduleVisits('monitoring', new Date(visit.dueAt), [policy.fixed.monitoring_interval], policy));
      }
      return [{ type: 'visit.missed', data: { kind: visit.kind, dueAt: visit.dueAt, level: file.escalationLevel } }, ...raised];
    }
    case 'review_due':
      return [{ type: 'review.due', data: { dueAt: item.at } }];
    case 'review_missed': {
      const raised = escalate(file, 'review_missed', 'review', item.key, item.at);
      return [{ type: 'review.missed', data: { dueAt: file.nextReviewAt, level: file.escalationLevel } }, ...raised];
    }
    case 'service_overdue': {
      const service = file.services.find((s) => item.key === `service:${s.id}:${s.dueAt}`)!;
      const raised = escalate(file, 'service_overdue', service.id, item.key, item.at);
      return [{ type: 'service.overdue', data: { serviceId: service.id, component: service.component } }, ...raised];
    }
    case 'archive':
      return [{ type: 'case.archived', data: {} }];
    default:
      return assertNever(item.trigger);
  }
}

/** Whether what an escalation is about has been dealt with. */
function isResolved(file: CaseFile, e: CaseFile['escalations'][number], policy: Policy): boolean {
  if (file.status !== 'open') return true;
  switch (e.reason) {
    case 'deadline':
      return currentDeadline(file, policy)?.key !== e.key;
    case 'stalled':
      return e.key !== `stalled:${file.lastActivityAt}`;
    case 'visit_missed':
      return file.visits.some((v) => v.kind === e.subject && v.doneAt && ms(v.doneAt) > ms(e.since)) || !file.visits.some((v) => v.kind === e.subject && !v.doneAt && !v.missed);
    case 'review_missed':
      return file.reviews.some((r) => ms(r.at) > ms(e.since)) || !file.nextReviewAt;
    case 'service_overdue':
      return !file.services.some((s) => s.id === e.subject && !s.deliveredAt) || file.stage !== 'implementation';
    case 'shelter_limit':
      return !file.shelter || !!file.shelter.leftAt;
    case 'external_overdue':
      return file.deadlineAdjustment?.pause?.since === undefined || e.key !== `external:${file.deadlineAdjustment.pause.since}`;
    case 'integration_stalled':
      // Resolved explicitly by the workflow when the call finally succeeds (integrationRecovered).
      return false;
    default:
      return assertNever(e.reason);
  }
}

/**
 * Closes the escalations whose matter has been dealt with and recomputes the case's level, so a case
 * de-escalates as soon as it moves on. Rules v1 clears the level when the stage changes instead.
 */
export function settleEscalations(file: CaseFile, _now: Date, policy: Policy): DomainEvent[] {
  if (file.rules === 1) return [];
  const events: DomainEvent[] = [];
  file.escalations = file.escalations.filter((e) => {
    if (!isResolved(file, e, policy)) return true;
    events.push({ type: 'escalation.resolved', data: { key: e.key, reason: e.reason, subject: e.subject, level: e.level } });
    return false;
  });
  const level = file.escalations.reduce((max, e) => Math.max(max, e.level), 0);
  if (level !== file.escalationLevel) {
    if (level < file.escalationLevel) events.push({ type: 'escalation.level_lowered', data: { from: file.escalationLevel, to: level } });
    file.escalationLevel = level;
  }
  return events;
}

/**
 * A partner or database call has kept failing beyond its time budget: escalate instead of retrying
 * silently. `what` names the call (an activity name), never its data.
 */
export function integrationStalled(file: CaseFile, what: string, now: Date): DomainEvent[] {
  const key = `integration:${what}`;
  if (file.escalations.some((e) => e.key === key)) return [];
  file.version += 1;
  return [{ type: 'integration.stalled', data: { call: what } }, ...escalate(file, 'integration_stalled', what, key, iso(now))];
}

export function integrationRecovered(file: CaseFile, what: string): DomainEvent[] {
  const key = `integration:${what}`;
  const open = file.escalations.find((e) => e.key === key);
  if (!open) return [];
  file.escalations = file.escalations.filter((e) => e !== open);
  file.escalationLevel = file.escalations.reduce((max, e) => Math.max(max, e.level), 0);
  file.version += 1;
  return [{ type: 'escalation.resolved', data: { key, reason: open.reason, subject: what, level: open.level } }];
}

/** A case whose reopen window has passed (or that was withdrawn) has nothing left to wait for. */
export function isFinished(file: CaseFile): boolean {
  return file.status === 'withdrawn' || (file.status === 'closed' && file.fired.some((k) => k.startsWith('archive:')));
}
