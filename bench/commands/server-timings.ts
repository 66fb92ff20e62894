// Where a command request's time goes, from the server's side, for the commands benchmark.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Client, WorkflowClient, WorkflowHandle } from '@temporalio/client';

interface Request {
  arrived: number;
  updateBegun?: number;
  updateEnded?: number;
}

/**
 * When a request arrived (headers read), when its handler called `executeUpdate` and when that returned,
 * when the response finished: per request (the Update is found by the request's async context), summed
 * over the 200s only, so a request cut by the deadline does not shift the means. Live-case Queries are
 * counted: the API asks the case itself only when the read model cannot answer the visibility check.
 */
export class CommandTimings {
  recording = false;
  ok = 0;
  arrived = 0;
  finished = 0;
  updateBegun = 0;
  updateEnded = 0;
  updates: number[] = [];
  queries = 0;
  private readonly current = new AsyncLocalStorage<Request>();

  /** The app's client with each handle's `executeUpdate` timed and its `query` counted; the rest is the real client. */
  instrument(client: Client): Client {
    const timed = (handle: WorkflowHandle): WorkflowHandle => {
      const executeUpdate = (async (...args: Parameters<WorkflowHandle['executeUpdate']>) => {
        const request = this.current.getStore();
        if (request) request.updateBegun = performance.now();
        try {
          return await handle.executeUpdate(...args);
        } finally {
          if (request) request.updateEnded = performance.now();
        }
      }) as WorkflowHandle['executeUpdate'];
      const query = ((...args: Parameters<WorkflowHandle['query']>) => {
        if (this.recording) this.queries += 1;
        return handle.query(...args);
      }) as WorkflowHandle['query'];
      return new Proxy(handle, {
        get: (target, prop) => (prop === 'executeUpdate' ? executeUpdate : prop === 'query' ? query : Reflect.get(target, prop, target)),
      });
    };
    const getHandle = ((...args: Parameters<WorkflowClient['getHandle']>) => timed(client.workflow.getHandle(...args))) as WorkflowClient['getHandle'];
    const workflow = new Proxy(client.workflow, { get: (target, prop) => (prop === 'getHandle' ? getHandle : Reflect.get(target, prop, target)) });
    return new Proxy(client, { get: (target, prop) => (prop === 'workflow' ? workflow : Reflect.get(target, prop, target)) });
  }

  /** The app as a request listener, each request in a context of its own while recording. */
  wrap(app: (req: IncomingMessage, res: ServerResponse) => void) {
    return (req: IncomingMessage, res: ServerResponse): void => {
      if (!this.recording || req.method !== 'POST') return app(req, res);
      const request: Request = { arrived: performance.now() };
      res.once('finish', () => {
        if (res.statusCode !== 200 || request.updateBegun === undefined || request.updateEnded === undefined) return;
        this.ok += 1;
        this.arrived += request.arrived;
        this.finished += performance.now();
        this.updateBegun += request.updateBegun;
        this.updateEnded += request.updateEnded;
        this.updates.push(request.updateEnded - request.updateBegun);
      });
      this.current.run(request, () => app(req, res));
    };
  }
}
