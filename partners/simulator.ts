// All partner simulators in one Express app (one port): referral, transport, notification gateway and
// civil-registry tracing, with fault injection and an admin API for tests and demos.
import type { Server } from 'node:http';
import express from 'express';
import { CallbackSender } from './callbacks';
import type { FaultsBody } from './faults';
import { ENDPOINTS, Faults, faultsBody, seededRandom } from './faults';
import { IdempotencyStore } from './idempotency';
import type { GatewayOptions } from './notification-gateway';
import { notificationGateway } from './notification-gateway';
import type { ReferralOptions } from './referral';
import { referralService } from './referral';
import { Timers } from './timers';
import type { TracingOptions } from './tracing';
import { tracingService } from './tracing';
import type { TransportOptions } from './transport';
import { transportService } from './transport';

export interface SimulatorOptions {
  seed?: number;
  /** Bearer token the simulators present on callbacks to Sigap (a partner token). */
  callbackToken?: string;
  duplicateCallbacks?: boolean;
  callbackMaxAttempts?: number;
  callbackBaseDelayMs?: number;
  /** If set, /_admin routes require it as a bearer token. */
  adminToken?: string;
  referral?: Partial<ReferralOptions>;
  transport?: Partial<TransportOptions>;
  gateway?: Partial<GatewayOptions>;
  tracing?: Partial<TracingOptions>;
  faults?: FaultsBody;
}

export const DEFAULT_FACILITIES = ['RSJ-ATMA-HUSADA', 'RSJ-MENUR', 'RSJ-LAWANG', 'PANTI-BUDI-LUHUR'];

export interface SimulatorCounts {
  endpoints: Record<string, { calls: number; injectedFailures: number; lostResponses: number; effects: number }>;
  admissionsCreated: number;
  bookingsCreated: number;
  bookingsCancelled: number;
  messagesSent: number;
  lookupsCreated: number;
  callbacksDelivered: number;
  callbackAttempts: number;
  callbacksAbandoned: number;
  /** For exactly-once checks: bookings and messages per case reference. */
  bookingsPerCaseRef: Record<string, number>;
  admissionsPerCaseRef: Record<string, number>;
  messagesPerKey: Record<string, number>;
}

export function createPartnerSimulator(options: SimulatorOptions = {}) {
  const seed = options.seed ?? 1;
  const faults = new Faults(seed);
  if (options.faults) faults.configure(options.faults);
  const random = seededRandom(seed + 1);
  const keys = new IdempotencyStore();
  const timers = new Timers();
  const callbacks = new CallbackSender({
    ...(options.callbackToken ? { token: options.callbackToken } : {}),
    duplicate: options.duplicateCallbacks ?? false,
    maxAttempts: options.callbackMaxAttempts ?? 20,
    baseDelayMs: options.callbackBaseDelayMs ?? 200,
  });
  const referral = referralService({
    faults,
    keys,
    callbacks,
    timers,
    random,
    options: { facilities: DEFAULT_FACILITIES, decisionDelayMs: 2_000, acceptRate: 1, ...options.referral },
  });
  const transport = transportService({ faults, keys, callbacks, timers, options: { capacity: 60, departAfterMs: 3_000, arriveAfterMs: 3_000, ...options.transport } });
  const gateway = notificationGateway({ faults, keys, timers, random, options: { deliverAfterMs: 500, failRate: 0, ...options.gateway } });
  const tracing = tracingService({ faults, keys, callbacks, timers, random, options: { resultDelayMs: 3_000, foundRate: 0.7, ...options.tracing } });

  const counts = (): SimulatorCounts => {
    const tally = <T>(items: Iterable<T>, refs: (t: T) => string[]) => {
      const out: Record<string, number> = {};
      for (const item of items) for (const r of refs(item)) out[r] = (out[r] ?? 0) + 1;
      return out;
    };
    return {
      endpoints: Object.fromEntries(ENDPOINTS.map((e) => [e, { ...faults.count(e) }])),
      admissionsCreated: referral.admissions.size,
      bookingsCreated: transport.bookings.size,
      bookingsCancelled: transport.cancelledCount(),
      messagesSent: gateway.messages.size,
      lookupsCreated: tracing.lookups.size,
      callbacksDelivered: callbacks.delivered,
      callbackAttempts: callbacks.attempts,
      callbacksAbandoned: callbacks.abandoned,
      bookingsPerCaseRef: tally(transport.bookings.values(), (b) => b.caseRefs),
      admissionsPerCaseRef: tally(referral.admissions.values(), (a) => [a.caseRef]),
      messagesPerKey: tally(gateway.messages.values(), (m) => [m.key]),
    };
  };

  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '256kb' }));
  app.use('/_admin', (req, res, next) => {
    if (options.adminToken && req.get('authorization') !== `Bearer ${options.adminToken}`) {
      res.status(401).json({ code: 'UNAUTHENTICATED' });
      return;
    }
    next();
  });
  app.get('/_admin/counts', (_req, res) => {
    res.json(counts());
  });
  app.put('/_admin/faults', (req, res) => {
    const parsed = faultsBody.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).type('application/problem+json').json({ type: 'about:blank', title: 'Invalid fault configuration', status: 400, code: 'INVALID_FAULTS' });
      return;
    }
    faults.configure(parsed.data);
    res.json({ configured: true });
  });
  app.post('/_admin/reset', (_req, res) => {
    faults.reset();
    keys.clear();
    referral.admissions.clear();
    transport.bookings.clear();
    gateway.messages.clear();
    tracing.lookups.clear();
    res.json({ reset: true });
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(referral.router, transport.router, gateway.router, tracing.router);
  app.use((_req, res) => {
    res.status(404).type('application/problem+json').json({ type: 'about:blank', title: 'Not found', status: 404, code: 'NOT_FOUND' });
  });
  app.use((err: { type?: string }, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = err.type === 'entity.parse.failed' ? 400 : 500;
    res.status(status).type('application/problem+json').json({ type: 'about:blank', title: 'Request failed', status, code: status === 400 ? 'MALFORMED_JSON' : 'INTERNAL' });
  });

  return {
    app,
    faults,
    counts,
    referral,
    transport,
    gateway,
    tracing,
    callbacks,
    /** Stops timers and callback retries; waits for callbacks in flight. */
    async stop(): Promise<void> {
      timers.clear();
      callbacks.stop();
      await callbacks.drain();
    },
  };
}

export type PartnerSimulator = ReturnType<typeof createPartnerSimulator>;

export interface RunningSimulator {
  url: string;
  port: number;
  sim: PartnerSimulator;
  close(): Promise<void>;
}

export function startPartnerSimulator(options: SimulatorOptions & { port?: number; host?: string } = {}): Promise<RunningSimulator> {
  const sim = createPartnerSimulator(options);
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server: Server = sim.app.listen(options.port ?? 0, host, (err?: Error) => {
      if (err) return reject(err);
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({
        url: `http://${host}:${port}`,
        port,
        sim,
        async close() {
          await sim.stop();
          await new Promise<void>((r) => {
            server.close(() => r());
            server.closeAllConnections();
          });
        },
      });
    });
  });
}
