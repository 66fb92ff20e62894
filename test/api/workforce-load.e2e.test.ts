// The workforce's load and standing over time, against the real stack: a caseload above the threshold
// warns the Kasi exactly once per crossing; ladder notices reach the registered Kasi by name; the daily
// verification Schedule (created idempotently, run for real) lists lapsing staff and their open cases.
import { randomUUID } from 'node:crypto';
import { and, eq, like } from 'drizzle-orm';
import request from 'supertest';
import { notifications, staff, staffEvents } from '../../db/schema';
import { localDay } from '../../domain/local-time';
import { ensureStaffVerificationSchedule } from '../../temporal/schedules';
import { STAFF_VERIFICATION_SCHEDULE } from '../../workflows/staff/contract';
import { as, caughtUp, testApp } from '../helpers/api';
import type { DevWorker } from '../helpers/dev-worker';
import { startDevWorker } from '../helpers/dev-worker';
import { eventually } from '../helpers/eventually';

const THRESHOLD = 3;
let dev: DevWorker;
let app: ReturnType<typeof testApp>;
beforeAll(async () => {
  dev = await startDevWorker('workforce-load', undefined, THRESHOLD);
  // The deployment's policy sets the threshold for the API and the worker alike.
  app = testApp(dev, { policy: { caseloadThreshold: THRESHOLD } });
});
afterAll(() => dev?.close());

// A kabupaten no other suite uses.
const REGION = '84.01';
const ADMIN = as('admin:adm-84', ['84']);
const KASI = as('supervisor:kasi-8401', [REGION]);
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
const record = (staffId: string, role: string, verifiedUntil = day(365)) => ({ staffId, unitCode: 'DINSOS-8401', unitKind: 'dinsos_kabkota', regionCode: REGION, role, verifiedUntil });
const register = (who: Record<string, string>, body: Record<string, unknown>) => request(app).post('/v1/staff').set(who).set('idempotency-key', randomUUID()).send(body).expect(201);

async function assignedCase(worker: string): Promise<string> {
  const caseId = (
    await request(app)
      .post('/v1/cases')
      .set(as('operator:op-8401', [REGION]))
      .set('idempotency-key', randomUUID())
      .send({ category: 'tuna_sosial', riskLevel: 'low', regionCode: REGION, report: { channel: 'public' }, subject: {} })
      .expect(201)
  ).body.caseId as string;
  await request(app).post(`/v1/cases/${caseId}/commands`).set(KASI).send({ type: 'acknowledge', assignedWorker: worker }).expect(200);
  // Commands answer before the read model is written; the caseload is counted from it.
  await caughtUp(app, caseId);
  return caseId;
}

const warnings = async (staffId: string) => dev.database.db.select().from(staffEvents).where(and(eq(staffEvents.staffId, staffId), eq(staffEvents.type, 'staff.caseload_over')));
const notices = async (prefix: string) => dev.database.db.select().from(notifications).where(like(notifications.key, `${prefix}%`));

beforeAll(async () => {
  await register(ADMIN, record('kasi-8401', 'kasi'));
  await register(KASI, record('pendamping-8401', 'pendamping_sosial'));
  await register(KASI, record('lapsing-8401', 'pendamping_sosial', day(10)));
});

test('a worker above the caseload threshold is named to the Kasi once per crossing', async () => {
  const cases = [];
  for (let i = 0; i < THRESHOLD + 1; i++) cases.push(await assignedCase('pendamping-8401'));
  await eventually(async () => ((await warnings('pendamping-8401')).length === 1 ? true : undefined), 'the caseload warning');
  await assignedCase('pendamping-8401');
  expect((await request(app).get('/v1/staff/pendamping-8401/caseload').set(KASI).expect(200)).body).toEqual({ staffId: 'pendamping-8401', open: THRESHOLD + 2, threshold: THRESHOLD, over: true });
  const stats = (await request(app).get(`/v1/stats?region=${REGION}`).set(KASI).expect(200)).body;
  expect(stats.byWorker['pendamping-8401']).toBe(THRESHOLD + 2);
  // The fifth case changed nothing: one event, one notice — to the Kasi by name.
  expect(await warnings('pendamping-8401')).toHaveLength(1);
  const sent = await notices('caseload:pendamping-8401:');
  expect(sent.map((n) => [n.template, n.audience, n.staffId, n.data.open])).toEqual([['caseload.over', 'supervisor', 'kasi-8401', THRESHOLD + 1]]);

  // Two cases go to someone else: back at the threshold, the warning clears; over again, it warns again.
  for (const caseId of cases.slice(0, 2)) {
    await request(app).post(`/v1/cases/${caseId}/commands`).set(KASI).send({ type: 'reassign', assignedWorker: 'lapsing-8401', reason: 'beban kerja' }).expect(200);
  }
  await eventually(async () => {
    const [row] = await dev.database.db.select().from(staff).where(eq(staff.staffId, 'pendamping-8401'));
    return row && row.caseloadWarnedAt === null ? true : undefined;
  }, 'the warning cleared');
  await assignedCase('pendamping-8401');
  await eventually(async () => ((await warnings('pendamping-8401')).length === 2 ? true : undefined), 'a second crossing');
});

test('the daily verification Schedule lists lapsing staff and their open cases to the Kasi, once a day however often it runs', async () => {
  await assignedCase('lapsing-8401');
  expect(await ensureStaffVerificationSchedule(dev.client, dev.taskQueue)).toBe(true);
  expect(await ensureStaffVerificationSchedule(dev.client, dev.taskQueue)).toBe(false);
  const schedule = dev.client.schedule.getHandle(STAFF_VERIFICATION_SCHEDULE);
  try {
    await schedule.trigger();
    // Keyed by the region's own calendar day, which is not the UTC day for part of every day.
    const key = `staff-lapsing:${REGION}:${localDay(new Date(), REGION)}`;
    const [notice] = await eventually(async () => {
      const rows = await notices(key);
      return rows.length ? rows : undefined;
    }, 'the lapsing notice');
    expect([notice!.staffId, notice!.template]).toEqual(['kasi-8401', 'staff.lapsing']);
    expect(String(notice!.data.staffIds).split(',')).toEqual(['lapsing-8401']);
    expect(Number(notice!.data.openCases)).toBeGreaterThanOrEqual(1);
    // Run again the same day: nothing new is queued.
    await schedule.trigger();
    await eventually(async () => ((await schedule.describe()).info.recentActions.length >= 2 ? true : undefined), 'the second run');
    const runs = (await schedule.describe()).info.recentActions.map((a) => a.action.workflow.workflowId);
    await Promise.all(runs.map((id) => dev.client.workflow.getHandle(id).result().catch(() => undefined)));
    expect(await notices(key)).toHaveLength(1);
  } finally {
    await schedule.delete();
  }
});
