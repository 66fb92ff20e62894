// GET /v1/escalations against real escalations: cases on the dev server with a simulation time scale
// (one hour = 100 ms) miss their first-response deadline and climb the ladder while the test watches.
import { commandUpdate } from '../../workflows/case/contract';
import type { DevWorker } from '../helpers/dev-worker';
import { startDevWorker } from '../helpers/dev-worker';
import { caller, testApp } from '../helpers/api';

let dev: DevWorker;
let api: ReturnType<typeof caller>;

beforeAll(async () => {
  dev = await startDevWorker('escalations');
  api = caller(testApp(dev, { policy: { timeScale: 1 / 36_000 } }));
});
afterAll(() => dev?.close());

// Regions no other suite uses, so a shared CI database cannot blur the lists.
const open = (regionCode: string, riskLevel: string) =>
  api
    .post('/v1/cases')
    .send({ category: 'lansia_terlantar', riskLevel, regionCode, report: { channel: 'family' }, subject: {} })
    .expect(201)
    .then((r) => r.body.caseId as string);

async function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 150; i++) {
    const v = await probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

test('escalated and overdue cases are listed by level and filtered by region, reason and level', async () => {
  const a = await open('91.01', 'high');
  const b = await open('91.02', 'high');
  const c = await open('92.01', 'low');
  // High risk: first response within 1 h (100 ms here), level 2 a simulated day later (2.4 s).
  const level2 = await until(async () => {
    const res = await api.get('/v1/escalations').query({ minLevel: 2, region: '91' }).expect(200);
    return res.body.items.length === 2 ? res.body.items : undefined;
  }, 'two level-2 escalations in province 91');
  expect(level2.map((i: { caseId: string }) => i.caseId).sort()).toEqual([a, b].sort());
  expect(level2[0].escalations).toEqual([expect.objectContaining({ reason: 'deadline', subject: 'first_response', level: 2, acknowledged: false })]);

  const one = await api.get('/v1/escalations').query({ region: '91.01' }).expect(200);
  expect(one.body.items.map((i: { caseId: string }) => i.caseId)).toEqual([a]);
  const stalled = await api.get('/v1/escalations').query({ region: '91', reason: 'stalled' }).expect(200);
  expect(stalled.body.items).toEqual([]);
  const overdue = await api.get('/v1/escalations').query({ view: 'overdue', region: '91' }).expect(200);
  expect(overdue.body.items.map((i: { nextDeadline: { kind: string } }) => i.nextDeadline.kind)).toEqual(['first_response', 'first_response']);

  // Keyset pagination walks the same list one item at a time.
  const first = await api.get('/v1/escalations').query({ region: '91', limit: 1 }).expect(200);
  const second = await api.get('/v1/escalations').query({ region: '91', limit: 1, cursor: first.body.nextCursor }).expect(200);
  expect([first.body.items[0].caseId, second.body.items[0].caseId].sort()).toEqual([a, b].sort());
  expect(second.body.nextCursor).toBeNull();

  // A supervisor acknowledges a's escalation; acknowledging shows in the list.
  await dev.client.workflow
    .getHandle(`case-${a}`)
    .executeUpdate(commandUpdate('acknowledgeEscalation'), { args: [{ actor: { id: 'sup-9', role: 'supervisor' }, command: { type: 'acknowledgeEscalation' } }] });
  const acked = await until(async () => {
    const res = await api.get('/v1/escalations').query({ region: '91.01' }).expect(200);
    return res.body.items[0]?.escalations[0]?.acknowledged ? res.body.items[0] : undefined;
  }, 'acknowledgement in the read model');
  expect(acked.escalationLevel).toBeGreaterThanOrEqual(2);
  // The low-risk case (24 h to first response = 2.4 s) is not at level 2 yet.
  const low = await api.get('/v1/escalations').query({ region: '92', minLevel: 2 }).expect(200);
  expect(low.body.items.map((i: { caseId: string }) => i.caseId)).not.toContain(c);
});

test('bad filters are a 422 problem naming the parameter', async () => {
  const res = await api.get('/v1/escalations').query({ minLevel: 7, colour: 'red' }).expect(422);
  expect(res.body.code).toBe('VALIDATION_FAILED');
  expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['colour', 'minLevel']);
});
