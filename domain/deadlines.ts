// Step deadlines, generic over the steps: which deadline the stage a case is on has (each step says its
// own), with the supervisor's extensions and pauses applied; a reminder at half time (rules v2) and, when
// it passes, an escalation up the ladder that stays open until the step is done or the deadline extended.
import type { CaseFile } from './case/file';
import { escalate } from './ladder';
import type { DeadlineKind, Policy } from './policy';
import { deadlineDuration } from './policy';
import type { Stage } from './stages';
import * as assessment from './steps/assessment';
import type { StepDeadline } from './steps/guards';
import * as intake from './steps/intake';
import * as linking from './steps/linking';
import * as planning from './steps/planning';
import type { CurrentDeadline, DueContext, Resolvers, Timers } from './timing';
import { plus } from './time';

const none = () => undefined;

/** Which deadline each stage runs against; stages that wait on a calendar instead have none. */
const STAGE_DEADLINES: { [S in Stage]: (file: CaseFile) => StepDeadline | undefined } = {
  identification: intake.deadline,
  assessment: assessment.deadline,
  planning: planning.deadline,
  linking: linking.deadline,
  implementation: none,
  monitoring: none,
  evaluation: none,
  closed: none,
};

/** The deadline of the step a case is on, if that step has one. */
export function stageDeadline(file: CaseFile): StepDeadline | undefined {
  return STAGE_DEADLINES[file.stage](file);
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

export function due({ file, policy, deadline, add }: DueContext): void {
  if (!deadline?.dueAt) return;
  const v2 = file.rules >= 2;
  if (v2) {
    const reminderAt = plus(deadline.dueAt, -Math.round(deadline.durationMs * (1 - policy.escalation.reminderAt)));
    add(`reminder:${deadline.key}`, reminderAt, 'reminder', deadline.kind);
  }
  add(v2 ? `deadline:${deadline.key}` : `deadline:${deadline.id}`, deadline.dueAt, 'deadline', deadline.kind);
}

export const timers: Timers<'reminder' | 'deadline'> = {
  reminder: {
    deadline: false,
    fire: (_file, item) => [{ type: 'deadline.reminder', data: { kind: item.label, key: item.key.slice('reminder:'.length), dueAt: item.at } }],
  },
  deadline: {
    deadline: true,
    fire(file, item) {
      const key = item.key.slice('deadline:'.length);
      const raised = escalate(file, 'deadline', item.label, key, item.at);
      return [{ type: 'deadline.missed', data: { kind: item.label, dueAt: item.at, level: file.escalationLevel } }, ...raised];
    },
  },
};

export const resolves: Resolvers<'deadline'> = {
  deadline: (file, e, policy) => currentDeadline(file, policy)?.key !== e.key,
};

/** Who must act for a deadline to be met: its reminder goes to them, not always to the case manager. */
export type DeadlineActor = 'case_manager' | 'supervisor' | 'receiving_supervisor';

export function actorFor(kind: DeadlineKind): DeadlineActor {
  switch (kind) {
    // Decisions only a supervisor may take.
    case 'pathway_decision':
    case 'plan_approval':
      return 'supervisor';
    // The receiving unit's supervisor accepts or declines a transfer.
    case 'transfer_acceptance':
      return 'receiving_supervisor';
    case 'first_response':
    case 'rapid_assessment':
    case 'assessment':
    case 'referral_acceptance':
    case 'observation':
    case 'observation_extension_cap':
    case 'shelter_stay':
    case 'family_tracing':
    case 'origin_acceptance':
    case 'plan_review':
    case 'monitoring_interval':
    case 'stalled_after':
    case 'visit_grace':
    case 'visit_early':
    case 'reopen_window':
    case 'integration_budget':
    case 'group_departure':
    case 'pickup':
    case 'funding_guarantee':
    case 'facility_visit_interval':
    case 'long_stay_review':
    case 'transfer_read_only':
    case 'absence_search':
      return 'case_manager';
  }
}
