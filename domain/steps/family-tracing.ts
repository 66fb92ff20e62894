// Family tracing, on every pathway (rules v3): a list of attempts (Dukcapil biometric check, police,
// kelurahan/RT visit, social media, former employer), each with its result; once found, a home visit
// says whether the family is ready and able to take the person in (or why not: economy, refuses, unsafe).
// At the tracing deadline a supervisor decides: keep tracing, or refer onwards while tracing goes on. A
// family found later — even after a transfer to the province — can still be recorded and the person
// returned. Rules v1/v2: one result, and no answer by the deadline means "not found".
import type { Ctx, DomainEvent } from '../case/changes';
import type { CaseFile } from '../case/file';
import type { TracingChannel } from '../codes';
import type { Rules } from '../commands';
import { escalate } from '../ladder';
import { scaled } from '../policy';
import { SUPERVISORS, WORKERS } from '../roles';
import type { DueContext, Resolvers, Timers } from '../timing';
import { iso, ms, plus } from '../time';
import { first, olderRules, pathwayDecided, pathwayIs, stageIs } from './guards';

/** Family found and ready to receive (rules v3: at the comprehensive assessment, or by a home visit). */
export const familyCanReceive = (file: CaseFile) =>
  (file.familyTracing?.found === true && file.familyTracing.canReceive === true) || (file.rules >= 3 && file.assessment?.familyReady === true);
export const tracingDecided = (file: CaseFile) => file.familyTracing?.decidedAt != null;

/** Tracing begins (at admission to a facility, or with the first attempt on any pathway). */
export function startTracing(file: CaseFile, ctx: Ctx): NonNullable<CaseFile['familyTracing']> {
  const now = iso(ctx.now);
  const dueAt = plus(now, scaled(ctx.policy, ctx.policy.fixed.family_tracing));
  file.familyTracing =
    file.rules >= 3
      ? { startedAt: now, dueAt, found: null, canReceive: null, decidedAt: null, attempts: [], homeVisits: [], reviews: [], unreadyReason: null }
      : { startedAt: now, dueAt, found: null, canReceive: null, decidedAt: null };
  return file.familyTracing;
}

/** Rules v3: an attempt on the list; a family found no longer has a supervisor's deadline over it. */
function attempt(file: CaseFile, ctx: Ctx, channel: TracingChannel, found: boolean | 'lead'): DomainEvent[] {
  const tracing = file.familyTracing ?? startTracing(file, ctx);
  const result = found === true ? 'found' : found === 'lead' ? 'lead' : 'not_found';
  (tracing.attempts ??= []).push({ at: iso(ctx.now), by: ctx.actor.id, channel, result });
  const events: DomainEvent[] = [{ type: 'family_tracing.attempt', data: { channel, result } }];
  if (found === true) {
    tracing.found = true;
    tracing.dueAt = null;
    events.push({ type: 'family_tracing.found', data: { channel } });
  }
  return events;
}

const stillTracing = (file: CaseFile) => file.familyTracing?.found !== true;

