// `case watch`: follows a case's timeline by polling until the case is closed, withdrawn or archived.
import { ApiError, Interrupted, Unreachable } from './api-client';
import type { TimelineEvent, TimelinePage } from './responses';

export interface WatchOptions {
  /** The timeline after a position; one page. */
  page(after: number): Promise<TimelinePage>;
  print(event: TimelineEvent): void;
  /** Called once when contact is lost after the first poll, and with null once it is back. */
  warn(trouble: Error | null): void;
  sleep(ms: number): Promise<void>;
  interval: number;
  after: number;
  signal?: AbortSignal | undefined;
}

/**
 * Polls this many times for a missing position before giving up on it. The workflow writes events in
 * batches that can commit out of order (a timer's batch can land before an update's), so a gap usually
 * fills within a poll or two; one that never fills must not stop the watch from ever ending.
 */
export const GAP_PATIENCE = 10;

/** Whether an event leaves the case finished. Closure moves the case to the stage "closed"; there is no case.closed event. */
const ends = (e: TimelineEvent) => e.type === 'case.withdrawn' || e.type === 'case.archived' || e.stage === 'closed';

/** Resolves when the case is finished or the operator interrupts; rejects if the first poll fails. */
export async function watchCase(o: WatchOptions): Promise<void> {
  // Everything up to `seen` has been printed and folded into `finished`; `ahead` is printed but past a gap.
  let seen = o.after;
  const ahead = new Map<number, TimelineEvent>();
  let finished = false;
  let gapPolls = 0;
  let polls = 0;
  let trouble = false;
  for (;;) {
    try {
      for (let from: number | null = seen; from !== null; ) {
        const page = await o.page(from);
        for (const e of page.items) {
          if (e.seq <= seen || ahead.has(e.seq)) continue;
          o.print(e);
          ahead.set(e.seq, e);
        }
        from = page.nextAfter;
      }
      if (trouble) o.warn(null);
      trouble = false;
    } catch (err) {
      if (err instanceof Interrupted) return;
      if (polls === 0 || !transient(err)) throw err;
      if (!trouble) o.warn(err instanceof Error ? err : new Error(String(err)));
      trouble = true;
    }
    polls++;
    gapPolls = ahead.size && !ahead.has(seen + 1) ? gapPolls + 1 : 0;
    if (gapPolls >= GAP_PATIENCE) seen = Math.min(...ahead.keys()) - 1;
    for (let next = ahead.get(seen + 1); next; next = ahead.get(seen + 1)) {
      // A reopened case goes on; the watch ends only if the newest word is that it is finished.
      finished = ends(next) || (finished && next.type !== 'case.reopened');
      ahead.delete(++seen);
    }
    if (finished && !ahead.size) return;
    if (o.signal?.aborted) return;
    await abortable(o.sleep(o.interval), o.signal);
    if (o.signal?.aborted) return;
  }
}

/** Worth riding out while watching: the API restarting, Temporal briefly away, rate limits. */
export function transient(err: unknown): boolean {
  return err instanceof Unreachable || (err instanceof ApiError && (err.status >= 500 || err.status === 429));
}

function abortable(p: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return p;
  return new Promise((resolve) => {
    const done = () => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done);
    p.then(done, done);
  });
}
