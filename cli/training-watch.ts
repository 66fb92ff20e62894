// `training watch`: follows a session by polling it — each group's new timeline events and refused
// commands as they come — until the trainer ends it; then the caller prints the ranking. Contact lost
// after the first poll is ridden out, as `case watch` does.
import { Interrupted } from './api-client';
import type { TrainingSession } from './training-responses';
import { transient } from './watch';

export interface SessionWatchOptions {
  read(): Promise<TrainingSession>;
  /** A group's new event or refusal, in order. */
  print(group: TrainingSession['groups'][number], item: { event: TrainingSession['groups'][number]['record']['events'][number] } | { refusal: TrainingSession['groups'][number]['record']['refusals'][number] }): void;
  warn(trouble: Error | null): void;
  sleep(ms: number): Promise<void>;
  interval: number;
  signal?: AbortSignal | undefined;
}

/** Resolves with the session as it ended (or as last seen when interrupted); rejects if the first poll fails. */
export async function watchSession(o: SessionWatchOptions): Promise<TrainingSession | undefined> {
  const seenEvents = new Map<string, number>();
  const seenRefusals = new Map<string, number>();
  let last: TrainingSession | undefined;
  let trouble = false;
  for (let polls = 0; ; polls++) {
    try {
      last = await o.read();
      for (const g of last.groups) {
        const after = seenEvents.get(g.name) ?? -1;
        for (const e of g.record.events) if (e.seq > after) o.print(g, { event: e });
        seenEvents.set(g.name, Math.max(after, ...g.record.events.map((e) => e.seq)));
        for (const r of g.record.refusals.slice(seenRefusals.get(g.name) ?? 0)) o.print(g, { refusal: r });
        seenRefusals.set(g.name, g.record.refusals.length);
      }
      if (trouble) o.warn(null);
      trouble = false;
      if (last.session.endedAt) return last;
    } catch (err) {
      if (err instanceof Interrupted) return last;
      if (polls === 0 || !transient(err)) throw err;
      if (!trouble) o.warn(err instanceof Error ? err : new Error(String(err)));
      trouble = true;
    }
    if (o.signal?.aborted) return last;
    await o.sleep(o.interval);
    if (o.signal?.aborted) return last;
  }
}
