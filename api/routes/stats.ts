import { Router } from 'express';
import type { Db } from '../../db/client';
import { STAFF, allow } from '../auth/authenticate';
import { caseStats } from '../case-list-service';
import { principalOf } from '../principal';
import { parseBody, statsQuery } from '../schemas';

/** GET /v1/stats: caseload counts for dashboards, inside the caller's regions. */
export function statsRouter(db: Db): Router {
  const router = Router();
  router.get('/v1/stats', allow(...STAFF), async (req, res) => {
    const query = parseBody(statsQuery, { ...req.query });
    res.json({ ...(await caseStats(db, principalOf(req), query, new Date())), periodDays: query.periodDays, region: query.region ?? null });
  });
  return router;
}
