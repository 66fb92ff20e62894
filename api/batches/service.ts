// Group repatriation batches: opening one (a batch workflow that opens one case per person), reading
// its status, re-planning a compensated trip, and the origin Dinsos's reception decision.
import { regionWords } from '../../domain/case/ui-texts';
import { createHash, randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { and, eq } from 'drizzle-orm';
import { batches } from '../../db/schema';
import { currentCategory } from '../../domain/categories';
import type { BatchView, GroupRepatriationInput } from '../../workflows/batch/contract';
import { batchWorkflowId, getBatchQuery, receptionDecisionSignal, replanUpdate } from '../../workflows/batch/contract';
import type { groupRepatriationWorkflow } from '../../workflows/batch/workflow';
import type { ServiceDeps } from '../deps';
import { requestHash, reserve } from '../http/idempotency';
import type { Keyset, Page } from '../http/keyset';
import { keysetPage } from '../http/keyset';
import type { Principal } from '../http/principal';
import { canSeeRegion } from '../http/principal';
import { ProblemError } from '../http/problem';
import { regionFilter, regionScope } from '../http/region-scope';
import type { BatchListQuery, OpenBatchBody } from './schemas';

/** Each member's case id follows from the batch id, so a retried request opens the same cases. */
export function memberCaseId(batchId: string, index: number): string {
  const h = createHash('sha256').update(`${batchId}:${index}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export async function openBatch(deps: ServiceDeps, principal: Principal, body: OpenBatchBody, idempotencyKey: string | undefined) {
  if (!canSeeRegion(principal, body.regionCode)) throw ProblemError.of('REGION_NOT_ALLOWED');
  const candidate = randomUUID();
  const { resourceId: batchId, replayed } = idempotencyKey
    ? await reserve(deps.db, `batches:${principal.id}`, idempotencyKey, requestHash(body), candidate)
    : { resourceId: candidate, replayed: false };
  const input: GroupRepatriationInput = {
    batchId,
    category: currentCategory(body.category),
    regionCode: body.regionCode,
    originRegionCode: body.originRegionCode,
    originAgency: body.originAgency,
    report: body.report,
    openedBy: { id: principal.id, role: principal.role },
    members: body.members.map((m, i) => ({ caseId: memberCaseId(batchId, i), subject: m.subject, riskLevel: m.riskLevel })),
    policy: deps.policy,
    ...(deps.partnerIntegration ? { partnerIntegration: true } : {}),
    ...(body.assignedWorker ? { assignedWorker: body.assignedWorker } : {}),
  };
  try {
    await deps.client.workflow.start<typeof groupRepatriationWorkflow>('groupRepatriationWorkflow', {
      workflowId: batchWorkflowId(batchId),
      taskQueue: deps.taskQueue,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      staticSummary: `pemulangan rombongan · ${body.members.length} orang · ${regionWords(body.regionCode)} → ${regionWords(body.originRegionCode)}`,
    });
  } catch (err) {
    if (!(replayed && err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
  return { batchId, caseIds: input.members.map((m) => m.caseId), replayed };
}

/** The batch as the caller may see it; outside their regions it does not exist. */
export async function readBatch(deps: ServiceDeps, principal: Principal, batchId: string): Promise<BatchView> {
  let view: BatchView;
  try {
    view = await deps.client.workflow.getHandle(batchWorkflowId(batchId)).query(getBatchQuery);
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) throw ProblemError.of('BATCH_NOT_FOUND');
    throw err;
  }
  if (!canSeeRegion(principal, view.regionCode)) throw ProblemError.of('BATCH_NOT_FOUND');
  return view;
}

export async function replanBatch(deps: ServiceDeps, principal: Principal, batchId: string, originAgency: string | undefined, key: string) {
  await readBatch(deps, principal, batchId);
  try {
    return await deps.client.workflow.getHandle(batchWorkflowId(batchId)).executeUpdate(replanUpdate, {
      args: [{ ...(originAgency ? { originAgency } : {}), by: { id: principal.id, role: principal.role } }],
      updateId: `${principal.id}:${key}`,
    });
  } catch (err) {
    const refused = err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && err.cause.type === 'NOTHING_TO_DECIDE';
    // A completed batch no longer takes Updates: there is nothing left to re-plan either.
    const finished = err instanceof WorkflowNotFoundError || (err as { code?: number }).code === 5;
    if (refused || finished) throw ProblemError.of('BATCH_NOT_REPLANNING');
    throw err;
  }
}

/** The origin Dinsos's answer to a batch's reception request, from its callback. */
export async function batchReceptionDecision(deps: ServiceDeps, principal: Principal, batchId: string, reportId: string, accepted: boolean) {
  await readBatch(deps, principal, batchId);
  await deps.client.workflow.getHandle(batchWorkflowId(batchId)).signal(receptionDecisionSignal, { reportId, accepted });
}

type BatchRow = typeof batches.$inferSelect;

const NEWEST_FIRST: Keyset<BatchRow> = [
  { name: 't', column: batches.openedAt, kind: 'time', direction: 'desc', value: (b) => b.openedAt },
  { name: 'id', column: batches.batchId, kind: 'text', direction: 'desc', value: (b) => b.batchId },
];

/** Batches in the caller's regions, newest first, from the read model. */
export function listBatches(deps: ServiceDeps, principal: Principal, q: BatchListQuery): Promise<Page<BatchRow>> {
  const filters = [regionScope(principal, batches), regionFilter(q.region, batches), q.status ? eq(batches.status, q.status) : undefined];
  return keysetPage(NEWEST_FIRST, q, (after, order, limit) =>
    deps.db
      .select()
      .from(batches)
      .where(and(...filters, after))
      .orderBy(...order)
      .limit(limit),
  );
}
