// Steps 7-8, evaluation and closure: the case manager evaluates and asks to close with an outcome; a
// supervisor other than the requester approves. A closed case can be reopened within the reopen window
// (30 days), after which it is archived; a withdrawn case (a supervisor's decision, or its workflow
// cancelled) cleans up what is pending with partners and ends at once.
import type { DomainEvent } from '../case/changes';
import { moveTo, pendingVisits } from '../case/changes';
import type { CaseFile } from '../case/file';
import { freshProgress } from '../case/open';
import type { Rules } from '../commands';
import { scaled } from '../policy';
import { SUPERVISORS } from '../roles';
import type { DueContext, Timers } from '../timing';
import { iso, plus } from '../time';
import { first, stageIs } from './guards';
import { advocacyRefusal } from './advocacy';
import { outcomeRefusal } from './exit';
import { releaseEverything } from './release';

export const commands: Rules<'recordEvaluation' | 'requestClosure' | 'decideClosure' | 'withdraw' | 'reopen'> = {
  recordEvaluation: {
    roles: ['case_manager'],
    // After monitoring; or (rules v4) after a review that ended the services (terminate), which reaches
    // the evaluation stage without one: every case is evaluated before it closes.
    // Step 8 waits for step 7: an open advocacy item holds the evaluation unless a supervisor waived it.
    check: (file) =>
      first(
        file.rules >= 4 && file.stage === 'evaluation' && !file.evaluation
          ? undefined
          : first(stageIs(file, 'monitoring'), pendingVisits(file, 'follow_up').length ? 'FOLLOW_UP_PENDING' : undefined),
        advocacyRefusal(file),
      ),
    apply(file, cmd, ctx) {
      file.evaluation = { at: iso(ctx.now), outcome: cmd.outcome };
      file.nextReviewAt = null;
      file.visits = file.visits.filter((v) => v.doneAt || v.missed);
      const recorded: DomainEvent = { type: 'evaluation.recorded', data: { outcome: cmd.outcome } };
      return file.stage === 'evaluation' ? [recorded] : [recorded, moveTo(file, 'evaluation', ctx, 'evaluated')];
    },
  },

  requestClosure: {
    roles: ['case_manager'],
    check: (file, cmd) =>
      first(
        stageIs(file, 'evaluation'),
        file.rules < 4 || file.evaluation ? undefined : 'EVALUATION_REQUIRED',
        file.closure ? 'REQUEST_PENDING' : undefined,
        outcomeRefusal(file, cmd.outcome),
      ),
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

  withdraw: {
    // A supervisor decides it; an admin withdraws a case opened in error (a duplicate, a test entry); the
    // system withdraws a case when its workflow is cancelled.
    roles: [...SUPERVISORS, 'admin', 'system'],
    check: () => undefined,
    apply(file, _cmd, ctx) {
      const events = releaseEverything(file, ctx);
      file.status = 'withdrawn';
      file.closedAt = iso(ctx.now);
      events.push({ type: 'case.withdrawn', data: { stage: file.stage } });
      return events;
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

/** A closed case waits only for its reopen window to pass. */
export function dueAfterClosing({ file, policy, add }: DueContext): void {
  if (file.closedAt) add(`archive:${file.closedAt}`, plus(file.closedAt, scaled(policy, policy.fixed.reopen_window)), 'archive');
}

export const timers: Timers<'archive'> = {
  archive: { deadline: false, fire: () => [{ type: 'case.archived', data: {} }] },
};

/** A case whose reopen window has passed (or that was withdrawn) has nothing left to wait for. */
export function isFinished(file: CaseFile): boolean {
  return file.status === 'withdrawn' || (file.status === 'closed' && file.fired.some((k) => k.startsWith('archive:')));
}
