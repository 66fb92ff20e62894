// Intake: a report becomes a case. The Idempotency-Key is reserved in PostgreSQL before the workflow
// starts, so a retried request (after a crash, a timeout) opens the same case, never a second one.
import { staticDetails, staticSummary } from '../../domain/case/ui-texts';
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { currentCategory, defaultPathway } from '../../domain/categories';
import type { Actor } from '../../domain/roles';
import type { OpenCaseInput } from '../../workflows/case/contract';
import { caseWorkflowId } from '../../workflows/case/contract';
import type { caseWorkflow } from '../../workflows/case/workflow';
import { initialSearchAttributes } from '../../workflows/search-attributes';
import type { ServiceDeps } from '../deps';
import { requestHash, reserve } from '../http/idempotency';
import type { Principal } from '../http/principal';
import type { OpenCaseBody } from './schemas';

export interface OpenedCase {
  caseId: string;
  workflowId: string;
  replayed: boolean;
}

/** The case workflow's input for an intake, as the API builds it (the API benchmark builds it here too). */
export function caseInputFrom(
  caseId: string,
  body: OpenCaseBody,
  openedBy: Actor,
  deployment: Pick<ServiceDeps, 'policy' | 'partnerIntegration'>,
): OpenCaseInput {
  // A script from before #13 may send an old code: the case is opened under the current one.
  const category = currentCategory(body.category);
  return {
    caseId,
    category,
    pathway: body.pathway ?? defaultPathway(category),
    riskLevel: body.riskLevel,
    regionCode: body.regionCode,
    openedBy,
    report: body.report,
    subject: body.subject,
    ...(body.assignedWorker ? { assignedWorker: body.assignedWorker } : {}),
    policy: deployment.policy,
    ...(deployment.partnerIntegration ? { partnerIntegration: true } : {}),
    receivedAt: new Date().toISOString(),
  };
}

export async function openCase(deps: ServiceDeps, principal: Principal, body: OpenCaseBody, idempotencyKey: string | undefined): Promise<OpenedCase> {
  const candidate = randomUUID();
  const { resourceId: caseId, replayed } = idempotencyKey
    ? await reserve(deps.db, `cases:${principal.id}`, idempotencyKey, requestHash(body), candidate)
    : { resourceId: candidate, replayed: false };
  const input = caseInputFrom(caseId, body, { id: principal.id, role: principal.role }, deps);
  try {
    await startCaseWorkflow(deps.client, deps.taskQueue, input);
  } catch (err) {
    if (!(replayed && err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
  return { caseId, workflowId: caseWorkflowId(caseId), replayed };
}

/** The start of a case's workflow, exactly as intake makes it (the API benchmark's raw loop calls it too). */
export function startCaseWorkflow(client: Client, taskQueue: string, input: OpenCaseInput) {
  return client.workflow.start<typeof caseWorkflow>('caseWorkflow', {
    workflowId: caseWorkflowId(input.caseId),
    taskQueue,
    args: [input],
    // A retried intake joins the running case; a closed case is never silently restarted.
    workflowIdConflictPolicy: 'USE_EXISTING',
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
    typedSearchAttributes: initialSearchAttributes({
      category: input.category,
      pathway: input.pathway,
      riskLevel: input.riskLevel,
      regionCode: input.regionCode,
      stage: 'identification',
      status: 'open',
      assignedWorker: input.assignedWorker ?? null,
      escalationLevel: 0,
      nextDeadlineAt: null,
    }, input.training?.sessionId),
    // What a Kasi reads in the Temporal UI: labels and local time, never the person (a training case says so first).
    staticSummary: input.training ? `simulasi kasus, kelompok ${input.training.group} · ${staticSummary(input)}` : staticSummary(input),
    staticDetails: staticDetails({ ...input, channel: input.report.channel }, new Date()),
  });
}
