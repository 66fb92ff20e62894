// 100 returnees while every partner endpoint fails half its calls (a quarter refused outright, a quarter
// done but the answer lost) and a further 10 % hang past the client's timeout: every case still gets
// exactly one admission request, one booking and one copy of each notification — counted by the
// simulators themselves.
import { inArray } from 'drizzle-orm';
import { notifications } from '../../db/schema';
import { as, decideOverApi } from '../helpers/api';
import type { PartnerStack } from '../helpers/partner-stack';
import { eventually, startPartnerStack } from '../helpers/partner-stack';

const CASES = 100;
let stack: PartnerStack;

beforeAll(async () => {
  stack = await startPartnerStack('partner-faults', {
    provinces: ['82'],
    timeoutMs: 1_000,
    policy: { partnerRetry: { initialMs: 100, maxMs: 1_000 } },
    simulator: {
      seed: 7,
      referral: { decisionDelayMs: 200 },
      transport: { departAfterMs: null },
      gateway: { deliverAfterMs: 100 },
      faults: { default: { errorRate: 0.25, lostResponseRate: 0.385, timeoutRate: 0.1, timeoutMs: 1_500 } },
    },
  });
});
afterAll(() => stack?.close());

const CM = as('case_manager:cm-82', ['82']);

async function openReturnee(i: number): Promise<string> {
  const res = await stack.api
    .post('/v1/cases')
    .set('Idempotency-Key', `faults-${Date.now()}-${i}`)
    .send({ category: 'orang_terlantar', riskLevel: 'medium', regionCode: '82.71', report: { channel: 'police' }, subject: {} })
    .expect(201);
  return res.body.caseId as string;
}

async function prepare(caseId: string): Promise<void> {
  await eventually(async () => ((await stack.api.get(`/v1/cases/${caseId}`)).body.projection === 'current' ? true : undefined), 'read model');
  const act = (body: object) => stack.api.post(`/v1/cases/${caseId}/commands`).set(CM).send(body).expect(200);
  await act({ type: 'acknowledge', assignedWorker: 'cm-82' });
  await decideOverApi(stack.app, caseId, 'repatriation', ['82']);
  await act({ type: 'recordAssessment', consent: 'client', familyInvolved: true, originRegionCode: '33.74', needsShelter: false });
  await act({ type: 'requestReferral', partner: 'origin_dinsos', facilityCode: 'DINSOS-33' });
}

async function inBatches<T>(items: T[], size: number, fn: (t: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

test(`${CASES} cases under 50 % failures and 10 % timeouts: every booking and notification exactly once`, async () => {
  const ids: string[] = [];
  for (let i = 0; i < CASES; i += 10) ids.push(...(await Promise.all(Array.from({ length: Math.min(10, CASES - i) }, (_, k) => openReturnee(i + k)))));
  await inBatches(ids, 10, prepare);

  // Each case is booked once its origin Dinsos has accepted (by callback) — through all the failures.
  await eventually(
    async () => {
      const c = stack.sim.sim.counts();
      return ids.every((id) => c.bookingsPerCaseRef[id] === 1) ? true : undefined;
    },
    'a booking for every case',
    240_000,
  );
  const expectedKeys = await eventually(async () => {
    const rows = await stack.dev.database.db.select().from(notifications).where(inArray(notifications.caseId, ids));
    // per case: the receiving agency (referral) + family and case manager (trip)
    return rows.length === CASES * 3 && rows.every((r) => r.status === 'delivered' || r.status === 'sent') ? rows.map((r) => r.key) : undefined;
  }, 'every notification sent', 240_000).catch(async (e: unknown) => {
    const rows = await stack.dev.database.db.select().from(notifications).where(inArray(notifications.caseId, ids));
    const by: Record<string, number> = {};
    for (const r of rows) by[`${r.status}:${r.lastError}:${r.attempts}`] = (by[`${r.status}:${r.lastError}:${r.attempts}`] ?? 0) + 1;
    process.stdout.write(`rows ${rows.length} ${JSON.stringify(by)}\n`);
    throw e;
  });

  const counts = stack.sim.sim.counts();
  const injected = Object.values(counts.endpoints).reduce((n, e) => n + e.injectedFailures, 0); // lost responses included
  process.stdout.write(`partner calls ${JSON.stringify(counts.endpoints)}; injected failures ${injected}\n`);
  expect(injected).toBeGreaterThan(CASES); // the faults really happened, many times
  for (const id of ids) {
    expect(counts.admissionsPerCaseRef[id]).toBe(1);
    expect(counts.bookingsPerCaseRef[id]).toBe(1);
  }
  for (const key of expectedKeys) expect(counts.messagesPerKey[key]).toBe(1);
}, 600_000);

