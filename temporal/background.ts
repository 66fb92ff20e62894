// Start-up work a process does not wait for (the API: migrating the read model, registering search
// attributes; the worker: migrating): each keeps trying while its dependency is down, so the process
// serves what it can meanwhile.
import type { Logger } from '../config/logger';
import { loggable } from '../config/logger';

export interface BackgroundTask {
  readonly done: boolean;
  stop(): void;
}

/**
 * Calls `fn` until it succeeds (its result) or `stopped()` (undefined), every `intervalMs`, logging the
 * first failure and each change of kind.
 */
export async function retried<T>(
  name: string,
  fn: () => Promise<T>,
  logger: Logger,
  { intervalMs = 2_000, stopped = (): boolean => false }: { intervalMs?: number; stopped?: () => boolean } = {},
): Promise<T | undefined> {
  let lastKind: string | undefined;
  while (!stopped()) {
    try {
      const value = await fn();
      if (lastKind) logger.info({ task: name }, 'background task done after failures');
      return value;
    } catch (err) {
      const failure = loggable(err);
      if (failure.kind !== lastKind) logger.warn({ task: name, failure }, 'background task failed; retrying');
      lastKind = failure.kind;
      // Unreferenced: a pending retry never holds a stopping process open.
      await new Promise((r) => setTimeout(r, intervalMs).unref());
    }
  }
  return undefined;
}

/** `retried` in the background: the caller goes on and asks `done` later. */
export function untilDone(name: string, fn: () => Promise<unknown>, logger: Logger, intervalMs = 2_000): BackgroundTask {
  let done = false;
  let stopped = false;
  void retried(name, async () => void (await fn()), logger, { intervalMs, stopped: () => stopped }).then(() => {
    done = !stopped;
  });
  return {
    get done() {
      return done;
    },
    stop() {
      stopped = true;
    },
  };
}
