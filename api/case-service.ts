// Opening and reading cases: the API's side of the contract with the case workflow.
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { caseEvents, cases } from '../db/schema';
import { defaultPathway } from '../domain/categories';
import type { CaseCommand } from '../domain/commands';
import type { PolicyOverrides } from '../domain/policy';
import { isRuleCode } from '../domain/rule-codes';
import type { CaseView, OpenCaseInput } from '../workflows/contract';
import type { PartnerCommand } from '../workflows/contract';
import { caseWorkflowId, commandUpdate, getCaseQuery, partnerReportSignal } from '../workflows/contract';
import type { caseWorkflow } from '../workflows/case-workflow';
import { initialSearchAttributes } from '../workflows/search-attribute-values';
import { requestHash, reserve } from './idempotency';
import type { Principal } from './principal';
import { canSeeRegion } from './principal';
import { ProblemError, refusalProblem } from './problem';
import type { OpenCaseBody } from './schemas';

const GRPC_NOT_FOUND = 5;

export interface CaseServiceDeps {
  client: Client;
  db: Db;
  taskQueue: string;
  policy: PolicyOverrides;
  /** The deployment has partner services: new cases call them (admissions, transport, tracing). */
  partnerIntegration?: boolean;
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
    ...(deps.partnerIntegration ? { partnerIntegration: true } : {}),
  };
  const workflowId = caseWorkflowId(caseId);
  try {
    await startCaseWorkflow(deps.client, deps.taskQueue, input);
  } catch (err) {
    if (!(replayed && err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
  return { caseId, workflowId, replayed };
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
    }),
    staticSummary: `${input.category} · risk ${input.riskLevel} · region ${input.regionCode}`,
  });
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

/**
 * Someone else's case, or none at all, is "not found": its existence is not the caller's to learn. The
 * read model trails a new case by one activity, so a case it does not hold yet is asked for its region
 * directly (a command right after intake must not be told the case does not exist).
 */
async function assertVisible(deps: Pick<CaseServiceDeps, 'db' | 'client'>, principal: Principal, caseId: string): Promise<void> {
  const [row] = await deps.db.select({ regionCode: cases.regionCode }).from(cases).where(eq(cases.caseId, caseId));
  let region = row?.regionCode;
  if (!region) {
    try {
      region = (await deps.client.workflow.getHandle(caseWorkflowId(caseId)).query(getCaseQuery)).regionCode;
    } catch (err) {
      if (!(err instanceof WorkflowNotFoundError)) throw err;
    }
  }
  if (!region || !canSeeRegion(principal, region)) throw ProblemError.of('CASE_NOT_FOUND');
}

/** Applies a staff command through the case's Update; the Idempotency-Key doubles as the Update id. */
export async function actOnCase(
  deps: CaseServiceDeps,
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

/**
 * A partner's callback (an RSJ's decision, a trip's departure) becomes a Signal to the case. Partners
 * retry callbacks; the workflow applies each report id once.
 */
export async function reportFromPartner(
  deps: CaseServiceDeps,
  principal: Principal,
  report: { reportId: string; caseRef: string; command: PartnerCommand },
): Promise<void> {
  await assertVisible(deps, principal, report.caseRef);
  try {
    await deps.client.workflow
      .getHandle(caseWorkflowId(report.caseRef))
      .signal(partnerReportSignal, { partnerId: principal.id, reportId: report.reportId, command: report.command });
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) throw ProblemError.of('CASE_ARCHIVED');
    throw err;
  }
}

/** The case's timeline (who, when, what), in order, after a given position. */
export async function readTimeline(deps: Pick<CaseServiceDeps, 'db' | 'client'>, principal: Principal, caseId: string, after: number, limit: number) {
  await assertVisible(deps, principal, caseId);
  const events = await deps.db
    .select()
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), gt(caseEvents.seq, after)))
    .orderBy(asc(caseEvents.seq))
    .limit(limit + 1);
  const items = events.slice(0, limit).map((e) => ({
    seq: e.seq,
    type: e.type,
    at: e.at.toISOString(),
    actor: { id: e.actorId, role: e.actorRole },
    stage: e.stage,
    data: e.data,
  }));
  return { items, nextAfter: events.length > limit ? items.at(-1)!.seq : null };
}
