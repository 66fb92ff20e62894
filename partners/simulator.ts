// All partner simulators in one express app on one port — referral, transport, notification gateway and
// civil-registry tracing, each under its own prefix — with fault injection and an admin API. Used by
// `npm start`, by `tsx partners/main.ts` on its own, and in-process by tests.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ErrorRequestHandler } from 'express';
import express from 'express';
import type { Logger } from 'pino';
import pino from 'pino';
import { adminRouter } from './admin';
import type { CallbackDelivery } from './callbacks';
import { CallbackSender } from './callbacks';
import type { SimContext } from './context';
import type { SimulatorCounts } from './counts';
import { countsOf } from './counts';
import type { FaultsBody } from './faults';
import { Faults } from './faults';
import { bearerGuard, sendProblem } from './http';
import { IdempotencyStore } from './idempotency';
import type { GatewayOptions, Message } from './notification-gateway';
import { GATEWAY_DEFAULTS, notificationGateway } from './notification-gateway';
import type { Random } from './random';
import { seededRandom } from './random';
import type { Admission, ReferralOptions } from './referral';
import { REFERRAL_DEFAULTS, referralService } from './referral';
import { Timers } from './timers';
import type { Lookup, TracingOptions } from './tracing';
import { TRACING_DEFAULTS, tracingService } from './tracing';
import type { Booking, TransportOptions } from './transport';
import { TRANSPORT_DEFAULTS, transportService } from './transport';

export type { SimulatorCounts } from './counts';
export type { FaultsBody } from './faults';
export { DEFAULT_FACILITIES } from './referral';

export interface SimulatorOptions {
  /** Seed of the fault generator (default 1); business outcomes use seed + 1. */
  seed?: number;
  /** Replaces the seeded fault generator. */
  random?: Random;
  /** Replaces the seeded outcome generator (accept, found, delivered). */
  outcomeRandom?: Random;
  /** Bearer token the simulators present on callbacks to Sigap (a partner-role token). */
  callbackToken?: string;
  /** Send every callback twice with the same reportId (default false). */
  duplicateCallbacks?: boolean;
  /** Attempts per callback (default 20). */
  callbackMaxAttempts?: number;
  /** First retry delay, doubled per attempt (default 200 ms), capped at callbackMaxDelayMs (default 10 s). */
  callbackBaseDelayMs?: number;
  callbackMaxDelayMs?: number;
  /** Per-attempt timeout of a callback (default 5 s). */
  callbackTimeoutMs?: number;
  /** Put admissionId / bookingId / lookupId in callback bodies (default false: Sigap's receiver refuses unknown fields). */
  callbackResourceIds?: boolean;
  /** If set, /_admin routes require `Authorization: Bearer <adminToken>`. */
  adminToken?: string;
  /** If set, the partner routes require `Authorization: Bearer <clientToken>` (what Sigap sends as SIGAP_PARTNER_TOKEN). */
  clientToken?: string;
  referral?: Partial<ReferralOptions>;
  transport?: Partial<TransportOptions>;
  gateway?: Partial<GatewayOptions>;
  tracing?: Partial<TracingOptions>;
  /** Fault configuration at start (and after every reset). */
  faults?: FaultsBody;
  /** Default: silent. Nothing personal is ever logged. */
  logger?: Logger;
  /** The simulators' clock (default: the real one). */
  now?: () => Date;
  /** Multiplies every partner's pace (decisions, trips, discharges), as SIGAP_TIME_SCALE does cases' (default 1). */
  timeScale?: number;
}

/** Live views of everything the simulators hold. */
export interface SimulatorState {
  admissions: ReadonlyMap<string, Admission>;
  bookings: ReadonlyMap<string, Booking>;
  messages: ReadonlyMap<string, Message>;
  lookups: ReadonlyMap<string, Lookup>;
  callbacks: readonly CallbackDelivery[];
}

/** The simulators' HTTP app: each service under its prefix, their admin routes, logs without bodies. */
function simulatorApp(
  options: SimulatorOptions,
  log: Logger,
  parts: {
    faults: Faults;
    counts: () => SimulatorCounts;
    reset: () => void;
    state: SimulatorState;
    referral: ReturnType<typeof referralService>;
    transport: ReturnType<typeof transportService>;
    gateway: ReturnType<typeof notificationGateway>;
    tracing: ReturnType<typeof tracingService>;
  },
): express.Express {
  const { faults, counts, reset, state, referral, transport, gateway, tracing } = parts;
const app = express();
app.disable('x-powered-by');
app.set('etag', false);
app.use((req, res, next) => {
  // Method, path (simulator-made ids only), status and time: never bodies or headers.
  const started = performance.now();
  res.on('finish', () => {
    log.debug({ method: req.method, path: req.originalUrl.split('?')[0], status: res.statusCode, ms: Math.round(performance.now() - started) }, 'request');
  });
  next();
});
app.use(express.json({ limit: '256kb' }));
app.get('/healthz', (_req, res) => {
  res.json({ status: 'ok' });
});
app.use('/_admin', bearerGuard(options.adminToken, 'partner-sim-admin'));
app.use(['/referral', '/transport', '/notify', '/tracing'], bearerGuard(options.clientToken, 'partner-sim'));
app.use('/_admin', adminRouter({ faults, counts, reset, state: () => dump(state) }));
app.use('/_admin/referral', referral.admin);
app.use('/_admin/transport', transport.admin);
app.use('/_admin/tracing', tracing.admin);
app.use('/referral', referral.router);
app.use('/transport', transport.router);
app.use('/notify', gateway.router);
app.use('/tracing', tracing.router);
app.use((_req, res) => {
  sendProblem(res, 404, 'NOT_FOUND', 'No such route');
});
const onError: ErrorRequestHandler = (err: { type?: string; status?: number }, _req, res, _next) => {
  if (res.headersSent) return;
  if (err.type === 'entity.parse.failed') return sendProblem(res, 400, 'MALFORMED_JSON', 'The body is not valid JSON');
  if (err.type === 'entity.too.large') return sendProblem(res, 413, 'PAYLOAD_TOO_LARGE', 'The body is too large');
  if (typeof err.status === 'number' && err.status >= 400 && err.status < 500) return sendProblem(res, err.status, 'BAD_REQUEST', 'The request could not be read');
  log.error({ err }, 'simulator failed');
  sendProblem(res, 500, 'INTERNAL', 'The simulator failed');
};
app.use(onError);
  return app;
}

