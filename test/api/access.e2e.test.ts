// Authentication, roles and region scope on every route, listing and stats, against the real stack.
import request from 'supertest';
import type { Express } from 'express';
import { signToken } from '../../api/auth/tokens';
import { caseSummarySchema, casePageSchema, timelinePageSchema, caseDetailsSchema } from '../../api/cases/responses';
import { problemSchema } from '../../api/http/openapi';
import { statsSchema } from '../../api/stats/routes';
import type { DevWorker } from '../helpers/dev-worker';
import { startDevWorker } from '../helpers/dev-worker';
import { as, caller, caughtUp, testApp, testTokenSettings, tokenFor } from '../helpers/api';
import { testKeyRing } from '../helpers/temporal';

let dev: DevWorker;
let app: Express;
// Regions no other suite uses: 93 (two kabupaten) and 94.
const kaltara = '93.01';
const other = '93.02';
const far = '94.01';
const ids: Record<string, string> = {};
// A local database keeps earlier runs' cases: lists are narrowed to this run, stats compared to a baseline.
const startedAt = new Date(Date.now() - 1000).toISOString();
let baseline: { open: number; byRisk: Record<string, number>; byStage: Record<string, number>; openedInPeriod: number };

const body = (regionCode: string, riskLevel = 'medium') => ({
  category: 'odgj_terlantar',
  riskLevel,
  regionCode,
  report: { channel: 'public' },
  subject: { name: 'Contoh Warga' },
});


beforeAll(async () => {
  dev = await startDevWorker('access');
  app = testApp(dev);
  baseline = (await caller(app).get('/v1/stats').query({ region: kaltara }).expect(200)).body;
  for (const [name, region, risk] of [['a1', kaltara, 'high'], ['a2', kaltara, 'low'], ['b', other, 'medium'], ['far', far, 'medium']] as const) {
    const res = await caller(app, 'operator:op-93', ['93']).post('/v1/cases').send(body(region, risk));
    if (res.status !== 201) {
      // The far case is outside op-93's scope: an admin opens it.
      ids[name] = (await caller(app).post('/v1/cases').send(body(region, risk)).expect(201)).body.caseId;
    } else ids[name] = res.body.caseId;
  }
  await Promise.all(Object.values(ids).map((id) => caughtUp(app, id)));
});
afterAll(() => dev?.close());

