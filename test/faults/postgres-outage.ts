// Scenario 4: the read model's PostgreSQL stops for 30 s. Lists, which only the database can answer,
// say so at once (503 DATABASE_UNAVAILABLE with Retry-After); staff commands, which Temporal carries,
// still answer — also from workers started during the outage — and a case is read from its workflow;
// after the restart the read model catches up with every event the workflows recorded.
import type { Reply, Who } from './lib/api-client';
import { described } from './lib/api-client';
import { act, eventually, gaps, openCase, recordedSeqs, RETURNEE_STEPS, timelines } from './lib/cases';
import { figures, spread } from './lib/figures';
import { until } from './lib/processes';
import type { Stack } from './lib/stack';

const REGION = '65.71';
const CASES = 3;
const OUTAGE_MS = 30_000;
const ROUND_MS = 3_000;
const REPLACE_WORKERS_AT = 4;

/** The commands staff give during the outage: each case's rapid assessment and pathway decision, then notes. */
function commandFor(round: number): { index: number; step: [Who, Record<string, unknown>] } {
  const index = round % CASES;
  const nth = Math.floor(round / CASES);
  const step = nth < 2 ? RETURNEE_STEPS[nth + 1]! : (['case_manager', { type: 'addNote', text: 'kunjungan lanjutan dijadwalkan' }] as [Who, Record<string, unknown>]);
  return { index, step };
}

export async function postgresStopped(stack: Stack, run: string): Promise<void> {
  const ids = await Promise.all(Array.from({ length: CASES }, (_, i) => openCase(stack, `s4-${run}-${i}`, REGION)));
  await Promise.all(ids.map((id, i) => act(stack, id, RETURNEE_STEPS[0]!, `s4-${run}-ack-${i}`)));
  await Promise.all(ids.map((id) => eventually(stack, id, 'case.acknowledged')));

  await stack.pg.stop();
  const stoppedAt = Date.now();
  const lists: Reply[] = [];
  const commands: Reply[] = [];
  const reads: Reply[] = [];
  let replacedWorkersMs: number | undefined;
  for (let round = 0; Date.now() - stoppedAt < OUTAGE_MS; round++) {
    if (round === REPLACE_WORKERS_AT) {
      // Workers (re)started while the database is down must run: it is the activities that need it.
      const started = Date.now();
      await stack.replaceWorkers();
      replacedWorkersMs = Date.now() - started;
    }
    const roundStart = Date.now();
    lists.push(await stack.api.get(`/v1/cases?region=${REGION}`, { who: 'case_manager', timeoutMs: 15_000 }));
    const { index, step } = commandFor(round);
    commands.push(await stack.api.post(`/v1/cases/${ids[index]}/commands`, step[1], { who: step[0], key: `s4-${run}-during-${round}`, timeoutMs: 15_000 }));
    reads.push(await stack.api.get(`/v1/cases/${ids[index]}`, { who: 'case_manager', timeoutMs: 15_000 }));
    const next = roundStart + ROUND_MS;
    await until('the next probe round', () => (Date.now() >= next ? true : undefined), ROUND_MS + 1_000, 50);
  }
  await stack.pg.start();
  const restartedAt = Date.now();

  const caughtUp = await until('the read model to hold every recorded event', async () => {
    const byCase = await timelines(stack, ids);
    for (const id of ids) {
      const recorded = await recordedSeqs(stack, id);
      const stored = byCase.get(id)!.map((e) => e.seq);
      if (recorded.join() !== stored.join()) return undefined;
    }
    return byCase;
  }, 150_000, 500);
  const catchUpMs = Date.now() - restartedAt;
  const listAfter = await stack.api.retrying('GET', `/v1/cases?region=${REGION}`, { who: 'case_manager', deadlineMs: 30_000 });
  const events = [...caughtUp.values()].flat();

  figures('4 PostgreSQL stopped for 30 s', {
    outageMs: restartedAt - stoppedAt,
    replacedWorkersMs,
    list: { statuses: tally(lists), ms: spread(lists.map((r) => r.ms)) },
    commands: { statuses: tally(commands), ms: spread(commands.map((r) => r.ms)) },
    reads: { statuses: tally(reads), fromWorkflowOnly: reads.filter((r) => r.body?.live && r.body?.record === null && r.body?.unavailable?.[0] === 'read_model').length, ms: spread(reads.map((r) => r.ms)) },
    catchUpMs,
    events: events.length,
    writtenAfterRestart: events.filter((e) => e.recorded_at.getTime() >= restartedAt).length,
    gaps: ids.map((id) => gaps(caughtUp.get(id)!).length),
  });
  for (const r of lists) {
    expect({ status: r.status, code: r.body?.code, retryAfter: Boolean(r.headers?.get('retry-after')), fast: r.ms < 2_000 }).toEqual({
      status: 503,
      code: 'DATABASE_UNAVAILABLE',
      retryAfter: true,
      fast: true,
    });
  }
  for (const r of commands) expect({ ok: r.status >= 200 && r.status < 300, fast: r.ms < 2_000, was: described(r) }).toEqual({ ok: true, fast: true, was: described(r) });
  for (const r of reads) {
    expect({ status: r.status, projection: r.body?.projection, unavailable: r.body?.unavailable, live: Boolean(r.body?.live), fast: r.ms < 2_000 }).toEqual({
      status: 200,
      projection: 'unavailable',
      unavailable: ['read_model'],
      live: true,
      fast: true,
    });
  }
  for (const id of ids) expect(gaps(caughtUp.get(id)!)).toEqual([]);
  expect(listAfter.status).toBe(200);
  expect(listAfter.body.items.length).toBe(CASES);
}

function tally(replies: Reply[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of replies) out[described(r).replace(/ in \d+ ms$/, '')] = (out[described(r).replace(/ in \d+ ms$/, '')] ?? 0) + 1;
  return out;
}
