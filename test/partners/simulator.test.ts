// The partner simulators over real HTTP: idempotency (also when the response is lost after the effect),
// business refusals, injected faults, outages, timeouts, and callbacks retried until Sigap answers.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RunningSimulator, SimulatorOptions } from '../../partners/simulator';
import { startPartnerSimulator } from '../../partners/simulator';

let running: RunningSimulator[] = [];
afterEach(async () => {
  await Promise.all(running.map((r) => r.close()));
  running = [];
});

async function sim(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const r = await startPartnerSimulator({ referral: { decisionDelayMs: null }, transport: { departAfterMs: null }, tracing: { resultDelayMs: null }, ...options });
  running.push(r);
  return r;
}

const post = (base: string, path: string, body: unknown, key?: string) =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) }, body: JSON.stringify(body) });

/** A receiver of callbacks that fails the first `failFirst` deliveries. */
async function receiver(failFirst = 0) {
  const received: { auth: string | undefined; body: Record<string, unknown> }[] = [];
  let calls = 0;
  const server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      calls += 1;
      if (calls <= failFirst) {
        res.statusCode = 503;
        res.end();
        return;
      }
      received.push({ auth: req.headers.authorization, body: JSON.parse(data) as Record<string, unknown> });
      res.statusCode = 202;
      res.end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cb`;
  return { url, received, calls: () => calls, close: () => new Promise<void>((r) => server.close(() => r())) };
}

const until = async (probe: () => boolean, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

test('the same Idempotency-Key books once, even when the first response was lost after the booking', async () => {
  const s = await sim({ faults: { endpoints: { 'transport.book': { lostResponseRate: 1 } } } });
  const body = { caseRefs: ['c-1'], leg: 'home', from: '31.72', to: '32.04' };
  await expect(post(s.url, '/transport/bookings', body, 'k-1')).rejects.toThrow(); // connection dropped
  expect(s.sim.counts().bookingsCreated).toBe(1);
  await fetch(`${s.url}/_admin/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ endpoints: { 'transport.book': { lostResponseRate: 0 } } }) });
  const again = await post(s.url, '/transport/bookings', body, 'k-1');
  expect(again.status).toBe(201);
  const retried = (await again.json()) as { bookingId: string };
  expect(s.sim.counts().bookingsCreated).toBe(1);
  expect([...s.sim.transport.bookings.keys()]).toEqual([retried.bookingId]);
  const reused = await post(s.url, '/transport/bookings', { ...body, to: '33.01' }, 'k-1');
  expect(reused.status).toBe(422);
  expect((await post(s.url, '/transport/bookings', body)).status).toBe(400); // no key at all
});

test('business refusals are 4xx problems with a stable code; a group larger than the vehicle is refused', async () => {
  const s = await sim({ transport: { capacity: 30, departAfterMs: null } });
  const unknown = await post(s.url, '/referral/admissions', { caseRef: 'c-1', partner: 'rsj', facilityCode: 'RSJ-NOWHERE' }, 'a-1');
  expect(unknown.status).toBe(422);
  expect(await unknown.json()).toMatchObject({ code: 'UNKNOWN_FACILITY' });
  const group = Array.from({ length: 28 }, (_, i) => `c-${i}`);
  expect((await post(s.url, '/transport/bookings', { caseRefs: group, leg: 'home', from: '31.72', to: '32' }, 'g-1')).status).toBe(201);
  const tooMany = await post(s.url, '/transport/bookings', { caseRefs: [...group, 'x', 'y', 'z'], leg: 'home', from: '31.72', to: '32' }, 'g-2');
  expect(tooMany.status).toBe(409);
  expect(await tooMany.json()).toMatchObject({ code: 'NO_CAPACITY' });
  expect(s.sim.counts().bookingsPerCaseRef['c-27']).toBe(1);
});

