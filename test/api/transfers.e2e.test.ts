// Jurisdiction transfers over the API: the receiving unit finds the request in its queue and reads the
// case (not its other commands); only a supervisor of the receiving region decides; after the BAST the
// receiver holds the case and the sender reads it, its commands refused, until its read-only period ends.
import type { Express } from 'express';
import request from 'supertest';
import type { DevWorker } from '../helpers/dev-worker';
import { startDevWorker } from '../helpers/dev-worker';
import { as, caughtUp, decideOverApi, testApp } from '../helpers/api';
import { eventually } from '../helpers/eventually';

let dev: DevWorker;
let app: Express;
const READ_ONLY_MS = 6_000;

beforeAll(async () => {
  dev = await startDevWorker('transfers');
  app = testApp(dev, { policy: { fixed: { transfer_read_only: READ_ONLY_MS } } });
});
afterAll(() => dev?.close());

const SENDER_CM = as('case_manager:cm-7371', ['73.71']);
const SENDER_SPV = as('supervisor:spv-7371', ['73.71']);
const PROV_SPV = as('supervisor:spv-73', ['73']);
const PROV_CM = as('case_manager:cm-73', ['73']);

const OTHER_SPV = as('supervisor:spv-7372', ['73.72']);
// A Sentra of Kemensos in Jakarta: a receiving unit outside the sender's province.
const SENTRA_SPV = as('supervisor:spv-sentra', ['31.74']);
const SENTRA_CM = as('case_manager:cm-sentra', ['31.74']);

const command = (caseId: string, who: Record<string, string>, body: object) => request(app).post(`/v1/cases/${caseId}/commands`).set(who).send(body);

/** A person in the rumah singgah of Kota Makassar (73.71), assessed, whose transfer to the province is requested. */
async function transferRequested(to = { to: 'uptd_panti', unitCode: 'UPTD-PSBK-73', regionCode: '73' }): Promise<string> {
  const opened = await request(app).post('/v1/cases').set(SENDER_CM).send({ category: 'tuna_sosial', riskLevel: 'medium', regionCode: '73.71', report: { channel: 'outreach' } }).expect(201);
  const caseId = opened.body.caseId as string;
  await caughtUp(app, caseId);
  await decideOverApi(app, caseId, 'shelter', ['73.71']);
  await command(caseId, SENDER_CM, { type: 'recordAssessment', consent: 'client', familyInvolved: false, familyReady: false, familyReason: 'unknown' }).expect(200);
  await command(caseId, SENDER_CM, { type: 'requestTransfer', ...to }).expect(200);
  return caseId;
}

