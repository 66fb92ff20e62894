// Intake's exactly-once, end to end: the Idempotency-Key is reserved in PostgreSQL before the workflow
// starts, so neither an API killed in the middle of a burst (scenario 5) nor one key sent twenty times at
// once (scenario 6) can open a second case for a key. Cases are counted in Temporal's visibility and in
// the read model, by a region only the scenario uses.
import type { Reply } from './lib/api-client';
import { intakeBody } from './lib/cases';
import { figures, spread } from './lib/figures';
import { until } from './lib/processes';
import type { Stack } from './lib/stack';

async function casesIn(stack: Stack, region: string): Promise<{ workflows: number; readModel: number }> {
  const [{ count }, rows] = await Promise.all([
    stack.client.workflow.count(`SigapRegion = '${region}'`),
    stack.pg.query<{ n: string }>('SELECT count(*) AS n FROM cases WHERE region_code = $1', [region]),
  ]);
  return { workflows: count, readModel: Number(rows[0]?.n ?? 0) };
}

/** Waits for both counts to reach `expected`, then returns what they are (more would be a duplicate). */
async function settled(stack: Stack, region: string, expected: number): Promise<{ workflows: number; readModel: number }> {
  await until(`${expected} cases in region ${region}`, async () => {
    const c = await casesIn(stack, region);
    return c.workflows >= expected && c.readModel >= expected ? c : undefined;
  }, 60_000, 250);
  return casesIn(stack, region);
}

function statuses(replies: Reply[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of replies) out[r.status || r.error || 'none'] = (out[r.status || r.error || 'none'] ?? 0) + 1;
  return out;
}

const BURST = 50;

export async function apiKilledDuringIntakeBurst(stack: Stack, run: string): Promise<void> {
  const region = '66.71';
  const keys = Array.from({ length: BURST }, (_, i) => `s5-${run}-${i}`);
  const first = new Map<string, string>();
  let answered = 0;
  let killed: Promise<void> | undefined;
  // The kill goes out the moment the first answer is in, while the rest of the burst is still in flight.
  const burst = await Promise.all(
    keys.map(async (key) => {
      const reply = await stack.api.post('/v1/cases', intakeBody(region), { who: 'operator', key, timeoutMs: 30_000 });
      if (reply.status === 201) first.set(key, reply.body.caseId as string);
      if (++answered === 1) killed = stack.killApi();
      return reply;
    }),
  );
  await killed;
  const restarted = Date.now();
  await stack.startApi();
  const restartMs = Date.now() - restarted;

  const retries = await Promise.all(keys.map((key) => stack.api.retrying('POST', '/v1/cases', { who: 'operator', key, body: intakeBody(region) })));
  const ids = retries.map((r) => r.body?.caseId as string);
  const counts = await settled(stack, region, BURST);
  const result = {
    burst: BURST,
    beforeKill: statuses(burst),
    restartMs,
    retries: statuses(retries),
    replayed: retries.filter((r) => r.headers?.get('idempotent-replayed') === 'true').length,
    distinctCases: new Set(ids).size,
    ...counts,
  };
  figures('5 API killed in the middle of an intake burst', result);
  expect(burst.filter((r) => r.status === 0).length).toBeGreaterThan(0);
  expect(retries.map((r) => r.status)).toEqual(keys.map(() => 201));
  // A key answered before the kill names the same case on retry.
  expect(keys.filter((k) => first.has(k)).map((k) => ids[keys.indexOf(k)])).toEqual(keys.filter((k) => first.has(k)).map((k) => first.get(k)));
  expect(result.distinctCases).toBe(BURST);
  expect(counts).toEqual({ workflows: BURST, readModel: BURST });
}

export async function sameKeyTwentyTimes(stack: Stack, run: string): Promise<void> {
  const region = '67.71';
  const replies = await Promise.all(
    Array.from({ length: 20 }, () => stack.api.post('/v1/cases', intakeBody(region), { who: 'operator', key: `s6-${run}`, timeoutMs: 30_000 })),
  );
  const ids = new Set(replies.map((r) => r.body?.caseId as string));
  const counts = await settled(stack, region, 1);
  figures('6 one Idempotency-Key sent 20 times at once', {
    requests: replies.length,
    statuses: statuses(replies),
    replayed: replies.filter((r) => r.headers?.get('idempotent-replayed') === 'true').length,
    distinctCases: ids.size,
    ms: spread(replies.map((r) => r.ms)),
    ...counts,
  });
  expect(replies.map((r) => r.status)).toEqual(replies.map(() => 201));
  expect(ids.size).toBe(1);
  expect(counts).toEqual({ workflows: 1, readModel: 1 });
}