test('injected error rates are honoured (seeded), and an outage fails every call without effect', async () => {
  const s = await sim({ seed: 42, faults: { endpoints: { 'notify.send': { errorRate: 0.5 } } } });
  let failed = 0;
  for (let i = 0; i < 200; i++) {
    const res = await post(s.url, '/notify/messages', { channel: 'sms', to: 'family-of:c', template: 't', language: 'id', body: 'x' }, `m-${i}`);
    if (res.status === 503) failed += 1;
  }
  expect(failed).toBeGreaterThan(70);
  expect(failed).toBeLessThan(130);
  expect(s.sim.counts().messagesSent).toBe(200 - failed);
  await fetch(`${s.url}/_admin/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ default: { down: true } }) });
  expect((await post(s.url, '/referral/admissions', { caseRef: 'c', partner: 'rsj', facilityCode: 'RSJ-MENUR' }, 'd-1')).status).toBe(503);
  expect(s.sim.counts().admissionsCreated).toBe(0);
  const bad = await fetch(`${s.url}/_admin/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ default: { errorRate: 3 } }) });
  expect(bad.status).toBe(400);
});

test('a hung request is dropped after timeoutMs without doing anything', async () => {
  const s = await sim({ faults: { endpoints: { 'tracing.lookup': { timeoutRate: 1, timeoutMs: 200 } } } });
  const started = Date.now();
  await expect(post(s.url, '/tracing/lookups', { caseRef: 'c-1' }, 't-1')).rejects.toThrow();
  expect(Date.now() - started).toBeGreaterThanOrEqual(180);
  expect(s.sim.counts().lookupsCreated).toBe(0);
});

test('decisions are called back with the bearer token, retried until the receiver answers, and duplicated on request', async () => {
  const rx = await receiver(2);
  const s = await sim({ callbackToken: 'partner-token', duplicateCallbacks: true, callbackBaseDelayMs: 10 });
  const res = await post(s.url, '/referral/admissions', { caseRef: 'c-9', partner: 'rsj', facilityCode: 'RSJ-MENUR', callbackUrl: rx.url }, 'a-9');
  const { admissionId } = (await res.json()) as { admissionId: string };
  await fetch(`${s.url}/_admin/referral/admissions/${admissionId}/decide`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ accepted: false }) });
  await until(() => rx.received.length === 2);
  expect(rx.calls()).toBe(4); // two failed deliveries, then both copies
  expect(rx.received[0]!.auth).toBe('Bearer partner-token');
  expect(rx.received[0]!.body).toMatchObject({ caseRef: 'c-9', partnerId: 'RSJ-MENUR', command: { type: 'recordReferralDecision', accepted: false } });
  expect(rx.received[0]!.body.reportId).toBe(rx.received[1]!.body.reportId);
  await rx.close();
});

test('a group trip reports departure and arrival for every passenger; a cancelled booking never departs', async () => {
  const rx = await receiver();
  const s = await sim({ transport: { departAfterMs: null, arriveAfterMs: 10 } });
  const group = Array.from({ length: 28 }, (_, i) => `p-${i}`);
  const booked = (await (await post(s.url, '/transport/bookings', { caseRefs: group, leg: 'home', from: '31.72', to: '32', callbackUrl: rx.url }, 'trip-1')).json()) as { bookingId: string };
  await fetch(`${s.url}/_admin/transport/bookings/${booked.bookingId}/depart`, { method: 'POST' });
  await until(() => rx.received.length === 56);
  expect(rx.received.filter((r) => (r.body.command as { event: string }).event === 'arrived')).toHaveLength(28);

  const other = (await (await post(s.url, '/transport/bookings', { caseRefs: ['q'], leg: 'home', from: '31.72', to: '32' }, 'trip-2')).json()) as { bookingId: string };
  for (let i = 0; i < 2; i++) expect((await post(s.url, `/transport/bookings/${other.bookingId}/cancel`, {}, 'cancel-2')).status).toBe(200);
  const depart = await (await fetch(`${s.url}/_admin/transport/bookings/${other.bookingId}/depart`, { method: 'POST' })).json();
  expect(depart).toMatchObject({ changed: false, status: 'cancelled' });
  expect(s.sim.counts().bookingsCancelled).toBe(1);
  await rx.close();
});

test('reset clears state and counts', async () => {
  const s = await sim();
  await post(s.url, '/tracing/lookups', { caseRef: 'c-1' }, 'r-1');
  expect(s.sim.counts().lookupsCreated).toBe(1);
  await fetch(`${s.url}/_admin/reset`, { method: 'POST' });
  const counts = (await (await fetch(`${s.url}/_admin/counts`)).json()) as { lookupsCreated: number; endpoints: Record<string, { calls: number }> };
  expect(counts.lookupsCreated).toBe(0);
  expect(counts.endpoints['tracing.lookup']!.calls).toBe(0);
});
