// The simulators' own control surface (/_admin): counts, fault configuration, reset and a state dump, for
// tests and demos. Real partners have nothing like it, so it can be locked with a token when the simulator
// listens beyond localhost (the guard is bearerGuard in partners/http.ts).
import { Router } from 'express';
import type { SimulatorCounts } from './counts';
import type { Faults } from './faults';
import { FaultConfigError, faultsBody } from './faults';
import { parseBody, send, sendProblem } from './http';

export interface AdminDeps {
  faults: Faults;
  counts: () => SimulatorCounts;
  state: () => unknown;
  reset: () => void;
}

export function adminRouter(deps: AdminDeps): Router {
  const router = Router();
  router.get('/counts', (_req, res) => {
    res.json(deps.counts());
  });
  router.get('/state', (_req, res) => {
    res.json(deps.state());
  });
  router.get('/faults', (_req, res) => {
    res.json(deps.faults.snapshot());
  });
  router.put('/faults', (req, res) => {
    const parsed = parseBody(faultsBody, req.body, 'Invalid fault configuration');
    if (!parsed.ok) return send(res, parsed.reply);
    try {
      deps.faults.configure(parsed.data);
    } catch (err) {
      if (!(err instanceof FaultConfigError)) throw err;
      return sendProblem(res, 400, 'INVALID_REQUEST', err.message);
    }
    res.json(deps.faults.snapshot());
  });
  router.post('/reset', (_req, res) => {
    deps.reset();
    res.json({ reset: true });
  });
  return router;
}
