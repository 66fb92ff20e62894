// 28 stranded migrant workers returned to Jawa Barat as one group: one case per person, one shared trip.
// The first plan fails after the booking (the receiving agency named is unknown to the referral system),
// so the batch compensates — cancels the booking, tells every case the trip is off, keeps their shelter
// places — and a supervisor re-plans; the second trip travels and every member arrives.
import { and, eq, inArray } from 'drizzle-orm';
import { notifications } from '../../db/schema';
import { as } from '../helpers/api';
import type { PartnerStack } from '../helpers/partner-stack';
import { eventually, startPartnerStack } from '../helpers/partner-stack';

const MEMBERS = 28;
let stack: PartnerStack;
beforeAll(async () => {
  stack = await startPartnerStack('group', {
    provinces: ['84'],
    simulator: { referral: { decisionDelayMs: 100 }, transport: { departAfterMs: null, arriveAfterMs: 300 }, gateway: { deliverAfterMs: 100 } },
  });
});
afterAll(() => stack?.close());

const CM = as('case_manager:cm-84', ['84']);
const SPV = as('supervisor:spv-84', ['84']);

interface Batch {
  status: string;
  plans: { version: number; booked: boolean; outcome: string; reason: string | null; members: string[] }[];
  members: { caseId: string; status: string }[];
  compensations: { planVersion: number; step: string; outcome: string }[];
}

/** Each person's case: acknowledged, assessed (with a shelter place), and referred to the origin Dinsos. */
async function prepareMembers(caseIds: string[]): Promise<void> {
  for (let i = 0; i < caseIds.length; i += 7) {
    await Promise.all(
      caseIds.slice(i, i + 7).map(async (id) => {
        await eventually(async () => ((await stack.api.get(`/v1/cases/${id}`)).body.projection === 'current' ? true : undefined), 'read model');
        const act = (body: object) => stack.api.post(`/v1/cases/${id}/commands`).set(CM).send(body).expect(200);
        await act({ type: 'acknowledge' });
        await act({ type: 'recordAssessment', consent: 'client', familyInvolved: true, originRegionCode: '32.04', needsShelter: true });
        await act({ type: 'requestReferral', partner: 'origin_dinsos', facilityCode: 'DINSOS-32' });
      }),
    );
  }
}

