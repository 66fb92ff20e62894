// Intake as practice records it, against the real stack: when and where the report was made and by whom
// (TKSK, PSM, kelurahan, puskesmas, social media), refused when impossible, and an identity found later —
// kept in the encrypted case, named in the timeline only by its fields, never in the read model.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import request from 'supertest';
import { caseEvents, cases } from '../../db/schema';
import type { DevWorker } from '../helpers/dev-worker';
import { startDevWorker } from '../helpers/dev-worker';
import { as, caller, caughtUp, testApp } from '../helpers/api';

let dev: DevWorker;
let app: ReturnType<typeof testApp>;
beforeAll(async () => {
  dev = await startDevWorker('intake-practice');
  app = testApp(dev);
});
afterAll(() => dev?.close());

// A kabupaten no other suite uses.
const REGION = '98.01';
const OP = as('operator:op-9801', ['98.01']);
const CM = as('case_manager:cm-9801', ['98.01']);
const NIK = '9801014407800003';

const intake = (report: Record<string, unknown>) => ({ category: 'lansia_terlantar', riskLevel: 'medium', regionCode: REGION, report, subject: {} });
const open = (report: Record<string, unknown>, key = randomUUID()) => request(app).post('/v1/cases').set(OP).set('idempotency-key', key).send(intake(report));

const casesInRegion = async () => (await dev.database.db.select({ caseId: cases.caseId }).from(cases).where(eq(cases.regionCode, REGION))).length;

test('a report from the future, from before 2000 or from a place outside the region is refused and opens nothing', async () => {
  const before = await casesInRegion();
  const future = new Date(Date.now() + 3_600_000).toISOString();
  const refused = [
    await open({ channel: 'tksk', reportedAt: future }),
    await open({ channel: 'tksk', reportedAt: '1999-12-31T23:00:00+07:00' }),
    await open({ channel: 'kelurahan', place: { areaCode: '63.02.05' } }),
    await open({ channel: 'kelurahan', place: { areaCode: '98.01.1' } }),
  ];
  expect(refused.map((r) => [r.status, r.body.code, r.body.errors?.[0]?.field])).toEqual([
    [422, 'VALIDATION_FAILED', 'report.reportedAt'],
    [422, 'VALIDATION_FAILED', 'report.reportedAt'],
    [422, 'VALIDATION_FAILED', 'report.place.areaCode'],
    [422, 'VALIDATION_FAILED', 'report.place.areaCode'],
  ]);
  // Submitted values are never echoed back.
  expect(JSON.stringify(refused.map((r) => r.body))).not.toContain('63.02.05');
  expect(await casesInRegion()).toBe(before);
});

test('a TKSK report with its time and place opens a case; the place and the landmark stay out of the read model', async () => {
  const reportedAt = new Date(Date.now() - 3 * 3_600_000).toISOString();
  const opened = await open({ channel: 'tksk', reportedAt, place: { areaCode: '98.01.02.1003', landmark: 'di bawah jembatan pasar lama' }, photoRef: 'dms:foto/2026/117' }).expect(201);
  const caseId = opened.body.caseId as string;
  await caughtUp(app, caseId);
  const live = (await caller(app).get(`/v1/cases/${caseId}`).expect(200)).body.live;
  expect(live.report).toEqual({ channel: 'tksk', reportedAt, place: { areaCode: '98.01.02.1003', landmark: 'di bawah jembatan pasar lama' }, photoRef: 'dms:foto/2026/117' });
  const [row] = await dev.database.db.select().from(cases).where(eq(cases.caseId, caseId));
  expect(JSON.stringify(row)).not.toMatch(/jembatan|98\.01\.02|dms:/);
});

test('an identity found later is recorded in the case; the timeline names the fields, the read model holds no value', async () => {
  const caseId = (await open({ channel: 'puskesmas' }).expect(201)).body.caseId as string;
  await request(app).post(`/v1/cases/${caseId}/commands`).set(OP).send({ type: 'acknowledge', assignedWorker: 'cm-9801' }).expect(200);
  const refused = await request(app).post(`/v1/cases/${caseId}/commands`).set(CM).send({ type: 'recordIdentity', birthDate: '2999-01-01' }).expect(422);
  expect(refused.body.errors[0].field).toBe('birthDate');
  const after = await request(app).post(`/v1/cases/${caseId}/commands`).set(CM).send({ type: 'recordIdentity', nik: NIK, name: 'Sumiati Contoh' }).expect(200);
  expect(after.body.identity).toMatchObject({ nik: NIK, name: 'Sumiati Contoh', recordedBy: 'cm-9801' });
  await caughtUp(app, caseId);
  const events = await dev.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId));
  expect(events.find((e) => e.type === 'identity.recorded')?.data).toEqual({ fields: 'nik,name' });
  const [row] = await dev.database.db.select().from(cases).where(eq(cases.caseId, caseId));
  expect(JSON.stringify([events, row])).not.toMatch(new RegExp(`${NIK}|Sumiati`));
});
