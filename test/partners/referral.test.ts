// Referral (RSJ / panti / origin Dinsos): business refusals, automatic and admin decisions, status.
import { admission, json, post, receiver, sim, until } from './helpers';

test('an unknown facility is a 422 UNKNOWN_FACILITY problem; any DINSOS- office is known', async () => {
  const s = await sim();
  const unknown = await post(s.url, '/referral/admissions', admission({ facilityCode: 'RSJ-NOWHERE' }), 'a-1');
  expect(unknown.status).toBe(422);
  expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(await json(unknown)).toEqual({ type: 'urn:partner-sim:unknown-facility', title: 'The facility is not in the referral network', status: 422, code: 'UNKNOWN_FACILITY' });
  for (const facilityCode of ['RSJ-ATMA-HUSADA', 'PANTI-BUDI-LUHUR', 'DINSOS-32', 'DINSOS-33.74']) {
    expect((await post(s.url, '/referral/admissions', admission({ facilityCode, partner: 'origin_dinsos' }), `k-${facilityCode}`)).status).toBe(202);
  }
  expect(s.counts().admissionsCreated).toBe(4);
  expect(s.counts().endpoints['referral.admit']).toMatchObject({ calls: 5, effects: 4, injectedFailures: 0 });
});

test('facility codes are configurable', async () => {
  const s = await sim({ referral: { facilities: ['LKS-HARAPAN'], facilityPrefixes: [] } });
  expect((await post(s.url, '/referral/admissions', admission({ facilityCode: 'LKS-HARAPAN', partner: 'panti' }), 'a')).status).toBe(202);
  expect((await post(s.url, '/referral/admissions', admission({ facilityCode: 'DINSOS-32' }), 'b')).status).toBe(422);
});

test('an invalid request is a 400 naming the fields', async () => {
  const s = await sim();
  const res = await post(s.url, '/referral/admissions', { caseRef: 'c', partner: 'bengkel', facilityCode: 'RSJ-MENUR', callbackUrl: 'not a url' }, 'k');
  expect(res.status).toBe(400);
  const body = await json<{ code: string; errors: { path: string }[] }>(res);
  expect(body.code).toBe('INVALID_REQUEST');
  expect(body.errors.map((e) => e.path).sort()).toEqual(['callbackUrl', 'partner']);
});

test('automatic decisions follow the accept probability (seeded); the status shows them', async () => {
  const rx = await receiver();
  const s = await sim({ seed: 5, referral: { decisionDelayMs: 10, acceptRate: 0.5 } });
  const ids: string[] = [];
  for (let i = 0; i < 40; i++) ids.push((await json<{ admissionId: string }>(post(s.url, '/referral/admissions', admission({ caseRef: `case-${i}`, callbackUrl: rx.url }), `k-${i}`))).admissionId);
  await until(() => rx.received.length === 40, 'every decision');
  const accepted = rx.received.filter((r) => r.body.command.accepted === true).length;
  expect(accepted).toBeGreaterThan(10);
  expect(accepted).toBeLessThan(30);
  expect(new Set(rx.received.map((r) => r.body.reportId)).size).toBe(40);
  const statuses = await Promise.all(ids.map((id) => json<{ status: string }>(fetch(`${s.url}/referral/admissions/${id}`))));
  expect(statuses.filter((x) => x.status === 'accepted')).toHaveLength(accepted);
  expect(rx.received.filter((r) => r.body.command.accepted === false).every((r) => typeof r.body.command.reason === 'string')).toBe(true);
});

test('admin decide: 404 for an unknown admission, 400 for a bad body; GET status 404 as problem json', async () => {
  const s = await sim();
  const { admissionId } = await json<{ admissionId: string }>(post(s.url, '/referral/admissions', admission(), 'k'));
  expect((await post(s.url, '/_admin/referral/admissions/adm-nope/decide', { accepted: true })).status).toBe(404);
  expect((await post(s.url, `/_admin/referral/admissions/${admissionId}/decide`, { accepted: 'yes' })).status).toBe(400);
  expect(await json(fetch(`${s.url}/referral/admissions/${admissionId}`))).toMatchObject({ admissionId, status: 'pending', facilityCode: 'RSJ-MENUR', decidedAt: null });
  const missing = await fetch(`${s.url}/referral/admissions/adm-nope`);
  expect(missing.status).toBe(404);
  expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
});

test('an RSJ or hospital sends its discharge notice after its stay (or through the admin route); a panti never does', async () => {
  const rx = await receiver();
  const s = await sim({ referral: { decisionDelayMs: 5, dischargeAfterMs: 30 } });
  await post(s.url, '/referral/admissions', admission({ caseRef: 'case-rsj', partner: 'rsj', callbackUrl: rx.url }), 'k-rsj');
  const { admissionId } = await json<{ admissionId: string }>(post(s.url, '/referral/admissions', admission({ caseRef: 'case-rsu', partner: 'hospital', facilityCode: 'RSUD-AWS', callbackUrl: rx.url }), 'k-rsu'));
  await post(s.url, '/referral/admissions', admission({ caseRef: 'case-panti', partner: 'panti', facilityCode: 'PANTI-BUDI-LUHUR', callbackUrl: rx.url }), 'k-panti');
  await until(() => rx.received.filter((r) => r.body.command.type === 'recordDischarge').length === 2, 'two discharge notices');
  const notices = rx.received.filter((r) => r.body.command.type === 'recordDischarge').map((r) => [r.body.caseRef, r.body.command]);
  expect(notices.sort()).toEqual([
    ['case-rsj', { type: 'recordDischarge', kind: 'stable' }],
    ['case-rsu', { type: 'recordDischarge', kind: 'stable' }],
  ]);
  expect(await json(fetch(`${s.url}/referral/admissions/${admissionId}`))).toMatchObject({ status: 'discharged', dischargedAt: expect.any(String) });
  // Discharged once: the admin route has nothing more to say about it.
  expect(await json(post(s.url, `/_admin/referral/admissions/${admissionId}/discharge`, { kind: 'own_request' }))).toMatchObject({ discharged: false });

  const manual = await sim({ referral: { decisionDelayMs: null } });
  const held = await json<{ admissionId: string }>(post(manual.url, '/referral/admissions', admission({ caseRef: 'case-held', partner: 'rsj', callbackUrl: rx.url }), 'k-held'));
  await post(manual.url, `/_admin/referral/admissions/${held.admissionId}/decide`, { accepted: true });
  expect((await post(manual.url, `/_admin/referral/admissions/${held.admissionId}/discharge`, { kind: 'referred' })).status).toBe(400);
  expect(await json(post(manual.url, `/_admin/referral/admissions/${held.admissionId}/discharge`, { kind: 'referred', referredTo: 'RSUD-AWS' }))).toMatchObject({ discharged: true });
  await until(() => rx.received.some((r) => r.body.caseRef === 'case-held' && r.body.command.type === 'recordDischarge'), 'the referred-on notice');
  expect(rx.received.find((r) => r.body.caseRef === 'case-held' && r.body.command.type === 'recordDischarge')!.body.command).toEqual({ type: 'recordDischarge', kind: 'referred', referredTo: 'RSUD-AWS' });
});