test(`a group of ${MEMBERS}: compensation after a failed plan, then the re-planned trip home`, async () => {
  const opened = await stack.api
    .post('/v1/repatriation-batches')
    .set('Idempotency-Key', `group-${Date.now()}`)
    .send({
      category: 'korban_perdagangan_orang',
      regionCode: '84.71',
      originRegionCode: '32',
      originAgency: 'BPBD-32', // not a receiving agency the referral system knows
      report: { channel: 'other_agency', summary: 'dipulangkan dari pelabuhan' },
      assignedWorker: 'cm-84',
      members: Array.from({ length: MEMBERS }, (_, i) => ({ riskLevel: 'medium', subject: { name: `Pekerja Migran ${i}` } })),
    })
    .expect(201);
  const { batchId, caseIds } = opened.body as { batchId: string; caseIds: string[] };
  expect(new Set(caseIds).size).toBe(MEMBERS);
  const batch = async () => (await stack.api.get(`/v1/repatriation-batches/${batchId}`).expect(200)).body as Batch;

  await prepareMembers(caseIds);

  // Plan 1: booked for all 28, then the reception request is refused → compensation, in reverse order.
  const failed = await eventually(async () => {
    const b = await batch();
    return b.status === 'replanning' ? b : undefined;
  }, 'the first plan to fail', 60_000);
  expect(failed.plans).toEqual([expect.objectContaining({ version: 1, booked: true, outcome: 'compensated', reason: 'reception:UNKNOWN_FACILITY' })]);
  expect(failed.plans[0]!.members.sort()).toEqual([...caseIds].sort());
  expect(failed.compensations.map((c) => `${c.step}:${c.outcome}`)).toEqual(['cases.told:done', 'transport.cancelled:done']);
  let counts = stack.sim.sim.counts();
  expect(counts.bookingsCreated).toBe(1);
  expect(counts.bookingsCancelled).toBe(1);
  // Nobody lost their shelter place, and every case knows the trip is off.
  for (const id of caseIds) {
    const view = (await stack.api.get(`/v1/cases/${id}`)).body;
    expect(view.live.shelter).toMatchObject({ leftAt: null });
    expect(view.live.transport.homeDepartedAt).toBeNull();
  }
  const sample = (await stack.api.get(`/v1/cases/${caseIds[0]}/timeline`).query({ limit: 500 })).body.items.map((e: { type: string }) => e.type);
  expect(sample).toEqual(expect.arrayContaining(['transport.booked', 'transport.booking_cancelled']));
  // Each family heard of the trip and then that it is off: once each.
  const told = await eventually(async () => {
    const rows = await stack.dev.database.db.select().from(notifications).where(and(inArray(notifications.caseId, caseIds), eq(notifications.audience, 'family')));
    return rows.length === MEMBERS * 2 ? rows : undefined;
  }, 'family notifications');
  expect(told.filter((r) => r.template === 'transport.cancelled')).toHaveLength(MEMBERS);

  // Only supervisors re-plan, and only a trip waiting to be re-planned.
  await stack.api.post(`/v1/repatriation-batches/${batchId}/replan`).set(CM).send({ originAgency: 'DINSOS-32' }).expect(403);
  const replanned = await stack.api.post(`/v1/repatriation-batches/${batchId}/replan`).set(SPV).set('Idempotency-Key', 'replan-1').send({ originAgency: 'DINSOS-32' }).expect(200);
  expect(replanned.body.originAgency).toBe('DINSOS-32');

  // Plan 2: booked, accepted by the origin Dinsos (callback); the vehicle leaves on schedule and arrives.
  await eventually(async () => ((await batch()).status === 'travelling' ? true : undefined), 'reception accepted', 60_000);
  const trip = [...stack.sim.sim.transport.bookings.values()].find((b) => b.status === 'booked')!;
  expect(trip.caseRefs.sort()).toEqual([...caseIds].sort());
  await fetch(`${stack.sim.url}/_admin/transport/bookings/${trip.bookingId}/depart`, { method: 'POST' });
  const done = await eventually(async () => {
    const b = await batch();
    return b.status === 'completed' ? b : undefined;
  }, 'the group to arrive', 90_000);
  expect(done.plans.map((p) => p.outcome)).toEqual(['compensated', 'travelled']);
  expect(done.members.every((m) => m.status === 'arrived')).toBe(true);
  await stack.api.post(`/v1/repatriation-batches/${batchId}/replan`).set(SPV).send({}).expect(409);

  counts = stack.sim.sim.counts();
  expect(counts.bookingsCreated).toBe(2);
  expect(counts.bookingsCancelled).toBe(1);
  for (const id of caseIds) {
    expect(counts.admissionsPerCaseRef[id]).toBe(1);
    const view = (await stack.api.get(`/v1/cases/${id}`)).body;
    expect(view.live.transport.homeArrivedAt).not.toBeNull();
    expect(view.live.shelter.leftAt).not.toBeNull();
  }
  expect(counts.admissionsPerCaseRef[`batch-${batchId}`]).toBe(1); // plan 1 was refused, plan 2 accepted

  // The read model shows the trip done.
  const row = await eventually(async () => {
    const page = await stack.api.get('/v1/repatriation-batches').set(SPV).query({ region: '84' }).expect(200);
    const b = page.body.items.find((x: { batchId: string }) => x.batchId === batchId);
    return b?.status === 'completed' ? b : undefined;
  }, 'the batch row');
  expect(row).toMatchObject({ members: MEMBERS, arrived: MEMBERS, withdrawn: 0, planVersion: 2, originAgency: 'DINSOS-32' });

  // Someone outside the region does not see the batch.
  await stack.api.get(`/v1/repatriation-batches/${batchId}`).set(as('supervisor:spv-31', ['31'])).expect(404);
}, 300_000);
