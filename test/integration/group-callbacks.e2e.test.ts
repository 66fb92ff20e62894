// Callbacks that commute: the transport partner's reports for a 28-person trip arrive shuffled — an
// "arrived" before its "departed", repeats — and every fact still lands on each timeline once, in its
// place, while the batch's member statuses only move forward and its count of arrivals reaches 28.
import request from 'supertest';
import { as } from '../helpers/api';
import { groupApi } from '../helpers/group';
import type { PartnerStack } from '../helpers/partner-stack';
import { eventually, startPartnerStack } from '../helpers/partner-stack';

const MEMBERS = 28;
let stack: PartnerStack;
beforeAll(async () => {
  stack = await startPartnerStack('group-callbacks', {
    provinces: ['85'],
    simulator: { referral: { decisionDelayMs: null }, transport: { departAfterMs: null, arriveAfterMs: null }, gateway: { deliverAfterMs: 100 } },
  });
});
afterAll(() => stack?.close());

/** A seeded shuffle, so a failure can be replayed. */
function shuffled<T>(items: T[], seed = 20261130): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

test(`shuffled, repeated trip callbacks for ${MEMBERS} returnees: every fact once, statuses forward only, 28 arrived`, async () => {
  const g = groupApi(stack, '85');
  const { batchId, caseIds } = await g.open(MEMBERS, 'DINSOS-32');
  await g.prepare(caseIds);
  await g.reception(batchId, true, 1);
  await g.until(batchId, (b) => b.status === 'travelling', 'the booking');

  // Each passenger: "arrived" first for half of them, "departed" last; every report delivered twice.
  const TRANSPORT = as('partner:TRANSPORT-SIM', ['85']);
  const reports = caseIds.flatMap((caseId, i) => {
    const departed = { reportId: `trip-${i}-departed`, caseRef: caseId, command: { type: 'recordTransport', leg: 'home', event: 'departed' } };
    const arrived = { reportId: `trip-${i}-arrived`, caseRef: caseId, command: { type: 'recordTransport', leg: 'home', event: 'arrived' } };
    return i % 2 === 0 ? [arrived, departed, arrived, departed] : [departed, arrived, arrived, departed];
  });
  const seen: Record<string, string[]> = {};
  for (const r of shuffled(reports)) {
    await request(stack.app).post('/v1/partner-callbacks').set(TRANSPORT).send(r).expect(202);
    const b = await g.batch(batchId);
    // Forward only: a member once counted as arrived is never counted as departed or ready again.
    for (const m of b.members) (seen[m.caseId] ??= []).push(m.status);
  }
  for (const statuses of Object.values(seen)) {
    const rank = statuses.map((s) => ['preparing', 'ready', 'departed', 'arrived'].indexOf(s));
    expect(rank).toEqual([...rank].sort((a, b) => a - b));
  }

  const done = await g.until(batchId, (b) => b.status === 'completed', 'the batch to complete');
  expect(done.members.filter((m) => m.status === 'arrived')).toHaveLength(MEMBERS);
  for (const caseId of caseIds) {
    const items = await eventually(async () => {
      const res = await stack.api.get(`/v1/cases/${caseId}/timeline`).query({ limit: 500 }).expect(200);
      const trip = (res.body.items as { type: string; data: { leg?: string } }[]).filter((e) => e.type.startsWith('transport.') && e.data.leg === 'home' && e.type !== 'transport.booked');
      return trip.length === 2 ? res.body.items : undefined;
    }, `both trip facts of ${caseId}`);
    const types = (items as { type: string }[]).map((e) => e.type);
    expect(types.filter((t) => t === 'transport.departed')).toHaveLength(1);
    expect(types.filter((t) => t === 'transport.arrived')).toHaveLength(1);
    expect(types).not.toContain('partner.report_ignored');
  }
  const row = await eventually(async () => {
    const page = await stack.api.get('/v1/repatriation-batches').query({ region: '85' }).expect(200);
    const b = page.body.items.find((x: { batchId: string }) => x.batchId === batchId);
    return b?.arrived === MEMBERS ? b : undefined;
  }, 'the batch row');
  expect(row).toMatchObject({ status: 'completed', arrived: MEMBERS });
}, 300_000);
