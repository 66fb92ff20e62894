// Every write endpoint applies an Idempotency-Key once, including the case that hurts clients most: the
// partner did the work and the answer was lost (dropped connection, or an error sent after the effect).
import { admission, booking, json, message, post, put, sim } from './helpers';

test('the same key and body twice: one admission, the same admissionId, the repeat marked as replayed', async () => {
  const s = await sim();
  const first = await post(s.url, '/referral/admissions', admission(), 'case-1:referral:1');
  const again = await post(s.url, '/referral/admissions', admission(), 'case-1:referral:1');
  expect([first.status, again.status]).toEqual([202, 202]);
  const a = await json<{ admissionId: string; status: string }>(first);
  expect(a.status).toBe('pending');
  expect(await json(again)).toEqual(a);
  expect(again.headers.get('idempotent-replayed')).toBe('true');
  const counts = s.counts();
  expect(counts.admissionsCreated).toBe(1);
  expect(counts.endpoints['referral.admit']).toMatchObject({ calls: 2, effects: 1 });
  expect(counts.effectsPerKey['referral.admit']).toEqual({ 'case-1:referral:1': 1 });
});

test('a response lost after the effect: the retry with the same key gets the booking that was made', async () => {
  const s = await sim({ faults: { endpoints: { 'transport.book': { lostResponseRate: 1 } } } });
  await expect(post(s.url, '/transport/bookings', booking(), 'case-1:transport:home')).rejects.toThrow(); // connection dropped
  expect(s.counts().bookingsCreated).toBe(1);
  expect(s.counts().endpoints['transport.book']).toMatchObject({ calls: 1, injectedFailures: 1, lostResponses: 1, failuresAfterEffect: 1, effects: 1 });

  await put(s.url, '/_admin/faults', { endpoints: { 'transport.book': { lostResponseRate: 0 } } });
  const retry = await post(s.url, '/transport/bookings', booking(), 'case-1:transport:home');
  expect(retry.status).toBe(201);
  const { bookingId } = await json<{ bookingId: string }>(retry);
  expect([...s.state.bookings.keys()]).toEqual([bookingId]);
  expect(s.counts().bookingsPerCaseRef).toEqual({ 'case-1': 1 });
  expect(s.counts().effectsPerKey['transport.book']).toEqual({ 'case-1:transport:home': 1 });
});

test('failAfterEffect: a 503 or a hung request after the message was queued; the retry sends nothing again', async () => {
  const s = await sim({ faults: { endpoints: { 'notify.send': { errorRate: 1, failAfterEffect: true } } } });
  const failed = await post(s.url, '/notify/messages', message(), 'outbox-1');
  expect(failed.status).toBe(503);
  expect(failed.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(s.counts().messagesSent).toBe(1);

  await put(s.url, '/_admin/faults', { endpoints: { 'notify.send': { errorRate: 0, timeoutRate: 1, timeoutMs: 50 } } });
  await expect(post(s.url, '/notify/messages', message(), 'outbox-1')).rejects.toThrow(); // effect-free replay, then hung
  await put(s.url, '/_admin/faults', { endpoints: { 'notify.send': { timeoutRate: 0 } } });
  const ok = await post(s.url, '/notify/messages', message(), 'outbox-1');
  expect(ok.status).toBe(202);
  expect(s.counts().messagesSent).toBe(1);
  expect(s.counts().messagesPerKey).toEqual({ 'outbox-1': 1 });
  expect(s.counts().endpoints['notify.send']).toMatchObject({ calls: 3, effects: 1, injectedFailures: 2, failuresAfterEffect: 1 });
});

test('concurrent repeats of one key wait for the first instead of racing it', async () => {
  const s = await sim({ faults: { endpoints: { 'tracing.lookup': { latencyMs: 20 } } } });
  const answers = await Promise.all(Array.from({ length: 10 }, () => post(s.url, '/tracing/lookups', { caseRef: 'case-1' }, 'case-1:tracing')));
  const ids = await Promise.all(answers.map((r) => json<{ lookupId: string }>(r)));
  expect(new Set(ids.map((i) => i.lookupId)).size).toBe(1);
  expect(s.counts().lookupsCreated).toBe(1);
});

test('a key reused with another body is 422; without a key 400; the key order of the body does not matter', async () => {
  const s = await sim();
  expect((await post(s.url, '/transport/bookings', booking(), 'k')).status).toBe(201);
  const reused = await post(s.url, '/transport/bookings', booking({ to: '33.01' }), 'k');
  expect(reused.status).toBe(422);
  expect(await json(reused)).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
  const reordered = await post(s.url, '/transport/bookings', { to: '32.04', from: '64.72', leg: 'home', caseRefs: ['case-1'] }, 'k');
  expect(reordered.status).toBe(201);
  for (const path of ['/referral/admissions', '/transport/bookings', '/notify/messages', '/tracing/lookups']) {
    const res = await post(s.url, path, {});
    expect(res.status).toBe(400);
    expect(await json(res)).toMatchObject({ code: 'IDEMPOTENCY_KEY_REQUIRED' });
  }
  expect((await post(s.url, '/tracing/lookups', { caseRef: 'c' }, 'bad key with spaces')).status).toBe(400);
  expect(s.counts().bookingsCreated).toBe(1);
});

test('a refusal is not remembered: the corrected request may reuse the key', async () => {
  const s = await sim();
  expect((await post(s.url, '/referral/admissions', admission({ facilityCode: 'RSJ-NOWHERE' }), 'k')).status).toBe(422);
  expect((await post(s.url, '/referral/admissions', admission(), 'k')).status).toBe(202);
  expect(s.counts().admissionsCreated).toBe(1);
});