export const commands: Rules<'recordFamilyTracing' | 'recordTracingAttempt' | 'recordHomeVisit' | 'decideTracing'> = {
  recordFamilyTracing: {
    // The civil-registry / tracing service reports its result like staff do.
    roles: WORKERS,
    check: (file) =>
      file.rules >= 3
        ? first(pathwayDecided(file) ? undefined : 'PATHWAY_NOT_DECIDED', stillTracing(file) ? undefined : 'ALREADY_RECORDED')
        : first(pathwayIs(file, 'odgj'), stageIs(file, 'implementation'), tracingDecided(file) ? 'ALREADY_RECORDED' : undefined),
    apply(file, cmd, ctx) {
      // Rules v3: a registry match finds the family; whether it can take the person in is a home visit's to say.
      if (file.rules >= 3) return attempt(file, ctx, ctx.actor.role === 'partner' ? 'dukcapil_biometric' : 'other', cmd.found);
      const tracing = file.familyTracing!;
      tracing.found = cmd.found;
      tracing.canReceive = cmd.found ? (cmd.canReceive ?? true) : false;
      tracing.decidedAt = iso(ctx.now);
      return [{ type: 'family_tracing.result', data: { found: cmd.found, canReceive: tracing.canReceive } }];
    },
  },

  recordTracingAttempt: {
    roles: WORKERS,
    check: (file) => first(olderRules(file), pathwayDecided(file) ? undefined : 'PATHWAY_NOT_DECIDED', stillTracing(file) ? undefined : 'ALREADY_RECORDED'),
    apply: (file, cmd, ctx) => attempt(file, ctx, cmd.channel, cmd.result === 'found' ? true : cmd.result === 'lead' ? 'lead' : false),
  },

  recordHomeVisit: {
    // Repeatable: a family that could not take the person in may be able to later.
    roles: WORKERS,
    check: (file, cmd) =>
      first(olderRules(file), file.familyTracing?.found === true ? undefined : 'STEP_NOT_READY', !cmd.ready && !cmd.reason ? 'DETAIL_REQUIRED' : undefined),
    apply(file, cmd, ctx) {
      const tracing = file.familyTracing!;
      (tracing.homeVisits ??= []).push({ at: iso(ctx.now), by: ctx.actor.id, ready: cmd.ready, reason: cmd.ready ? null : cmd.reason! });
      tracing.canReceive = cmd.ready;
      tracing.unreadyReason = cmd.ready ? null : cmd.reason!;
      tracing.decidedAt = iso(ctx.now);
      return [{ type: 'family_tracing.home_visit', data: { ready: cmd.ready, reason: tracing.unreadyReason } }];
    },
  },

  decideTracing: {
    roles: SUPERVISORS,
    check: (file, _cmd, ctx) => {
      const dueAt = file.familyTracing?.dueAt;
      return first(olderRules(file), stillTracing(file) && dueAt && ms(dueAt) <= ctx.now.getTime() ? undefined : 'NOTHING_DUE');
    },
    apply(file, cmd, ctx) {
      const tracing = file.familyTracing!;
      (tracing.reviews ??= []).push({ at: iso(ctx.now), by: ctx.actor.id, decision: cmd.decision });
      // Referring onwards does not end the search: tracing goes on, without a deadline over the case.
      tracing.dueAt = cmd.decision === 'continue' ? plus(ctx.now, scaled(ctx.policy, ctx.policy.fixed.family_tracing)) : null;
      return [{ type: 'family_tracing.reviewed', data: { decision: cmd.decision, dueAt: tracing.dueAt } }];
    },
  },
};

export function due({ file, add }: DueContext): void {
  const tracing = file.familyTracing;
  if (!tracing?.dueAt) return;
  if (file.rules < 3) {
    if (tracing.decidedAt === null) add('tracing', tracing.dueAt, 'tracing_due');
  } else if (tracing.found !== true) {
    add(`tracing:${tracing.dueAt}`, tracing.dueAt, 'tracing_due');
  }
}

export const timers: Timers<'tracing_due'> = {
  tracing_due: {
    deadline: true,
    fire(file, item, now) {
      const tracing = file.familyTracing!;
      // Rules v3: the supervisor decides what happens next; the search is not closed by a clock.
      if (file.rules >= 3) return [{ type: 'family_tracing.due', data: { dueAt: item.at } }, ...escalate(file, 'tracing_overdue', 'family_tracing', item.key, item.at)];
      // Rules v1/v2: no family found in time is an outcome, not a hang: the case goes the province route.
      tracing.found = false;
      tracing.canReceive = false;
      tracing.decidedAt = iso(now);
      return [{ type: 'family_tracing.expired', data: { dueAt: item.at } }];
    },
  },
};

export const resolves: Resolvers<'tracing_overdue'> = {
  tracing_overdue: (file, e) => file.familyTracing?.found === true || (file.familyTracing?.reviews ?? []).some((r) => ms(r.at) > ms(e.since)),
};
