// The workforce against the real stack: a staff registry the Kasi keeps, assignment only to active,
// verified workers of the case's region, a TKSK acting in their kecamatan only, a relawan reading without
// personal data, a Kabid acting on escalations of their level, and a deactivated record refused everywhere.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import request from 'supertest';
import { notifications, staff } from '../../db/schema';
import { StaffDirectory } from '../../api/staff/practice';
import type { DevWorker } from '../helpers/dev-worker';
import { startDevWorker } from '../helpers/dev-worker';
import { as, caughtUp, testApp } from '../helpers/api';
import { testKeyRing } from '../helpers/temporal';
import { eventually } from '../helpers/eventually';

let dev: DevWorker;
let app: ReturnType<typeof testApp>;
let fast: ReturnType<typeof testApp>;
beforeAll(async () => {
  dev = await startDevWorker('workforce');
  app = testApp(dev);
  // Deadlines a hundred thousand times faster: a high-risk case reaches level 2 of the ladder in about a second.
  fast = testApp(dev, { policy: { timeScale: 1 / 100_000 } });
});
afterAll(() => dev?.close());

// Kabupaten no other suite uses.
const REGION = '87.01';
const OTHER = '87.02';
const ADMIN = as('admin:adm-87', ['87']);
const KASI = as('supervisor:kasi-8701', ['87.01']);
const NEXT_YEAR = `${new Date().getUTCFullYear() + 1}-12-31`;
const LAST_YEAR = `${new Date().getUTCFullYear() - 1}-12-31`;

const register = (who: Record<string, string>, body: Record<string, unknown>, key = randomUUID()) => request(app).post('/v1/staff').set(who).set('idempotency-key', key).send(body);
const record = (staffId: string, role: string, extra: Record<string, unknown> = {}) => ({
  staffId,
  unitCode: 'DINSOS-8701',
  unitKind: 'dinsos_kabkota',
  regionCode: REGION,
  role,
  verifiedUntil: NEXT_YEAR,
  ...extra,
});
const openCase = async (body: Record<string, unknown> = {}, on = app) =>
  (
    await request(on)
      .post('/v1/cases')
      .set(as('operator:op-8701', [REGION]))
      .set('idempotency-key', randomUUID())
      .send({ category: 'tuna_sosial', riskLevel: 'high', regionCode: REGION, report: { channel: 'tksk' }, subject: { name: 'Siti Contoh' }, ...body })
      .expect(201)
  ).body.caseId as string;
const command = (caseId: string, who: Record<string, string>, body: Record<string, unknown>, on = app) => request(on).post(`/v1/cases/${caseId}/commands`).set(who).send(body);

beforeAll(async () => {
  await register(ADMIN, { ...record('kasi-8701', 'kasi') }).expect(201);
  await register(ADMIN, { ...record('kabid-87', 'kabid', { unitCode: 'DINSOS-87', unitKind: 'dinsos_provinsi', regionCode: '87' }) }).expect(201);
  await register(KASI, record('peksos-8701', 'pekerja_sosial', { certificationNo: 'PS-2025/0117', certifiedUntil: NEXT_YEAR })).expect(201);
  await register(KASI, record('pendamping-8701', 'pendamping_sosial')).expect(201);
  await register(KASI, record('tksk-8701', 'tksk', { kecamatanCode: '87.01.03' })).expect(201);
  await register(KASI, record('relawan-8701', 'relawan')).expect(201);
  await register(ADMIN, record('pendamping-8702', 'pendamping_sosial', { unitCode: 'DINSOS-8702', regionCode: OTHER })).expect(201);
});

