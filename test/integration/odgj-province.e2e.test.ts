// A person found on the street in Balikpapan (64.71), identity unknown, end to end over HTTP with the
// partner simulators at a training time scale (90 days in about 20 s): rapid assessment and the Kasi's
// decision, the RSJ's admission, a family traced but unable (economy), the RSJ's discharge and the pick-up,
// the laporan sosial, a transfer the province accepts, an ATENSI plan in its residential setting approved
// there, and its first 90-day review.
import { as } from '../helpers/api';
import type { PartnerStack } from '../helpers/partner-stack';
import { eventually, startPartnerStack } from '../helpers/partner-stack';
import { withGoals } from '../helpers/plan';
import type { CommandOf } from '../../domain/commands';

const SCALE = 1 / 400_000;
let stack: PartnerStack;
beforeAll(async () => {
  stack = await startPartnerStack('odgj-province', {
    provinces: ['64'],
    policy: { timeScale: SCALE },
    simulator: {
      referral: { decisionDelayMs: 200, dischargeAfterMs: 1_500 },
      transport: { departAfterMs: 100, arriveAfterMs: 200 },
      tracing: { resultDelayMs: 200, foundRate: 1 },
      gateway: { deliverAfterMs: 100 },
    },
  });
});
afterAll(() => stack?.close());

const OP = as('operator:op-6471', ['64.71']);
const CM = as('case_manager:cm-6471', ['64.71']);
const SPV = as('supervisor:spv-6471', ['64.71']);
const PROV_SPV = as('supervisor:spv-64', ['64']);
const PROV_SPV2 = as('supervisor:kasi-64', ['64']);
const PROV_CM = as('case_manager:cm-64', ['64']);

test('ODGJ, identity unknown → RSJ → family unable → province accepts → residential ATENSI plan → first 90-day review', async () => {
  const opened = await stack.api
    .post('/v1/cases')
    .set(OP)
    .send({ category: 'odgj_terlantar', riskLevel: 'high', regionCode: '64.71', report: { channel: 'satpol_pp' }, subject: { sex: 'male', estimatedAge: 35, description: 'berbicara sendiri di Pasar Pandansari' } })
    .expect(201);
  const caseId = opened.body.caseId as string;
  const act = (who: Record<string, string>, body: object) => stack.api.post(`/v1/cases/${caseId}/commands`).set(who).send(body).expect(200);
  const types = async () => ((await stack.api.get(`/v1/cases/${caseId}/timeline`).query({ limit: 500 })).body.items as { type: string }[]).map((e) => e.type);
  const seen = (type: string) => eventually(async () => ((await types()).includes(type) ? true : undefined), type);
  await eventually(async () => ((await stack.api.get(`/v1/cases/${caseId}`)).body.projection === 'current' ? true : undefined), 'read model');

  await act(OP, { type: 'acknowledge', assignedWorker: 'cm-6471' });
  await act(CM, { type: 'recordRapidAssessment', danger: 'self', medicalEmergency: false, capacity: 'lacks_capacity', capacityReason: 'acute_psychosis', needs: ['psychiatric_care', 'food'] });
  await act(SPV, { type: 'decidePathway', pathway: 'odgj' });
  await act(CM, { type: 'requestReferral', partner: 'rsj', facilityCode: 'RSJ-ATMA-HUSADA' });
  // The RSJ accepts by callback, the transport takes him there: admitted; the civil registry finds a family.
  await seen('observation.started');
  await act(CM, { type: 'recordFundingGuarantee', scheme: 'bpjs_pbi' });
  await seen('family_tracing.found');
  await act(CM, { type: 'recordHomeVisit', ready: false, reason: 'economy', summary: 'keluarga tidak mampu merawat' });
  // The RSJ discharges him; the pick-up is booked at once and made.
  await seen('facility.discharged');
  await seen('facility.picked_up');
  // He cannot consent yet: the Kasi decides he is assessed in his best interest.
  await act(SPV, { type: 'decideBestInterest', capacityReason: 'acute_psychosis' });
  await act(CM, { type: 'recordAssessment', consent: 'not_possible', familyInvolved: true, familyReady: false, familyReason: 'economy' });
  await act(CM, { type: 'requestTransfer', to: 'dinsos_provinsi', unitCode: 'DINSOS-PROV-64', regionCode: '64' });
  await act(PROV_SPV, { type: 'decideTransfer', accept: true, assignedWorker: 'cm-64' });
  const moved = (await act(PROV_CM, { type: 'recordBast', ref: 'BAST/064/2026/117' })).body;
  expect(moved).toMatchObject({ regionCode: '64', jurisdiction: 'province', assignedWorker: 'cm-64', stage: 'planning' });
  // The sender reads it for a while (30 simulated days), and may not act on it.
  await eventually(async () => ((await stack.api.get(`/v1/cases/${caseId}`).set(CM)).body.access === 'read' ? true : undefined), 'the sender\'s read-only access');
  await stack.api.post(`/v1/cases/${caseId}/commands`).set(CM).send({ type: 'addNote', text: 'x' }).expect(403);

  // The province plans his rehabilitation in its residential setting; its Kasi approves.
  const services: CommandOf<'submitPlan'>['services'] = [
    { component: 'terapi_psikososial', dueInDays: 30 },
    { component: 'pelatihan_vokasional', dueInDays: 150 },
  ];
  await act(PROV_CM, withGoals({ components: ['terapi_psikososial', 'pelatihan_vokasional'], setting: 'residential', services }));
  await act(PROV_SPV2, { type: 'decidePlan', approve: true });
  await act(PROV_CM, { type: 'recordServiceLinked', serviceId: 'svc-1', provider: 'UPTD-PSBL-64' });
  const linked = (await act(PROV_CM, { type: 'recordServiceLinked', serviceId: 'svc-2', provider: 'BLK-SAMARINDA' })).body;
  expect(linked).toMatchObject({ stage: 'implementation', plan: { status: 'approved', setting: 'residential' } });
  await seen('review.due');
  const reviewed = (await act(PROV_CM, { type: 'recordReview', decision: 'continue', summary: 'stabil, ikut pelatihan' })).body;
  expect(reviewed.reviews).toHaveLength(1);

  const counts = stack.sim.sim.counts();
  expect(counts.admissionsPerCaseRef[caseId]).toBe(1);
  expect(counts.bookingsPerCaseRef[caseId]).toBe(2); // to the RSJ, and the pick-up
  expect(counts.lookupsPerCaseRef[caseId]).toBe(1);
  // Commands answer before their records are written: the timeline is read once the last one is there.
  await seen('review.recorded');
  const all = await types();
  for (const t of ['rapid_assessment.recorded', 'pathway.decided', 'referral.accepted', 'facility.funding_guaranteed', 'family_tracing.home_visit', 'transfer.completed', 'plan.approved', 'review.recorded']) {
    expect(all).toContain(t);
  }
}, 180_000);
