// /v1/cases: open a case (intake), list, read one, give it a command, read its timeline — and the same
// routes described for the OpenAPI document.
import { Router } from 'express';
import { z } from 'zod';
import { STAFF } from '../../domain/roles';
import { allow } from '../auth/authenticate';
import type { ServiceDeps } from '../deps';
import { checkedKey, updateKey } from '../http/idempotency';
import type { RegisterRoute } from '../http/openapi';
import { common, headers, json, jsonBody, problem } from '../http/openapi';
import { caseId as caseIdSchema, parseBody } from '../http/parse';
import { canSeeRegion, principalOf } from '../http/principal';
import { assertAssignable, seesPersonalData, withoutPersonalData } from '../staff/practice';
import { ProblemError } from '../http/problem';
import { actOnCase } from './act';
import { commandBody } from './commands';
import { withCurrentCodes } from './current-codes';
import { openCase } from './intake';
import { listCases } from './list';
import { caseSummary } from './present';
import type { CaseDetails } from './read';
import { liveAccess, readCase, readTimeline, seenBy } from './read';
import { caseDetailsSchema, casePageSchema, commandResultSchema, openedCaseSchema, timelinePageSchema } from './responses';
import { caseListQuery, openCaseBody, timelineQuery } from './schemas';

/** A malformed id is a case that does not exist. */
const caseIdOf = (raw: string | string[] | undefined) => {
  const parsed = caseIdSchema.safeParse(raw);
  if (!parsed.success) throw ProblemError.of('CASE_NOT_FOUND');
  return parsed.data;
};

export function casesRouter(deps: ServiceDeps): Router {
  const router = Router();
  const staff = allow(...STAFF);

  router.post('/v1/cases', staff, async (req, res) => {
    const key = checkedKey(req.get('idempotency-key'));
    const body = parseBody(openCaseBody, req.body);
    const principal = principalOf(req);
    if (!canSeeRegion(principal, body.regionCode)) throw ProblemError.of('REGION_NOT_ALLOWED');
    await assertAssignable(deps.staffDirectory, body.assignedWorker, body.regionCode);
    const opened = await openCase(deps, principal, body, key);
    if (opened.replayed) res.setHeader('Idempotent-Replayed', 'true');
    res
      .status(201)
      .location(`/v1/cases/${opened.caseId}`)
      .json({ caseId: opened.caseId, workflowId: opened.workflowId, links: { self: `/v1/cases/${opened.caseId}` } });
  });

  router.get('/v1/cases', staff, async (req, res) => {
    const page = await listCases(deps.db, principalOf(req), parseBody(caseListQuery, { ...req.query }));
    res.json({ items: page.items.map(caseSummary), nextCursor: page.nextCursor });
  });

  router.get('/v1/cases/:caseId', staff, async (req, res) => {
    const caseId = caseIdOf(req.params.caseId);
    const details = await readCase(deps, caseId);
    // The live case is the authority on who holds it (the read model trails a transfer by a moment).
    const access = details.live ? liveAccess(details.live) : details.record;
    // Someone else's case is "not found", not "forbidden": its existence is not theirs to learn.
    const visibility = access && (await seenBy(deps.db, principalOf(req), caseId, access));
    if (!visibility) {
      // With a part missing, "not found" would tell an outsider that the case exists: name the part.
      const missing = details.unavailable[0];
      if (missing) throw ProblemError.of(missing === 'workflow' ? 'TEMPORAL_UNAVAILABLE' : 'DATABASE_UNAVAILABLE');
      throw ProblemError.of('CASE_NOT_FOUND');
    }
    const shown = present(details);
    // A relawan reads the case without the person's identity, whereabouts and notes.
    res.json({ ...shown, ...(shown.live && !seesPersonalData(principalOf(req)) ? { live: withoutPersonalData(shown.live) } : {}), access: visibility });
  });

  router.post('/v1/cases/:caseId/commands', staff, async (req, res) => {
    const caseId = caseIdOf(req.params.caseId);
    const command = parseBody(commandBody, req.body);
    res.json(await actOnCase(deps, principalOf(req), caseId, command, updateKey(req, res)));
  });

  router.get('/v1/cases/:caseId/timeline', staff, async (req, res) => {
    const caseId = caseIdOf(req.params.caseId);
    const query = parseBody(timelineQuery, { ...req.query });
    res.json(await readTimeline(deps, principalOf(req), caseId, query.after, query.limit));
  });

  return router;
}

