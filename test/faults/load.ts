// Scenario 2: 100 returnees opened and driven through their staff steps over the API while every worker
// is killed twice. Nothing may be lost or done twice: every case reaches its booking, each partner
// effect is applied once per idempotency key, and each timeline is event for event the one a case has
// when nothing fails.
import { act, gaps, openCase, RETURNEE_STEPS, timelines } from './lib/cases';
import { figures, spread } from './lib/figures';
import { PartnerDecider } from './lib/partner-decider';
import { duplicateEffects } from './lib/partners';
import { until } from './lib/processes';
import type { Stack } from './lib/stack';

const CASES = 100;
const REFERENCES = 3;
const CONCURRENCY = 20;
const REGION = '62.71';

interface Driven {
  ids: string[];
  latencies: number[];
  /** Every single answer's time while these cases were driven (the client's repeats each count). */
  answers: number[];
}

/** Opens and drives cases `CONCURRENCY` at a time; `onAnswer` hears every answered request. */
async function drive(stack: Stack, keys: string[], cases: Set<string>, onAnswer: () => void): Promise<Driven> {
  const out: Driven = { ids: [], latencies: [], answers: [] };
  const firstAnswer = stack.api.answerMs.length;
  const timed = async <T>(call: () => Promise<T>) => {
    const started = performance.now();
    const value = await call();
    out.latencies.push(Math.round(performance.now() - started));
    onAnswer();
    return value;
  };
  let next = 0;
  const lane = async () => {
    while (next < keys.length) {
      const key = keys[next++]!;
      const id = await timed(() => openCase(stack, key, REGION));
      cases.add(id);
      out.ids.push(id);
      for (const step of RETURNEE_STEPS) await timed(() => act(stack, id, step, `${key}-${String(step[1].type)}`));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  out.answers = stack.api.answerMs.slice(firstAnswer);
  return out;
}

async function booked(stack: Stack, ids: string[]): Promise<number> {
  const [row] = await stack.pg.query<{ n: string }>("SELECT count(DISTINCT case_id) AS n FROM case_events WHERE type = 'transport.booked' AND case_id = ANY($1)", [ids]);
  return Number(row?.n ?? 0);
}

/** Kills every worker when `at` requests have been answered, and starts two new ones. */
async function killAllAt(stack: Stack, answered: () => number, at: number): Promise<number> {
  await until(`${at} answered requests`, () => (answered() >= at ? true : undefined), 180_000, 50);
  const started = Date.now();
  await stack.killAllWorkers();
  await Promise.all([stack.startWorker(), stack.startWorker()]);
  return Date.now() - started;
}

export async function workersKilledUnderLoad(stack: Stack, run: string): Promise<void> {
  const cases = new Set<string>();
  const decider = new PartnerDecider(stack, cases);
  try {
    const reference = await drive(stack, Array.from({ length: REFERENCES }, (_, i) => `s2-${run}-ref-${i}`), cases, () => undefined);
    await until('the reference cases to be booked', async () => ((await booked(stack, reference.ids)) === REFERENCES ? true : undefined), 120_000, 250);

    // A slow gateway keeps the dispatchers in the middle of sends, so the kills strand leased messages
    // that another worker must send again later under the same key (checked by outbox.ts).
    await stack.partners.faults({ endpoints: { 'notify.send': { latencyMs: 1_000 } } });
    let answered = 0;
    const started = Date.now();
    const total = CASES * (RETURNEE_STEPS.length + 1);
    const outages = (async () => [await killAllAt(stack, () => answered, Math.round(total / 3)), await killAllAt(stack, () => answered, Math.round((2 * total) / 3))])();
    // Awaited after the load; a load that fails first must not leave this rejection unhandled.
    outages.catch(() => undefined);
    const load = await drive(stack, Array.from({ length: CASES }, (_, i) => `s2-${run}-${i}`), cases, () => answered++);
    const outageMs = await outages;
    await until('every case to be booked', async () => ((await booked(stack, load.ids)) === CASES ? true : undefined), 180_000, 500);
    await check(stack, reference.ids, load, outageMs, Date.now() - started);
  } finally {
    await decider.stop();
    await stack.partners.faults({ endpoints: { 'notify.send': { latencyMs: 0 } } });
  }
}

async function check(stack: Stack, referenceIds: string[], load: Driven, outageMs: number[], elapsedMs: number): Promise<void> {
  const byCase = await timelines(stack, [...referenceIds, ...load.ids]);
  const sequence = (id: string) => byCase.get(id)!.map((e) => e.type).join(' > ');
  const expected = sequence(referenceIds[0]!);
  const reference = byCase.get(referenceIds[0]!)!.map((e) => e.type);
  // Types a case without faults records once (case.opened, referral.sent, transport.booked, …).
  const onceOnly = reference.filter((t) => reference.indexOf(t) === reference.lastIndexOf(t));
  const repeated = (id: string) => onceOnly.some((t) => byCase.get(id)!.filter((e) => e.type === t).length > 1);
  const rows = await stack.pg.query<{ case_id: string }>('SELECT case_id FROM cases WHERE case_id = ANY($1)', [load.ids]);
  const counts = await stack.partners.counts();
  const result = {
    cases: load.ids.length,
    inReadModel: rows.length,
    requests: load.latencies.length,
    // Until each request succeeded, the client's repeats through the outages included.
    untilDoneMs: spread(load.latencies),
    // Each single answer, 503s included: what a person at the API waits before hearing something.
    answerMs: spread(load.answers),
    outagesMs: outageMs,
    admissions: load.ids.filter((id) => counts.admissionsPerCaseRef[id] === 1).length,
    bookings: load.ids.filter((id) => counts.bookingsPerCaseRef[id] === 1).length,
    partnerCalls: { admit: counts.endpoints['referral.admit'].calls, book: counts.endpoints['transport.book'].calls },
    messages: Object.keys(counts.messagesPerKey).length,
    duplicateEffects: duplicateEffects(counts),
    casesWithRepeatedOnceOnlyEvents: load.ids.filter(repeated).length,
    timelineGaps: load.ids.filter((id) => gaps(byCase.get(id)!).length > 0).length,
    timelinesUnlikeReference: load.ids.filter((id) => sequence(id) !== expected).length,
    elapsedMs,
    referenceTimeline: expected,
  };
  figures('2 all workers killed twice under 100 cases', result);
  expect(referenceIds.map(sequence)).toEqual(referenceIds.map(() => expected));
  expect(new Set(load.ids).size).toBe(CASES);
  expect(result.inReadModel).toBe(CASES);
  expect(result.duplicateEffects).toEqual([]);
  expect(result.admissions).toBe(CASES);
  expect(result.bookings).toBe(CASES);
  expect(result.casesWithRepeatedOnceOnlyEvents).toBe(0);
  expect(result.timelineGaps).toBe(0);
  const unlike = load.ids.find((id) => sequence(id) !== expected);
  expect(unlike ? sequence(unlike) : expected).toBe(expected);
}
