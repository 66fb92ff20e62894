// /v1/training: simulasi kasus. Supervisors and admins run sessions (the smallest change: a Kasi already
// supervises the cases a group works, and no new token role ripples through the registry, the rules and
// every role list); the trainer is the one who started the session. Group members act on their group's
// case through the ordinary case routes — only they and the trainer see it.
import { Router } from 'express';
import { z } from 'zod';
import type { Logger } from '../../config/logger';
import { STAFF } from '../../domain/roles';
import { allow } from '../auth/authenticate';
import type { ServiceDeps } from '../deps';
import { checkedKey } from '../http/idempotency';
import type { RegisterRoute } from '../http/openapi';
import { common, headers, json, jsonBody, problem } from '../http/openapi';
import { parseBody } from '../http/parse';
import { principalOf } from '../http/principal';
import { language, ProblemError } from '../http/problem';
import { renderDebriefHtml } from './debrief';
import { groupsOf, scoredGroups, sessionFor, sessionView } from './records';
import type { Scenario, ScenarioLibrary } from './scenarios';
import { loadScenarios } from './scenarios';
import { messagePageSchema, messagesQuery, scenarioSummarySchema, sessionSchema, startedSessionSchema, startSessionBody } from './schemas';
import type { MessageRow } from './service';
import { deleteSession, endSession, finishGroup, sessionMessages, startSession } from './service';

const TRAINERS = ['supervisor', 'admin'] as const;
const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A malformed id is a session that does not exist. */
function sessionIdOf(raw: string | string[] | undefined): string {
  if (typeof raw !== 'string' || !SESSION_ID.test(raw)) throw ProblemError.of('TRAINING_SESSION_NOT_FOUND');
  return raw;
}

export function trainingRouter(deps: ServiceDeps & { logger: Logger; scenarios?: ScenarioLibrary }): Router {
  const library = deps.scenarios ?? loadScenarios();
  // A broken scenario is left out and named, file and field; the others and all real work go on.
  for (const broken of library.broken) deps.logger.error({ file: broken.file, problems: broken.problems }, 'training scenario not loaded');
  const router = Router();
  const trainers = allow(...TRAINERS);

  router.get('/v1/training/scenarios', trainers, (_req, res) => {
    res.json({ items: [...library.scenarios.values()].map(scenarioSummary) });
  });

  router.post('/v1/training/sessions', trainers, async (req, res) => {
    const key = checkedKey(req.get('idempotency-key'));
    const body = parseBody(startSessionBody, req.body);
    const scenario = library.scenarios.get(body.scenario);
    if (!scenario) throw ProblemError.of('SCENARIO_NOT_FOUND');
    const started = await startSession(deps, principalOf(req), scenario, body, key);
    if (started.replayed) res.setHeader('Idempotent-Replayed', 'true');
    const self = `/v1/training/sessions/${started.sessionId}`;
    res
      .status(201)
      .location(self)
      .json({
        sessionId: started.sessionId,
        scenario: { id: scenario.id, version: scenario.version },
        groups: started.groups,
        links: { self, debrief: `${self}/debrief.html`, messages: `${self}/messages` },
      });
  });

  router.get('/v1/training/sessions/:sessionId', trainers, async (req, res) => {
    const session = await sessionFor(deps.db, principalOf(req), sessionIdOf(req.params.sessionId));
    res.json(await sessionView(deps.db, session, new Date()));
  });

  // The printable page, as the monthly report serves its own: self-contained, nothing fetched, no script.
  for (const path of ['/v1/training/sessions/:sessionId/debrief', '/v1/training/sessions/:sessionId/debrief.html']) {
    router.get(path, trainers, async (req, res) => {
      const session = await sessionFor(deps.db, principalOf(req), sessionIdOf(req.params.sessionId));
      const ranked = await scoredGroups(deps.db, session);
      const html = renderDebriefHtml({
        session: { id: session.sessionId, scenarioTitle: session.scenario.title, timeScale: session.timeScale, startedAt: session.startedAt.toISOString() },
        groups: ranked.map(({ record, score }) => ({ record, score })),
        lang: language(req),
      });
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
      res.type('text/html; charset=utf-8').send(html);
    });
  }

  router.get('/v1/training/sessions/:sessionId/messages', trainers, async (req, res) => {
    const session = await sessionFor(deps.db, principalOf(req), sessionIdOf(req.params.sessionId));
    const q = parseBody(messagesQuery, { ...req.query });
    const [page, groups] = await Promise.all([sessionMessages(deps.db, session.sessionId, q), groupsOf(deps.db, session.sessionId)]);
    const groupOf = new Map(groups.map((g) => [g.caseId, g.name]));
    res.json({ items: page.items.map((m) => messageItem(m, groupOf.get(m.caseId) ?? null)), nextCursor: page.nextCursor });
  });

  router.post('/v1/training/sessions/:sessionId/end', trainers, async (req, res) => {
    const session = await sessionFor(deps.db, principalOf(req), sessionIdOf(req.params.sessionId));
    await endSession(deps, session);
    res.json(await sessionView(deps.db, { ...session, endedAt: session.endedAt ?? new Date() }, new Date()));
  });

  // A member of the group says it is done; any staff role may be a member.
  router.post('/v1/training/sessions/:sessionId/groups/:group/finish', allow(...STAFF), async (req, res) => {
    const group = typeof req.params.group === 'string' ? req.params.group : '';
    await finishGroup(deps.db, principalOf(req), sessionIdOf(req.params.sessionId), group);
    res.status(204).end();
  });

  router.delete('/v1/training/sessions/:sessionId', trainers, async (req, res) => {
    const session = await sessionFor(deps.db, principalOf(req), sessionIdOf(req.params.sessionId));
    await deleteSession(deps, session);
    res.status(204).end();
  });

  return router;
}