test('the receiving unit sees the request in its queue and reads the case; only its supervisor decides', async () => {
  const caseId = await transferRequested({ to: 'sentra_kemensos', unitCode: 'SENTRA-MULYA-JAYA', regionCode: '31.74' });
  const queue = await eventually(async () => {
    const res = await request(app).get('/v1/transfers').set(SENTRA_SPV).expect(200);
    return res.body.items.some((c: { caseId: string }) => c.caseId === caseId) ? res.body.items : undefined;
  }, 'the incoming queue');
  expect(queue.find((c: { caseId: string }) => c.caseId === caseId)).toMatchObject({ regionCode: '73.71', transfer: { status: 'requested', toRegion: '31.74' } });
  const outgoing = await request(app).get('/v1/transfers').query({ direction: 'outgoing' }).set(SENDER_SPV).expect(200);
  expect(outgoing.body.items.map((c: { caseId: string }) => c.caseId)).toContain(caseId);
  expect((await request(app).get('/v1/transfers').set(OTHER_SPV).expect(200)).body.items.map((c: { caseId: string }) => c.caseId)).not.toContain(caseId);

  const read = await request(app).get(`/v1/cases/${caseId}`).set(SENTRA_CM).expect(200);
  expect(read.body).toMatchObject({ access: 'decide_transfer', live: { transfers: [{ status: 'requested', laporanSosial: expect.stringMatching(/^LS-/) }] } });
  await request(app).get(`/v1/cases/${caseId}/timeline`).set(SENTRA_CM).expect(200);
  expect((await command(caseId, SENTRA_CM, { type: 'addNote', text: 'x' }).expect(403)).body.code).toBe('READ_ONLY_ACCESS');
  await request(app).get(`/v1/cases/${caseId}`).set(OTHER_SPV).expect(404);
  // The sender's own supervisor is not the receiving unit.
  expect((await command(caseId, SENDER_SPV, { type: 'decideTransfer', accept: true, assignedWorker: 'cm-sentra' }).expect(403)).body.code).toBe('NOT_RECEIVING_UNIT');
  expect((await command(caseId, SENTRA_CM, { type: 'decideTransfer', accept: true, assignedWorker: 'cm-sentra' }).expect(403)).body.code).toBe('ROLE_NOT_ALLOWED');
  const declined = await command(caseId, SENTRA_SPV, { type: 'decideTransfer', accept: false, declineReason: 'outside_mandate' }).expect(200);
  expect(declined.body).toMatchObject({ regionCode: '73.71', transfers: [{ status: 'declined', declineReason: 'outside_mandate' }] });
  // Declined: back with the sender, and the receiving unit no longer sees it.
  await eventually(async () => ((await request(app).get(`/v1/cases/${caseId}`).set(SENTRA_CM)).status === 404 ? true : undefined), 'the grant withdrawn');
  await command(caseId, SENDER_CM, { type: 'addNote', text: 'cari panti lain' }).expect(200);
});

test('after the BAST the receiver holds the case; the sender reads it, its commands refused, until its period ends', async () => {
  const caseId = await transferRequested();
  await command(caseId, PROV_SPV, { type: 'decideTransfer', accept: true, assignedWorker: 'cm-73' }).expect(200);
  const moved = await command(caseId, PROV_CM, { type: 'recordBast', ref: 'BAST/073/2026' }).expect(200);
  expect(moved.body).toMatchObject({ regionCode: '73', jurisdiction: 'province', assignedWorker: 'cm-73', stage: 'planning', residentialCare: { unitCode: 'UPTD-PSBK-73' } });
  await eventually(async () => ((await request(app).get(`/v1/cases/${caseId}`).set(PROV_CM)).body.record?.regionCode === '73' ? true : undefined), 'the read model');

  const handedOver = (who: Record<string, string>) =>
    request(app).get('/v1/transfers').query({ direction: 'outgoing', status: 'completed' }).set(who).expect(200).then((r) => r.body.items.map((c: { caseId: string }) => c.caseId));
  expect(await eventually(async () => ((await handedOver(SENDER_SPV)).includes(caseId) ? true : undefined), 'the sender\'s completed transfers')).toBe(true);
  expect(await handedOver(OTHER_SPV)).not.toContain(caseId);
  const asSender = await request(app).get(`/v1/cases/${caseId}`).set(SENDER_CM).expect(200);
  expect(asSender.body.access).toBe('read');
  await request(app).get(`/v1/cases/${caseId}/timeline`).set(SENDER_CM).expect(200);
  expect((await command(caseId, SENDER_CM, { type: 'addNote', text: 'tanya kabar' }).expect(403)).body.code).toBe('READ_ONLY_ACCESS');
  expect((await request(app).get(`/v1/cases/${caseId}`).set(PROV_CM).expect(200)).body.access).toBe('full');
  await command(caseId, PROV_CM, { type: 'addNote', text: 'diterima di UPTD' }).expect(200);
  // The sender's period ends: the case is no longer theirs to see.
  await eventually(async () => ((await request(app).get(`/v1/cases/${caseId}`).set(SENDER_CM)).status === 404 ? true : undefined), 'the read-only period to end', READ_ONLY_MS + 10_000);
  await request(app).get(`/v1/cases/${caseId}/timeline`).set(SENDER_CM).expect(404);
  expect(await handedOver(SENDER_SPV)).not.toContain(caseId);
});
