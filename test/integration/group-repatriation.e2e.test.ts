// 28 stranded migrant workers returned to Jawa Barat as one group, in the order practice requires: the
// origin Dinsos agrees to receive them before anything is booked. The first agency refuses: nothing is
// booked, the shelter places are kept, the supervisor hears and re-plans with another agency, which
// accepts; one booking, and all 28 arrive. Then a smaller group whose transport stays down past its
// budget: the batch stops, escalates, and books nothing after the partner recovers until re-planned.
import { and, eq } from 'drizzle-orm';
import { notifications } from '../../db/schema';
import { groupApi } from '../helpers/group';
import type { PartnerStack } from '../helpers/partner-stack';
import { eventually, startPartnerStack } from '../helpers/partner-stack';

const MEMBERS = 28;
let stack: PartnerStack;
beforeAll(async () => {
  stack = await startPartnerStack('group', {
    provinces: ['84'],
    // The batch's partner calls give up after 4 s of failures (the policy's budget), then escalate.
    policy: { fixed: { integration_budget: 4_000 } },
    simulator: { referral: { decisionDelayMs: null }, transport: { departAfterMs: 200, arriveAfterMs: 300 }, gateway: { deliverAfterMs: 100 } },
  });
});
afterAll(() => stack?.close());

const transportDown = (down: boolean) =>
  fetch(`${stack.sim.url}/_admin/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ endpoints: { 'transport.book': { down } } }) });

test(`a group of ${MEMBERS}: a refused reception books nothing; re-planned with another agency, one booking and all arrive`, async () => {
  const g = groupApi(stack, '84');
  const { batchId, caseIds } = await g.open(MEMBERS, 'DINSOS-32');
  expect(new Set(caseIds).size).toBe(MEMBERS);
  await g.prepare(caseIds);

  // Plan 1: the origin Dinsos is asked first, and says no. Nothing was booked, so nothing is undone.
  await g.reception(batchId, false, 1);
  const refused = await g.until(batchId, (b) => b.status === 'replanning', 'the first plan to stop');
  expect(refused.plans).toEqual([expect.objectContaining({ version: 1, booked: false, outcome: 'refused', reason: 'reception:declined' })]);
  expect(refused.compensations).toEqual([]);
  expect(refused.escalation).toMatchObject({ reason: 'reception:declined', planVersion: 1 });
  expect(stack.sim.sim.counts().bookingsCreated).toBe(0);
  for (const id of caseIds.slice(0, 3)) expect(await g.view(id)).toMatchObject({ stage: 'linking', shelter: { leftAt: null }, referral: null });
  // The supervisor hears that the trip needs a new plan.
  await eventually(async () => {
    const rows = await stack.dev.database.db.select().from(notifications).where(and(eq(notifications.caseId, `batch-${batchId}`), eq(notifications.template, 'batch.escalated')));
    return rows.length === 1 ? rows : undefined;
  }, 'the supervisor\'s notice');

  // Plan 2, with the Dinsos of Kota Bandung: accepted, then one booking; the vehicle leaves and arrives.
  await stack.api.post(`/v1/repatriation-batches/${batchId}/replan`).set(g.CM).send({ originAgency: 'DINSOS-32.73' }).expect(403);
  expect((await g.replan(batchId, 'DINSOS-32.73')).body).toMatchObject({ originAgency: 'DINSOS-32.73', escalation: null });
  await g.reception(batchId, true, 2);
  const done = await g.until(batchId, (b) => b.status === 'completed', 'the group to arrive', 120_000);
  expect(done.plans.map((p) => [p.outcome, p.booked])).toEqual([
    ['refused', false],
    ['travelled', true],
  ]);
  expect(done.members.every((m) => m.status === 'arrived')).toBe(true);
  const counts = stack.sim.sim.counts();
  expect([counts.bookingsCreated, counts.bookingsCancelled]).toEqual([1, 0]);
  expect(counts.bookingsPerCaseRef[caseIds[0]!]).toBe(1);
  for (const id of caseIds) {
    const view = await g.view(id);
    expect(view.referral).toMatchObject({ facilityCode: 'DINSOS-32.73', decision: 'accepted' });
    expect(view.transport.homeArrivedAt).not.toBeNull();
    expect(view.shelter!.leftAt).not.toBeNull();
  }
  await stack.api.post(`/v1/repatriation-batches/${batchId}/replan`).set(g.SPV).send({}).expect(409);
  const row = await eventually(async () => {
    const page = await stack.api.get('/v1/repatriation-batches').set(g.SPV).query({ region: '84' }).expect(200);
    const b = page.body.items.find((x: { batchId: string }) => x.batchId === batchId);
    return b?.status === 'completed' ? b : undefined;
  }, 'the batch row');
  expect(row).toMatchObject({ members: MEMBERS, arrived: MEMBERS, withdrawn: 0, planVersion: 2, originAgency: 'DINSOS-32.73', escalation: null });
}, 300_000);

test('transport down past its budget: the batch stops and escalates, and books nothing after recovery until re-planned', async () => {
  const g = groupApi(stack, '84');
  const before = stack.sim.sim.counts().bookingsCreated;
  const { batchId, caseIds } = await g.open(4, 'DINSOS-32');
  await g.prepare(caseIds);
  await transportDown(true);
  try {
    await g.reception(batchId, true, 1);
    const stopped = await g.until(batchId, (b) => b.status === 'replanning', 'the plan to stop', 60_000);
    expect(stopped.plans).toEqual([expect.objectContaining({ version: 1, booked: false, outcome: 'refused', reason: 'transport:unavailable' })]);
    expect(stopped.escalation).toMatchObject({ reason: 'transport:unavailable' });
  } finally {
    await transportDown(false);
  }
  // The partner is back: the stopped plan does not book by itself.
  await new Promise((r) => setTimeout(r, 3_000));
  expect(stack.sim.sim.counts().bookingsCreated).toBe(before);
  await g.replan(batchId);
  await g.reception(batchId, true, 2);
  const done = await g.until(batchId, (b) => b.status === 'completed', 'the re-planned trip', 60_000);
  expect(done.plans.map((p) => p.outcome)).toEqual(['refused', 'travelled']);
  expect(stack.sim.sim.counts().bookingsCreated).toBe(before + 1);
}, 180_000);
