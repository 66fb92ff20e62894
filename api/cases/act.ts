// A staff command on a case becomes the case's Update; the workflow's validator refuses what practice
// forbids, and the refusal comes back as a problem with the rule's code.
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { CaseCommand } from '../../domain/commands';
import { isRuleCode } from '../../domain/rule-codes';
import type { CaseView } from '../../workflows/case/contract';
import { caseWorkflowId, commandUpdate } from '../../workflows/case/contract';
import type { ServiceDeps } from '../deps';
import type { Principal } from '../http/principal';
import { ProblemError, refusalProblem } from '../http/problem';
import { assertVisible } from './read';

const GRPC_NOT_FOUND = 5;

/** Applies a staff command through the case's Update; the Idempotency-Key doubles as the Update id. */
export async function actOnCase(
  deps: ServiceDeps,
  principal: Principal,
  caseId: string,
  command: CaseCommand,
  idempotencyKey: string | undefined,
): Promise<CaseView> {
  await assertVisible(deps, principal, caseId);
  const handle = deps.client.workflow.getHandle(caseWorkflowId(caseId));
  try {
    return await handle.executeUpdate(commandUpdate(command.type), {
      args: [{ actor: { id: principal.id, role: principal.role }, command }],
      // Temporal deduplicates Updates by id: a retried request gets the first result, not a second action.
      ...(idempotencyKey ? { updateId: `${principal.id}:${idempotencyKey}` } : {}),
    });
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && isRuleCode(err.cause.type)) {
      throw refusalProblem(err.cause.type);
    }
    if (err instanceof WorkflowNotFoundError || (err as { code?: number }).code === GRPC_NOT_FOUND) throw ProblemError.of('CASE_ARCHIVED');
    throw err;
  }
}
