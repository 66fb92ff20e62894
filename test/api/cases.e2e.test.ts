// The API end to end: supertest drives createApp(), which talks to the real Temporal dev server started
// in globalSetup, a real worker, and the real database.
import type { Client, Connection } from '@temporalio/client';
import { count, eq } from 'drizzle-orm';
import request from 'supertest';
import type { Database } from '../../db/client';
import { cases, idempotencyKeys } from '../../db/schema';
import { caseWorkflowId } from '../../workflows/case/contract';
import type { DevWorker } from '../helpers/dev-worker';
import { startDevWorker } from '../helpers/dev-worker';
import { uniqueTaskQueue } from '../helpers/temporal';
import { caller, testApp } from '../helpers/api';
import { eventually } from '../helpers/eventually';

let dev: DevWorker;
let client: Client;
let connection: Connection;
let database: Database;
let taskQueue: string;
let app: ReturnType<typeof testApp>;
let api: ReturnType<typeof caller>;

const validBody = () => ({
  category: 'odgj_terlantar',
  riskLevel: 'high',
  regionCode: '64.72',
  report: { channel: 'satpol_pp', summary: 'Laki-laki, sekitar 40 tahun, di depan pasar' },
  subject: { name: 'Tanpa Nama', sex: 'male', estimatedAge: 40 },
});

beforeAll(async () => {
  dev = await startDevWorker('api-e2e');
  ({ client, connection, database, taskQueue } = dev);
  app = appFor(taskQueue);
  api = caller(app);
});

function appFor(queue: string) {
  return testApp(dev, {
    taskQueue: queue,
    checks: {
      database: () => database.ping(),
      temporal: async () => {
        await connection.workflowService.describeNamespace({ namespace: 'default' });
      },
    },
  });
}

afterAll(() => dev?.close());

async function workflowsOnQueue(queue = taskQueue): Promise<number> {
  return (await client.workflow.count(`TaskQueue = '${queue}'`)).count;
}

test('health and readiness report the database and Temporal', async () => {
  await request(app).get('/healthz').expect(200, { status: 'ok' });
  const ready = await request(app).get('/readyz').expect(200);
  expect(ready.body).toEqual({ status: 'ready', checks: { database: 'ok', temporal: 'ok' } });
});

test('opening a case starts its workflow, shows it in the read model, the live view and Temporal visibility', async () => {
  const res = await api.post('/v1/cases').send(validBody()).expect(201);
  const { caseId, workflowId } = res.body as { caseId: string; workflowId: string };
  expect(workflowId).toBe(caseWorkflowId(caseId));
  expect(workflowId).toMatch(/^case-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/); // opaque: no name, no region
  expect(res.headers.location).toBe(`/v1/cases/${caseId}`);

  const view = await eventually(async () => {
    const got = await api.get(`/v1/cases/${caseId}`).expect(200);
    return got.body.projection === 'current' ? got.body : undefined;
  }, 'read model row');
  expect(view.record).toMatchObject({ stage: 'identification', status: 'open', regionCode: '64.72', category: 'odgj_terlantar' });
  expect(view.record.nextDeadline.kind).toBe('first_response');
  expect(view.live).toMatchObject({ stage: 'identification', subject: { name: 'Tanpa Nama' } });

  // Supervisors find it in the Temporal UI by its search attributes.
  const query = `WorkflowId = '${workflowId}' AND SigapRegion = '64.72' AND SigapProvince = '64' AND SigapStage = 'identification' AND SigapRisk = 'high' AND SigapCategory = 'odgj_terlantar' AND SigapEscalationLevel = 0`;
  await eventually(async () => ((await client.workflow.count(query)).count === 1 ? true : undefined), 'visibility');
});

test('a retried POST with the same Idempotency-Key returns the same case and starts nothing new', async () => {
  const key = `intake-${Date.now()}`;
  const first = await api.post('/v1/cases').set('Idempotency-Key', key).send(validBody()).expect(201);
  const runId = (await client.workflow.getHandle(first.body.workflowId).describe()).runId;
  const before = await workflowsOnQueue();

  const retries = await Promise.all(
    Array.from({ length: 4 }, () => api.post('/v1/cases').set('Idempotency-Key', key).send(validBody())),
  );
  for (const retry of retries) {
    expect(retry.status).toBe(201);
    expect(retry.body.caseId).toBe(first.body.caseId);
    expect(retry.headers['idempotent-replayed']).toBe('true');
  }
  expect((await client.workflow.getHandle(first.body.workflowId).describe()).runId).toBe(runId);
  expect(await workflowsOnQueue()).toBe(before);
});

