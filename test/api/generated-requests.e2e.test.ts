// Requests generated from the OpenAPI document (fast-check), sent to the real app with a real worker,
// Temporal and database: at least 1,000 of them, and not one may end in a 5xx. Every error is a
// problem+json with a stable code and both languages; every success matches its documented shape.
import fc from 'fast-check';
import type { Express } from 'express';
import request from 'supertest';
import type { z } from 'zod';
import { buildOpenApiDocument } from '../../api/docs/document';
import { batchPageSchema, batchViewSchema, openedBatchSchema } from '../../api/batches/schemas';
import { caseDetailsSchema, casePageSchema, commandResultSchema, openedCaseSchema, timelinePageSchema } from '../../api/cases/responses';
import { problemSchema } from '../../api/http/openapi';
import { statsSchema } from '../../api/stats/routes';
import type { DevWorker } from '../helpers/dev-worker';
import { startDevWorker } from '../helpers/dev-worker';
import { as, caller, testApp } from '../helpers/api';
import type { JsonSchema } from '../helpers/schema-arbitrary';
import { valueFor } from '../helpers/schema-arbitrary';

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema: JsonSchema;
}
interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
}

const doc = JSON.parse(JSON.stringify(buildOpenApiDocument())) as {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
};
const resolve = (ref: string) => doc.components.schemas[ref.replace('#/components/schemas/', '')]!;

const SUCCESS_SHAPES: Record<string, z.ZodType> = {
  openCase: openedCaseSchema,
  listCases: casePageSchema,
  getCase: caseDetailsSchema,
  actOnCase: commandResultSchema,
  getTimeline: timelinePageSchema,
  listEscalations: casePageSchema,
  caseStats: statsSchema,
  getBatch: batchViewSchema,
  listBatches: batchPageSchema,
  replanBatch: batchViewSchema,
  openBatch: openedBatchSchema,
};

const CALLERS: [string, string[]][] = [
  ['admin:fuzz-admin', ['*']],
  ['admin:fuzz-admin', ['*']],
  ['supervisor:fuzz-spv', ['96']],
  ['case_manager:fuzz-cm', ['96.01']],
  ['operator:fuzz-op', ['96']],
  ['partner:FUZZ-RSJ', ['*']],
];

let dev: DevWorker;
let app: Express;
const realCases: string[] = [];

beforeAll(async () => {
  dev = await startDevWorker('fuzz');
  app = testApp(dev);
  // Real cases, so that generated commands and reads reach live workflows, not only 404s.
  for (const region of ['96.01', '96.02', '97.01']) {
    const res = await caller(app)
      .post('/v1/cases')
      .send({ category: 'odgj_terlantar', riskLevel: 'high', regionCode: region, report: { channel: 'public' } })
      .expect(201);
    realCases.push(res.body.caseId);
  }
});
afterAll(() => dev?.close());

const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([method]) => ['get', 'post'].includes(method))
    .map(([method, op]) => ({ path, method, op })),
);

function requestFor(index: number) {
  return fc.record({
    operation: fc.constant(operations[index]!),
    // Never empty: "/v1/cases/" is the list route, not a case.
    caseId: fc.oneof(
      { arbitrary: fc.constantFrom(...realCases), weight: 6 },
      { arbitrary: fc.uuid(), weight: 1 },
      { arbitrary: fc.string({ minLength: 1, maxLength: 40 }), weight: 1 },
    ),
    query: fc.constant(operations[index]!.op.parameters?.filter((p) => p.in === 'query') ?? []).chain((params) =>
      fc.record(Object.fromEntries(params.map((p) => [p.name, valueFor(p.schema, resolve, { huge: false })])), { requiredKeys: [] }),
    ),
    body: (() => {
      const schema = operations[index]!.op.requestBody?.content['application/json']?.schema;
      return schema ? valueFor(schema, resolve, { huge: true }) : fc.constant(undefined);
    })(),
    who: fc.constantFrom(...CALLERS),
    idempotencyKey: fc.option(fc.oneof(fc.uuid(), fc.constant('fuzz-fixed-key'), fc.string({ maxLength: 5 })), { nil: undefined }),
    language: fc.constantFrom('id', 'en', 'fr', '*'),
    token: fc.constantFrom('valid', 'valid', 'valid', 'valid', 'valid', 'valid', 'none', 'garbage'),
  });
}


