// Fault injection per endpoint: latency, outages, errors and hung requests, and lost responses. A failure is
// injected either before the effect (the partner never did it) or after it (the partner did it but the
// answer never arrives, or arrives as an error): the second kind is what proves a client's idempotency
// keys. This file decides and counts; partners/http.ts acts on the decisions.
import { z } from 'zod';
import type { Random } from './random';
import { chance, seededRandom } from './random';

export { seededRandom } from './random';

/** Every faultable endpoint, named `<service>.<operation>`. */
export const ENDPOINTS = [
  'referral.admit',
  'referral.status',
  'transport.book',
  'transport.cancel',
  'transport.status',
  'notify.send',
  'notify.status',
  'tracing.lookup',
  'tracing.status',
] as const;
export type EndpointName = (typeof ENDPOINTS)[number];

const rate = z.number().min(0).max(1);

export const faultSchema = z
  .object({
    /** Added to every call before anything else happens. */
    latencyMs: z.number().int().min(0).max(60_000),
    /** Share of calls answered 503 (before the effect unless failAfterEffect). */
    errorRate: rate,
    /** Share of calls held for timeoutMs and then dropped unanswered (before the effect unless failAfterEffect). */
    timeoutRate: rate,
    timeoutMs: z.number().int().min(0).max(300_000),
    /**
     * Of the calls that got through errorRate and timeoutRate, the share whose connection is dropped right
     * after the effect was applied: the client sees a reset and must retry with the same key.
     */
    lostResponseRate: rate,
    /** Apply errorRate and timeoutRate after the effect instead of before it. */
    failAfterEffect: z.boolean(),
    /** Every call is answered 503 at once. */
    down: z.boolean(),
  })
  .strict();
export type Fault = z.infer<typeof faultSchema>;

export const NO_FAULT: Readonly<Fault> = Object.freeze({
  latencyMs: 0,
  errorRate: 0,
  timeoutRate: 0,
  timeoutMs: 30_000,
  lostResponseRate: 0,
  failAfterEffect: false,
  down: false,
});

export const faultPatch = faultSchema.partial();
export type FaultPatch = z.infer<typeof faultPatch>;

/** Body of PUT /_admin/faults and the `faults` option: patches merged into the current configuration. */
export const faultsBody = z
  .object({
    /** Applies to every endpoint; an endpoint's own patch wins over it. */
    default: faultPatch.optional(),
    /** Unknown endpoint names are refused, so a typo cannot silently inject nothing. */
    endpoints: z.partialRecord(z.enum(ENDPOINTS), faultPatch).optional(),
    /** Restart the fault generator from this seed. */
    seed: z.number().int().optional(),
    /** Start from no faults instead of merging into the current configuration. */
    replace: z.boolean().optional(),
  })
  .strict();
export type FaultsBody = z.infer<typeof faultsBody>;

export class FaultConfigError extends Error {}

export interface EndpointCounts {
  /** Requests received (after the JSON body was parsed). */
  calls: number;
  /** Every injected failure: outage, error, hung request or lost response, before or after the effect. */
  injectedFailures: number;
  /** Injected failures that hit after this call had applied its effect: the client never learnt of it. */
  failuresAfterEffect: number;
  /** Connections dropped right after the handler ran (one kind of injected failure). */
  lostResponses: number;
  /** Calls that changed something (an admission, a booking, a message, a lookup, a cancellation). */
  effects: number;
}

/** What to do to one call, decided when it arrives. */
export interface FaultPlan {
  latencyMs: number;
  down: boolean;
  failure: { kind: 'error' } | { kind: 'timeout'; holdMs: number } | null;
  afterEffect: boolean;
}

export interface FaultsInit {
  /** Seed of the fault generator (default 1). */
  seed?: number;
  /** Use this generator instead (tests that script exact outcomes); `seed` in a later configure replaces it. */
  random?: Random;
  /** Configuration at start; reset() returns to it. */
  config?: FaultsBody;
}

