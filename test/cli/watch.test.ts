// The watch loop on a scripted timeline: when it ends, and what it does with gaps and outages.
import { ApiError, Unreachable } from '../../cli/api-client';
import type { TimelineEvent, TimelinePage } from '../../cli/responses';
import { GAP_PATIENCE, watchCase } from '../../cli/watch';

const ev = (seq: number, type: string, stage = 'assessment'): TimelineEvent => ({
  seq,
  type,
  stage,
  at: '2026-11-24T00:00:00.000Z',
  actor: { id: 'cm-1', role: 'case_manager' },
  data: {},
});

/** Poll n sees polls[n] (the last one from then on): the events committed by then, or an error. */
function run(polls: (TimelineEvent[] | Error)[], opts: { after?: number; signal?: AbortSignal; pageSize?: number } = {}) {
  const printed: number[] = [];
  const warnings: (string | null)[] = [];
  let poll = 0;
  const page = async (after: number): Promise<TimelinePage> => {
    const now = polls[Math.min(poll, polls.length - 1)]!;
    if (now instanceof Error) throw now;
    const items = now.filter((e) => e.seq > after).sort((a, b) => a.seq - b.seq);
    const size = opts.pageSize ?? 500;
    return { items: items.slice(0, size), nextAfter: items.length > size ? items[size - 1]!.seq : null };
  };
  const done = watchCase({
    page,
    print: (e) => printed.push(e.seq),
    warn: (t) => warnings.push(t && t.message),
    sleep: async () => {
      poll++;
      if (poll > 200) throw new Error('the watch never ended');
    },
    interval: 1,
    after: opts.after ?? -1,
    signal: opts.signal,
  });
  return { done, printed, warnings, polls: () => poll };
}

const opened = [ev(0, 'case.opened', 'identification'), ev(1, 'case.acknowledged')];

test('ends at a withdrawal, after printing what came with it', async () => {
  const w = run([opened, [...opened, ev(2, 'case.withdrawn'), ev(3, 'referral.cancelled')]]);
  await w.done;
  expect(w.printed).toEqual([0, 1, 2, 3]);
});

test('ends at closure (the stage "closed"), not at a closure that was reopened', async () => {
  const closed = [...opened, ev(2, 'closure.approved', 'closed'), ev(3, 'stage.changed', 'closed')];
  const reopened = [...closed, ev(4, 'case.reopened'), ev(5, 'stage.changed')];
  const w = run([reopened, reopened, [...reopened, ev(6, 'case.withdrawn')]]);
  await w.done;
  expect(w.printed).toEqual([0, 1, 2, 3, 4, 5, 6]);
  expect(w.polls()).toBe(2);
});

test('a batch committed out of order is printed when it lands, and the end waits for it', async () => {
  const w = run([opened, [...opened, ev(4, 'case.withdrawn')], [...opened, ev(2, 'note.added'), ev(3, 'note.added'), ev(4, 'case.withdrawn')]]);
  await w.done;
  expect(w.printed).toEqual([0, 1, 4, 2, 3]);
});

test('a gap that never fills is given up after a while', async () => {
  const w = run([[...opened, ev(3, 'case.withdrawn')]]);
  await w.done;
  expect(w.printed).toEqual([0, 1, 3]);
  // The first poll folded 0 and 1; then GAP_PATIENCE polls found 2 missing.
  expect(w.polls()).toBe(GAP_PATIENCE);
});

test('follows pages within a poll', async () => {
  const many = [...opened, ...Array.from({ length: 10 }, (_, i) => ev(i + 2, 'note.added')), ev(12, 'case.withdrawn')];
  const w = run([many], { pageSize: 3 });
  await w.done;
  expect(w.printed).toEqual(many.map((e) => e.seq));
  expect(w.polls()).toBe(0);
});

test('rides out an outage after the first poll, and says so', async () => {
  const down = new Unreachable('http://127.0.0.1:3000', 'ECONNREFUSED');
  const w = run([opened, down, new ApiError(503, { code: 'TEMPORAL_UNAVAILABLE', title: 'x' }), [...opened, ev(2, 'case.withdrawn')]]);
  await w.done;
  expect(w.printed).toEqual([0, 1, 2]);
  expect(w.warnings).toEqual([down.message, null]);
});

test('fails at once if the first poll fails, or on a refusal', async () => {
  await expect(run([new Unreachable('http://x', 'ENOTFOUND')]).done).rejects.toBeInstanceOf(Unreachable);
  await expect(run([opened, new ApiError(404, { code: 'CASE_NOT_FOUND', title: 'x' })]).done).rejects.toBeInstanceOf(ApiError);
});

test('Ctrl-C ends it normally', async () => {
  const stop = new AbortController();
  const w = run([opened], { signal: stop.signal });
  stop.abort();
  await expect(w.done).resolves.toBeUndefined();
});

test('--after skips the history', async () => {
  const w = run([[...opened, ev(2, 'case.withdrawn')]], { after: 1 });
  await w.done;
  expect(w.printed).toEqual([2]);
});
