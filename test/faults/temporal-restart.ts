// Scenario 3: the Temporal dev server is killed and started again on its SQLite file. While it is down
// the API says so at once (503 TEMPORAL_UNAVAILABLE with Retry-After) for what needs Temporal and still
// reads cases from the read model; afterwards every case is there and moves on.
import type { Reply } from './lib/api-client';
import { described } from './lib/api-client';
import { act, eventually, intakeBody, openCase, RETURNEE_STEPS, timelines } from './lib/cases';
import { figures } from './lib/figures';
import { until } from './lib/processes';
import type { Stack } from './lib/stack';

const REGION = '64.71';
const CASES = 5;

interface Probes {
  intake: Reply;
  command: Reply;
  read: Reply;
}

async function probe(stack: Stack, run: string, caseId: string, round: number): Promise<Probes> {
  const [who, body] = RETURNEE_STEPS[1]!;
  const intake = await stack.api.post('/v1/cases', intakeBody(REGION), { who: 'operator', key: `s3-${run}-down-${round}`, timeoutMs: 15_000 });
  const command = await stack.api.post(`/v1/cases/${caseId}/commands`, body, { who, key: `s3-${run}-rapid-0`, timeoutMs: 15_000 });
  const read = await stack.api.get(`/v1/cases/${caseId}`, { who: 'case_manager', timeoutMs: 15_000 });
  return { intake, command, read };
}

/** What a probe came back with, in the terms the scenario asserts on. */
function seen(reply: Reply) {
  return { status: reply.status, code: reply.body?.code as unknown, retryAfter: Boolean(reply.headers?.get('retry-after')), within2s: reply.ms < 2_000 };
}

export async function temporalRestarted(stack: Stack, run: string): Promise<void> {
  const ids = await Promise.all(Array.from({ length: CASES }, (_, i) => openCase(stack, `s3-${run}-${i}`, REGION)));
  await Promise.all(ids.map((id, i) => act(stack, id, RETURNEE_STEPS[0]!, `s3-${run}-ack-${i}`)));
  await Promise.all(ids.map((id) => eventually(stack, id, 'case.acknowledged')));

  await stack.temporal.kill();
  const downAt = Date.now();
  // Right after the kill, and again once the API's connection has had time to notice.
  const rounds = [await probe(stack, run, ids[0]!, 0), await probe(stack, run, ids[0]!, 1)];
  const downMs = Date.now() - downAt;
  await stack.temporal.start();
  const upAt = Date.now();

  // The same requests, retried by the client with the same keys, go through once Temporal is back.
  const retried = await Promise.all(rounds.map((_, round) => stack.api.retrying('POST', '/v1/cases', { who: 'operator', key: `s3-${run}-down-${round}`, body: intakeBody(REGION) })));
  const [who, body] = RETURNEE_STEPS[1]!;
  const moved = await Promise.all(ids.map((id, i) => stack.api.retrying('POST', `/v1/cases/${id}/commands`, { who, body, key: `s3-${run}-rapid-${i}` })));
  const recoveredMs = Date.now() - upAt;
  await Promise.all(ids.map((id) => eventually(stack, id, 'rapid_assessment.recorded')));
  await Promise.all(retried.filter((r) => r.status === 201).map((r) => eventually(stack, r.body.caseId as string, 'case.opened')));
  const live = await Promise.all(ids.map(async (id) => (await stack.api.get(`/v1/cases/${id}`)).body?.live?.caseId));
  // The command refused during the outage and retried with its key after it is in each timeline once.
  const byCase = await timelines(stack, ids);
  const assessed = ids.map((id) => byCase.get(id)!.filter((e) => e.type === 'rapid_assessment.recorded').length);
  const expected = CASES + rounds.length;
  const visible = await until('the cases in Temporal\'s visibility', async () => {
    const { count } = await stack.client.workflow.count(`SigapRegion = '${REGION}'`);
    return count >= expected ? count : undefined;
  }, 30_000, 250);

  figures('3 Temporal dev server restarted on its SQLite file', {
    cases: CASES,
    downMs,
    whileDown: rounds.map((r) => ({ intake: described(r.intake), command: described(r.command), read: described(r.read) })),
    recoveredMs,
    casesAfterRestart: live.filter(Boolean).length,
    assessmentsRecorded: assessed.reduce((a, b) => a + b, 0),
    visibleWorkflows: visible,
  });
  const unavailable = { status: 503, code: 'TEMPORAL_UNAVAILABLE', retryAfter: true, within2s: true };
  expect(rounds.map((r) => ({ intake: seen(r.intake), command: seen(r.command), read: r.read.status, record: r.read.body?.record?.caseId }))).toEqual(
    rounds.map(() => ({ intake: unavailable, command: unavailable, read: 200, record: ids[0] })),
  );
  expect(retried.map((r) => r.status)).toEqual(rounds.map(() => 201));
  expect(moved.map((m) => m.status)).toEqual(ids.map(() => 200));
  expect(live).toEqual(ids);
  expect(assessed).toEqual(ids.map(() => 1));
  expect(visible).toBe(expected);
}
