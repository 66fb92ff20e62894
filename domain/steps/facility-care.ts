// ODGJ care at the RSJ: admission once the RSJ has accepted and the person has arrived, the observation
// period (14 days; extensions requested by the RSJ or the case manager, approved by a supervisor other
// than the requester, capped), the RSJ's result, and family tracing alongside (14 days; no family found
// in time is an outcome, not a hang: the case then goes the province route).
import type { Ctx, DomainEvent } from '../case/changes';
import { moveTo } from '../case/changes';
import type { CaseFile } from '../case/file';
import type { Rules } from '../commands';
import { scaled } from '../policy';
import { SUPERVISORS, WORKERS } from '../roles';
import type { DueContext, Timers } from '../timing';
import { DAY, iso, plus } from '../time';
import { first, pathwayIs, stageIs } from './guards';

export const familyCanReceive = (file: CaseFile) => file.familyTracing?.found === true && file.familyTracing.canReceive === true;
export const tracingDecided = (file: CaseFile) => file.familyTracing?.decidedAt != null;

const extensionDays = (file: CaseFile, statuses: string[]) =>
  (file.observation?.extensions ?? []).filter((e) => statuses.includes(e.status)).reduce((sum, e) => sum + e.days, 0);

/** Admitted once the RSJ has accepted and the person has arrived there (in either order). */
export function admitIfReady(file: CaseFile, ctx: Ctx): DomainEvent[] {
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

export const commands: Rules<'recordObservationResult' | 'requestExtension' | 'decideExtension' | 'recordFamilyTracing'> = {
  recordObservationResult: {
    roles: WORKERS,
    check: (file) =>
      first(pathwayIs(file, 'odgj'), stageIs(file, 'implementation'), file.observation?.result ? 'ALREADY_RECORDED' : undefined),
    apply(file, cmd, ctx) {
      file.observation!.result = cmd.result;
      file.observation!.resultAt = iso(ctx.now);
      return [{ type: 'observation.result', data: { result: cmd.result } }];
    },
  },

  requestExtension: {
    roles: WORKERS,
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
    roles: WORKERS,
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
};

export function due({ file, add }: DueContext): void {
  if (file.observation && !file.observation.result) add(`observation:${file.observation.endsAt}`, file.observation.endsAt, 'observation_end');
  if (file.familyTracing && file.familyTracing.decidedAt === null) add('tracing', file.familyTracing.dueAt, 'tracing_due');
}

export const timers: Timers<'observation_end' | 'tracing_due'> = {
  observation_end: {
    deadline: true,
    fire: (_file, item) => [{ type: 'observation.period_ended', data: { endsAt: item.at } }],
  },
  tracing_due: {
    deadline: true,
    fire(file, item, now) {
      // No family found in time is an outcome, not a hang: the case goes the province route.
      const tracing = file.familyTracing!;
      tracing.found = false;
      tracing.canReceive = false;
      tracing.decidedAt = iso(now);
      return [{ type: 'family_tracing.expired', data: { dueAt: item.at } }];
    },
  },
};
