// The HTTP side shared by every simulated partner: problem+json answers, and the wrapper that puts an
// endpoint behind its fault plan (count the call, maybe fail before the effect, run the handler, maybe fail
// after it) so that the services only describe what a healthy partner does.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { EndpointName, Faults } from './faults';
import type { Timers } from './timers';

/** What a handler wants to answer; the wrapper decides whether the client ever hears it. */
export interface Reply {
  status: number;
  body: unknown;
  /** Whether this call changed something (for the effect counts and the exactly-once ledger). */
  effect?: boolean;
  headers?: Record<string, string>;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  /** Which fields were wrong (paths and messages only, never the values sent). */
  errors?: { path: string; message: string }[];
}

export function problem(status: number, code: string, title: string, errors?: ProblemBody['errors']): Reply {
  const body: ProblemBody = { type: `urn:partner-sim:${code.toLowerCase().replace(/_/g, '-')}`, title, status, code, ...(errors ? { errors } : {}) };
  return { status, body };
}

/** Validates a request body; a failure is a 400 refusal naming the fields. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown, title: string): { ok: true; data: z.infer<S> } | { ok: false; reply: Reply } {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  return { ok: false, reply: problem(400, 'INVALID_REQUEST', title, errors) };
}

export function send(res: Response, reply: Reply): void {
  if (reply.headers) res.set(reply.headers);
  res.status(reply.status);
  if (reply.status >= 400) res.type('application/problem+json').json(reply.body); // json() keeps a content type already set
  else res.json(reply.body);
}

export function sendProblem(res: Response, status: number, code: string, title: string): void {
  send(res, problem(status, code, title));
}

export interface EndpointDeps {
  faults: Faults;
  timers: Timers;
  log: Logger;
}

/** An express handler for `name` that applies the endpoint's faults around `handler`. */
export function endpoint(deps: EndpointDeps, name: EndpointName, handler: (req: Request) => Reply | Promise<Reply>): RequestHandler {
  return async (req, res) => {
    const counts = deps.faults.count(name);
    counts.calls += 1;
    const plan = deps.faults.plan(name);
    // Only the endpoint name and the kind of fault are logged: bodies and headers may carry personal data.
    const injected = (kind: string, afterEffect: boolean) => {
      counts.injectedFailures += 1;
      if (afterEffect) counts.failuresAfterEffect += 1;
      deps.log.debug({ endpoint: name, fault: kind, afterEffect }, 'fault injected');
    };

    if (plan.down) {
      injected('down', false);
      sendProblem(res, 503, 'PARTNER_DOWN', 'The partner service is down');
      return;
    }
    if (plan.latencyMs > 0 && !(await deps.timers.sleep(plan.latencyMs))) return drop(req);

    if (plan.failure && !plan.afterEffect) {
      injected(plan.failure.kind, false);
      return fail(deps, req, res, plan.failure);
    }

    const reply = await handler(req);
    if (reply.effect) deps.faults.countEffect(name, req.get('idempotency-key'));

    if (plan.failure) {
      injected(plan.failure.kind, reply.effect === true);
      return fail(deps, req, res, plan.failure);
    }
    if (deps.faults.loseResponse(name)) {
      counts.lostResponses += 1;
      injected('lost_response', reply.effect === true);
      return drop(req);
    }
    send(res, reply);
  };
}

async function fail(deps: EndpointDeps, req: Request, res: Response, failure: { kind: 'error' } | { kind: 'timeout'; holdMs: number }): Promise<void> {
  if (failure.kind === 'error') {
    sendProblem(res, 503, 'UNAVAILABLE', 'Temporarily unavailable');
    return;
  }
  // Holding the request and then dropping it is what a hung partner looks like: the client's own timeout
  // fires first if it is shorter.
  await deps.timers.sleep(failure.holdMs);
  drop(req);
}

/** Close the connection without answering: the client cannot tell whether the call was applied. */
function drop(req: Request): void {
  req.socket.destroy();
}

/** Requires `Authorization: Bearer <token>` when a token is set; lets everything through otherwise. */
export function bearerGuard(token: string | undefined, realm: string): RequestHandler {
  if (!token) return (_req, _res, next) => next();
  const expected = digest(`Bearer ${token}`);
  return (req, res, next) => {
    if (timingSafeEqual(digest(req.get('authorization') ?? ''), expected)) return next();
    res.set('www-authenticate', `Bearer realm="${realm}"`);
    sendProblem(res, 401, 'UNAUTHENTICATED', 'A valid bearer token is required');
  };
}

// Comparing digests keeps the comparison constant-time whatever the token lengths.
function digest(s: string): Buffer {
  return createHash('sha256').update(s).digest();
}