/** Query values as a client would put them in a URL. */
const asQuery = (q: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(q).map(([k, v]) => [k, typeof v === 'object' && v !== null && !Array.isArray(v) ? JSON.stringify(v) : (v as string)]));

const seen = { total: 0, byStatus: new Map<number, number>(), byOperation: new Map<string, number>() };

test('1,200 generated requests across every documented operation: zero 5xx, every answer well-formed', async () => {
  // Built here, not at load: it draws from the cases opened in beforeAll.
  // Writes weigh more: they are where Temporal and the database get involved.
  const anyRequest = fc.oneof(...operations.map((o, i) => ({ arbitrary: requestFor(i), weight: o.method === 'post' ? 4 : 1 })));
  await fc.assert(
    fc.asyncProperty(anyRequest, async (r) => {
      const url = r.operation.path.replace('{caseId}', encodeURIComponent(r.caseId)).replace('{batchId}', encodeURIComponent(r.caseId));
      let req = r.operation.method === 'get' ? request(app).get(url) : request(app).post(url);
      if (r.token === 'valid') req = req.set(as(r.who[0], r.who[1]));
      if (r.token === 'garbage') req = req.set('Authorization', 'Bearer abc.def.ghi');
      if (r.idempotencyKey !== undefined) req = req.set('Idempotency-Key', r.idempotencyKey);
      req = req.set('Accept-Language', r.language).query(asQuery(r.query as Record<string, unknown>));
      // Bodies go out as JSON text, whatever the generator drew (a bare number or string included).
      const res =
        r.operation.method === 'post' && r.body !== undefined ? await req.set('content-type', 'application/json').send(JSON.stringify(r.body)) : await req;

      seen.total += 1;
      seen.byStatus.set(res.status, (seen.byStatus.get(res.status) ?? 0) + 1);
      const key = `${r.operation.op.operationId} ${res.status}`;
      seen.byOperation.set(key, (seen.byOperation.get(key) ?? 0) + 1);
      const where = `${res.status} for ${r.operation.method.toUpperCase()} ${r.operation.path}`;
      if (res.status >= 500) throw new Error(`${where}: ${JSON.stringify(res.body).slice(0, 500)}`);
      if (res.status >= 400) {
        if (!/application\/problem\+json/.test(String(res.headers['content-type']))) throw new Error(`${where} is not problem+json`);
        const problem = problemSchema.parse(res.body);
        expect(problem.messages.id.length).toBeGreaterThan(0);
        expect(problem.messages.en.length).toBeGreaterThan(0);
      } else {
        const shape = SUCCESS_SHAPES[r.operation.op.operationId];
        if (shape) shape.parse(res.body);
      }
    }),
    { numRuns: 1200, seed: Number(process.env.FUZZ_SEED ?? 20261124), endOnFailure: true },
  );
  expect(seen.total).toBeGreaterThanOrEqual(1000);
  // The generator must reach past validation, not only bounce off it.
  const ok = [...seen.byStatus].filter(([s]) => s < 300).reduce((n, [, c]) => n + c, 0);
  const by = Object.fromEntries([...seen.byStatus].sort(([a], [b]) => a - b));
  process.stdout.write(`generated requests by status: ${JSON.stringify(by)}\n${JSON.stringify(Object.fromEntries([...seen.byOperation].sort()))}\n`);
  expect(ok).toBeGreaterThan(100);
  for (const status of [401, 403, 404, 422]) expect(seen.byStatus.get(status) ?? 0).toBeGreaterThan(0);
});
