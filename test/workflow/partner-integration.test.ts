// Partner integration on the time-skipping server, with the partner simulators over HTTP: an integrated
// repatriation case and a small group batch, from start to finish. Their histories are the replay
// fixtures for the partner-integration patch and the batch workflow.
import type { WorkflowHandle } from '@temporalio/client';
import { eq } from 'drizzle-orm';
import { createPartnerClients } from '../../activities/partners/clients';
import { batches } from '../../db/schema';
import type { RunningSimulator } from '../../partners/simulator';
import { startPartnerSimulator } from '../../partners/simulator';
import type { BatchView, GroupRepatriationInput } from '../../workflows/batch/contract';
import { batchWorkflowId, getBatchQuery, receptionDecisionSignal } from '../../workflows/batch/contract';
import { caseWorkflowId, getCaseQuery } from '../../workflows/case/contract';
import type { groupRepatriationWorkflow } from '../../workflows/batch/workflow';
import type { CaseHandle, Harness } from '../helpers/case-harness';
import { CM, OP, act, decided, eventOf, partner, saveHistory, startHarness } from '../helpers/case-harness';

let h: Harness;
let sim: RunningSimulator;

beforeAll(async () => {
  // No automatic decisions or departures: the test plays the partners' callbacks itself, as Signals.
  sim = await startPartnerSimulator({ referral: { decisionDelayMs: null }, transport: { departAfterMs: null }, tracing: { resultDelayMs: null } });
  const endpoint = { baseUrl: sim.url, timeoutMs: 5_000 };
  h = await startHarness(undefined, createPartnerClients({ referral: endpoint, transport: endpoint, tracing: endpoint, callbackUrl: 'http://127.0.0.1:9/unused' }));
});
afterAll(async () => {
  await h?.close();
  await sim?.close();
});

async function until(probe: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await probe()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

test('an integrated repatriation: the case asks, books and travels through the partner services', async () => {
  const { handle, caseId } = await h.start({ category: 'orang_terlantar', pathway: 'repatriation', riskLevel: 'medium', regionCode: '31.72', partnerIntegration: true });
  await act(handle, OP, { type: 'acknowledge', assignedWorker: 'cm-1' });
  await decided(handle, 'repatriation');
  await act(handle, CM, { type: 'recordAssessment', consent: 'client', familyInvolved: true, originRegionCode: '32.04', needsShelter: true });
  await act(handle, CM, { type: 'requestReferral', partner: 'origin_dinsos', facilityCode: 'DINSOS-32' });
  await until(() => sim.sim.counts().admissionsPerCaseRef[caseId] === 1, 'the admission request');
  await partner(handle, 'DINSOS-32', { type: 'recordReferralDecision', accepted: true });
  await until(() => sim.sim.counts().bookingsPerCaseRef[caseId] === 1, 'the booking');
  await eventOf(h.database, caseId, 'transport.booked');
  await partner(handle, 'TRANSPORT', { type: 'recordTransport', leg: 'home', event: 'departed' });
  await partner(handle, 'TRANSPORT', { type: 'recordTransport', leg: 'home', event: 'arrived' });
  await until(async () => (await handle.query(getCaseQuery)).transport.homeArrivedAt !== null, 'arrival');
  const view = await act(handle, CM, { type: 'recordHandover', to: 'origin_dinsos' });
  expect(view.stage).toBe('monitoring');
  await eventOf(h.database, caseId, 'referral.sent');
  await saveHistory(handle, 'v10-partner-repatriation');
});

test('a group batch of two: reception confirmed first, then one shared booking, both arrive', async () => {
  const batchId = crypto.randomUUID();
  const members = [crypto.randomUUID(), crypto.randomUUID()];
  const input: GroupRepatriationInput = {
    batchId,
    category: 'orang_terlantar',
    regionCode: '31.72',
    originRegionCode: '33',
    originAgency: 'DINSOS-33',
    members: members.map((caseId) => ({ caseId, subject: { name: 'Contoh' }, riskLevel: 'medium' })),
    openedBy: OP,
    report: { channel: 'other_agency' },
    partnerIntegration: true,
  };
  const batch: WorkflowHandle<typeof groupRepatriationWorkflow> = await h.env.client.workflow.start<typeof groupRepatriationWorkflow>('groupRepatriationWorkflow', {
    workflowId: batchWorkflowId(batchId),
    taskQueue: h.taskQueue,
    args: [input],
  });
  const cases = members.map((id) => h.env.client.workflow.getHandle(caseWorkflowId(id)) as CaseHandle);
  for (const c of cases) {
    await until(async () => (await c.describe().then(() => true).catch(() => false)), 'the member case');
    await act(c, OP, { type: 'acknowledge', assignedWorker: 'cm-1' });
    // The group's reception is the batch's to ask: members are ready once assessed.
    await act(c, CM, { type: 'recordAssessment', consent: 'client', familyInvolved: true, originRegionCode: '33.74' });
  }
  await until(async () => (await batch.query(getBatchQuery)).status === 'confirming', 'the reception request');
  // The origin Dinsos answers a request it has received, never before; nothing is booked until it agrees.
  await until(() => sim.sim.counts().admissionsPerCaseRef[`batch-${batchId}`] === 1, 'the reception request');
  expect(sim.sim.counts().bookingsPerCaseRef[members[0]!]).toBeUndefined();
  await batch.signal(receptionDecisionSignal, { reportId: 'rcp-1', accepted: true });
  await until(async () => (await batch.query(getBatchQuery)).status === 'travelling', 'travelling');
  expect(sim.sim.counts().bookingsPerCaseRef[members[0]!]).toBe(1);
  for (const c of cases) expect((await c.query(getCaseQuery)).referral).toMatchObject({ partner: 'origin_dinsos', facilityCode: 'DINSOS-33', decision: 'accepted' });
  for (const c of cases) {
    await partner(c, 'TRANSPORT', { type: 'recordTransport', leg: 'home', event: 'departed' });
    await partner(c, 'TRANSPORT', { type: 'recordTransport', leg: 'home', event: 'arrived' });
  }
  const done: BatchView = await batch.result();
  expect(done.status).toBe('completed');
  expect(done.members.map((m) => m.status)).toEqual(['arrived', 'arrived']);
  expect(sim.sim.counts().bookingsCreated).toBeGreaterThanOrEqual(2); // this batch's and the first test's
  const [row] = await h.database.db.select().from(batches).where(eq(batches.batchId, batchId));
  expect(row).toMatchObject({ status: 'completed', members: 2, arrived: 2, planVersion: 1 });
  await saveHistory(batch, 'v10-group-batch');
  await saveHistory(cases[0]!, 'v10-group-member');
});
