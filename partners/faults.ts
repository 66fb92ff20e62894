// Fault injection per endpoint: latency, errors before the effect, lost responses after it (the case that
// tests idempotency hardest), hung requests and outages. Randomness is seeded, so runs are repeatable.
import type { Request, Response } from 'express';
import { z } from 'zod';

export const faultSchema = z
  .object({
    latencyMs: z.number().int().min(0).max(60_000).default(0),
    /** Answer 503 without doing anything. */
    errorRate: z.number().min(0).max(1).default(0),
    /** Do the work, then drop the connection instead of answering. */
    lostResponseRate: z.number().min(0).max(1).default(0),
    /** Hold the request for timeoutMs, then drop it unanswered (nothing done). */
    timeoutRate: z.number().min(0).max(1).default(0),
    timeoutMs: z.number().int().min(0).max(300_000).default(30_000),
    /** Every call fails at once with 503. */
    down: z.boolean().default(false),
  })
  .strict();
export type Fault = z.infer<typeof faultSchema>;

export const faultsBody = z
  .object({ default: faultSchema.partial().optional(), endpoints: z.record(z.string(), faultSchema.partial()).optional(), seed: z.number().int().optional() })
  .strict();
export type FaultsBody = z.infer<typeof faultsBody>;

export const ENDPOINTS = ['referral.admit', 'transport.book', 'transport.cancel', 'notify.send', 'notify.status', 'tracing.lookup'] as const;
export type EndpointName = (typeof ENDPOINTS)[number];

/** A small seeded PRNG (mulberry32): good enough to decide faults, and repeatable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface EndpointCounts {
  calls: number;
  injectedFailures: number;
  lostResponses: number;
  effects: number;
}

export class Faults {
  private base: Fault = faultSchema.parse({});
  private perEndpoint = new Map<string, Partial<Fault>>();
  private random: () => number;
  readonly counts = new Map<EndpointName, EndpointCounts>();

  constructor(seed = 1) {
    this.random = seededRandom(seed);
  }

  configure(body: FaultsBody): void {
    if (body.seed !== undefined) this.random = seededRandom(body.seed);
    if (body.default) this.base = faultSchema.parse({ ...this.base, ...body.default });
    for (const [name, f] of Object.entries(body.endpoints ?? {})) this.perEndpoint.set(name, { ...this.perEndpoint.get(name), ...f });
  }

  reset(): void {
    this.base = faultSchema.parse({});
    this.perEndpoint.clear();
    this.counts.clear();
  }

  for(name: EndpointName): Fault {
    return faultSchema.parse({ ...this.base, ...this.perEndpoint.get(name) });
  }

  count(name: EndpointName): EndpointCounts {
    let c = this.counts.get(name);
    if (!c) this.counts.set(name, (c = { calls: 0, injectedFailures: 0, lostResponses: 0, effects: 0 }));
    return c;
  }

  roll(): number {
    return this.random();
  }
}

export interface Reply {
  status: number;
  body: unknown;
  /** Whether the call changed something (a booking made, a message queued), for the effect counts. */
  effect?: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Wraps an endpoint: the handler computes the reply; faults decide whether it is done and whether it is heard. */
export function faulty(faults: Faults, name: EndpointName, handler: (req: Request) => Reply | Promise<Reply>) {
  return async (req: Request, res: Response): Promise<void> => {
    const counts = faults.count(name);
    counts.calls += 1;
    const f = faults.for(name);
    if (f.down) {
      counts.injectedFailures += 1;
      res.status(503).type('application/problem+json').json({ type: 'about:blank', title: 'Service down', status: 503, code: 'DOWN' });
      return;
    }
    if (f.latencyMs) await sleep(f.latencyMs);
    const r = faults.roll();
    if (r < f.errorRate) {
      counts.injectedFailures += 1;
      res.status(503).type('application/problem+json').json({ type: 'about:blank', title: 'Temporarily unavailable', status: 503, code: 'UNAVAILABLE' });
      return;
    }
    if (r < f.errorRate + f.timeoutRate) {
      counts.injectedFailures += 1;
      await sleep(f.timeoutMs);
      req.socket.destroy();
      return;
    }
    const reply = await handler(req);
    if (reply.effect) counts.effects += 1;
    if (faults.roll() < f.lostResponseRate) {
      counts.lostResponses += 1;
      req.socket.destroy();
      return;
    }
    const problem = reply.status >= 400;
    res.status(reply.status).type(problem ? 'application/problem+json' : 'application/json').json(reply.body);
  };
}

export function problem(status: number, code: string, title: string): Reply {
  return { status, body: { type: `urn:partner-sim:${code.toLowerCase()}`, title, status, code } };
}