/** What the trainer reads of a scenario before choosing it; the model answer stays out. */
function scenarioSummary(s: Scenario) {
  return {
    id: s.id,
    version: s.version,
    title: s.title,
    summary: s.summary,
    category: s.intake.category,
    riskLevel: s.intake.riskLevel,
    regionCode: s.intake.regionCode,
    steps: s.modelAnswer.steps.length,
    maxPoints: s.modelAnswer.steps.reduce((n, step) => n + step.points, 0),
    scriptedReports: s.script.length,
    notes: s.notes,
  };
}

function messageItem(m: MessageRow, group: string | null) {
  return {
    key: m.key,
    caseId: m.caseId,
    group,
    audience: m.audience,
    staffId: m.staffId,
    template: m.template,
    channel: m.channel,
    language: m.language,
    body: m.body,
    at: m.createdAt.toISOString(),
  };
}

const params = z.object({ sessionId: z.string().uuid() });
const notFound = problem('No such session, or the caller is neither its trainer nor an admin of its region (TRAINING_SESSION_NOT_FOUND)');

export function trainingPaths(route: RegisterRoute): void {
  startPaths(route);
  sessionPaths(route);
}

function startPaths(route: RegisterRoute): void {
  route({
    method: 'get',
    path: '/v1/training/scenarios',
    operationId: 'listTrainingScenarios',
    summary: 'Training scenarios (simulasi kasus): supervisors and admins',
    description: 'The scenarios in training/scenarios/, checked when loaded; the model answers stay with the trainer.',
    request: { headers: headers(false) },
    responses: common({ 200: json(z.object({ items: z.array(scenarioSummarySchema) }), 'The scenarios') }),
  });
  route({
    method: 'post',
    path: '/v1/training/sessions',
    operationId: 'startTrainingSession',
    summary: 'Start a training session: one real, isolated case per group, and the scenario\'s partners played on the session\'s time scale',
    description:
      'Supervisors and admins, for a scenario whose region is in their scope. Each group\'s case is assigned to its first member; only the group\'s members and the trainer see it. Training cases count in no list, statistic, escalation list, report or caseload, and their messages go to the session\'s sink, never the gateway.',
    request: { headers: headers(true), body: jsonBody(startSessionBody) },
    responses: common({
      201: json(startedSessionSchema, 'The session started (also for a replayed Idempotency-Key, with Idempotent-Replayed: true)'),
      400: problem('Malformed JSON or Idempotency-Key'),
      403: problem('The role may not run training (FORBIDDEN), the scenario\'s region is outside the caller\'s scope (REGION_NOT_ALLOWED)'),
      409: problem('A group\'s first member may not carry its case (ASSIGNEE_*)'),
      422: problem('Invalid body (VALIDATION_FAILED) or an unknown scenario (SCENARIO_NOT_FOUND)'),
    }),
  });
}

function sessionPaths(route: RegisterRoute): void {
  const html = (description: string) => ({ description, content: { 'text/html': { schema: z.string() } } });
  route({
    method: 'get',
    path: '/v1/training/sessions/{sessionId}',
    operationId: 'getTrainingSession',
    summary: 'The session, and each group\'s record and score against the model answer, best first',
    request: { headers: headers(false), params },
    responses: common({ 200: json(sessionSchema, 'The session'), 404: notFound }),
  });
  for (const [path, operationId] of [
    ['/v1/training/sessions/{sessionId}/debrief', 'trainingDebrief'],
    ['/v1/training/sessions/{sessionId}/debrief.html', 'trainingDebriefPage'],
  ] as const) {
    route({
      method: 'get',
      path,
      operationId,
      summary: 'The debrief: a printable page comparing the groups side by side (Bahasa Indonesia; Accept-Language: en for English)',
      request: { headers: headers(false), params },
      responses: common({ 200: html('The page: inline styles and charts, no script, nothing fetched'), 404: notFound }),
    });
  }
  route({
    method: 'get',
    path: '/v1/training/sessions/{sessionId}/messages',
    operationId: 'trainingMessages',
    summary: 'The training sink: what the session\'s cases would have sent, oldest first',
    request: { headers: headers(false), params, query: messagesQuery },
    responses: common({ 200: json(messagePageSchema, 'A page of messages'), 404: notFound }),
  });
  route({
    method: 'post',
    path: '/v1/training/sessions/{sessionId}/end',
    operationId: 'endTrainingSession',
    summary: 'End the session: the scenario\'s partners say nothing more; the cases stay for the debrief',
    request: { headers: headers(true), params },
    responses: common({ 200: json(sessionSchema, 'The session, ended'), 404: notFound }),
  });
  route({
    method: 'post',
    path: '/v1/training/sessions/{sessionId}/groups/{group}/finish',
    operationId: 'finishTrainingGroup',
    summary: 'A member says the group is done (its time taken counts to now)',
    request: { headers: headers(true), params: params.extend({ group: z.string() }) },
    responses: common({
      204: { description: 'Recorded' },
      404: problem('No such group in the session, or the caller is not one of it (TRAINING_GROUP_NOT_FOUND)'),
      409: problem('The session has ended (TRAINING_SESSION_ENDED)'),
    }),
  });
  route({
    method: 'delete',
    path: '/v1/training/sessions/{sessionId}',
    operationId: 'deleteTrainingSession',
    summary: 'Delete the session as a whole: its driver and cases are terminated, every row of it deleted',
    request: { headers: headers(false), params },
    responses: common({ 204: { description: 'Deleted' }, 404: notFound }),
  });
}
