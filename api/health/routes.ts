import { Router } from 'express';
import { z } from 'zod';
import type { RegisterRoute } from '../http/openapi';
import { json } from '../http/openapi';

export interface HealthDeps {
  checks: Record<string, () => Promise<void>>;
}

/** /healthz: the process is up. /readyz: every dependency answers (database, Temporal). */
export function healthRouter(deps: HealthDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const results = await Promise.all(
      Object.entries(deps.checks).map(async ([name, check]) => {
        try {
          await withTimeout(check(), 3000);
          return [name, 'ok'] as const;
        } catch {
          return [name, 'unavailable'] as const;
        }
      }),
    );
    const ready = results.every(([, r]) => r === 'ok');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not_ready', checks: Object.fromEntries(results) });
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

const healthSchema = z.object({ status: z.string(), checks: z.record(z.string(), z.string()).optional() }).meta({ id: 'Health' });

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
    summary: 'The database and Temporal answer',
    responses: { 200: json(healthSchema, 'Ready'), 503: json(healthSchema, 'Not ready') },
  });
}