export function createPartnerSimulator(options: SimulatorOptions = {}) {
  const seed = options.seed ?? 1;
  const log = options.logger ?? pino({ level: 'silent' });
  const faults = new Faults({ seed, ...(options.random ? { random: options.random } : {}), ...(options.faults ? { config: options.faults } : {}) });
  const timers = new Timers();
  const callbacks = new CallbackSender(
    {
      ...(options.callbackToken ? { token: options.callbackToken } : {}),
      duplicate: options.duplicateCallbacks ?? false,
      maxAttempts: options.callbackMaxAttempts ?? 20,
      baseDelayMs: options.callbackBaseDelayMs ?? 200,
      maxDelayMs: options.callbackMaxDelayMs ?? 10_000,
      timeoutMs: options.callbackTimeoutMs ?? 5_000,
      includeResourceIds: options.callbackResourceIds ?? false,
    },
    log,
  );
  const ctx: SimContext = {
    faults,
    keys: new IdempotencyStore(),
    timers,
    callbacks,
    random: options.outcomeRandom ?? seededRandom(seed + 1),
    log,
    now: options.now ?? (() => new Date()),
    paced: (ms) => Math.max(1, Math.round(ms * (options.timeScale ?? 1))),
  };
  const referral = referralService(ctx, { ...REFERRAL_DEFAULTS, ...options.referral });
  const transport = transportService(ctx, { ...TRANSPORT_DEFAULTS, ...options.transport });
  const gateway = notificationGateway(ctx, { ...GATEWAY_DEFAULTS, ...options.gateway });
  const tracing = tracingService(ctx, { ...TRACING_DEFAULTS, ...options.tracing });

  const state: SimulatorState = {
    admissions: referral.admissions,
    bookings: transport.bookings,
    messages: gateway.messages,
    lookups: tracing.lookups,
    callbacks: callbacks.deliveries,
  };
  const counts = (): SimulatorCounts => countsOf({ faults, callbacks, referral, transport, gateway, tracing });
  /** Forgets everything: state, keys, counts, pending decisions and callbacks; faults back to the start configuration. */
  const reset = (): void => {
    timers.clear();
    callbacks.reset();
    ctx.keys.clear();
    faults.reset();
    referral.reset();
    transport.reset();
    gateway.reset();
    tracing.reset();
  };
  const close = async (): Promise<void> => {
    timers.stop();
    callbacks.stop();
    await callbacks.drain();
  };

  const app = simulatorApp(options, log, { faults, counts, reset, state, referral, transport, gateway, tracing });

  return {
    app,
    state,
    faults,
    counts,
    reset,
    /** Cancels pending decisions, trips and callbacks and waits for deliveries in flight to stop. */
    close,
    /** The same as close (older name). */
    stop: close,
    referral,
    transport,
    gateway,
    tracing,
    callbacks,
  };
}

export type PartnerSimulator = ReturnType<typeof createPartnerSimulator>;

export interface StartOptions extends SimulatorOptions {
  /** Default 0: any free port (read it from the result). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

export interface RunningSimulator {
  /** Base URL, e.g. http://127.0.0.1:4100 */
  url: string;
  port: number;
  host: string;
  sim: PartnerSimulator;
  state: SimulatorState;
  faults: Faults;
  counts(): SimulatorCounts;
  reset(): void;
  /** Stops listening, drops open connections, and stops the simulators. */
  close(): Promise<void>;
}

export function startPartnerSimulator(options: StartOptions = {}): Promise<RunningSimulator> {
  const sim = createPartnerSimulator(options);
  const host = options.host ?? '127.0.0.1';
  const server = http.createServer(sim.app);
  return new Promise((resolve, reject) => {
    const failed = (err: Error) => {
      void sim.close();
      reject(err);
    };
    server.once('error', failed);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', failed);
      const { port } = server.address() as AddressInfo;
      let closing: Promise<void> | undefined;
      resolve({
        url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
        port,
        host,
        sim,
        state: sim.state,
        faults: sim.faults,
        counts: sim.counts,
        reset: sim.reset,
        close() {
          closing ??= (async () => {
            await sim.close();
            await new Promise<void>((r) => {
              server.close(() => r());
              server.closeAllConnections();
            });
          })();
          return closing;
        },
      });
    });
  });
}

function dump(state: SimulatorState) {
  return {
    admissions: [...state.admissions.values()],
    bookings: [...state.bookings.values()],
    messages: [...state.messages.values()],
    lookups: [...state.lookups.values()],
    callbacks: state.callbacks,
  };
}
