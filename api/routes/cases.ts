import { Router } from 'express';
import type { CaseCommand } from '../../domain/commands';
import { STAFF, allow } from '../auth/authenticate';
import { caseSummary } from '../present';
import type { CaseDetails, CaseServiceDeps } from '../case-service';
import { actOnCase, openCase, readCase, readTimeline } from '../case-service';
import { listCases } from '../case-list-service';
import { commandBody } from '../command-schemas';
import { checkedKey } from '../idempotency';
import { canSeeRegion, principalOf } from '../principal';
import { ProblemError } from '../problem';
import { caseId as caseIdSchema, caseListQuery, openCaseBody, parseBody, timelineQuery } from '../schemas';

export function casesRouter(deps: CaseServiceDeps): Router {
  const router = Router();
  const staff = allow(...STAFF);

  router.post('/v1/cases', staff, async (req, res) => {
    const key = checkedKey(req.get('idempotency-key'));
    const body = parseBody(openCaseBody, req.body);
    const principal = principalOf(req);
    if (!canSeeRegion(principal, body.regionCode)) throw ProblemError.of('REGION_NOT_ALLOWED');
    const opened = await openCase(deps, principal, body, key);
    if (opened.replayed) res.setHeader('Idempotent-Replayed', 'true');
    res
      .status(201)
      .location(`/v1/cases/${opened.caseId}`)
      .json({ caseId: opened.caseId, workflowId: opened.workflowId, links: { self: `/v1/cases/${opened.caseId}` } });
  });

  router.get('/v1/cases', staff, async (req, res) => {
    const query = parseBody(caseListQuery, { ...req.query });
    const page = await listCases(deps.db, principalOf(req), query);
    res.json({ items: page.items.map(caseSummary), nextCursor: page.nextCursor });
  });

  router.get('/v1/cases/:caseId', staff, async (req, res) => {
    const parsed = caseIdSchema.safeParse(req.params.caseId);
    if (!parsed.success) throw ProblemError.of('CASE_NOT_FOUND');
    const details = await readCase(deps, parsed.data);
    const region = details.record?.regionCode ?? details.live?.regionCode;
    // Someone else's case is "not found", not "forbidden": its existence is not theirs to learn.
    if (!region || !canSeeRegion(principalOf(req), region)) throw ProblemError.of('CASE_NOT_FOUND');
    res.json(present(details));
  });

  router.post('/v1/cases/:caseId/commands', staff, async (req, res) => {
    const caseId = caseIdSchema.safeParse(req.params.caseId);
    if (!caseId.success) throw ProblemError.of('CASE_NOT_FOUND');
    const key = checkedKey(req.get('idempotency-key'));
    const command = parseBody(commandBody, req.body) as CaseCommand;
    res.json(await actOnCase(deps, principalOf(req), caseId.data, command, key));
  });

  router.get('/v1/cases/:caseId/timeline', staff, async (req, res) => {
    const caseId = caseIdSchema.safeParse(req.params.caseId);
    if (!caseId.success) throw ProblemError.of('CASE_NOT_FOUND');
    const query = parseBody(timelineQuery, { ...req.query });
    const page = await readTimeline(deps, principalOf(req), caseId.data, query.after, query.limit);
    res.json(page);
  });

  return router;
}

function present({ record, live }: CaseDetails) {
  return {
    caseId: record?.caseId ?? live?.caseId,
    // The read model trails the workflow by one activity; "pending" means it has not caught up yet.
    projection: record ? 'current' : 'pending',
    record: record && caseSummary(record),
    live,
  };
}
