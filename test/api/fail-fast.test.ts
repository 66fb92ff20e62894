// Bad input and missing parts, against the app with a real database and a Temporal address where nothing
// listens: the body cap and authentication come before any parsing on every route family, problems carry
// only their two messages, and a part that is down costs a 503 with Retry-After in about the request
// deadline — while a case the read model holds is still served, saying what is missing.
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { Express } from 'express';
import pino from 'pino';
import request from 'supertest';
import { writeCaseEvents } from '../../activities/read-model';
import type { AppDeps } from '../../api/app';
import { createApp, DEFAULT_REQUEST_DEADLINE_MS } from '../../api/app';
import { createTokenVerifier } from '../../api/auth/tokens';
import type { Database } from '../../db/client';
import { openDatabase } from '../../db/client';
import { openCaseFile } from '../../domain/case/open';
import { DEFAULT_POLICY } from '../../domain/policy';
import { freePort } from '../../temporal/free-port';
import { lazyClient } from '../../temporal/runtime';
import { projection } from '../../workflows/case/view';
import { as, testTokenSettings } from '../helpers/api';
import { openTestDatabase } from '../helpers/database';
import { testKeyRing } from '../helpers/temporal';

const SPV = as('supervisor:spv-ff', ['*']);
const PARTNER = as('partner:RSJ-FF', ['*']);
const CASE_ID = randomUUID();
const logLines: string[] = [];

let database: Database;
let deadDatabase: Database;
let closeClient: () => Promise<void>;
let app: Express;
let noDatabaseApp: Express;
let draining = false;

function appWith(db: Database, client: AppDeps['client'], temporalReachability: AppDeps['temporalReachability']): Express {
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  return createApp({
    client,
    db: db.db,
    taskQueue: 'nowhere',
    policy: {},
    logger: pino({ level: 'info' }, sink),
    // As build-app's check: with its own deadline, so no call outlives the suite (a gRPC retry firing after
    // the connection closed would fail the next suite in this Jest worker).
    checks: {
      database: () => db.ping(),
      temporal: async () => void (await client.connection.withDeadline(Date.now() + 1_500, () => client.workflowService.getSystemInfo({}))),
    },
    verifyToken: createTokenVerifier(testTokenSettings),
    rateLimitPerMinute: 1_000_000,
    draining: () => draining,
    temporalReachability,
    codec: { ring: testKeyRing, corsOrigins: [], requireAuth: true },
  });
}

beforeAll(async () => {
  database = await openTestDatabase();
  // Nothing listens on these ports: Temporal and (for the second app) PostgreSQL are "down".
  const { client, connection, reachability } = lazyClient(`127.0.0.1:${await freePort()}`, 'default', testKeyRing);
  closeClient = () => connection.close();
  deadDatabase = openDatabase({ url: `postgres://postgres@127.0.0.1:${await freePort()}/none` });
  app = appWith(database, client, reachability);
  noDatabaseApp = appWith(deadDatabase, client, reachability);
  // A case the read model holds (as its workflow's first write would have left it).
  const file = openCaseFile({ caseId: CASE_ID, category: 'odgj_terlantar', pathway: 'odgj', riskLevel: 'high', regionCode: '64.72', openedBy: { id: 'op-ff', role: 'operator' } }, new Date(), 3);
  const p = projection(file, DEFAULT_POLICY);
  await writeCaseEvents(database.db, [{ caseId: CASE_ID, seq: 0, type: 'case.opened', at: new Date().toISOString(), actor: { id: 'op-ff', role: 'operator' }, stage: file.stage, data: {}, projection: p }]);
});
afterAll(async () => {
  await closeClient?.();
  await deadDatabase?.close();
  await database?.close();
});

// One route of each family that takes a body.
const ROUTES = [
  { path: '/v1/cases', who: SPV },
  { path: `/v1/cases/${CASE_ID}/commands`, who: SPV },
  { path: '/v1/partner-callbacks', who: PARTNER },
  { path: '/v1/repatriation-batches', who: SPV },
  { path: `/v1/repatriation-batches/${randomUUID()}/replan`, who: SPV },
  { path: '/codec/decode', who: SPV },
];
const json = (bytes: number) => JSON.stringify({ padding: 'x'.repeat(bytes) });

