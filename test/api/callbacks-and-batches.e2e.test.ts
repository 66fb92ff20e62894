// The partner callback and repatriation batch routes with supertest against the real stack: success,
// validation failure, auth failure, someone else's region, duplicate POSTs.
import request from 'supertest';
import type { Express } from 'express';
import type { DevWorker } from '../helpers/dev-worker';
import { startDevWorker } from '../helpers/dev-worker';
import { as, caller, caughtUp, testApp } from '../helpers/api';
import { eventually } from '../helpers/eventually';

let dev: DevWorker;
let app: Express;
beforeAll(async () => {
  dev = await startDevWorker('callbacks');
  app = testApp(dev);
});
afterAll(() => dev?.close());

const PARTNER = as('partner:RSJ-ATMA-HUSADA', ['86']);
const CM = as('case_manager:cm-86', ['86']);
const SPV = as('supervisor:spv-86', ['86']);

async function caseAwaitingDecision(): Promise<string> {
  const caseId = (
    await caller(app).post('/v1/cases').send({ category: 'odgj_terlantar', riskLevel: 'high', regionCode: '86.01', report: { channel: 'public' }, subject: {} }).expect(201)
  ).body.caseId as string;
  await caughtUp(app, caseId);
  const act = (body: object, who = CM) => request(app).post(`/v1/cases/${caseId}/commands`).set(who).send(body).expect(200);
  await act({ type: 'acknowledge' });
  await act({ type: 'recordRapidAssessment', danger: 'self', medicalEmergency: false, capacity: 'lacks_capacity', capacityReason: 'acute_psychosis', needs: ['psychiatric_care'] });
  await act({ type: 'decidePathway', pathway: 'odgj' }, SPV);
  await act({ type: 'requestReferral', partner: 'rsj', facilityCode: 'RSJ-ATMA-HUSADA' });
  return caseId;
}

describe('POST /v1/partner-callbacks', () => {
  test('a decision is applied once however often it is delivered', async () => {
    const caseId = await caseAwaitingDecision();
    const body = { reportId: 'rsj-decision-1', caseRef: caseId, partnerId: 'RSJ-ATMA-HUSADA', command: { type: 'recordReferralDecision', accepted: true } };
    for (let i = 0; i < 3; i++) {
      const res = await request(app).post('/v1/partner-callbacks').set(PARTNER).send(body).expect(202);
      expect(res.body).toEqual({ accepted: true, reportId: 'rsj-decision-1' });
    }
    const events = await eventually(async () => {
      const items = (await caller(app).get(`/v1/cases/${caseId}/timeline`)).body.items as { type: string; actor: { id: string } }[];
      return items.some((e) => e.type === 'referral.accepted') ? items : undefined;
    }, 'the decision');
    expect(events.filter((e) => e.type === 'referral.accepted')).toEqual([expect.objectContaining({ actor: expect.objectContaining({ id: 'RSJ-ATMA-HUSADA' }) })]);
  });

  test('staff tokens, missing tokens, commands partners may not give and foreign regions are refused', async () => {
    const caseId = await caseAwaitingDecision();
    const body = { reportId: 'r-2', caseRef: caseId, command: { type: 'recordReferralDecision', accepted: false } };
    await request(app).post('/v1/partner-callbacks').send(body).expect(401);
    expect((await request(app).post('/v1/partner-callbacks').set(CM).send(body).expect(403)).body.code).toBe('FORBIDDEN');
    const invalid = await request(app).post('/v1/partner-callbacks').set(PARTNER).send({ ...body, command: { type: 'withdraw', reason: 'x' } }).expect(422);
    expect(invalid.body.code).toBe('VALIDATION_FAILED');
    const elsewhere = await request(app).post('/v1/partner-callbacks').set(as('partner:RSJ-MENUR', ['35'])).send(body).expect(404);
    expect(elsewhere.body.code).toBe('CASE_NOT_FOUND');
    // none of it reached the case
    const items = (await caller(app).get(`/v1/cases/${caseId}/timeline`)).body.items as { type: string }[];
    expect(items.map((e) => e.type)).not.toContain('referral.declined');
  });
});

describe('repatriation batches', () => {
  const batch = (members = 2) => ({
    category: 'orang_terlantar',
    regionCode: '86.01',
    originRegionCode: '32',
    originAgency: 'DINSOS-32',
    report: { channel: 'other_agency' },
    members: Array.from({ length: members }, () => ({ riskLevel: 'medium', subject: { name: 'Contoh' } })),
  });

  test('opening a batch opens one case per member; a retried POST returns the same batch and cases', async () => {
    const key = `batch-${Date.now()}`;
    const first = await request(app).post('/v1/repatriation-batches').set(CM).set('Idempotency-Key', key).send(batch()).expect(201);
    const again = await request(app).post('/v1/repatriation-batches').set(CM).set('Idempotency-Key', key).send(batch()).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const view = await request(app).get(`/v1/repatriation-batches/${first.body.batchId}`).set(CM).expect(200);
    expect(view.body).toMatchObject({ status: 'gathering', members: first.body.caseIds.map((caseId: string) => ({ caseId, status: 'preparing' })) });
    for (const caseId of first.body.caseIds as string[]) {
      await eventually(async () => ((await caller(app).get(`/v1/cases/${caseId}`)).body.record?.pathway === 'repatriation' ? true : undefined), 'member case');
    }
    // Listed from the read model for the region's staff, not for others.
    const listed = await eventually(async () => {
      const page = await request(app).get('/v1/repatriation-batches').set(CM).query({ region: '86.01', status: 'gathering' }).expect(200);
      return page.body.items.find((b: { batchId: string }) => b.batchId === first.body.batchId);
    }, 'the batch in the list');
    expect(listed).toMatchObject({ status: 'gathering', members: 2, arrived: 0, originAgency: 'DINSOS-32', planVersion: 0 });
    const foreign = await request(app).get('/v1/repatriation-batches').set(as('supervisor:spv-11', ['11'])).expect(200);
    expect(foreign.body.items.map((b: { batchId: string }) => b.batchId)).not.toContain(first.body.batchId);
    await request(app).get('/v1/repatriation-batches').set(CM).query({ status: 'lost' }).expect(422);
  });

  test('invalid, unauthenticated, out-of-region and premature requests are refused', async () => {
    expect((await request(app).post('/v1/repatriation-batches').set(CM).send(batch(0)).expect(422)).body.errors[0].field).toBe('members');
    await request(app).post('/v1/repatriation-batches').send(batch()).expect(401);
    expect((await request(app).post('/v1/repatriation-batches').set(as('operator:op-11', ['11'])).send(batch()).expect(403)).body.code).toBe('REGION_NOT_ALLOWED');
    const opened = await request(app).post('/v1/repatriation-batches').set(CM).send(batch(1)).expect(201);
    const id = opened.body.batchId as string;
    await request(app).get(`/v1/repatriation-batches/${id}`).set(as('supervisor:spv-11', ['11'])).expect(404);
    await request(app).get('/v1/repatriation-batches/not-a-batch').set(CM).expect(404);
    await request(app).post(`/v1/repatriation-batches/${id}/replan`).set(CM).send({}).expect(403);
    const early = await request(app).post(`/v1/repatriation-batches/${id}/replan`).set(as('supervisor:spv-86', ['86'])).send({}).expect(409);
    expect(early.body.code).toBe('BATCH_NOT_REPLANNING');
    await request(app).post(`/v1/repatriation-batches/${id}/replan`).set(as('supervisor:spv-86', ['86'])).send({ originAgency: 'no spaces allowed' }).expect(422);
  });
});
