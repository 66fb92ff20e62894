// Opening and reading cases: the API's side of the contract with the case workflow.
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client';
import { cases } from '../db/schema';
import { defaultPathway } from '../domain/categories';
import type { PolicyOverrides } from '../domain/policy';
import type { CaseView, OpenCaseInput } from '../workflows/contract';
import { caseWorkflowId, getCaseQuery } from '../workflows/contract';
import type { caseWorkflow } from '../workflows/case-workflow';
import { initialSearchAttributes } from '../workflows/search-attribute-values';
import { requestHash, reserve } from './idempotency';
import type { Principal } from './principal';
import { ProblemError } from './problem';
import type { OpenCaseBody } from './schemas';

export interface CaseServiceDeps {
  client: Client;
  db: Db;
  taskQueue: string;
  policy: PolicyOverrides;
}

export interface OpenedCase {
  caseId: string;
  workflowId: string;
  replayed: boolean;
}

export async function openCase(
  deps: CaseServiceDeps,
  principal: Principal,
  body: OpenCaseBody,
  idempotencyKey: string | undefined,
): Promise<OpenedCase> {
  const candidate = randomUUID();
  const { resourceId: caseId, replayed } = idempotencyKey
    ? await reserve(deps.db, `cases:${principal.id}`, idempotencyKey, requestHash(body), candidate)
    : { resourceId: candidate, replayed: false };
  const pathway = body.pathway ?? defaultPathway(body.category);
  const input: OpenCaseInput = {
    caseId,
    category: body.category,
    pathway,
    riskLevel: body.riskLevel,
    regionCode: body.regionCode,
    openedBy: { id: principal.id, role: principal.role },
    report: body.report,
    subject: body.subject,
    ...(body.assignedWorker ? { assignedWorker: body.assignedWorker } : {}),
    policy: deps.policy,
  };
  const workflowId = caseWorkflowId(caseId);
  try {
    await deps.client.workflow.start<typeof caseWorkflow>('caseWorkflow', {
      workflowId,
      taskQueue: deps.taskQueue,
      args: [input],
      // A retried intake joins the running case; a closed case is never silently restarted.
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      typedSearchAttributes: initialSearchAttributes({
        category: input.category,
        pathway,
        riskLevel: input.riskLevel,
        regionCode: input.regionCode,
        stage: 'identification',
        status: 'open',
        assignedWorker: input.assignedWorker ?? null,
        escalationLevel: 0,
        nextDeadlineAt: null,
      }),
      staticSummary: `${input.category} · risk ${input.riskLevel} · region ${input.regionCode}`,
    });
  } catch (err) {
    if (!(replayed && err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
  return { caseId, workflowId, replayed };
}

export type CaseRow = typeof cases.$inferSelect;

export interface CaseDetails {
  record: CaseRow | null;
  live: CaseView | null;
}

export async function readCase(deps: CaseServiceDeps, caseId: string): Promise<CaseDetails> {
  const [record] = await deps.db.select().from(cases).where(eq(cases.caseId, caseId));
  try {
    const live = await deps.client.workflow.getHandle(caseWorkflowId(caseId)).query(getCaseQuery);
    return { record: record ?? null, live };
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) {
      if (!record) throw ProblemError.of('CASE_NOT_FOUND');
      return { record, live: null };
    }
    throw err;
  }
}