test.each(ROUTES)('$path: an oversized body is 413 before anything reads it', async ({ path, who }) => {
  const size = path.startsWith('/codec') ? 5 * 1024 * 1024 : 100 * 1024;
  const res = await request(app).post(path).set(who).set('content-type', 'application/json').send(json(size));
  expect([res.status, res.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
});

test.each(ROUTES)('$path: an unauthenticated malformed body is 401, not 400', async ({ path }) => {
  const res = await request(app).post(path).set('content-type', 'application/json').send('{"not json');
  expect([res.status, res.body.code]).toEqual([401, 'UNAUTHENTICATED']);
  expect(Object.keys(res.body.messages).sort()).toEqual(['en', 'id']);
});

test('the codec still takes a 1 MB batch of payloads (its own 4 MB cap, behind its guard)', async () => {
  const decoded = await request(app).post('/codec/decode').set(SPV).set('content-type', 'application/json').send(JSON.stringify({ payloads: [], padding: 'x'.repeat(1024 * 1024) }));
  expect(decoded.status).toBe(200);
});

test('with Temporal down, intake answers 503 TEMPORAL_UNAVAILABLE with Retry-After within the deadline', async () => {
  const started = Date.now();
  const res = await request(app).post('/v1/cases').set(SPV).set('idempotency-key', `ff-${randomUUID()}`).send({ category: 'odgj_terlantar', riskLevel: 'high', regionCode: '64.72', report: { channel: 'public' }, subject: {} });
  const ms = Date.now() - started;
  expect([res.status, res.body.code]).toEqual([503, 'TEMPORAL_UNAVAILABLE']);
  expect(res.headers['retry-after']).toBe('5');
  expect(Object.keys(res.body.messages).sort()).toEqual(['en', 'id']);
  // The deadline plus a busy machine's slack; without it the SDK's own retries ran ~20 s.
  expect(ms).toBeLessThan(2_000);
});

test('with Temporal down, a case the read model holds is still read at once, naming the missing part', async () => {
  await request(app).get(`/v1/cases/${CASE_ID}`).set(SPV).expect(200);
  // Known to be down now: the next read does not wait for the deadline.
  const started = Date.now();
  const res = await request(app).get(`/v1/cases/${CASE_ID}`).set(SPV).expect(200);
  expect(Date.now() - started).toBeLessThan(DEFAULT_REQUEST_DEADLINE_MS);
  expect(res.body).toMatchObject({ caseId: CASE_ID, projection: 'current', live: null, unavailable: ['workflow'], record: { status: 'open' } });
  const listed = await request(app).get('/v1/cases?region=64.72').set(SPV).expect(200);
  expect(listed.body.items.map((c: { caseId: string }) => c.caseId)).toContain(CASE_ID);
});

test('with Temporal down, a case outside the caller\'s regions is not told apart from one that does not exist', async () => {
  const outsider = as('supervisor:spv-11', ['11']);
  const theirs = await request(app).get(`/v1/cases/${CASE_ID}`).set(outsider);
  const none = await request(app).get(`/v1/cases/${randomUUID()}`).set(outsider);
  expect([theirs.status, theirs.body.code]).toEqual([503, 'TEMPORAL_UNAVAILABLE']);
  expect([none.status, none.body.code]).toEqual([503, 'TEMPORAL_UNAVAILABLE']);
});

test('with Temporal down, a command answers 503 TEMPORAL_UNAVAILABLE and hands back a key to repeat it with', async () => {
  const started = Date.now();
  const res = await request(app).post(`/v1/cases/${CASE_ID}/commands`).set(SPV).send({ type: 'addNote', text: 'x' });
  expect(Date.now() - started).toBeLessThan(2_000);
  expect([res.status, res.body.code]).toEqual([503, 'TEMPORAL_UNAVAILABLE']);
  expect(res.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
});

test('with the database down, reads and intake answer 503 DATABASE_UNAVAILABLE fast, and the logs hold no SQL or keys', async () => {
  const key = `ff-secret-${randomUUID()}`;
  const started = Date.now();
  const list = await request(noDatabaseApp).get('/v1/cases').set(SPV);
  const intake = await request(noDatabaseApp).post('/v1/cases').set(SPV).set('idempotency-key', key).send({ category: 'odgj_terlantar', riskLevel: 'high', regionCode: '64.72', report: { channel: 'public' }, subject: {} });
  expect(Date.now() - started).toBeLessThan(2 * 2_000); // two requests
  for (const res of [list, intake]) {
    expect([res.status, res.body.code, res.headers['retry-after']]).toEqual([503, 'DATABASE_UNAVAILABLE', '5']);
  }
  const logs = logLines.join('');
  expect(logs).toContain('request failed');
  expect(logs).not.toContain(key);
  expect(logs).not.toMatch(/Failed query|params:|select |insert into/i);
});

test('/readyz names the missing dependency, and turns 503 while draining', async () => {
  const ready = await request(app).get('/readyz').expect(503);
  expect(ready.body).toMatchObject({ status: 'not_ready', checks: { database: 'ok', temporal: 'unavailable' }, missing: ['temporal'] });
  draining = true;
  try {
    expect((await request(app).get('/readyz').expect(503)).body).toEqual({ status: 'draining' });
  } finally {
    draining = false;
  }
});
