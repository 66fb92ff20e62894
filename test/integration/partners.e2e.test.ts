// A repatriation case end to end against the partner simulators: the case asks the origin Dinsos, the
// Dinsos calls back, the case books the trip home, the vehicle reports departure and arrival, and every
// notification goes out through the gateway once — all over HTTP, through the clients production uses.
import { eq } from 'drizzle-orm';
import { notifications } from '../../db/schema';
import { as, decideOverApi } from '../helpers/api';
import type { PartnerStack } from '../helpers/partner-stack';
import { eventually, startPartnerStack } from '../helpers/partner-stack';

let stack: PartnerStack;
beforeAll(async () => {
  stack = await startPartnerStack('partners-e2e', {
    provinces: ['81'],
    simulator: { referral: { decisionDelayMs: 300 }, transport: { departAfterMs: 300, arriveAfterMs: 300 }, gateway: { deliverAfterMs: 100 } },
  });
});
afterAll(() => stack?.close());

const CM = as('case_manager:cm-81', ['81']);

async function timelineTypes(caseId: string): Promise<string[]> {
  const res = await stack.api.get(`/v1/cases/${caseId}/timeline`).query({ limit: 500 }).expect(200);
  return res.body.items.map((e: { type: string }) => e.type);
}

test('a returnee is accepted, booked, travels and is handed over; each partner effect happens once', async () => {
  const opened = await stack.api
    .post('/v1/cases')
    .send({ category: 'orang_terlantar', riskLevel: 'medium', regionCode: '81.71', report: { channel: 'police' }, subject: { name: 'Siti Contoh', nik: '3204010101900001' } })
    .expect(201);
  const caseId = opened.body.caseId as string;
  await eventually(async () => ((await stack.api.get(`/v1/cases/${caseId}`)).body.projection === 'current' ? true : undefined), 'read model');

  const act = (body: object) => stack.api.post(`/v1/cases/${caseId}/commands`).set(CM).send(body).expect(200);
  await act({ type: 'acknowledge', assignedWorker: 'cm-81' });
  await decideOverApi(stack.app, caseId, 'repatriation', ['81']);
  await act({ type: 'recordAssessment', consent: 'client', familyInvolved: true, originRegionCode: '32.04', needsShelter: true });
  await act({ type: 'requestReferral', partner: 'origin_dinsos', facilityCode: 'DINSOS-32' });

  // The Dinsos accepts by callback, the case books the trip, the vehicle leaves and arrives: all by themselves.
  await eventually(async () => ((await timelineTypes(caseId)).includes('transport.arrived') ? true : undefined), 'arrival', 15_000).catch(async (e: unknown) => {
    process.stdout.write(`${JSON.stringify(await timelineTypes(caseId))}\n${JSON.stringify(stack.sim.sim.counts(), null, 1).slice(0, 1500)}\n`);
    throw e;
  });
  const types = await timelineTypes(caseId);
  for (const t of ['referral.requested', 'referral.sent', 'referral.accepted', 'transport.booked', 'transport.departed', 'transport.arrived', 'shelter.left']) {
    expect(types).toContain(t);
  }
  const timeline = (await stack.api.get(`/v1/cases/${caseId}/timeline`).query({ limit: 500 })).body.items as { type: string; actor: { role: string; id: string } }[];
  expect(timeline.find((e) => e.type === 'referral.accepted')!.actor).toEqual({ id: 'PARTNER-SIM', role: 'partner' });

  const done = await act({ type: 'recordHandover', to: 'origin_dinsos' });
  expect(done.body.stage).toBe('monitoring');

  const counts = stack.sim.sim.counts();
  expect(counts.admissionsPerCaseRef[caseId]).toBe(1);
  expect(counts.bookingsPerCaseRef[caseId]).toBe(1);

  // Notifications: the receiving agency about the referral, the family and the case manager about the trip.
  const rows = await eventually(async () => {
    const r = await stack.dev.database.db.select().from(notifications).where(eq(notifications.caseId, caseId));
    return r.length === 3 && r.every((n) => n.status === 'delivered') ? r : undefined;
  }, 'three delivered notifications');
  expect(rows.map((r) => `${r.template}:${r.audience}:${r.channel}`).sort()).toEqual([
    'referral.sent:receiving_agency:email',
    'transport.booked:case_manager:whatsapp',
    'transport.booked:family:sms',
  ]);
  for (const r of rows) expect(counts.messagesPerKey[r.key] ?? stack.sim.sim.counts().messagesPerKey[r.key]).toBe(1);
  // The outbox and the gateway hold no contact data or names: only directory addresses and codes.
  const messages = [...stack.sim.sim.gateway.messages.values()];
  expect(JSON.stringify(rows)).not.toMatch(/Siti|3204010101900001/);
  expect(messages.length).toBeGreaterThanOrEqual(3);
});