test('the Kasi keeps the registry of their unit: bad input is refused and changes nothing; a retry is the same registration', async () => {
  const refused = [
    await register(KASI, record('x-1', 'juru_kunci')),
    await register(KASI, record('x-2', 'pekerja_sosial', { certificationNo: 'PS-1', certifiedUntil: LAST_YEAR })),
    await register(KASI, record('x-3', 'tksk', { kecamatanCode: '64.72.01' })),
    await register(KASI, record('x-4', 'pendamping_sosial', { verifiedUntil: LAST_YEAR })),
  ];
  expect(refused.map((r) => [r.status, r.body.code, r.body.errors?.[0]?.field])).toEqual([
    [422, 'VALIDATION_FAILED', 'role'],
    [422, 'VALIDATION_FAILED', 'certifiedUntil'],
    [422, 'VALIDATION_FAILED', 'kecamatanCode'],
    [422, 'VALIDATION_FAILED', 'verifiedUntil'],
  ]);
  expect(await dev.database.db.select().from(staff).where(eq(staff.staffId, 'x-2'))).toEqual([]);
  expect((await register(KASI, record('x-5', 'kabid'))).body.code).toBe('FORBIDDEN');
  // A Kasi manages their own unit: not a UPTD's staff in the same kabupaten.
  expect((await register(KASI, record('x-7', 'pendamping_sosial', { unitCode: 'UPTD-PANTI-8701', unitKind: 'uptd_panti' }))).body.code).toBe('FORBIDDEN');
  expect((await register(KASI, record('x-6', 'pendamping_sosial', { regionCode: OTHER, unitCode: 'DINSOS-8702' }))).body.code).toBe('REGION_NOT_ALLOWED');

  const key = randomUUID();
  await register(KASI, record('pendamping-8701b', 'pendamping_sosial'), key).expect(201);
  const again = await register(KASI, record('pendamping-8701b', 'pendamping_sosial'), key).expect(200);
  expect(again.headers['idempotent-replayed']).toBe('true');
  expect((await register(KASI, record('pendamping-8701b', 'psm', { kecamatanCode: '87.01.01' }), key)).body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  expect((await register(KASI, record('pendamping-8701b', 'psm', { kecamatanCode: '87.01.01' }))).body.code).toBe('STAFF_EXISTS');
  // Another kabupaten's record does not exist for this Kasi.
  await request(app).get('/v1/staff/pendamping-8702').set(KASI).expect(404);
  const listed = (await request(app).get('/v1/staff?role=pendamping_sosial').set(KASI).expect(200)).body.items.map((s: { staffId: string }) => s.staffId);
  expect(listed).toEqual(expect.arrayContaining(['pendamping-8701', 'pendamping-8701b']));
  expect(listed).not.toContain('pendamping-8702');
});

test('a case is assigned only to an active, verified worker of its region whose role carries cases', async () => {
  const caseId = await openCase();
  await register(KASI, record('lapsing-8701', 'pendamping_sosial')).expect(201);
  await request(app).patch('/v1/staff/lapsing-8701').set(KASI).send({ verifiedUntil: LAST_YEAR }).expect(200);
  await register(KASI, record('leaving-8701', 'pendamping_sosial')).expect(201);
  await request(app).patch('/v1/staff/leaving-8701').set(KASI).send({ active: false }).expect(200);
  const tries = ['lapsing-8701', 'leaving-8701', 'relawan-8701', 'pendamping-8702', 'nobody-8701'];
  // Named at intake, the same rules hold.
  const atIntake = await request(app)
    .post('/v1/cases')
    .set(as('operator:op-8701', [REGION]))
    .set('idempotency-key', randomUUID())
    .send({ category: 'tuna_sosial', riskLevel: 'low', regionCode: REGION, report: { channel: 'public' }, subject: {}, assignedWorker: 'leaving-8701' });
  expect([atIntake.status, atIntake.body.code]).toEqual([409, 'ASSIGNEE_INACTIVE']);
  const refused = [];
  for (const worker of tries) refused.push((await command(caseId, KASI, { type: 'acknowledge', assignedWorker: worker })).body.code);
  // A worker the registry does not know may still be named in `known` mode (a deployment adopting it).
  expect(refused).toEqual(['ASSIGNEE_UNVERIFIED', 'ASSIGNEE_INACTIVE', 'ASSIGNEE_CANNOT_CARRY', 'ASSIGNEE_OUTSIDE_REGION', undefined]);
  await command(caseId, KASI, { type: 'reassign', assignedWorker: 'pendamping-8701', reason: 'beban kerja' }).expect(200);
  expect((await command(caseId, KASI, { type: 'reassign', assignedWorker: 'leaving-8701', reason: 'x' })).body.code).toBe('ASSIGNEE_INACTIVE');
  // The lapsed worker's own token is refused on every route; so is the deactivated one's, still valid.
  for (const who of ['case_manager:lapsing-8701', 'case_manager:leaving-8701']) {
    const headers = as(who, [REGION]);
    const codes = [
      (await request(app).get('/v1/cases').set(headers)).body.code,
      (await request(app).get(`/v1/cases/${caseId}`).set(headers)).body.code,
      (await command(caseId, headers, { type: 'addNote', text: 'x' })).body.code,
      (await request(app).get('/v1/escalations').set(headers)).body.code,
      (await request(app).get('/v1/staff/pendamping-8701').set(headers)).body.code,
      (await request(app).get('/v1/transfers').set(headers)).body.code,
    ];
    expect(new Set(codes)).toEqual(new Set([who.includes('lapsing') ? 'STAFF_UNVERIFIED' : 'STAFF_INACTIVE']));
  }
  // Decrypting payloads too: the deactivated supervisor's still-valid token is refused at the codec.
  await register(KASI, record('spv-leaving-8701', 'pendamping_sosial')).expect(201);
  await request(app).patch('/v1/staff/spv-leaving-8701').set(KASI).send({ active: false }).expect(200);
  const guarded = testApp(dev, { codec: { ring: testKeyRing, corsOrigins: [], requireAuth: true } });
  expect((await request(guarded).post('/codec/decode').set(as('supervisor:spv-leaving-8701', [REGION])).send({ payloads: [] }).expect(403)).body.code).toBe('STAFF_INACTIVE');
  await request(guarded).post('/codec/decode').set(KASI).send({ payloads: [] }).expect(200);
});

test('a TKSK acts on cases reported in their kecamatan only; a relawan reads without personal data; a child is assessed by a certified pekerja sosial', async () => {
  const TKSK = as('case_manager:tksk-8701', ['87']);
  const mine = await openCase({ report: { channel: 'tksk', place: { areaCode: '87.01.03.2001', landmark: 'pasar' } } });
  const elsewhere = await openCase({ report: { channel: 'tksk', place: { areaCode: '87.01.05' } } });
  // The TKSK's outreach is the first response; the case is carried by a pendamping they name.
  expect((await command(mine, TKSK, { type: 'acknowledge' }).expect(409)).body.code).toBe('ASSIGNEE_REQUIRED');
  await command(mine, TKSK, { type: 'acknowledge', assignedWorker: 'pendamping-8701' }).expect(200);
  await command(mine, TKSK, { type: 'recordRapidAssessment', danger: 'none', medicalEmergency: false, capacity: 'has_capacity', needs: ['food'] }).expect(200);
  expect((await command(elsewhere, TKSK, { type: 'acknowledge' }).expect(403)).body.code).toBe('OUTSIDE_KECAMATAN');
  expect((await command(mine, TKSK, { type: 'requestTransfer', to: 'dinsos_provinsi', unitCode: 'DINSOS-87', regionCode: '87' }).expect(403)).body.code).toBe('PRACTICE_ROLE_NOT_ALLOWED');

  const RELAWAN = as('operator:relawan-8701', [REGION]);
  await caughtUp(app, mine);
  const read = (await request(app).get(`/v1/cases/${mine}`).set(RELAWAN).expect(200)).body;
  expect([read.live.stage, read.live.subject, read.live.report]).toEqual(['assessment', {}, { channel: 'tksk' }]);
  expect(JSON.stringify(read)).not.toMatch(/Siti|pasar|87\.01\.03\.2001/);
  expect((await command(mine, RELAWAN, { type: 'addNote', text: 'x' }).expect(403)).body.code).toBe('PRACTICE_ROLE_NOT_ALLOWED');

  const child = await openCase({ category: 'anak_terlantar' });
  await command(child, as('case_manager:pendamping-8701', [REGION]), { type: 'acknowledge' }).expect(200);
  await command(child, as('case_manager:pendamping-8701', [REGION]), { type: 'recordRapidAssessment', danger: 'none', medicalEmergency: false, capacity: 'lacks_capacity', capacityReason: 'child_alone', needs: [] }).expect(200);
  await command(child, KASI, { type: 'decidePathway', pathway: 'atensi' }).expect(200);
  const assess = { type: 'recordAssessment', consent: 'family', familyInvolved: true };
  expect((await command(child, as('case_manager:pendamping-8701', [REGION]), assess).expect(403)).body.code).toBe('CERTIFIED_WORKER_REQUIRED');
  await command(child, as('case_manager:peksos-8701', [REGION]), assess).expect(200);
});

test('the Kabid acts on escalations that reached level 2, not below; a worker of Samarinda never reaches a Balikpapan case', async () => {
  const KABID = as('supervisor:kabid-87', ['87']);
  const quiet = await openCase();
  expect((await command(quiet, KABID, { type: 'acknowledgeEscalation' }).expect(403)).body.code).toBe('ESCALATION_LEVEL_TOO_LOW');
  expect((await command(quiet, KABID, { type: 'decidePathway', pathway: 'atensi' }).expect(403)).body.code).toBe('PRACTICE_ROLE_NOT_ALLOWED');
  const late = await openCase({}, fast);
  await eventually(async () => ((await request(app).get(`/v1/cases/${late}`).set(KABID)).body.live?.escalationLevel >= 2 ? true : undefined), 'level 2');
  await command(late, KABID, { type: 'acknowledgeEscalation', reason: 'Kabid mengambil alih' }, fast).expect(200);
  // The ladder's notice for the Kasi went to the registered Kasi of the kabupaten by name.
  const sent = await dev.database.db.select().from(notifications).where(eq(notifications.caseId, late));
  expect(sent.filter((n) => n.audience === 'supervisor').map((n) => n.staffId)).toContain('kasi-8701');

  // The hidden path: a registered case manager of 64.72 with a token claiming 64 still works in 64.72 only.
  await register(as('admin:adm-64', ['64']), { ...record('cm-6472-w', 'pendamping_sosial'), unitCode: 'DINSOS-6472', regionCode: '64.72' }).expect(201);
  const balikpapan = (
    await request(app)
      .post('/v1/cases')
      .set(as('operator:op-6471', ['64.71']))
      .set('idempotency-key', randomUUID())
      .send({ category: 'tuna_sosial', riskLevel: 'low', regionCode: '64.71', report: { channel: 'public' }, subject: {} })
      .expect(201)
  ).body.caseId as string;
  const samarinda = as('case_manager:cm-6472-w', ['64']);
  await request(app).get(`/v1/cases/${balikpapan}`).set(samarinda).expect(404);
  await command(balikpapan, samarinda, { type: 'addNote', text: 'x' }).expect(404);
});

test('in `required` mode a token without a registry record is refused, whatever it claims', async () => {
  const strict = testApp(dev, { staffDirectory: new StaffDirectory(dev.database.db, 'required') });
  expect((await request(strict).get('/v1/cases').set(as('supervisor:not-registered', ['*'])).expect(403)).body.code).toBe('STAFF_NOT_REGISTERED');
  await request(strict).get('/v1/cases').set(as('supervisor:kasi-8701', ['*'])).expect(200);
});
