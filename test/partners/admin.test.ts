// The admin surface and the process entry: counts, reset, the admin token, problem answers for anything
// unexpected, and options read from the environment.
import { createPartnerSimulator } from '../../partners/simulator';
import { simulatorOptionsFromEnv } from '../../partners/main';
import { admission, booking, json, message, post, put, sim } from './helpers';

test('GET /_admin/counts: per endpoint, totals, and per key / case reference', async () => {
  const s = await sim();
  await post(s.url, '/referral/admissions', admission(), 'a');
  await post(s.url, '/referral/admissions', admission(), 'a');
  const { bookingId } = await json<{ bookingId: string }>(post(s.url, '/transport/bookings', booking({ caseRefs: ['case-1', 'case-2'] }), 'b'));
  await post(s.url, `/transport/bookings/${bookingId}/cancel`, {});
  await post(s.url, '/notify/messages', message(), 'm');
  await post(s.url, '/tracing/lookups', { caseRef: 'case-1' }, 't');
  const counts = await json(fetch(`${s.url}/_admin/counts`));
  expect(counts).toMatchObject({
    admissionsCreated: 1,
    bookingsCreated: 1,
    bookingsCancelled: 1,
    messagesSent: 1,
    lookupsCreated: 1,
    callbacksDelivered: 0,
    admissionsPerCaseRef: { 'case-1': 1 },
    bookingsPerCaseRef: { 'case-1': 1, 'case-2': 1 },
    lookupsPerCaseRef: { 'case-1': 1 },
    messagesPerKey: { m: 1 },
    effectsPerKey: { 'referral.admit': { a: 1 }, 'transport.book': { b: 1 }, 'notify.send': { m: 1 }, 'tracing.lookup': { t: 1 } },
    endpoints: {
      'referral.admit': { calls: 2, injectedFailures: 0, failuresAfterEffect: 0, lostResponses: 0, effects: 1 },
      'transport.cancel': { calls: 1, effects: 1 },
      'notify.status': { calls: 0 },
    },
  });
});

test('POST /_admin/reset forgets state, keys and counts', async () => {
  const s = await sim();
  const first = await json<{ lookupId: string }>(post(s.url, '/tracing/lookups', { caseRef: 'case-1' }, 'r'));
  await post(s.url, '/_admin/reset', {});
  const counts = await json<{ lookupsCreated: number; endpoints: Record<string, { calls: number }> }>(fetch(`${s.url}/_admin/counts`));
  expect(counts.lookupsCreated).toBe(0);
  expect(counts.endpoints['tracing.lookup']!.calls).toBe(0);
  expect((await fetch(`${s.url}/tracing/lookups/${first.lookupId}`)).status).toBe(404);
  // The key is forgotten too: the same request is a new lookup.
  const again = await json<{ lookupId: string }>(post(s.url, '/tracing/lookups', { caseRef: 'case-1' }, 'r'));
  expect(again.lookupId).not.toBe(first.lookupId);
});

test('an admin token guards /_admin only', async () => {
  const s = await sim({ adminToken: 'sekret' });
  const denied = await fetch(`${s.url}/_admin/counts`);
  expect(denied.status).toBe(401);
  expect(denied.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect((await put(s.url, '/_admin/faults', { default: { down: true } }, { authorization: 'Bearer wrong' })).status).toBe(401);
  expect((await post(s.url, '/_admin/reset', {})).status).toBe(401);
  expect((await fetch(`${s.url}/_admin/counts`, { headers: { authorization: 'Bearer sekret' } })).status).toBe(200);
  expect((await post(s.url, '/referral/admissions', admission(), 'k')).status).toBe(202);
});

test('a client token guards the partner routes, as a real partner would', async () => {
  const s = await sim({ clientToken: 'sigap-to-partner' });
  const denied = await post(s.url, '/transport/bookings', booking(), 'k');
  expect(denied.status).toBe(401);
  expect(await json(denied)).toMatchObject({ code: 'UNAUTHENTICATED' });
  expect((await post(s.url, '/transport/bookings', booking(), 'k', { authorization: 'Bearer sigap-to-partner' })).status).toBe(201);
  expect((await fetch(`${s.url}/_admin/counts`)).status).toBe(200);
  expect(s.counts().bookingsCreated).toBe(1);
});

test('unknown routes, malformed JSON and oversized bodies are problem json', async () => {
  const s = await sim();
  for (const [res, status, code] of [
    [await fetch(`${s.url}/nowhere`), 404, 'NOT_FOUND'],
    [await fetch(`${s.url}/referral/admissions`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'k' }, body: '{"caseRef":' }), 400, 'MALFORMED_JSON'],
    [await post(s.url, '/notify/messages', message({ body: 'x'.repeat(300_000) }), 'k'), 413, 'PAYLOAD_TOO_LARGE'],
  ] as const) {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await res.json()).toMatchObject({ status, code, type: expect.any(String), title: expect.any(String) });
  }
  expect(await json(fetch(`${s.url}/healthz`))).toEqual({ status: 'ok' });
});

test('createPartnerSimulator: the app without a port, and close()', async () => {
  const sim = createPartnerSimulator({ referral: { decisionDelayMs: 1_000 } });
  expect(typeof sim.app).toBe('function');
  expect(sim.state.admissions.size).toBe(0);
  await sim.close();
});

test('options from the environment, and clear errors for bad ones', () => {
  expect(simulatorOptionsFromEnv({})).toEqual({ port: 4100, host: '127.0.0.1' });
  expect(
    simulatorOptionsFromEnv({
      PARTNER_SIM_PORT: '4200',
      PARTNER_SIM_HOST: '0.0.0.0',
      PARTNER_CALLBACK_TOKEN: 'cb',
      PARTNER_SIM_ADMIN_TOKEN: 'adm',
      PARTNER_SIM_SEED: '9',
      PARTNER_SIM_FAULTS: '{"endpoints":{"transport.book":{"errorRate":0.5}}}',
      PARTNER_SIM_OPTIONS: '{"duplicateCallbacks":true,"transport":{"departAfterMs":null}}',
    }),
  ).toEqual({
    port: 4200,
    host: '0.0.0.0',
    callbackToken: 'cb',
    adminToken: 'adm',
    seed: 9,
    faults: { endpoints: { 'transport.book': { errorRate: 0.5 } } },
    duplicateCallbacks: true,
    transport: { departAfterMs: null },
  });
  expect(() => simulatorOptionsFromEnv({ PARTNER_SIM_FAULTS: '{oops' })).toThrow('PARTNER_SIM_FAULTS is not valid JSON');
  expect(() => simulatorOptionsFromEnv({ PARTNER_SIM_FAULTS: '{"default":{"errorRate":2}}' })).toThrow(/PARTNER_SIM_FAULTS: default.errorRate/);
  expect(() => simulatorOptionsFromEnv({ PARTNER_SIM_PORT: 'http' })).toThrow('PARTNER_SIM_PORT');
});
