// Civil-registry / family tracing: acknowledged at once, answered later by callback; the NIK is not kept.
import { json, post, receiver, sim, until } from './helpers';

const NIK = '6472011203850004';

test('a lookup with NIK and hints is answered by callback; the result is also readable by lookupId', async () => {
  const rx = await receiver();
  const s = await sim({ callbackToken: 'dukcapil', tracing: { resultDelayMs: 10, foundRate: 1, canReceiveRate: 0 } });
  const res = await post(s.url, '/tracing/lookups', { caseRef: 'case-3', nik: NIK, hints: { originVillage: 'Sukamaju', familyName: 'Suryana' }, callbackUrl: rx.url }, 'case-3:tracing');
  expect(res.status).toBe(202);
  const { lookupId, status } = await json<{ lookupId: string; status: string }>(res);
  expect(status).toBe('pending');
  await until(() => rx.received.length === 1, 'the result');
  expect(rx.received[0]!.auth).toBe('Bearer dukcapil');
  expect(rx.received[0]!.body).toMatchObject({ partnerId: 'DUKCAPIL-SIM', caseRef: 'case-3', command: { type: 'recordFamilyTracing', found: true, canReceive: false } });
  expect(await json(fetch(`${s.url}/tracing/lookups/${lookupId}`))).toMatchObject({ lookupId, status: 'found', found: true, canReceive: false });
  const state = JSON.stringify(await json(fetch(`${s.url}/_admin/state`)));
  expect(state).not.toContain(NIK);
  expect(state).not.toContain('Suryana');
  expect(s.counts().lookupsPerCaseRef).toEqual({ 'case-3': 1 });
});

test('not found: found false and no canReceive; the admin route answers a lookup by hand, once', async () => {
  const rx = await receiver();
  const s = await sim();
  const { lookupId } = await json<{ lookupId: string }>(post(s.url, '/tracing/lookups', { caseRef: 'case-4', callbackUrl: rx.url }, 'k'));
  expect(await json(post(s.url, `/_admin/tracing/lookups/${lookupId}/result`, { found: false }))).toMatchObject({ changed: true, status: 'not_found' });
  expect(await json(post(s.url, `/_admin/tracing/lookups/${lookupId}/result`, { found: true }))).toMatchObject({ changed: false, status: 'not_found' });
  await until(() => rx.received.length === 1, 'the result');
  expect(rx.received[0]!.body.command).toEqual({ type: 'recordFamilyTracing', found: false });
});

test('a NIK that is not 16 digits is refused', async () => {
  const s = await sim();
  const res = await post(s.url, '/tracing/lookups', { caseRef: 'c', nik: '12345' }, 'k');
  expect(res.status).toBe(400);
  expect(JSON.stringify(await res.json())).not.toContain('12345');
  expect(s.counts().lookupsCreated).toBe(0);
});
