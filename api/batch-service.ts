// Group repatriation batches: opening one (a batch workflow that opens one case per person), reading
// its status, re-planning a compensated trip, and the origin Dinsos's reception decision.
import { createHash, randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { and, desc, eq, lt, or, sql } from 'drizzle-orm';
import { batches } from '../db/schema';
import type { BatchView, GroupRepatriationInput } from '../workflows/contract';
import { batchWorkflowId, getBatchQuery, receptionDecisionSignal, replanUpdate } from '../workflows/contract';
import type { groupRepatriationWorkflow } from '../workflows/group-repatriation-workflow';
import type { CaseServiceDeps } from './case-service';
import { requestHash, reserve } from './idempotency';
import type { Principal } from './principal';
import { canSeeRegion } from './principal';
import { ProblemError } from './problem';
import type { BatchListQuery, OpenBatchBody } from './schemas';
import type { Page } from './keyset';
import { decodeCursor, encodeCursor } from './keyset';
import { regionFilter, regionScope } from './region-scope';


/** Each member's case id follows from the batch id, so a retried request opens the same cases. */
export function memberCaseId(batchId: string, index: number): string {
  const h = createHash('sha256').update(`${batchId}:${index}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export async function openBatch(deps: CaseServiceDeps, principal: Principal, body: OpenBatchBody, idempotencyKey: string | undefined) {
  if (!canSeeRegion(principal, body.regionCode)) throw ProblemError.of('REGION_NOT_ALLOWED');
  const candidate = randomUUID();
  const { resourceId: batchId, replayed } = idempotencyKey
    ? await reserve(deps.db, `batches:${principal.id}`, idempotencyKey, requestHash(body), candidate)
    : { resourceId: candidate, replayed: false };
  const input: GroupRepatriationInput = {
    batchId,
    category: body.category,
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
      staticSummary: `group repatriation · ${body.members.length} people · ${body.regionCode} → ${body.originRegionCode}`,
    });
  } catch (err) {
    if (!(replayed && err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
  return { batchId, caseIds: input.members.map((m) => m.caseId), replayed };
}

/** The batch as the caller may see it; outside their regions it does not exist. */
export async function readBatch(deps: CaseServiceDeps, principal: Principal, batchId: string): Promise<BatchView> {
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

export async function replanBatch(deps: CaseServiceDeps, principal: Principal, batchId: string, originAgency: string | undefined, key: string | undefined) {
  await readBatch(deps, principal, batchId);
  try {
    return await deps.client.workflow.getHandle(batchWorkflowId(batchId)).executeUpdate(replanUpdate, {
      args: [{ ...(originAgency ? { originAgency } : {}), by: { id: principal.id, role: principal.role } }],
      ...(key ? { updateId: `${principal.id}:${key}` } : {}),
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
export async function batchReceptionDecision(deps: CaseServiceDeps, principal: Principal, batchId: string, reportId: string, accepted: boolean) {
  await readBatch(deps, principal, batchId);
  await deps.client.workflow.getHandle(batchWorkflowId(batchId)).signal(receptionDecisionSignal, { reportId, accepted });
}

type BatchRow = typeof batches.$inferSelect;

const isCursor = (v: unknown): v is { t: string; id: string } =>
  typeof v === 'object' && v !== null && !Number.isNaN(Date.parse(String((v as { t?: unknown }).t))) && typeof (v as { id?: unknown }).id === 'string';

/** Batches in the caller's regions, newest first, from the read model. */
export async function listBatches(deps: CaseServiceDeps, principal: Principal, q: BatchListQuery): Promise<Page<BatchRow>> {
  const after = decodeCursor(q.cursor, isCursor);
  const rows = await deps.db
    .select()
    .from(batches)
    .where(
      and(
        regionScope(principal, batches),
        regionFilter(q.region, batches),
        q.status ? eq(batches.status, q.status) : undefined,
        after ? or(lt(batches.openedAt, new Date(after.t)), and(eq(batches.openedAt, new Date(after.t)), sql`${batches.batchId} < ${after.id}`)) : undefined,
      ),
    )
    .orderBy(desc(batches.openedAt), desc(batches.batchId))
    .limit(q.limit + 1);
  const items = rows.slice(0, q.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > q.limit && last ? encodeCursor({ t: last.openedAt.toISOString(), id: last.batchId }) : null };
}
