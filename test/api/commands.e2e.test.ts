// Staff commands through the API: each maps to the case's Update, refusals come back as problem+json
// with the workflow's stable code in both languages, a retried command (same Idempotency-Key) acts once.
import type { DevWorker } from '../helpers/dev-worker';
import { startDevWorker } from '../helpers/dev-worker';
import { as, caller, caughtUp, testApp } from '../helpers/api';

let dev: DevWorker;
let app: ReturnType<typeof testApp>;
let api: ReturnType<typeof caller>;

beforeAll(async () => {
  dev = await startDevWorker('commands');
  app = testApp(dev);
  api = caller(app);
});
afterAll(() => dev?.close());


async function openCase(): Promise<string> {
  const res = await api
    .post('/v1/cases')
    .send({ category: 'odgj_terlantar', riskLevel: 'high', regionCode: '64.72', report: { channel: 'satpol_pp' }, subject: { name: 'Tanpa Nama' } })
    .expect(201);
  const caseId = res.body.caseId as string;
  // Commands need the read-model row (for the region check); it is written by the workflow's first activity.
  await caughtUp(app, caseId);
  return caseId;
}

test('commands move the case; refusals are 403/409 problems with the rule code in both languages', async () => {
  const caseId = await openCase();
  const acked = await api.post(`/v1/cases/${caseId}/commands`).set(as('operator:op-1')).send({ type: 'acknowledge', assignedWorker: 'cm-1' }).expect(200);
  expect(acked.body).toMatchObject({ stage: 'assessment', assignedWorker: 'cm-1' });

  const role = await api
    .post(`/v1/cases/${caseId}/commands`)
    .set(as('operator:op-1'))
    .send({ type: 'recordAssessment', consent: 'not_possible', familyInvolved: false })
    .expect(403)
    .expect('content-type', /problem\+json/);
  expect(role.body).toMatchObject({ code: 'ROLE_NOT_ALLOWED', title: 'Peran Anda tidak berwenang melakukan tindakan ini pada kasus.' });

  const stage = await api
    .post(`/v1/cases/${caseId}/commands`)
    .set(as('case_manager:cm-1'))
    .set('Accept-Language', 'en')
    .send({ type: 'requestClosure', outcome: 'other', reason: 'mistake' })
    .expect(409);
  expect(stage.body).toMatchObject({ code: 'WRONG_STAGE', title: 'This action does not apply at the case’s current stage.' });
  expect(stage.body.messages.id).toBe('Tindakan ini tidak berlaku pada tahap kasus saat ini.');
});

test('a retried command with the same Idempotency-Key acts once', async () => {
  const caseId = await openCase();
  await api.post(`/v1/cases/${caseId}/commands`).set(as('operator:op-1')).send({ type: 'acknowledge' }).expect(200);
  const send = () =>
    api
      .post(`/v1/cases/${caseId}/commands`)
      .set(as('case_manager:cm-1'))
      .set('Idempotency-Key', 'assess-1')
      .send({ type: 'recordRapidAssessment', danger: 'self', medicalEmergency: false, capacity: 'lacks_capacity', capacityReason: 'acute_psychosis', needs: [], summary: 'tampak bingung' });
  const first = await send().expect(200);
  const again = await send().expect(200);
  expect(again.body.rapidAssessment).toEqual(first.body.rapidAssessment);
  expect(first.body.rapidAssessment).toMatchObject({ capacity: 'lacks_capacity', capacityReason: 'acute_psychosis' });
  await caughtUp(app, caseId);
  const timeline = await api.get(`/v1/cases/${caseId}/timeline`).expect(200);
  const types = timeline.body.items.map((e: { type: string }) => e.type);
  expect(types.filter((t: string) => t === 'rapid_assessment.recorded')).toHaveLength(1);
  expect(timeline.body.items.map((e: { seq: number }) => e.seq)).toEqual(types.map((_: string, i: number) => i));
  // The summary stays in the encrypted case file, not in the timeline.
  expect(JSON.stringify(timeline.body)).not.toContain('bingung');
  const page = await api.get(`/v1/cases/${caseId}/timeline`).query({ after: 1, limit: 1 }).expect(200);
  expect(page.body.items.map((e: { seq: number }) => e.seq)).toEqual([2]);
  expect(page.body.nextAfter).toBe(2);
});

test('invalid commands are 422 problems naming the field; unknown cases are 404', async () => {
  const caseId = await openCase();
  const bad = await api.post(`/v1/cases/${caseId}/commands`).send({ type: 'extendDeadline', hours: -3 }).expect(422);
  expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['hours', 'reason']);
  const unknown = await api.post(`/v1/cases/${caseId}/commands`).send({ type: 'teleport' }).expect(422);
  expect(unknown.body.code).toBe('VALIDATION_FAILED');
  await api.post('/v1/cases/00000000-0000-4000-8000-000000000000/commands').send({ type: 'acknowledge' }).expect(404);
  await api.get('/v1/cases/00000000-0000-4000-8000-000000000000/timeline').expect(404);
});

test('a command right after intake works before the read model has caught up', async () => {
  const opened = await api
    .post('/v1/cases')
    .send({ category: 'odgj_terlantar', riskLevel: 'high', regionCode: '64.72', report: { channel: 'satpol_pp' }, subject: {} })
    .expect(201);
  // No waiting for the projection: the case is found through its workflow.
  const acked = await api.post(`/v1/cases/${opened.body.caseId}/commands`).set(as('operator:op-1', ['64'])).send({ type: 'acknowledge' }).expect(200);
  expect(acked.body.stage).toBe('assessment');
  await api.get(`/v1/cases/${opened.body.caseId}/timeline`).expect(200);
  // ...and still not for someone outside the region.
  await api.post(`/v1/cases/${opened.body.caseId}/commands`).set(as('operator:op-9', ['91'])).send({ type: 'addNote', text: 'x' }).expect(404);
});
