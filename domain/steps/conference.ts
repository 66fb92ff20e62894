// Case conferences (temu bahas kasus): the people around a case meet, by role, and decide together —
// carry on, revise the plan, refer, keep seeking the family, open advocacy, end the services. The record
// keeps who sat (roles, never names) and what was decided; what was said goes to the notes.
import type { Rules } from '../commands';
import { WORKERS } from '../roles';
import { iso } from '../time';
import { stageIs } from './guards';

export const commands: Rules<'recordCaseConference'> = {
  recordCaseConference: {
    roles: WORKERS,
    check: (file, cmd) =>
      stageIs(file, 'assessment', 'planning', 'linking', 'implementation', 'monitoring', 'evaluation') ??
      (cmd.participants.length && cmd.decisions.length ? undefined : 'DETAIL_REQUIRED'),
    apply(file, cmd, ctx) {
      const participants = [...new Set(cmd.participants)];
      const decisions = [...new Set(cmd.decisions)];
      (file.conferences ??= []).push({ at: iso(ctx.now), by: ctx.actor.id, participants, decisions });
      return [{ type: 'conference.recorded', data: { participants: participants.join(','), decisions: decisions.join(',') } }];
    },
  },
};
