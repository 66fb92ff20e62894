// Scenario 1: the worker making a partner call dies while the partner is still working on it. The
// activity times out on its heartbeat, another worker repeats the call with the same idempotency key,
// and the partner applies it once.
import { act, eventually, openCase, RETURNEE_STEPS } from './lib/cases';
import { figures } from './lib/figures';
import { until } from './lib/processes';
import type { Stack } from './lib/stack';

/** Longer than it takes to see the call arrive and kill its worker; shorter than the client's 10 s timeout. */
const PARTNER_LATENCY_MS = 8_000;

export async function workerKilledDuringPartnerCall(stack: Stack, run: string): Promise<void> {
  const caseId = await openCase(stack, `s1-${run}`, '61.71');
  for (const step of RETURNEE_STEPS.slice(0, -1)) await act(stack, caseId, step, `s1-${run}-${String(step[1].type)}`);
  const admit = async () => (await stack.partners.counts()).endpoints['referral.admit'];
  const callsBefore = (await admit()).calls;
  await stack.partners.faults({ endpoints: { 'referral.admit': { latencyMs: PARTNER_LATENCY_MS } } });
  await act(stack, caseId, RETURNEE_STEPS.at(-1)!, `s1-${run}-requestReferral`);

  // In flight: the partner has the request and is still working on it.
  await until('the admission request to reach the partner', async () => ((await admit()).calls > callsBefore ? true : undefined), 30_000, 50);
  const handle = stack.client.workflow.getHandle(`case-${caseId}`);
  const identity = await until('the admission activity to be running on a worker', async () => {
    const { raw } = await handle.describe();
    return raw.pendingActivities?.find((a) => a.activityType?.name === 'requestAdmission')?.lastWorkerIdentity || undefined;
  }, 30_000, 50);
  const victim = stack.workerOf(identity);
  if (!victim) throw new Error(`the admission activity runs on ${identity}, which is none of the suite's workers`);
  const killedAt = Date.now();
  await stack.killWorker(victim);
  const key = `${caseId}:referral:1`;
  const effectsAtKill = (await stack.partners.counts()).effectsPerKey['referral.admit']?.[key] ?? 0;
  await stack.partners.faults({ endpoints: { 'referral.admit': { latencyMs: 0 } } });
  const replacement = stack.startWorker();

  const sent = await eventually(stack, caseId, 'referral.sent', 90_000);
  await replacement;
  const admission = await until('the admission at the partner', async () => (await stack.partners.admissions()).find((a) => a.caseRef === caseId));
  await stack.partners.decide(admission.admissionId);
  await eventually(stack, caseId, 'referral.accepted');
  await eventually(stack, caseId, 'transport.booked');

  const counts = await stack.partners.counts();
  const result = {
    effectsAtKill,
    effectsForKey: counts.effectsPerKey['referral.admit']?.[key] ?? 0,
    admissionsForCase: counts.admissionsPerCaseRef[caseId] ?? 0,
    admitCalls: (await admit()).calls - callsBefore,
    recoveredMs: sent.recorded_at.getTime() - killedAt,
  };
  figures('1 worker kill -9 during a partner call', result);
  // The kill landed before the partner applied the request, so the effect and its answer were split apart.
  expect(result.effectsAtKill).toBe(0);
  expect(result.admitCalls).toBeGreaterThanOrEqual(2);
  expect(result.effectsForKey).toBe(1);
  expect(result.admissionsForCase).toBe(1);
  expect(counts.bookingsPerCaseRef[caseId]).toBe(1);
}