/**
 * How far the read model is: it trails the case by a write ("pending" before its first, "behind" while
 * the case has records it does not hold yet), or cannot be asked at all.
 */
function projectionOf(record: CaseDetails['record'], live: CaseDetails['live'], unavailable: CaseDetails['unavailable']) {
  if (unavailable.includes('read_model')) return 'unavailable';
  if (!record) return 'pending';
  return live?.timelineLength !== undefined && record.lastSeq + 1 < live.timelineLength ? 'behind' : 'current';
}

function present({ record, live, unavailable }: CaseDetails) {
  return {
    caseId: record?.caseId ?? live?.caseId,
    projection: projectionOf(record, live, unavailable),
    record: record && caseSummary(record),
    live: live && withCurrentCodes(live),
    ...(unavailable.length ? { unavailable } : {}),
  };
}

export function casePaths(route: RegisterRoute): void {
  const params = z.object({ caseId: caseIdSchema });
  const notFound = problem('No such case in the caller\'s regions');
  route({
    method: 'post',
    path: '/v1/cases',
    operationId: 'openCase',
    summary: 'Open a case (intake)',
    description: 'Starts the case workflow. Operators, case managers, supervisors and admins, inside their regions.',
    request: { headers: headers(true), body: jsonBody(openCaseBody) },
    responses: common({
      201: json(openedCaseSchema, 'The case is open (also for a replayed Idempotency-Key, with Idempotent-Replayed: true)'),
      400: problem('Malformed JSON or Idempotency-Key'),
      403: problem('The role may not open cases (FORBIDDEN) or the region is outside the caller\'s scope (REGION_NOT_ALLOWED)'),
      413: problem('Body too large'),
      415: problem('Body is not application/json'),
    }),
  });
  route({
    method: 'get',
    path: '/v1/cases',
    operationId: 'listCases',
    summary: 'List cases in the caller\'s regions, newest first (keyset pagination)',
    request: { headers: headers(false), query: caseListQuery },
    responses: common({ 200: json(casePageSchema, 'A page of cases') }),
  });
  route({
    method: 'get',
    path: '/v1/cases/{caseId}',
    operationId: 'getCase',
    summary: 'A case: the read-model record and the live case file',
    description: 'While the database or Temporal is down, the case is served from the part that answers; `unavailable` names the missing one.',
    request: { headers: headers(false), params },
    responses: common({ 200: json(caseDetailsSchema, 'The case'), 404: notFound }),
  });
  route({
    method: 'post',
    path: '/v1/cases/{caseId}/commands',
    operationId: 'actOnCase',
    summary: 'A staff command on a case (assessment, plan, approval, referral outcome, visit, note, reassign, extend, close, reopen, withdraw, …)',
    description: 'Each command type is an Update of the case workflow; its validator refuses what the role or the case state forbids.',
    request: { headers: headers(true), params, body: jsonBody(commandBody) },
    responses: common({
      200: json(commandResultSchema, 'The case after the command, without its note history'),
      400: problem('Malformed JSON or Idempotency-Key'),
      403: problem('The role may not give this command (ROLE_NOT_ALLOWED or FORBIDDEN)'),
      404: notFound,
      409: problem('The case\'s state does not allow the command now (a rule code, e.g. STAGE_MISMATCH), or it is archived'),
    }),
  });
  route({
    method: 'get',
    path: '/v1/cases/{caseId}/timeline',
    operationId: 'getTimeline',
    summary: 'The case timeline: who did what, when (codes only)',
    request: { headers: headers(false), params, query: timelineQuery },
    responses: common({ 200: json(timelinePageSchema, 'A page of events'), 404: notFound }),
  });
}
