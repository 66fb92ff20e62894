// Step 1, identification: a report comes in and someone must respond (contact, assignment) within the
// first-response deadline (1 h / 3 h / 24 h by risk). When it passes, the ladder escalates.
import type { CaseFile } from '../case/file';
import { moveTo } from '../case/changes';
import type { Rules } from '../commands';
import { STAFF } from '../roles';
import { iso } from '../time';
import type { StepDeadline } from './guards';
import { stageIs } from './guards';

/** The first-response clock runs from the moment the case was opened. */
export function deadline(file: CaseFile): StepDeadline {
  return { kind: 'first_response', since: file.openedAt };
}

export const commands: Rules<'acknowledge'> = {
  acknowledge: {
    roles: STAFF,
    check: (file) => (file.acknowledgedAt ? 'ALREADY_ACKNOWLEDGED' : stageIs(file, 'identification')),
    apply(file, cmd, ctx) {
      file.acknowledgedAt = iso(ctx.now);
      file.assignedWorker = cmd.assignedWorker ?? file.assignedWorker ?? (ctx.actor.role === 'case_manager' ? ctx.actor.id : null);
      return [
        { type: 'case.acknowledged', data: { assignedWorker: file.assignedWorker } },
        moveTo(file, 'assessment', ctx, 'first response made'),
      ];
    },
  },
};
