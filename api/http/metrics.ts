// Prometheus metrics for the API: HTTP traffic by route pattern (never by URL, which would carry case ids),
// Node process metrics, and — where the worker runs in the same process — the Temporal SDK's own metrics.
import type { NextFunction, Request, Response } from 'express';
import { Router } from 'express';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

export interface ApiMetrics {
  registry: Registry;
  middleware: (req: Request, res: Response, next: NextFunction) => void;
}

export function createApiMetrics(): ApiMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'sigap_api_' });
  const duration = new Histogram({
    name: 'sigap_http_request_duration_seconds',
    help: 'HTTP request duration by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const middleware = (req: Request, res: Response, next: NextFunction) => {
    const end = duration.startTimer();
    res.on('finish', () => {
      // Unmatched paths share one label so that scanners cannot blow up the series count.
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  };
  return { registry, middleware };
}

/**
 * GET /metrics. `extra` adds another exposition (the worker's Temporal SDK metrics from its Prometheus
 * exporter) when both run in one process; a failing extra source never hides the API's own metrics.
 */
export function metricsRouter(metrics: ApiMetrics, extra?: () => Promise<string>, token?: string): Router {
  const router = Router();
  router.get('/metrics', async (req, res) => {
    if (token && req.get('authorization') !== `Bearer ${token}`) {
      res.status(401).type('text/plain').send('unauthorised\n');
      return;
    }
    const own = await metrics.registry.metrics();
    const more = extra ? await extra().catch(() => '# temporal sdk metrics unavailable\n') : '';
    res.type(metrics.registry.contentType).send(`${own}\n${more}`);
  });
  return router;
}
