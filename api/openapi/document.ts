// The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. The committed copy
// (docs/openapi.json) is rewritten by `npm run openapi`; a test fails when either drifts from the routes.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import type { RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { commandBody, partnerCallbackBody } from '../command-schemas';
import { batchId, batchListQuery, caseId, caseListQuery, escalationQuery, openBatchBody, openCaseBody, replanBody, statsQuery, timelineQuery } from '../schemas';
import {
  batchPageSchema,
  batchViewSchema,
  caseDetailsSchema,
  openedBatchSchema,
  casePageSchema,
  caseViewSchema,
  healthSchema,
  openedCaseSchema,
  problemSchema,
  statsSchema,
  timelinePageSchema,
} from './responses';

type Responses = RouteConfig['responses'];

const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: problemSchema } } });

const idempotencyKey = z
  .string()
  .min(1)
  .max(200)
  .optional()
  .meta({ description: 'Retries with the same key (and body) return the first result instead of acting twice.' });
const acceptLanguage = z.string().optional().meta({ description: '"id" (default) or "en": the language of error titles' });
const headers = (post: boolean) => z.object({ 'accept-language': acceptLanguage, ...(post ? { 'idempotency-key': idempotencyKey } : {}) });
const caseParams = z.object({ caseId });

/** The errors every authenticated route can answer with. */
const common = (extra: Responses = {}): Responses => ({
  401: problem('No valid bearer token (UNAUTHENTICATED)'),
  403: problem('The role may not use this route (FORBIDDEN)'),
  422: problem('Invalid request (VALIDATION_FAILED), with the failing fields'),
  429: problem('Too many requests (RATE_LIMITED)'),
  503: problem('Temporal is unavailable (TEMPORAL_UNAVAILABLE); retry with the same Idempotency-Key'),
  ...extra,
});

export function buildOpenApiDocument() {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  const secured = [{ [bearer.name]: [] }];
  const route = (config: RouteConfig) => registry.registerPath({ security: secured, ...config });

  route({
    method: 'post',
    path: '/v1/cases',
    operationId: 'openCase',
    summary: 'Open a case (intake)',
    description: 'Starts the case workflow. Operators, case managers, supervisors and admins, inside their regions.',
    request: { headers: headers(true), body: { required: true, content: { 'application/json': { schema: openCaseBody } } } },
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
    request: { headers: headers(false), params: caseParams },
    responses: common({ 200: json(caseDetailsSchema, 'The case'), 404: problem('No such case in the caller\'s regions') }),
  });
  route({
    method: 'post',
    path: '/v1/cases/{caseId}/commands',
    operationId: 'actOnCase',
    summary: 'A staff command on a case (assessment, plan, approval, referral outcome, visit, note, reassign, extend, close, reopen, withdraw, …)',
    description: 'Each command type is an Update of the case workflow; its validator refuses what the role or the case state forbids.',
    request: { headers: headers(true), params: caseParams, body: { required: true, content: { 'application/json': { schema: commandBody } } } },
    responses: common({
      200: json(caseViewSchema, 'The case after the command'),
      400: problem('Malformed JSON or Idempotency-Key'),
      403: problem('The role may not give this command (ROLE_NOT_ALLOWED or FORBIDDEN)'),
      404: problem('No such case in the caller\'s regions'),
      409: problem('The case\'s state does not allow the command now (a rule code, e.g. STAGE_MISMATCH), or it is archived'),
    }),
  });
  route({
    method: 'get',
    path: '/v1/cases/{caseId}/timeline',
    operationId: 'getTimeline',
    summary: 'The case timeline: who did what, when (codes only)',
    request: { headers: headers(false), params: caseParams, query: timelineQuery },
    responses: common({ 200: json(timelinePageSchema, 'A page of events'), 404: problem('No such case in the caller\'s regions') }),
  });
  route({
    method: 'get',
    path: '/v1/escalations',
    operationId: 'listEscalations',
    summary: 'Escalated or overdue open cases, most urgent first',
    request: { headers: headers(false), query: escalationQuery },
    responses: common({ 200: json(casePageSchema, 'A page of cases') }),
  });
  route({
    method: 'get',
    path: '/v1/stats',
    operationId: 'caseStats',
    summary: 'Caseload counts for dashboards',
    request: { headers: headers(false), query: statsQuery },
    responses: common({ 200: json(statsSchema, 'Counts') }),
  });
  route({
    method: 'post',
    path: '/v1/partner-callbacks',
    operationId: 'partnerCallback',
    summary: 'A partner reports a fact about a case (admission decision, trip departed/arrived, tracing result, …)',
    description: 'Partner tokens only. Repeated callbacks with the same reportId are applied once.',
    request: { headers: headers(true), body: { required: true, content: { 'application/json': { schema: partnerCallbackBody } } } },
    responses: common({
      202: json(z.object({ accepted: z.literal(true), reportId: z.string() }), 'Accepted for the case'),
      400: problem('Malformed JSON'),
      404: problem('No such case in the partner\'s regions'),
      409: problem('The case has been archived'),
    }),
  });
  route({
    method: 'post',
    path: '/v1/repatriation-batches',
    operationId: 'openBatch',
    summary: 'Open a group repatriation: one case per person, one shared trip home',
    request: { headers: headers(true), body: { required: true, content: { 'application/json': { schema: openBatchBody } } } },
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
    request: { headers: headers(false), params: z.object({ batchId }) },
    responses: common({ 200: json(batchViewSchema, 'The batch'), 404: problem('No such batch in the caller\'s regions') }),
  });
  route({
    method: 'post',
    path: '/v1/repatriation-batches/{batchId}/replan',
    operationId: 'replanBatch',
    summary: 'Re-plan a compensated trip (supervisors), optionally with another receiving agency',
    request: { headers: headers(true), params: z.object({ batchId }), body: { required: true, content: { 'application/json': { schema: replanBody } } } },
    responses: common({
      200: json(batchViewSchema, 'The batch, re-planning'),
      404: problem('No such batch in the caller\'s regions'),
      409: problem('The trip is not waiting to be re-planned (BATCH_NOT_REPLANNING)'),
    }),
  });
  registry.registerPath({
    method: 'get',
    path: '/healthz',
    operationId: 'health',
    summary: 'The process is up',
    responses: { 200: json(healthSchema, 'Up') },
  });
  registry.registerPath({
    method: 'get',
    path: '/readyz',
    operationId: 'ready',
    summary: 'The database and Temporal answer',
    responses: { 200: json(healthSchema, 'Ready'), 503: json(healthSchema, 'Not ready') },
  });

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Sigap case orchestration API',
      version: '1.0.0',
      description:
        'Operations staff open and move social-welfare cases; each case is a Temporal workflow. Errors are application/problem+json with a stable code and messages in Bahasa Indonesia and English.',
    },
    servers: [{ url: '/' }],
  });
}
