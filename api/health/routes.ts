import { Router } from 'express';
import { z } from 'zod';
import type { RegisterRoute } from '../http/openapi';
import { json } from '../http/openapi';

export interface HealthDeps {
  checks: Record<string, () => Promise<void>>;
  /** True once the process has been told to stop: it finishes what it has but takes nothing new. */
  draining?: () => boolean;
}

/** A probe answers well within a load balancer's usual 5 s timeout. */
const CHECK_TIMEOUT_MS = 2_000;

/**
 * /healthz: the process is up. /readyz: every dependency answers (database, Temporal); which do not is
 * named in `missing`. A draining process is not ready whatever its dependencies say.
 */
export function healthRouter(deps: HealthDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    if (deps.draining?.()) {
      res.status(503).json({ status: 'draining' });
      return;
    }
    const results = await Promise.all(
      Object.entries(deps.checks).map(async ([name, check]) => {
        try {
          await withTimeout(check(), CHECK_TIMEOUT_MS);
          return [name, 'ok'] as const;
        } catch {
          return [name, 'unavailable'] as const;
        }
      }),
    );
    const missing = results.filter(([, r]) => r !== 'ok').map(([name]) => name);
    res.status(missing.length ? 503 : 200).json({ status: missing.length ? 'not_ready' : 'ready', checks: Object.fromEntries(results), ...(missing.length ? { missing } : {}) });
  });
  return router;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

const healthSchema = z
  .object({
    status: z.enum(['ok', 'ready', 'not_ready', 'draining']),
    checks: z.record(z.string(), z.enum(['ok', 'unavailable'])).optional(),
    missing: z.array(z.string()).optional().describe('The dependencies that did not answer (database, temporal)'),
  })
  .meta({ id: 'Health' });

/** The probes need no token: `register` adds no security requirement. */
export function healthPaths(register: RegisterRoute): void {
  register({
    method: 'get',
    path: '/healthz',
    operationId: 'health',
    summary: 'The process is up',
    responses: { 200: json(healthSchema, 'Up') },
  });
  register({
    method: 'get',
    path: '/readyz',
    operationId: 'ready',
    summary: 'The database and Temporal answer, and the process is not shutting down',
    responses: { 200: json(healthSchema, 'Ready'), 503: json(healthSchema, 'Not ready: a dependency is missing, or the process is draining') },
  });
}
