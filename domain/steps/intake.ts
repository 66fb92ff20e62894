// Step 1, identification: a report comes in and someone must respond (contact, assignment) within the
// first-response deadline (1 h / 3 h / 24 h by risk). When it passes, the ladder escalates.
import type { CaseFile } from '../case/file';
import { moveTo } from '../case/changes';
import type { Rules } from '../commands';
import { STAFF, WORKERS } from '../roles';
import { iso } from '../time';
import type { StepDeadline } from './guards';
import { stageIs } from './guards';

/** The first-response clock runs from the moment the case was opened. */
export function deadline(file: CaseFile): StepDeadline {
  return { kind: 'first_response', since: file.openedAt };
}

/** Identity fields a worker may add once they are known; the values stay in the encrypted case file. */
const IDENTITY_FIELDS = ['nik', 'name', 'birthDate'] as const;

export const commands: Rules<'acknowledge' | 'recordIdentity'> = {
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

  // Who the person is often comes out later (a Dukcapil fingerprint check, a family member, a document
  // found): at any step. The timeline says which fields were added, never their values.
  recordIdentity: {
    roles: WORKERS,
    check: (_file, cmd) => (IDENTITY_FIELDS.some((f) => cmd[f] !== undefined) ? undefined : 'DETAIL_REQUIRED'),
    apply(file, cmd, ctx) {
      const given = IDENTITY_FIELDS.filter((f) => cmd[f] !== undefined);
      file.identity = { ...file.identity, ...Object.fromEntries(given.map((f) => [f, cmd[f]])), recordedAt: iso(ctx.now), recordedBy: ctx.actor.id };
      return [{ type: 'identity.recorded', data: { fields: given.join(',') } }];
    },
  },
};
