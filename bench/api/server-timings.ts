// Where an API request's time goes, from the server's side, for the API benchmark.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Client, WorkflowClient } from '@temporalio/client';

export /**
 * Where an API request's time goes, from the server's side: when the request arrived (headers read), when
 * the handler called `workflow.start` and when it returned, when the response finished. Kept as sums, so
 * the means need no per-request bookkeeping (every 201 made exactly one start).
 */
class ServerTimings {
  recording = false;
  ok = 0;
  arrived = 0;
  finished = 0;
  startBegun = 0;
  startEnded = 0;
  starts: number[] = [];

  /** The app's client with `workflow.start` timed; everything else is the real client. */
  instrument(client: Client): Client {
    const start = (async (...args: Parameters<WorkflowClient['start']>) => {
      const t = performance.now();
      try {
        return await client.workflow.start(...args);
      } finally {
        const done = performance.now();
        if (this.recording) {
          this.startBegun += t;
          this.startEnded += done;
          this.starts.push(done - t);
        }
      }
    }) as WorkflowClient['start'];
    const workflow = new Proxy(client.workflow, { get: (target, prop) => (prop === 'start' ? start : Reflect.get(target, prop, target)) });
    return new Proxy(client, { get: (target, prop) => (prop === 'workflow' ? workflow : Reflect.get(target, prop, target)) });
  }

  /** A request listener that runs before the app's. */
  stamp = (req: IncomingMessage, res: ServerResponse): void => {
    if (!this.recording || req.method !== 'POST') return;
    const arrived = performance.now();
    res.once('finish', () => {
      if (res.statusCode !== 201) return;
      this.ok += 1;
      this.arrived += arrived;
      this.finished += performance.now();
    });
  };
}
