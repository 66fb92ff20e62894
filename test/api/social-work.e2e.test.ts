// The social work inside a case over the API, against the real stack: a child without family gets a wali
// sementara before the guardian consents; advocacy items and plan goals are kept in the encrypted case
// and named in the timeline only by codes; bad item ids and early endings are refused with their codes.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import request from 'supertest';
import { caseEvents, cases } from '../../db/schema';
import type { DevWorker } from '../helpers/dev-worker';
import { startDevWorker } from '../helpers/dev-worker';
import { as, caller, caughtUp, decideOverApi, testApp } from '../helpers/api';

let dev: DevWorker;
let app: ReturnType<typeof testApp>;
beforeAll(async () => {
  dev = await startDevWorker('social-work');
  app = testApp(dev);
});
afterAll(() => dev?.close());

// A kabupaten no other suite uses.
const REGION = '88.01';
const OP = as('operator:op-8801', [REGION]);
const CM = as('case_manager:cm-8801', [REGION]);
const SPV = as('supervisor:spv-8801', [REGION]);
const GOAL = 'Anak bersekolah kembali di SD Negeri Tanjung';

const command = (caseId: string, who: Record<string, string>, body: Record<string, unknown>) => request(app).post(`/v1/cases/${caseId}/commands`).set(who).send(body);

test('a child without family: the guardian consents once appointed; advocacy and goals stay out of the timeline and the read model', async () => {
  const opened = await request(app)
    .post('/v1/cases')
    .set(OP)
    .set('idempotency-key', randomUUID())
    .send({ category: 'anak_terlantar', riskLevel: 'high', regionCode: REGION, report: { channel: 'police' }, subject: {} })
    .expect(201);
  const caseId = opened.body.caseId as string;
  await command(caseId, CM, { type: 'acknowledge' }).expect(200);
  await decideOverApi(app, caseId, 'atensi', [REGION]);

  const assess = { type: 'recordAssessment', consent: 'guardian', familyInvolved: false, advocacy: ['civil_documents', 'health_insurance'] };
  const refused = await command(caseId, CM, assess).expect(409);
  expect([refused.body.code, refused.body.detail]).toEqual(['GUARDIAN_REQUIRED', expect.stringContaining('wali')]);
  expect((await command(caseId, CM, { type: 'appointGuardian', basis: 'temporary_dinsos' })).status).toBe(403);
  await command(caseId, SPV, { type: 'appointGuardian', basis: 'temporary_dinsos', reason: 'keluarga tidak ditemukan' }).expect(200);
  const assessed = (await command(caseId, CM, assess).expect(200)).body;
  expect(assessed.advocacy.map((i: { id: string; kind: string; status: string }) => [i.id, i.kind, i.status])).toEqual([
    ['adv-1', 'civil_documents', 'open'],
    ['adv-2', 'health_insurance', 'open'],
  ]);

  const badId = await command(caseId, CM, { type: 'closeAdvocacy', itemId: 'akta', outcome: 'achieved' }).expect(422);
  expect([badId.body.code, badId.body.errors?.[0]?.field]).toEqual(['VALIDATION_FAILED', 'itemId']);
  expect((await command(caseId, CM, { type: 'closeAdvocacy', itemId: 'adv-7', outcome: 'achieved' }).expect(409)).body.code).toBe('UNKNOWN_ITEM');
  expect((await command(caseId, CM, { type: 'recordExit', kind: 'refused_services', reason: 'tidak mau' }).expect(409)).body.code).toBe('LACKS_CAPACITY');
  expect((await command(caseId, CM, { type: 'recordExit', kind: 'not_found', reason: 'x' }).expect(409)).body.code).toBe('ALREADY_MET');
  await command(caseId, CM, { type: 'closeAdvocacy', itemId: 'adv-1', outcome: 'achieved', summary: 'akta kelahiran terbit' }).expect(200);

  const plan = {
    type: 'submitPlan',
    components: ['perawatan_sosial_dan_pengasuhan_anak'],
    setting: 'residential',
    services: [{ component: 'perawatan_sosial_dan_pengasuhan_anak', dueInDays: 60, startInDays: 0 }],
  };
  expect((await command(caseId, CM, plan).expect(409)).body.code).toBe('GOAL_REQUIRED');
  const goals = [{ component: 'perawatan_sosial_dan_pengasuhan_anak', goal: GOAL, indicator: 'rapor semester pertama' }];
  const planned = (await command(caseId, CM, { ...plan, goals }).expect(200)).body;
  expect(planned.plan.goals).toEqual(goals);
  await command(caseId, CM, { type: 'recordCaseConference', participants: ['case_manager', 'guardian', 'psychologist'], decisions: ['continue_plan'] }).expect(200);

  await caughtUp(app, caseId);
  const events = await dev.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId));
  const [row] = await dev.database.db.select().from(cases).where(eq(cases.caseId, caseId));
  const stored = JSON.stringify([events, row]);
  expect(stored).not.toMatch(/SD Negeri|rapor|akta kelahiran|keluarga tidak ditemukan/);
  expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['guardian.appointed', 'advocacy.opened', 'advocacy.closed', 'plan.submitted', 'conference.recorded']));
  const timeline = (await caller(app).get(`/v1/cases/${caseId}/timeline`).expect(200)).body.items as { type: string; data: Record<string, unknown> }[];
  expect(timeline.find((e) => e.type === 'advocacy.opened')?.data).toMatchObject({ itemId: 'adv-1', kind: 'civil_documents', source: 'assessment' });
});