export class Faults {
  private base: Fault = { ...NO_FAULT };
  private perEndpoint: Partial<Record<EndpointName, FaultPatch>> = {};
  private random: Random;
  private readonly tallies = new Map<EndpointName, EndpointCounts>();
  private readonly keyed = new Map<EndpointName, Map<string, number>>();

  constructor(private readonly init: FaultsInit = {}) {
    this.random = init.random ?? seededRandom(init.seed ?? 1);
    if (init.config) this.configure(init.config);
  }

  /** Merges the patches in (or replaces everything with `replace`); refuses a result that cannot be honoured. */
  configure(input: FaultsBody): void {
    // Programmatic callers (options, env) get the same validation as PUT /_admin/faults.
    const body = faultsBody.parse(input);
    const base = faultSchema.parse({ ...(body.replace ? NO_FAULT : this.base), ...body.default });
    const perEndpoint: Partial<Record<EndpointName, FaultPatch>> = body.replace ? {} : { ...this.perEndpoint };
    for (const name of ENDPOINTS) {
      const patch = body.endpoints?.[name];
      if (patch) perEndpoint[name] = { ...perEndpoint[name], ...patch };
    }
    for (const name of ENDPOINTS) {
      const f = { ...base, ...perEndpoint[name] };
      // The two share one draw: together they cannot exceed every call.
      if (f.errorRate + f.timeoutRate > 1) throw new FaultConfigError(`${name}: errorRate + timeoutRate exceeds 1`);
    }
    this.base = base;
    this.perEndpoint = perEndpoint;
    if (body.seed !== undefined) this.random = seededRandom(body.seed);
  }

  /** Back to the configuration and seed the simulator started with, with every count at zero. */
  reset(): void {
    this.base = { ...NO_FAULT };
    this.perEndpoint = {};
    this.random = this.init.random ?? seededRandom(this.init.seed ?? 1);
    if (this.init.config) this.configure(this.init.config);
    this.tallies.clear();
    this.keyed.clear();
  }

  for(name: EndpointName): Fault {
    return { ...this.base, ...this.perEndpoint[name] };
  }

  /** The effective configuration of every endpoint, for GET /_admin/faults. */
  snapshot(): { default: Fault; endpoints: Record<EndpointName, Fault> } {
    return { default: { ...this.base }, endpoints: Object.fromEntries(ENDPOINTS.map((n) => [n, this.for(n)])) as Record<EndpointName, Fault> };
  }

  plan(name: EndpointName): FaultPlan {
    const f = this.for(name);
    if (f.down) return { latencyMs: 0, down: true, failure: null, afterEffect: false };
    let failure: FaultPlan['failure'] = null;
    if (f.errorRate + f.timeoutRate > 0) {
      const r = this.random();
      if (r < f.errorRate) failure = { kind: 'error' };
      else if (r < f.errorRate + f.timeoutRate) failure = { kind: 'timeout', holdMs: f.timeoutMs };
    }
    return { latencyMs: f.latencyMs, down: false, failure, afterEffect: f.failAfterEffect };
  }

  /** Asked after the handler ran and no other failure was planned. */
  loseResponse(name: EndpointName): boolean {
    return chance(this.random, this.for(name).lostResponseRate);
  }

  count(name: EndpointName): EndpointCounts {
    let c = this.tallies.get(name);
    if (!c) this.tallies.set(name, (c = { calls: 0, injectedFailures: 0, failuresAfterEffect: 0, lostResponses: 0, effects: 0 }));
    return c;
  }

  /** Counts an applied effect under the request's Idempotency-Key: the exactly-once ledger. */
  countEffect(name: EndpointName, key: string | undefined): void {
    this.count(name).effects += 1;
    if (!key) return;
    let byKey = this.keyed.get(name);
    if (!byKey) this.keyed.set(name, (byKey = new Map()));
    byKey.set(key, (byKey.get(key) ?? 0) + 1);
  }

  effectsPerKey(): Partial<Record<EndpointName, Record<string, number>>> {
    return Object.fromEntries([...this.keyed].map(([name, byKey]) => [name, Object.fromEntries(byKey)]));
  }
}
