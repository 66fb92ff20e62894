// Callbacks to Sigap: bearer token, Sigap's body shape, retried with backoff until answered 2xx,
// deliberate duplicates with one reportId, and given up on when the receiver refuses for good.
import { admission, json, post, receiver, sim, sleep, until } from './helpers';

async function admitted(url: string, callbackUrl: string, key = 'k'): Promise<string> {
  const res = await post(url, '/referral/admissions', admission({ caseRef: 'case-9', callbackUrl }), key);
  expect(res.status).toBe(202);
  return (await json<{ admissionId: string }>(res)).admissionId;
}

test('a decision is called back with the bearer token, in the shape Sigap accepts', async () => {
  const rx = await receiver();
  const s = await sim({ callbackToken: 'partner-token', referral: { decisionDelayMs: 20 } });
  const admissionId = await admitted(s.url, rx.url);
  await until(() => rx.received.length === 1, 'the decision');
  const [cb] = rx.received;
  expect(cb!.auth).toBe('Bearer partner-token');
  expect(cb!.body).toEqual({
    partnerId: 'RSJ-MENUR',
    reportId: expect.stringMatching(/^RSJ-MENUR:[0-9a-f-]{36}$/),
    caseRef: 'case-9',
    command: { type: 'recordReferralDecision', accepted: true },
  });
  expect(await json(fetch(`${s.url}/referral/admissions/${admissionId}`))).toMatchObject({ admissionId, status: 'accepted' });
  // The receiver has the body before the sender has the answer.
  await until(() => s.counts().callbacksDelivered === 1, 'the sender to see the 2xx');
});

test('retried with backoff until the receiver answers 2xx; a receiver that is down at first still gets it', async () => {
  const rx = await receiver((n) => (n <= 3 ? 503 : 202));
  const s = await sim({ callbackToken: 't' });
  const admissionId = await admitted(s.url, rx.url);
  const decided = await post(s.url, `/_admin/referral/admissions/${admissionId}/decide`, { accepted: false, reason: 'tidak ada tempat tidur' });
  expect(await json(decided)).toMatchObject({ decided: true, status: 'declined' });
  await until(() => rx.received.length === 1, 'the delivery after three refusals');
  expect(rx.calls()).toBe(4);
  expect(rx.received[0]!.body.command).toEqual({ type: 'recordReferralDecision', accepted: false, reason: 'tidak ada tempat tidur' });
  await until(() => s.state.callbacks[0]?.status === 'delivered', 'the sender to see the 2xx');
  expect(s.state.callbacks[0]).toMatchObject({ status: 'delivered', attempts: 4, lastStatus: 202 });

  // A receiver that is not listening at all: connection refused, then retried.
  const gone = await receiver();
  const url = gone.url;
  await gone.close();
  const second = await admitted(s.url, url, 'k2');
  await post(s.url, `/_admin/referral/admissions/${second}/decide`, { accepted: true });
  await until(() => (s.state.callbacks[1]?.attempts ?? 0) >= 2, 'a second attempt');
  expect(s.state.callbacks[1]).toMatchObject({ status: 'pending', lastStatus: null });
});

test('duplicateCallbacks sends every report twice with the same reportId', async () => {
  const rx = await receiver();
  const s = await sim({ duplicateCallbacks: true });
  const admissionId = await admitted(s.url, rx.url);
  await post(s.url, `/_admin/referral/admissions/${admissionId}/decide`, { accepted: true });
  await until(() => rx.received.length === 2, 'both copies');
  expect(rx.received[0]!.body.reportId).toBe(rx.received[1]!.body.reportId);
  await until(() => s.counts().callbacksDelivered === 2, 'the sender to see both 2xx');
  // A second decision on the same admission changes nothing and sends nothing.
  expect(await json(post(s.url, `/_admin/referral/admissions/${admissionId}/decide`, { accepted: false }))).toMatchObject({ decided: false, status: 'accepted' });
  await sleep(50);
  expect(rx.calls()).toBe(2);
});

test('a 4xx refusal from the receiver is given up on at once; attempts are capped', async () => {
  const refusing = await receiver(() => 401);
  const failing = await receiver(() => 500);
  const s = await sim({ callbackMaxAttempts: 3, callbackBaseDelayMs: 5 });
  await post(s.url, `/_admin/referral/admissions/${await admitted(s.url, refusing.url, 'a')}/decide`, { accepted: true });
  await post(s.url, `/_admin/referral/admissions/${await admitted(s.url, failing.url, 'b')}/decide`, { accepted: true });
  await until(() => s.counts().callbacksAbandoned === 2, 'both abandoned');
  expect(refusing.calls()).toBe(1);
  expect(failing.calls()).toBe(3);
  expect(s.state.callbacks.map((d) => [d.status, d.attempts, d.lastStatus])).toEqual([
    ['abandoned', 1, 401],
    ['abandoned', 3, 500],
  ]);
});

test('callbackResourceIds adds the partner’s own id of the admission', async () => {
  const rx = await receiver();
  const s = await sim({ callbackResourceIds: true });
  const admissionId = await admitted(s.url, rx.url);
  await post(s.url, `/_admin/referral/admissions/${admissionId}/decide`, { accepted: true });
  await until(() => rx.received.length === 1, 'the decision');
  expect(rx.received[0]!.body.admissionId).toBe(admissionId);
});

test('reset cancels pending decisions and deliveries: nothing arrives about forgotten cases', async () => {
  const rx = await receiver(() => 503);
  const s = await sim({ referral: { decisionDelayMs: 100 } });
  await admitted(s.url, rx.url, 'a');
  const b = await admitted(s.url, rx.url, 'b');
  await post(s.url, `/_admin/referral/admissions/${b}/decide`, { accepted: true });
  await until(() => rx.calls() >= 1, 'a first attempt');
  await post(s.url, '/_admin/reset', {});
  await sleep(30); // an attempt already on the wire may still land
  const calls = rx.calls();
  await sleep(250);
  expect(rx.calls()).toBe(calls);
  expect(s.counts()).toMatchObject({ admissionsCreated: 0, callbacksDelivered: 0, callbackAttempts: 0 });
});
