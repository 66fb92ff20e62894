// createApp(deps): the Express application, without listening, so tests drive it in-process.
import { randomUUID } from 'node:crypto';
import express from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { Logger } from '../config/logger';
import { loggable } from '../config/logger';
import type { KeyRing } from '../temporal/keyring';
import { allow, authenticate } from './auth/authenticate';
import type { VerifyToken } from './auth/tokens';
import { batchesRouter } from './batches/routes';
import { partnerCallbacksRouter } from './callbacks/routes';
import { casesRouter } from './cases/routes';
import { codecRouter } from './codec/routes';
import type { ServiceDeps } from './deps';
import { docsRouter } from './docs/routes';
import { escalationsRouter } from './escalations/routes';
import { healthRouter } from './health/routes';
import type { ApiMetrics } from './http/metrics';
import { createApiMetrics, metricsRouter } from './http/metrics';
import { dependencyProblem } from './http/failures';
import { principalOf } from './http/principal';
import { ProblemError, problemHandler, sendProblem } from './http/problem';
import { reportsRouter } from './reports/routes';
import { practiceOf, StaffDirectory } from './staff/practice';
import { staffRouter } from './staff/routes';
import { statsRouter } from './stats/routes';
import { trainingRouter } from './training/routes';
import type { ScenarioLibrary } from './training/scenarios';
import { transfersRouter } from './transfers/routes';

export interface AppDeps extends ServiceDeps {
  logger: Logger;
  checks: Record<string, () => Promise<void>>;
  verifyToken: VerifyToken;
  /** Requests per minute per caller (default 600). */
  rateLimitPerMinute?: number;
  metrics?: ApiMetrics;
  /** More Prometheus text for /metrics: the worker's Temporal SDK metrics when it shares the process. */
  extraMetrics?: () => Promise<string>;
  metricsToken?: string;
  /** Temporal calls of one request end by this many ms after it arrived (real time). */
  requestDeadlineMs?: number;
  /** The process is shutting down: /readyz says so. */
  draining?: () => boolean;
  /**
   * The Web UI's codec endpoint. With `requireAuth`, only supervisors and admins (bearer token, which the
   * UI forwards when configured to) may decrypt: the payloads hold personal data.
   */
  codec?: { ring: KeyRing; corsOrigins: string[]; requireAuth?: boolean };
  /** Training scenarios (simulasi kasus); loaded from training/scenarios/ when not given. */
  trainingScenarios?: ScenarioLibrary;
}

export const API_BODY_LIMIT = '64kb';
/** Leaves room within 2 s for the request's own work (a database read, the token) on a busy machine. */
export const DEFAULT_REQUEST_DEADLINE_MS = 1_200;

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  const metrics = deps.metrics ?? createApiMetrics();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.set('query parser', 'simple');

  app.use((req, res, next) => {
    const incoming = req.get('x-request-id');
    const id = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', id);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      // The route pattern and the caller's opaque id; never the body, the query or the token.
      deps.logger.info(
        {
          requestId: id,
          method: req.method,
          route: req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : req.path,
          status: res.statusCode,
          caller: callerOf(req),
          ms: Number(process.hrtime.bigint() - started) / 1e6,
        },
        'request',
      );
    });
    next();
  });
  app.use(metrics.middleware);
  app.use(helmet());

  app.use(healthRouter({ checks: deps.checks, ...(deps.draining ? { draining: deps.draining } : {}) }));
  app.use(metricsRouter(metrics, deps.extraMetrics, deps.metricsToken));
  app.use(docsRouter());
  const staffDirectory = deps.staffDirectory ?? new StaffDirectory(deps.db, 'known');
  const services: AppDeps = { ...deps, staffDirectory };
  if (deps.codec) {
    // Decrypting personal data: a deactivated or lapsed supervisor's still-valid token is refused here too.
    const guard = deps.codec.requireAuth ? [authenticate(deps.verifyToken), practiceOf(staffDirectory), allow('supervisor', 'admin')] : [];
    // Who decrypted how many payloads, never what: personal data is in them.
    app.use(codecRouter(deps.codec.ring, deps.codec.corsOrigins, guard, (e) => deps.logger.info(e, 'codec')));
  }
  app.use('/v1', authenticate(deps.verifyToken), practiceOf(staffDirectory));
  // Every Temporal call a request makes ends by one deadline: a part that is down costs a 503, not a hang.
  const deadlineMs = deps.requestDeadlineMs ?? DEFAULT_REQUEST_DEADLINE_MS;
  app.use('/v1', (_req, _res, next) => {
    void deps.client.connection.withDeadline(Date.now() + deadlineMs, async () => next());
  });
  app.use(
    '/v1',
    rateLimit({
      windowMs: 60_000,
      limit: deps.rateLimitPerMinute ?? 600,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      // Per caller, not per address: staff of a whole Dinas often share one NAT address.
      keyGenerator: (req) => `${principalOf(req).role}:${principalOf(req).id}`,
      handler: (_req, _res, next) => next(ProblemError.of('RATE_LIMITED')),
    }),
  );
  app.use('/v1', (req, _res, next) => {
    if (['POST', 'PUT', 'PATCH'].includes(req.method) && req.headers['content-length'] !== '0' && !req.is('application/json')) {
      next(ProblemError.of('UNSUPPORTED_MEDIA_TYPE'));
      return;
    }
    next();
  });
  // Read only after the caller is known (401 before any 400) and never past the cap (413).
  app.use('/v1', express.json({ limit: API_BODY_LIMIT }));
  app.use(casesRouter(services));
  app.use(escalationsRouter(deps.db));
  app.use(statsRouter(deps.db));
  app.use(reportsRouter(deps.db));
  app.use(transfersRouter(deps.db));
  app.use(staffRouter(services));
  app.use(partnerCallbacksRouter(services));
  app.use(batchesRouter(services));
  app.use(trainingRouter({ ...services, ...(deps.trainingScenarios ? { scenarios: deps.trainingScenarios } : {}) }));

  app.use((req, res) => sendProblem(req, res, ProblemError.of('NOT_FOUND')));
  app.use(
    problemHandler(
      // The failure's kind and code only: drizzle's messages carry the SQL and its parameters.
      (err, req) => deps.logger.error({ failure: loggable(err), method: req.method, route: req.route?.path ?? req.path }, 'request failed'),
      (err) => dependencyProblem(err, deps.temporalReachability),
    ),
  );
  return app;
}

function callerOf(req: express.Request): string | undefined {
  try {
    const p = principalOf(req);
    return `${p.role}:${p.id}`;
  } catch {
    return undefined;
  }
}
