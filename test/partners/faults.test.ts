// Injected faults over real HTTP: seeded rates honoured and repeatable, outages, hung requests, latency,
// and the fault configuration API.
import { Faults, seededRandom } from '../../partners/faults';
import { admission, json, message, post, put, sim } from './helpers';

async function outcomes(url: string, n: number): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) statuses.push((await post(url, '/notify/messages', message(), `m-${i}`)).status);
  return statuses;
}

test('a seeded error rate is roughly honoured, the same seed gives the same failures, and failed calls do nothing', async () => {
  const a = await sim({ seed: 42, faults: { endpoints: { 'notify.send': { errorRate: 0.3 } } } });
  const b = await sim({ seed: 42, faults: { endpoints: { 'notify.send': { errorRate: 0.3 } } } });
  const first = await outcomes(a.url, 200);
  const failed = first.filter((s) => s === 503).length;
  expect(failed).toBeGreaterThan(35);
  expect(failed).toBeLessThan(85);
  expect(a.counts().messagesSent).toBe(200 - failed);
  expect(a.counts().endpoints['notify.send']).toMatchObject({ calls: 200, injectedFailures: failed, failuresAfterEffect: 0 });
  expect(await outcomes(b.url, 200)).toEqual(first);
});

test('the fault decisions themselves follow the rates (errors, timeouts, lost responses)', () => {
  const faults = new Faults({ seed: 7, config: { default: { errorRate: 0.2, timeoutRate: 0.1, lostResponseRate: 0.5 } } });
  const tally = { error: 0, timeout: 0, lost: 0, ok: 0 };
  for (let i = 0; i < 10_000; i++) {
    const plan = faults.plan('transport.book');
    if (plan.failure) tally[plan.failure.kind] += 1;
    else if (faults.loseResponse('transport.book')) tally.lost += 1;
    else tally.ok += 1;
  }
  expect(tally.error / 10_000).toBeCloseTo(0.2, 1);
  expect(tally.timeout / 10_000).toBeCloseTo(0.1, 1);
  expect(tally.lost / 10_000).toBeCloseTo(0.35, 1); // half of what got through
  expect(new Faults({ random: () => 0.25, config: { default: { errorRate: 0.2, timeoutRate: 0.1 } } }).plan('notify.send').failure).toEqual({ kind: 'timeout', holdMs: 30_000 });
  expect(seededRandom(3)()).toBe(seededRandom(3)());
});

test('down: every call is answered 503 at once and nothing happens, until it is up again', async () => {
  const s = await sim({ faults: { default: { down: true, latencyMs: 5_000 } } });
  const started = Date.now();
  for (let i = 0; i < 3; i++) {
    const res = await post(s.url, '/referral/admissions', admission(), 'k');
    expect(res.status).toBe(503);
    expect(await json(res)).toEqual({ type: 'urn:partner-sim:partner-down', title: 'The partner service is down', status: 503, code: 'PARTNER_DOWN' });
  }
  expect(Date.now() - started).toBeLessThan(1_000);
  expect(s.counts().endpoints['referral.admit']).toMatchObject({ calls: 3, injectedFailures: 3, effects: 0 });
  expect(s.counts().admissionsCreated).toBe(0);
  await put(s.url, '/_admin/faults', { default: { down: false, latencyMs: 0 } });
  expect((await post(s.url, '/referral/admissions', admission(), 'k')).status).toBe(202);
});

test('a hung request is held for timeoutMs and dropped unanswered, without effect', async () => {
  const s = await sim({ faults: { endpoints: { 'tracing.lookup': { timeoutRate: 1, timeoutMs: 200 } } } });
  const started = Date.now();
  await expect(post(s.url, '/tracing/lookups', { caseRef: 'case-1' }, 't-1')).rejects.toThrow();
  expect(Date.now() - started).toBeGreaterThanOrEqual(180);
  expect(s.counts().lookupsCreated).toBe(0);
  // A client with a shorter timeout of its own gives up first.
  await expect(fetch(`${s.url}/tracing/lookups`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 't-2' }, body: '{"caseRef":"c"}', signal: AbortSignal.timeout(50) })).rejects.toThrow();
});

test('latency delays the answer; closing the simulator does not wait for held requests', async () => {
  const s = await sim({ faults: { endpoints: { 'notify.send': { latencyMs: 150 } } } });
  const started = Date.now();
  expect((await post(s.url, '/notify/messages', message(), 'k')).status).toBe(202);
  expect(Date.now() - started).toBeGreaterThanOrEqual(140);

  await put(s.url, '/_admin/faults', { endpoints: { 'notify.send': { timeoutRate: 1, timeoutMs: 30_000 } } });
  const hung = post(s.url, '/notify/messages', message(), 'k2');
  hung.catch(() => undefined); // asserted below
  await new Promise((r) => setTimeout(r, 50));
  const closing = Date.now();
  await s.close();
  expect(Date.now() - closing).toBeLessThan(1_000);
  await expect(hung).rejects.toThrow();
});

test('the fault configuration: merged per endpoint, read back, validated, replaced, and restored by reset', async () => {
  const s = await sim({ faults: { endpoints: { 'transport.book': { latencyMs: 5 } } } });
  const set = await put(s.url, '/_admin/faults', { default: { errorRate: 0.1 }, endpoints: { 'transport.book': { timeoutMs: 100 } } });
  expect(set.status).toBe(200);
  const config = await json<{ default: { errorRate: number }; endpoints: Record<string, { latencyMs: number; timeoutMs: number; errorRate: number }> }>(fetch(`${s.url}/_admin/faults`));
  expect(config.endpoints['transport.book']).toMatchObject({ latencyMs: 5, timeoutMs: 100, errorRate: 0.1 });
  expect(config.endpoints['notify.send']).toMatchObject({ latencyMs: 0, errorRate: 0.1 });

  for (const bad of [{ default: { errorRate: 3 } }, { endpoints: { 'transport.boook': { down: true } } }, { default: { errorRate: 0.6, timeoutRate: 0.6 } }, { default: { colour: 'red' } }]) {
    const res = await put(s.url, '/_admin/faults', bad);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await json(res)).toMatchObject({ status: 400, code: 'INVALID_REQUEST' });
  }
  expect(s.faults.for('notify.send').errorRate).toBe(0.1); // a refused body changes nothing

  await put(s.url, '/_admin/faults', { replace: true, endpoints: { 'notify.send': { down: true } } });
  expect(s.faults.for('transport.book')).toMatchObject({ latencyMs: 0, errorRate: 0 });
  await post(s.url, '/_admin/reset', {});
  expect(s.faults.for('notify.send').down).toBe(false);
  expect(s.faults.for('transport.book').latencyMs).toBe(5); // the start configuration
});
