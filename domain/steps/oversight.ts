// Oversight, across every step: supervisors acknowledge escalations (the ladder stops climbing), extend
// or pause the current step's deadline while an outside party has its own (escalating if that party is
// late), reassign; anyone adds a note. A case with no recorded activity for 7 days is stalled and climbs
// the ladder like a missed deadline, unless it is legitimately waiting on a calendar of its own.
import type { Ctx } from '../case/changes';
import type { CaseFile } from '../case/file';
import type { Rules } from '../commands';
import { currentDeadline } from '../deadlines';
import { escalate } from '../ladder';
import { scaled } from '../policy';
import { STAFF, SUPERVISORS, WORKERS } from '../roles';
import type { DueContext, Resolvers, Timers } from '../timing';
import { DAY, HOUR, iso, ms, plus } from '../time';
import { first } from './guards';

/** The adjustment record of the current step's deadline, created on first use. */
function adjustmentFor(file: CaseFile, ctx: Ctx): NonNullable<CaseFile['deadlineAdjustment']> {
  const id = currentDeadline(file, ctx.policy)!.id;
  if (file.deadlineAdjustment?.deadline !== id) file.deadlineAdjustment = { deadline: id, extensionMs: 0, pausedMs: 0, pause: null };
  return file.deadlineAdjustment;
}

export const commands: Rules<'acknowledgeEscalation' | 'extendDeadline' | 'pauseDeadline' | 'resumeDeadline' | 'reassign' | 'addNote'> = {
  acknowledgeEscalation: {
    roles: SUPERVISORS,
    check: (file) => (file.escalations.some((e) => !e.acknowledgedBy) ? undefined : 'NOTHING_TO_DECIDE'),
    apply(file, _cmd, ctx) {
      const open = file.escalations.filter((e) => !e.acknowledgedBy);
      for (const e of open) e.acknowledgedBy = ctx.actor.id;
      // The supervisor has taken charge: the ladder stops climbing for these matters (and a partner's
      // contradicting report, once looked at, leaves the queue).
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
    roles: WORKERS,
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

  reassign: {
    roles: ['supervisor', 'admin'],
    check: (file, cmd) => (file.assignedWorker === cmd.assignedWorker ? 'NO_CHANGE' : undefined),
    apply(file, cmd) {
      const from = file.assignedWorker;
      file.assignedWorker = cmd.assignedWorker;
      // The advocacy the previous case manager pursued goes with the case (items named for others stay).
      for (const item of file.advocacy ?? []) if (item.worker === from && !item.closedAt && !item.waivedAt) item.worker = cmd.assignedWorker;
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
};

/**
 * A case waiting on its calendar (a visit, review, observation period, tracing or service due date) is
 * not stalled: those have their own triggers. The watchdog is for cases where staff should be acting.
 */
function waitingOnCalendar(file: CaseFile): boolean {
  return (
    file.visits.some((v) => !v.doneAt && !v.missed) ||
    file.nextReviewAt !== null ||
    // Rules v3: in the facility until discharged (its own clocks watch the stay), then the pick-up deadline.
    (file.rules >= 3 ? file.stay !== null && file.stay.pickedUpAt === null : file.observation !== null && !file.observation.result) ||
    (file.familyTracing !== null && file.familyTracing.decidedAt === null && file.familyTracing.dueAt !== null) ||
    (file.stage === 'implementation' && file.services.some((s) => !s.deliveredAt))
  );
}

/** An outside party late while the deadline is paused for it; otherwise the stalled-case watchdog. */
export function due({ file, policy, deadline, add }: DueContext): void {
  if (file.rules < 2) return;
  const pause = file.deadlineAdjustment?.pause;
  if (deadline?.pausedSince && pause) add(`external:${pause.since}`, pause.partyDueAt, 'external_overdue');
  // A paused deadline waits on an outside party: the watchdog does not run meanwhile. A missed step
  // deadline already escalates this inactivity; the watchdog would only repeat it.
  if (!deadline?.pausedSince && !waitingOnCalendar(file) && !file.escalations.some((e) => e.reason === 'deadline')) {
    add(`stalled:${file.lastActivityAt}`, plus(file.lastActivityAt, scaled(policy, policy.fixed.stalled_after)), 'stalled');
  }
}

export const timers: Timers<'stalled' | 'external_overdue'> = {
  stalled: { deadline: false, fire: (file, item) => escalate(file, 'stalled', 'no_activity', item.key, item.at) },
  external_overdue: {
    deadline: true,
    fire: (file, item) => escalate(file, 'external_overdue', file.deadlineAdjustment!.pause!.party, item.key, item.at),
  },
};

export const resolves: Resolvers<'stalled' | 'external_overdue' | 'partner_report'> = {
  partner_report: (_file, e) => e.acknowledgedBy !== null,
  stalled: (file, e) => e.key !== `stalled:${file.lastActivityAt}`,
  external_overdue: (file, e) => file.deadlineAdjustment?.pause?.since === undefined || e.key !== `external:${file.deadlineAdjustment.pause.since}`,
};
