import { Router } from 'express';
import { STAFF, allow } from '../auth/authenticate';
import { listBatches, openBatch, readBatch, replanBatch } from '../batch-service';
import type { CaseServiceDeps } from '../case-service';
import { checkedKey } from '../idempotency';
import { principalOf } from '../principal';
import { ProblemError } from '../problem';
import { batchId as batchIdSchema, batchListQuery, openBatchBody, parseBody, replanBody } from '../schemas';

/** Group repatriation: open a batch (one case per person), follow it, re-plan a compensated trip. */
export function batchesRouter(deps: CaseServiceDeps): Router {
  const router = Router();
  const idOf = (raw: string | string[] | undefined) => {
    const parsed = batchIdSchema.safeParse(raw);
    if (!parsed.success) throw ProblemError.of('BATCH_NOT_FOUND');
    return parsed.data;
  };

  router.post('/v1/repatriation-batches', allow(...STAFF), async (req, res) => {
    const key = checkedKey(req.get('idempotency-key'));
    const body = parseBody(openBatchBody, req.body);
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
        openedAt: b.openedAt.toISOString(),
        updatedAt: b.updatedAt.toISOString(),
        links: { self: `/v1/repatriation-batches/${b.batchId}` },
      })),
      nextCursor: page.nextCursor,
    });
  });

  router.get('/v1/repatriation-batches/:batchId', allow(...STAFF), async (req, res) => {
    res.json(await readBatch(deps, principalOf(req), idOf(req.params.batchId)));
  });

  router.post('/v1/repatriation-batches/:batchId/replan', allow('supervisor', 'admin'), async (req, res) => {
    const key = checkedKey(req.get('idempotency-key'));
    const body = parseBody(replanBody, req.body);
    res.json(await replanBatch(deps, principalOf(req), idOf(req.params.batchId), body.originAgency, key));
  });
  return router;
}