describe('authentication', () => {
  const routes: [string, string][] = [
    ['post', '/v1/cases'],
    ['get', '/v1/cases'],
    ['get', '/v1/cases/00000000-0000-4000-8000-000000000000'],
    ['post', '/v1/cases/00000000-0000-4000-8000-000000000000/commands'],
    ['get', '/v1/cases/00000000-0000-4000-8000-000000000000/timeline'],
    ['get', '/v1/escalations'],
    ['get', '/v1/stats'],
  ];

  test.each(routes)('%s %s without a token is a 401 problem with a Bearer challenge', async (method, path) => {
    const res = await (method === 'get' ? request(app).get(path) : request(app).post(path).send({}));
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(problemSchema.parse(res.body).code).toBe('UNAUTHENTICATED');
  });

  test('forged, expired, foreign-audience and malformed-claim tokens are all 401 and change nothing', async () => {
    const good = tokenFor('operator:op-1');
    const forged = `${good.slice(0, good.lastIndexOf('.'))}.${'A'.repeat(43)}`;
    const expired = tokenFor('operator:op-1', ['*'], { exp: Math.floor(Date.now() / 1000) - 3600 });
    const audience = tokenFor('operator:op-1', ['*'], { aud: 'someone-else' });
    const badRole = tokenFor('system:sigap');
    const badRegion = tokenFor('operator:op-1', ['Jakarta Selatan']);
    const noAlg = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${good.split('.')[1]}.`;
    for (const token of [forged, expired, audience, badRole, badRegion, noAlg, 'not-a-jwt']) {
      const res = await request(app).post('/v1/cases').set('Authorization', `Bearer ${token}`).send(body(kaltara));
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('UNAUTHENTICATED');
    }
  });

  test('a token from the signing helper the dev-token script uses is accepted', async () => {
    const token = await signToken(testTokenSettings, { sub: 'spv-93', role: 'supervisor', regions: ['93'] });
    await request(app).get('/v1/stats').set('Authorization', `Bearer ${token}`).expect(200);
  });
});

describe('roles', () => {
  test('partners may not use staff routes: 403 FORBIDDEN', async () => {
    const partner = caller(app, 'partner:RSJ-MENUR');
    for (const res of [await partner.get('/v1/cases'), await partner.post('/v1/cases').send(body(kaltara)), await partner.get(`/v1/cases/${ids.a1}`)]) {
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'FORBIDDEN', messages: { id: 'Peran Anda tidak boleh melakukan ini.' } });
    }
  });

  test('operators may not read the escalation list', async () => {
    const res = await caller(app, 'operator:op-93', ['93']).get('/v1/escalations').expect(403);
    expect(res.body.code).toBe('FORBIDDEN');
  });
});

describe('region scope', () => {
  test('someone else\'s case is 404 on read, command and timeline — exactly like a case that does not exist', async () => {
    const outsider = caller(app, 'case_manager:cm-94', ['94']);
    const missing = await outsider.get('/v1/cases/00000000-0000-4000-8000-000000000000').expect(404);
    const read = await outsider.get(`/v1/cases/${ids.a1}`).expect(404);
    const act = await outsider.post(`/v1/cases/${ids.a1}/commands`).send({ type: 'addNote', text: 'x' }).expect(404);
    const timeline = await outsider.get(`/v1/cases/${ids.a1}/timeline`).expect(404);
    for (const res of [read, act, timeline]) {
      expect(res.body.code).toBe('CASE_NOT_FOUND');
      expect(res.body.title).toBe(missing.body.title);
    }
    // and nothing was done: the note never reached the case
    const events = await caller(app).get(`/v1/cases/${ids.a1}/timeline`).expect(200);
    expect(events.body.items.map((e: { type: string }) => e.type)).not.toContain('note.added');
  });

  test('a kabupaten scope sees only its kabupaten; a province scope sees all of them', async () => {
    await caller(app, 'operator:op-9301', ['93.01']).get(`/v1/cases/${ids.b}`).expect(404);
    const own = await caller(app, 'operator:op-9301', ['93.01']).get(`/v1/cases/${ids.a1}`).expect(200);
    expect(caseDetailsSchema.parse(own.body).record?.regionCode).toBe(kaltara);
    await caller(app, 'operator:op-93', ['93']).get(`/v1/cases/${ids.b}`).expect(200);
  });

  test('opening a case outside one\'s regions is refused with REGION_NOT_ALLOWED and opens nothing', async () => {
    const key = `outside-${Date.now()}`;
    const res = await caller(app, 'operator:op-93', ['93']).post('/v1/cases').set('Idempotency-Key', key).send(body(far)).expect(403);
    expect(res.body.code).toBe('REGION_NOT_ALLOWED');
    // The same key is still free: nothing was reserved.
    await caller(app, 'operator:op-94', ['94']).post('/v1/cases').set('Idempotency-Key', key).send(body(far)).expect(201);
  });
});

describe('listing', () => {
  test('lists only the caller\'s regions, newest first, with filters and keyset pages', async () => {
    const mine = await caller(app, 'supervisor:spv-93', ['93']).get('/v1/cases').query({ region: '93', limit: 200 }).expect(200);
    const page = casePageSchema.parse(mine.body);
    const seen = page.items.map((c) => c.caseId);
    expect(seen).toEqual(expect.arrayContaining([ids.a1, ids.a2, ids.b]));
    expect(seen).not.toContain(ids.far);
    const opened = page.items.map((c) => c.openedAt);
    expect([...opened].sort().reverse()).toEqual(opened);
    expect(JSON.stringify(page)).not.toContain('Contoh Warga');

    const high = await caller(app, 'supervisor:spv-93', ['93']).get('/v1/cases').query({ region: kaltara, risk: 'high', openedFrom: startedAt }).expect(200);
    expect(high.body.items.map((c: { caseId: string }) => c.caseId)).toEqual([ids.a1]);

    // Asking for another region than one's own yields nothing, not someone else's cases.
    const foreign = await caller(app, 'supervisor:spv-93', ['93']).get('/v1/cases').query({ region: '94' }).expect(200);
    expect(foreign.body.items).toEqual([]);

    const first = await caller(app).get('/v1/cases').query({ region: kaltara, limit: 1, openedFrom: startedAt }).expect(200);
    expect(first.body.items).toHaveLength(1);
    const second = await caller(app).get('/v1/cases').query({ region: kaltara, limit: 1, cursor: first.body.nextCursor, openedFrom: startedAt }).expect(200);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].caseId).not.toBe(first.body.items[0].caseId);
    expect(second.body.nextCursor).toBeNull();
    caseSummarySchema.parse(second.body.items[0]);
  });

  test('bad filters, an oversized page and a tampered cursor are handled without a 5xx', async () => {
    const api = caller(app);
    const bad = await api.get('/v1/cases').query({ risk: 'extreme', limit: 5000, colour: 'red' }).expect(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['colour', 'limit', 'risk']);
    await api.get('/v1/cases').query({ status: ['open', 'closed'] }).expect(422);
    await api.get('/v1/cases').query({ openedFrom: 'yesterday' }).expect(422);
    const cursor = (json: string) => Buffer.from(json).toString('base64url');
    const tampered = cursor(JSON.stringify({ t: 'not a date', id: 1 }));
    await api.get('/v1/cases').query({ cursor: tampered, region: kaltara }).expect(200);
    await api.get('/v1/escalations').query({ cursor: tampered }).expect(200);
    // Well-typed values the database would refuse (out of range, not whole, a NUL byte) start from the first page too.
    const firstPage = await api.get('/v1/cases').query({ region: kaltara }).expect(200);
    for (const json of ['{"t":"-271821-04-20T00:00:00Z","id":"x"}', '{"t":"2026-01-01T00:00:00Z","id":"a\\u0000b"}']) {
      const res = await api.get('/v1/cases').query({ cursor: cursor(json), region: kaltara }).expect(200);
      expect(res.body.items).toEqual(firstPage.body.items);
    }
    for (const json of ['{"nl":1.5,"id":"x"}', '{"nl":1e10,"id":"x"}', '{"nl":1e999,"id":"x"}', '{"nl":-1,"id":"a\\u0000b"}']) {
      await api.get('/v1/escalations').query({ cursor: cursor(json) }).expect(200);
    }
  });
});

test('stats count the open caseload inside the caller\'s scope', async () => {
  const res = await caller(app, 'supervisor:spv-9301', ['93.01']).get('/v1/stats').expect(200);
  const stats = statsSchema.parse(res.body);
  const delta = (group: 'byRisk' | 'byStage', key: string) => (stats[group][key] ?? 0) - (baseline[group][key] ?? 0);
  expect(stats.open - baseline.open).toBe(2);
  expect(delta('byRisk', 'high')).toBe(1);
  expect(delta('byRisk', 'low')).toBe(1);
  expect(delta('byStage', 'identification')).toBe(2);
  expect(stats.openedInPeriod - baseline.openedInPeriod).toBe(2);
  // The same counts for someone whose scope excludes 93.01 show none of them.
  const outside = await caller(app, 'supervisor:spv-9302', ['93.02']).get('/v1/stats').query({ region: kaltara }).expect(200);
  expect(outside.body.open).toBe(0);
  await caller(app).get('/v1/stats').query({ periodDays: 0 }).expect(422);
});

test('timeline and command responses match the documented shapes', async () => {
  const timeline = await caller(app).get(`/v1/cases/${ids.a2}/timeline`).expect(200);
  expect(timelinePageSchema.parse(timeline.body).items[0]!.type).toBe('case.opened');
});

test('a duplicate command POST returns the first result', async () => {
  const send = () =>
    request(app)
      .post(`/v1/cases/${ids.b}/commands`)
      .set(as('operator:op-93', ['93']))
      .set('Idempotency-Key', 'ack-b')
      .send({ type: 'acknowledge', assignedWorker: 'cm-9302' });
  const first = await send().expect(200);
  const second = await send().expect(200);
  expect(second.body).toEqual(first.body);
});

test('rate limit: past the per-caller budget requests get 429 problems, other callers are unaffected', async () => {
  const limited = testApp(dev, { rateLimitPerMinute: 3 });
  const api = caller(limited, 'operator:op-rl', ['93']);
  for (let i = 0; i < 3; i++) await api.get('/v1/stats').expect(200);
  const res = await api.get('/v1/stats').expect(429);
  expect(res.body).toMatchObject({ code: 'RATE_LIMITED', messages: { en: 'Too many requests. Try again shortly.' } });
  expect(res.headers['ratelimit-policy']).toBeDefined();
  await caller(limited, 'operator:op-other', ['93']).get('/v1/stats').expect(200);
});

test('the OpenAPI document, the docs page and metrics are served', async () => {
  const doc = await request(app).get('/openapi.json').expect(200);
  expect(doc.body.openapi).toBe('3.1.0');
  const docs = await request(app).get('/docs/').expect(200);
  expect(docs.text).toContain('swagger-ui');
  const metrics = await request(app).get('/metrics').expect(200);
  expect(metrics.text).toMatch(/sigap_http_request_duration_seconds_count\{method="GET",route="\/v1\/cases\/:caseId",status="(200|404)"\} \d+/);
  expect(metrics.text).toContain('sigap_api_process_cpu_user_seconds_total');
  // Case ids never become label values.
  expect(metrics.text).not.toContain(ids.a1);
});

test('metrics can require a scrape token', async () => {
  const guarded = testApp(dev, { metricsToken: 'scrape-token-0123456789' });
  await request(guarded).get('/metrics').expect(401);
  await request(guarded).get('/metrics').set('Authorization', 'Bearer scrape-token-0123456789').expect(200);
});

test('with codec auth on, only supervisors and admins may decrypt payloads; preflight needs no token', async () => {
  const guarded = testApp(dev, { codec: { ring: testKeyRing, corsOrigins: ['http://ui.example'], requireAuth: true } });
  const payloads = { payloads: [] };
  await request(guarded).options('/codec/decode').set('Origin', 'http://ui.example').expect(204);
  await request(guarded).post('/codec/decode').send(payloads).expect(401);
  await request(guarded).post('/codec/decode').set(as('operator:op-1')).send(payloads).expect(403);
  await request(guarded).post('/codec/decode').set(as('supervisor:spv-1')).send(payloads).expect(200, { payloads: [] });
});
