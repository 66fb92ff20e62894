// /v1/repatriation-batches: open a group repatriation (one case per person), follow it, re-plan a
// compensated trip — and the same routes described for the OpenAPI document.
import { Router } from 'express';
import { z } from 'zod';
import { STAFF } from '../../domain/roles';
import { allow } from '../auth/authenticate';
import { assertAssignable } from '../staff/practice';
import type { ServiceDeps } from '../deps';
import { checkedKey, updateKey } from '../http/idempotency';
import type { RegisterRoute } from '../http/openapi';
import { common, headers, json, jsonBody, problem } from '../http/openapi';
import { parseBody } from '../http/parse';
import { principalOf } from '../http/principal';
import { ProblemError } from '../http/problem';
import { batchId as batchIdSchema, batchListQuery, batchPageSchema, batchViewSchema, openBatchBody, openedBatchSchema, replanBody } from './schemas';
import { listBatches, openBatch, readBatch, replanBatch } from './service';

const batchIdOf = (raw: string | string[] | undefined) => {
  const parsed = batchIdSchema.safeParse(raw);
  if (!parsed.success) throw ProblemError.of('BATCH_NOT_FOUND');
  return parsed.data;
};

export function batchesRouter(deps: ServiceDeps): Router {
  const router = Router();

  router.post('/v1/repatriation-batches', allow(...STAFF), async (req, res) => {
    const key = checkedKey(req.get('idempotency-key'));
    const body = parseBody(openBatchBody, req.body);
    await assertAssignable(deps.staffDirectory, body.assignedWorker, body.regionCode);
    const opened = await openBatch(deps, principalOf(req), body, key);
    if (opened.replayed) res.setHeader('Idempotent-Replayed', 'true');
    res
      .status(201)
      .location(`/v1/repatriation-batches/${opened.batchId}`)
      .json({ batchId: opened.batchId, caseIds: opened.caseIds, links: { self: `/v1/repatriation-batches/${opened.batchId}` } });
  });

  router.get('/v1/repatriation-batches', allow(...STAFF), async (req, res) => {
    const page = await listBatches(deps, principalOf(req), parseBody(batchListQuery, { ...req.query }));
    res.json({
      items: page.items.map((b) => ({
        batchId: b.batchId,
        status: b.status,
        regionCode: b.regionCode,
        originRegionCode: b.originRegionCode,
        originAgency: b.originAgency,
        members: b.members,
        arrived: b.arrived,
        withdrawn: b.withdrawn,
        planVersion: b.planVersion,
        escalation: b.escalation,
        openedAt: b.openedAt.toISOString(),
        updatedAt: b.updatedAt.toISOString(),
        links: { self: `/v1/repatriation-batches/${b.batchId}` },
      })),
      nextCursor: page.nextCursor,
    });
  });

  router.get('/v1/repatriation-batches/:batchId', allow(...STAFF), async (req, res) => {
    res.json(await readBatch(deps, principalOf(req), batchIdOf(req.params.batchId)));
  });

  router.post('/v1/repatriation-batches/:batchId/replan', allow('supervisor', 'admin'), async (req, res) => {
    const body = parseBody(replanBody, req.body);
    res.json(await replanBatch(deps, principalOf(req), batchIdOf(req.params.batchId), body.originAgency, updateKey(req, res)));
  });
  return router;
}

export function batchPaths(route: RegisterRoute): void {
  const params = z.object({ batchId: batchIdSchema });
  const notFound = problem('No such batch in the caller\'s regions');
  route({
    method: 'post',
    path: '/v1/repatriation-batches',
    operationId: 'openBatch',
    summary: 'Open a group repatriation: one case per person, one shared trip home',
    request: { headers: headers(true), body: jsonBody(openBatchBody) },
    responses: common({
      201: json(openedBatchSchema, 'The batch and its members\' cases are open'),
      400: problem('Malformed JSON or Idempotency-Key'),
      403: problem('Role or region not allowed'),
      413: problem('Body too large'),
    }),
  });
  route({
    method: 'get',
    path: '/v1/repatriation-batches',
    operationId: 'listBatches',
    summary: 'Group repatriations in the caller\'s regions, newest first (read model; keyset pagination)',
    request: { headers: headers(false), query: batchListQuery },
    responses: common({ 200: json(batchPageSchema, 'A page of batches') }),
  });
  route({
    method: 'get',
    path: '/v1/repatriation-batches/{batchId}',
    operationId: 'getBatch',
    summary: 'A group repatriation: plans, compensations and each member\'s status',
    request: { headers: headers(false), params },
    responses: common({ 200: json(batchViewSchema, 'The batch'), 404: notFound }),
  });
  route({
    method: 'post',
    path: '/v1/repatriation-batches/{batchId}/replan',
    operationId: 'replanBatch',
    summary: 'Re-plan a compensated trip (supervisors), optionally with another receiving agency',
    request: { headers: headers(true), params, body: jsonBody(replanBody) },
    responses: common({
      200: json(batchViewSchema, 'The batch, re-planning'),
      404: notFound,
      409: problem('The trip is not waiting to be re-planned (BATCH_NOT_REPLANNING)'),
    }),
  });
}
