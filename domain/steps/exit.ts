// When the work ends before the plan does (rules v6): the person ran away (melarikan diri: recorded at
// once, then searched for — the police told, the family and the places they go asked — for the policy's
// search period), refused services (only a person able to consent may), died (nothing further is
// scheduled: no follow-ups; advocacy closed but for the civil documents — the death certificate), was
// never found (only before anyone met them), or contact was lost in the community (after missed visits).
// Each ends the services, releases what is pending with partners and takes the case to its evaluation;
// nothing of the stay, tracing or advocacy is due afterwards; the closure outcome must say the same.
import { moveTo } from '../case/changes';
import type { CaseFile } from '../case/file';
import type { ClosureOutcome, ExitKind } from '../codes';
import { EXIT_KINDS } from '../codes';
import type { CommandType, Rules } from '../commands';
import { scaled } from '../policy';
import type { RuleCode } from '../rule-codes';
import { WORKERS } from '../roles';
import type { DueContext, Timers } from '../timing';
import { iso, ms, plus } from '../time';
import { endAdvocacy } from './advocacy';
import { releaseEverything } from './release';
import { first, isChild, stageIs } from './guards';

const away = (file: CaseFile) => (file.absence && !file.absence.returnedAt ? file.absence : null);

/**
 * Whether the person can decide for themselves: not a child, not assessed in their best interest, not
 * under a guardian; and found able — by the comprehensive assessment (they consented themselves or with
 * their family), or before it by the rapid assessment. Nobody having looked is not capacity.
 */
function ableToConsent(file: CaseFile, now: Date): boolean {
  if (isChild(file, now) || file.bestInterest || file.guardian) return false;
  if (file.assessment) return file.assessment.consent === 'client' || file.assessment.consent === 'family';
  return file.rapidAssessment?.capacity === 'has_capacity';
}

function exitRefusal(file: CaseFile, kind: ExitKind, now: Date): RuleCode | undefined {
  switch (kind) {
    case 'ran_away': {
      const absence = away(file);
      if (!absence) return 'ABSENCE_NOT_RECORDED';
      return ms(absence.searchUntil) > now.getTime() ? 'SEARCH_PERIOD_RUNNING' : undefined;
    }
    case 'refused_services':
      return ableToConsent(file, now) ? undefined : 'LACKS_CAPACITY';
    case 'not_found':
      // A group's member was met by the outreach that opened the group.
      return file.rapidAssessment || file.assessment || file.group ? 'ALREADY_MET' : undefined;
    case 'lost_contact':
      // Living in the community, the person stopped being reachable: visits were missed first.
      return file.visits.some((v) => v.missed) ? undefined : 'CONTACT_NOT_LOST';
    case 'deceased':
      return undefined;
  }
}

const olderRules = (file: CaseFile) => (file.rules < 6 ? 'OLDER_RULES' : undefined);
const WORKING_STAGES: CaseFile['stage'][] = ['assessment', 'planning', 'linking', 'implementation', 'monitoring'];
const NOT_MET_STAGES: CaseFile['stage'][] = ['identification', 'assessment'];

/** Rules v6: a closure outcome that ends early needs that exit on record, and one that does not needs none. */
export function outcomeRefusal(file: CaseFile, outcome: ClosureOutcome): RuleCode | undefined {
  if (file.rules < 6) return undefined;
  const early = (EXIT_KINDS as readonly string[]).includes(outcome);
  return (early ? file.exit?.kind === outcome : !file.exit) ? undefined : 'OUTCOME_MISMATCH';
}

/** What may still be done once the services ended early: evaluate and close, and finish the paperwork. */
const AFTER_EXIT: readonly CommandType[] = [
  'recordEvaluation',
  'requestClosure',
  'decideClosure',
  'withdraw',
  'reopen',
  'addNote',
  'reassign',
  'acknowledgeEscalation',
  'extendDeadline',
  'recordIdentity',
  'recordCaseConference',
  'openAdvocacy',
  'recordAdvocacyStep',
  'closeAdvocacy',
  'waiveAdvocacy',
];

export const afterExitRefusal = (file: CaseFile, type: CommandType): RuleCode | undefined => (file.exit && !AFTER_EXIT.includes(type) ? 'WRONG_STAGE' : undefined);

export const commands: Rules<'recordAbsence' | 'recordReturn' | 'recordExit'> = {
  recordAbsence: {
    roles: WORKERS,
    check: (file) => first(olderRules(file), stageIs(file, ...WORKING_STAGES), away(file) ? 'ALREADY_RECORDED' : undefined),
    apply(file, _cmd, ctx) {
      file.absence = { since: iso(ctx.now), searchUntil: plus(ctx.now, scaled(ctx.policy, ctx.policy.fixed.absence_search)), returnedAt: null };
      return [{ type: 'absence.recorded', data: { searchUntil: file.absence.searchUntil } }];
    },
  },

  recordReturn: {
    // Found, or came back: the work goes on where it was.
    roles: WORKERS,
    check: (file) => first(olderRules(file), away(file) ? undefined : 'ABSENCE_NOT_RECORDED'),
    apply(file, _cmd, ctx) {
      file.absence!.returnedAt = iso(ctx.now);
      return [{ type: 'absence.ended', data: { since: file.absence!.since } }];
    },
  },

  recordExit: {
    roles: WORKERS,
    check: (file, cmd, ctx) =>
      first(
        olderRules(file),
        file.exit ? 'ALREADY_RECORDED' : stageIs(file, 'identification', ...WORKING_STAGES),
        // What practice attaches to the ending says more than the stage (a person met cannot be "not found").
        exitRefusal(file, cmd.kind, ctx.now),
        cmd.kind === 'not_found' ? stageIs(file, ...NOT_MET_STAGES) : undefined,
      ),
    apply(file, cmd, ctx) {
      file.exit = { kind: cmd.kind, at: iso(ctx.now), by: ctx.actor.id };
      const events = [{ type: 'exit.recorded', data: { kind: cmd.kind, stage: file.stage } }, ...releaseEverything(file, ctx)];
      if (cmd.kind === 'deceased') events.push(...endAdvocacy(file, ctx));
      events.push(moveTo(file, 'evaluation', ctx, `services ended: ${cmd.kind}`));
      return events;
    },
  },
};

export function due({ file, add }: DueContext): void {
  const absence = away(file);
  if (absence && !file.exit) add(`absence:${absence.since}:search`, absence.searchUntil, 'search_ended');
}

export const timers: Timers<'search_ended'> = {
  // The case manager decides now: keep searching (nothing to do), or end the services as ran away.
  search_ended: { deadline: true, fire: (file) => [{ type: 'absence.search_ended', data: { since: away(file)?.since ?? null } }] },
};
