// Start-up work a process does not wait for (the API: migrating the read model, registering search
// attributes; the worker: migrating): each keeps trying while its dependency is down, so the process
// serves what it can meanwhile.
import type { Logger } from '../config/logger';
import { loggable } from '../config/logger';

export interface BackgroundTask {
  readonly done: boolean;
  stop(): void;
}

/** Runs `fn` until it succeeds, every `intervalMs`, logging the first failure and each change of kind. */
export function untilDone(name: string, fn: () => Promise<unknown>, logger: Logger, intervalMs = 2_000): BackgroundTask {
  let done = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let lastKind: string | undefined;
  const attempt = async () => {
    try {
      await fn();
      done = true;
      if (lastKind) logger.info({ task: name }, 'background task done after failures');
    } catch (err) {
      const failure = loggable(err);
      if (failure.kind !== lastKind) logger.warn({ task: name, failure }, 'background task failed; retrying');
      lastKind = failure.kind;
      if (!stopped) timer = setTimeout(() => void attempt(), intervalMs);
    }
  };
  void attempt();
  return {
    get done() {
      return done;
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