test('concurrent first requests with one key converge on a single case', async () => {
  const key = `race-${Date.now()}`;
  const results = await Promise.all(
    Array.from({ length: 5 }, () => api.post('/v1/cases').set('Idempotency-Key', key).send(validBody())),
  );
  expect(new Set(results.map((r) => r.status))).toEqual(new Set([201]));
  expect(new Set(results.map((r) => r.body.caseId)).size).toBe(1);
});

test('reusing an Idempotency-Key for a different request is refused', async () => {
  const key = `reuse-${Date.now()}`;
  await api.post('/v1/cases').set('Idempotency-Key', key).send(validBody()).expect(201);
  const res = await api
    .post('/v1/cases')
    .set('Idempotency-Key', key)
    .send({ ...validBody(), riskLevel: 'low' })
    .expect(422);
  expect(res.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
});

test('an invalid body gets a problem+json naming each field, in both languages, and creates nothing', async () => {
  const key = `bad-${Date.now()}`;
  // A region no other test uses, so rows written by other tests' cases cannot blur the count.
  const region = '91.99';
  // A queue of its own, so cases other tests opened cannot appear in visibility meanwhile.
  const queue = uniqueTaskQueue('invalid');

  const res = await caller(appFor(queue))
    .post('/v1/cases')
    .set('Idempotency-Key', key)
    .set('Accept-Language', 'en')
    .send({ ...validBody(), regionCode: region, category: 'unknown', subject: { nik: '12345', favouriteColour: 'blue' } })
    .expect(422)
    .expect('content-type', /application\/problem\+json/);
  expect(res.body.code).toBe('VALIDATION_FAILED');
  expect(res.body.title).toBe('The request data is invalid.');
  expect(res.body.messages.id).toBe('Data yang dikirim tidak valid.');
  expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['category', 'subject.favouriteColour', 'subject.nik']);
  // The submitted values (which may be personal data) are never echoed back.
  expect(JSON.stringify(res.body)).not.toContain('12345');

  await new Promise((r) => setTimeout(r, 1500)); // longer than any activity or visibility lag here
  expect((await database.db.select({ n: count() }).from(cases).where(eq(cases.regionCode, region)))[0]!.n).toBe(0);
  expect((await database.db.select({ n: count() }).from(idempotencyKeys).where(eq(idempotencyKeys.key, key)))[0]!.n).toBe(0);
  expect(await workflowsOnQueue(queue)).toBe(0);
});

test('malformed JSON, a wrong content type and a bad Idempotency-Key are clear 4xx problems', async () => {
  const malformed = await api.post('/v1/cases').set('content-type', 'application/json').send('{"category":').expect(400);
  expect(malformed.body).toMatchObject({ code: 'MALFORMED_JSON', title: 'Isi permintaan bukan JSON yang valid.' });
  const text = await api.post('/v1/cases').set('content-type', 'text/plain').send('hello').expect(415);
  expect(text.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  const badKey = await api.post('/v1/cases').set('Idempotency-Key', 'has space').send(validBody()).expect(400);
  expect(badKey.body.code).toBe('INVALID_IDEMPOTENCY_KEY');
});

test('unknown cases and unknown routes are 404 problems', async () => {
  const unknown = await api.get('/v1/cases/00000000-0000-4000-8000-000000000000').expect(404);
  expect(unknown.body.code).toBe('CASE_NOT_FOUND');
  await api.get('/v1/cases/not-a-case-id').expect(404);
  const route = await api.get('/v1/nothing-here').expect(404);
  expect(route.body.code).toBe('NOT_FOUND');
});

test('the read-model row never carries personal data', async () => {
  const res = await api.post('/v1/cases').send(validBody()).expect(201);
  const row = await eventually(async () => {
    const [r] = await database.db.select().from(cases).where(eq(cases.caseId, res.body.caseId));
    return r;
  }, 'row');
  expect(JSON.stringify(row)).not.toMatch(/Tanpa Nama|pasar/);
});
