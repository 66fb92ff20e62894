// A partner that is completely down does not fail cases: they wait, retry with backoff, escalate as a
// stalled integration once the policy's budget is spent (visible in the API and in Temporal), keep
// retrying, and recover by themselves when the partner is back.
import { as, decideOverApi } from '../helpers/api';
import type { PartnerStack } from '../helpers/partner-stack';
import { eventually, startPartnerStack } from '../helpers/partner-stack';

let stack: PartnerStack;
beforeAll(async () => {
  stack = await startPartnerStack('partner-down', {
    provinces: ['83'],
    // Two seconds of failing before the case escalates (thirty minutes in the default policy).
    policy: { fixed: { integration_budget: 2_000 }, partnerRetry: { initialMs: 200, maxMs: 500 } },
    simulator: { referral: { decisionDelayMs: 100 }, transport: { departAfterMs: null }, faults: { endpoints: { 'transport.book': { down: true } } } },
  });
});
afterAll(() => stack?.close());

const CM = as('case_manager:cm-83', ['83']);
const SPV = as('supervisor:spv-83', ['83']);

test('transport down: the case escalates as integration_stalled, keeps retrying, and recovers', async () => {
  const caseId = (
    await stack.api.post('/v1/cases').send({ category: 'orang_terlantar', riskLevel: 'low', regionCode: '83.71', report: { channel: 'police' }, subject: {} }).expect(201)
  ).body.caseId as string;
  await eventually(async () => ((await stack.api.get(`/v1/cases/${caseId}`)).body.projection === 'current' ? true : undefined), 'read model');
  const act = (body: object) => stack.api.post(`/v1/cases/${caseId}/commands`).set(CM).send(body).expect(200);
  await act({ type: 'acknowledge', assignedWorker: 'cm-83' });
  await decideOverApi(stack.app, caseId, 'repatriation', ['83']);
  await act({ type: 'recordAssessment', consent: 'client', familyInvolved: true, originRegionCode: '35.78' });
  await act({ type: 'requestReferral', partner: 'origin_dinsos', facilityCode: 'DINSOS-35' });

  const escalated = await eventually(async () => {
    const res = await stack.api.get('/v1/escalations').set(SPV).query({ region: '83', reason: 'integration_stalled' });
    return res.body.items.find((c: { caseId: string }) => c.caseId === caseId);
  }, 'integration escalation', 30_000);
  expect(escalated.escalations).toEqual([expect.objectContaining({ reason: 'integration_stalled', subject: 'partner:transport.book', level: 1 })]);
  const live = (await stack.api.get(`/v1/cases/${caseId}`)).body.live;
  expect(live).toMatchObject({ status: 'open', stage: 'implementation', escalationLevel: 1 });
  // Supervisors see it in Temporal too.
  const q = `WorkflowId = 'case-${caseId}' AND SigapEscalationLevel = 1 AND ExecutionStatus = 'Running'`;
  await eventually(async () => ((await stack.dev.client.workflow.count(q)).count === 1 ? true : undefined), 'visibility');

  // It goes on trying while the partner is down...
  const calls = () => stack.sim.sim.counts().endpoints['transport.book']!.calls;
  const before = calls();
  await eventually(async () => (calls() > before + 2 ? true : undefined), 'more attempts', 20_000);
  expect(stack.sim.sim.counts().bookingsCreated).toBe(0);

  // ...and when it is back, the booking is made once and the escalation resolves itself.
  await fetch(`${stack.sim.url}/_admin/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ endpoints: { 'transport.book': { down: false } } }) });
  await eventually(async () => {
    const view = (await stack.api.get(`/v1/cases/${caseId}`)).body;
    return view.live.escalationLevel === 0 && view.record.escalationLevel === 0 ? true : undefined;
  }, 'recovery', 30_000);
  const types = (await stack.api.get(`/v1/cases/${caseId}/timeline`).query({ limit: 500 })).body.items.map((e: { type: string }) => e.type);
  expect(types).toEqual(expect.arrayContaining(['integration.stalled', 'escalation.raised', 'transport.booked', 'escalation.resolved']));
  expect(stack.sim.sim.counts().bookingsPerCaseRef[caseId]).toBe(1);
});
