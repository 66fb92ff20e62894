// The registry: every step's commands, timers and escalation rules put together, and the two things
// the workflow asks of them — may this command be given now (`refusal`), and do it (`execute`).
import type { Ctx, DomainEvent } from '../case/changes';
import { scopeRefusal } from '../access';
import type { CaseFile } from '../case/file';
import type { CaseCommand, CommandOf, CommandType, Rule, Rules } from '../commands';
import { PARTNER_COMMAND_TYPES } from '../commands';
import type { EscalationReason } from '../codes';
import * as deadlines from '../deadlines';
import * as ladder from '../ladder';
import * as integration from '../integration/stalls';
import type { Policy } from '../policy';
import type { RuleCode } from '../rule-codes';
import type { Resolvers, Timers, Trigger } from '../timing';
import { iso } from '../time';
import * as advocacy from './advocacy';
import * as assessment from './assessment';
import * as closure from './closure';
import * as conference from './conference';
import * as exit from './exit';
import * as facilityCare from './facility-care';
import * as familyTracing from './family-tracing';
import * as goingHome from './going-home';
import * as intake from './intake';
import * as linking from './linking';
import * as oversight from './oversight';
import * as planRevision from './plan-revision';
import * as planning from './planning';
import * as services from './services';
import * as transfer from './transfer';

/** In the order of the work; the compiler checks that every command has its rule. */
export const RULES: Rules<CommandType> = {
  ...intake.commands,
  ...assessment.commands,
  ...planning.commands,
  ...planRevision.commands,
  ...conference.commands,
  ...linking.commands,
  ...facilityCare.commands,
  ...familyTracing.commands,
  ...goingHome.commands,
  ...transfer.commands,
  ...services.commands,
  ...advocacy.commands,
  ...exit.commands,
  ...closure.commands,
  ...oversight.commands,
};

export const COMMAND_TYPES = Object.keys(RULES) as CommandType[];

export const TIMERS: Timers<Trigger> = {
  ...deadlines.timers,
  ...ladder.timers,
  ...oversight.timers,
  ...facilityCare.timers,
  ...familyTracing.timers,
  ...goingHome.timers,
  ...transfer.timers,
  ...services.timers,
  ...advocacy.timers,
  ...exit.timers,
  ...closure.timers,
};

const RESOLVERS: Resolvers<EscalationReason> = {
  ...deadlines.resolves,
  ...oversight.resolves,
  ...facilityCare.resolves,
  ...familyTracing.resolves,
  ...goingHome.resolves,
  ...transfer.resolves,
  ...services.resolves,
  ...advocacy.resolves,
  ...integration.resolves,
};

/** Rules v6: after an exit the work's own matters are over; only a stall or a step deadline stays open. */
const AFTER_EXIT: Resolvers<EscalationReason> = Object.fromEntries(
  Object.entries(RESOLVERS).map(([reason, resolved]) => [reason, reason === 'stalled' || reason === 'deadline' ? resolved : () => true]),
) as Resolvers<EscalationReason>;

/** Closes the escalations whose matter has been dealt with; see ladder.ts. */
export function settle(file: CaseFile, policy: Policy): DomainEvent[] {
  return ladder.settleEscalations(file, policy, file.exit ? AFTER_EXIT : RESOLVERS);
}

function ruleFor<K extends CommandType>(type: K): Rule<CommandOf<K>> {
  return RULES[type] as Rule<CommandOf<K>>;
}

const PARTNER_COMMANDS: readonly string[] = PARTNER_COMMAND_TYPES;

/** Why practice forbids this command now, or undefined when it is allowed. Never changes the file. */
export function refusal(file: CaseFile, cmd: CaseCommand, ctx: Ctx): RuleCode | undefined {
  const rule = ruleFor(cmd.type);
  if (!rule) return 'NO_CHANGE';
  const role = ctx.actor.role;
  if (!rule.roles.includes(role) && !(role === 'partner' && PARTNER_COMMANDS.includes(cmd.type))) return 'ROLE_NOT_ALLOWED';
  // Rules v3: the workflow itself checks the caller's regions (a transfer moves who may act on the case).
  const outOfScope = file.rules >= 3 && ctx.scope ? scopeRefusal(file, cmd.type, ctx.scope, ctx.now) : undefined;
  if (outOfScope) return outOfScope;
  if (file.status !== 'open' && !rule.whenClosed) return 'CASE_NOT_OPEN';
  return exit.afterExitRefusal(file, cmd.type) ?? rule.check(file, cmd as never, ctx);
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
    events.push(...settle(file, ctx.policy));
  }
  file.version += 1;
  return events;
}
