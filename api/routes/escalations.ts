import { Router } from 'express';
import type { Db } from '../../db/client';
import { allow } from '../auth/authenticate';
import { listEscalations } from '../escalation-service';
import { caseSummary } from '../present';
import { principalOf } from '../principal';
import { escalationQuery, parseBody } from '../schemas';

/** GET /v1/escalations: escalated (default) or overdue open cases, most urgent first, keyset-paginated. */
export function escalationsRouter(db: Db): Router {
  const router = Router();
  router.get('/v1/escalations', allow('case_manager', 'supervisor', 'admin'), async (req, res) => {
    // Express 5's req.query is read-only: parse it into a new object.
    const query = parseBody(escalationQuery, { ...req.query });
    const page = await listEscalations(db, principalOf(req), query, new Date());
    res.json({ items: page.items.map(caseSummary), nextCursor: page.nextCursor });
  });
  return router;
}
