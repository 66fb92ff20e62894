// A staff command on a case becomes the case's Update; the workflow's validator refuses what practice
// forbids, and the refusal comes back as a problem with the rule's code.
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { CaseCommand } from '../../domain/commands';
import { isRuleCode } from '../../domain/rule-codes';
import type { CaseView, CommandResult } from '../../workflows/case/contract';
import { caseWorkflowId, commandUpdate, getCaseQuery } from '../../workflows/case/contract';
import type { ServiceDeps } from '../deps';
import type { Principal } from '../http/principal';
import { canSeeRegion } from '../http/principal';
import { ProblemError, refusalProblem } from '../http/problem';
import { withCurrentCodes } from './current-codes';
import { recordTrainingRefusal } from '../training/access';
import { assertVisible } from './read';
import { PERMISSIONS } from '../../domain/workforce';
import { assignee, assigneeRefusal, practiceRefusal } from '../staff/practice';

const GRPC_NOT_FOUND = 5;

/**
 * The workforce's rules, before the case's own: what the caller's practice role allows on this case,
 * and whether a worker named to carry it may (active, verified, of its region, a role that carries cases).
 */
async function checkWorkforce(deps: ServiceDeps, principal: Principal, command: CaseCommand, live: () => Promise<CaseView>): Promise<void> {
  const named = 'assignedWorker' in command && command.assignedWorker ? command : undefined;
  if (!principal.practice && !named) return;
  const view = await live();
  const now = new Date();
  const refused = principal.practice && practiceRefusal(principal.practice, command.type, view, now);
  if (refused) throw ProblemError.of(refused);
  // The first response would make the caller the case's worker; one whose role carries no cases names who will.
  const selfAssigns = (command.type === 'acknowledge' && !named) || (command.type === 'recordRapidAssessment' && view.stage === 'identification');
  if (principal.practice && !PERMISSIONS[principal.practice.role].carriesCases && selfAssigns && view.assignedWorker === null) throw ProblemError.of('ASSIGNEE_REQUIRED');
  const who = named && deps.staffDirectory && assignee(named, view);
  const unassignable = who && (await assigneeRefusal(deps.staffDirectory!, who, now));
  if (unassignable) throw ProblemError.of(unassignable);
}

/** Applies a staff command through the case's Update; the Idempotency-Key doubles as the Update id. */
export async function actOnCase(
  deps: ServiceDeps,
  principal: Principal,
  caseId: string,
  given: CaseCommand,
  idempotencyKey: string,
): Promise<CommandResult> {
  // The case records what it is told: an old code sent by an old script is recorded as the current one.
  const command = withCurrentCodes(given);
  const transferStep = command.type === 'decideTransfer' || command.type === 'recordBast';
  const { visibility, access } = await assertVisible(deps, principal, caseId, { live: transferStep });
  // A receiving unit decides on the transfer (and signs the BAST); a sender after a transfer only reads.
  // Checked here (on the live case for transfer steps: the read model trails them by a write); the
  // workflow checks roles and state again on its own.
  const receiving = visibility === 'decide_transfer' && transferStep;
  if (visibility !== 'full' && !receiving) throw refusalProblem('READ_ONLY_ACCESS');
  if (command.type === 'decideTransfer' && !(access.transferToRegion && canSeeRegion(principal, access.transferToRegion))) throw refusalProblem('NOT_RECEIVING_UNIT');
  const handle = deps.client.workflow.getHandle(caseWorkflowId(caseId));
  await checkWorkforce(deps, principal, command, () => handle.query(getCaseQuery));
  try {
    const view = await handle.executeUpdate(commandUpdate(command.type), {
      // The workflow checks the caller's regions itself: the read model may trail a transfer by a moment.
      args: [{ actor: { id: principal.id, role: principal.role }, command, scope: principal.regions }],
      // Temporal deduplicates Updates by id: a retried request gets the first result, not a second action.
      updateId: `${principal.id}:${idempotencyKey}`,
    });
    return withCurrentCodes(view);
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && isRuleCode(err.cause.type)) {
      // Simulasi kasus: the rules' refusal is part of the group's record (the history keeps none).
      if (access.trainingSessionId) {
        await recordTrainingRefusal(deps.db, { sessionId: access.trainingSessionId, caseId, actorId: principal.id, command: command.type, code: err.cause.type });
      }
      throw refusalProblem(err.cause.type);
    }
    if (err instanceof WorkflowNotFoundError || (err as { code?: number }).code === GRPC_NOT_FOUND) throw ProblemError.of('CASE_ARCHIVED');
    throw err;
  }
}
