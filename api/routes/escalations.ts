import { Router } from 'express';
import type { Db } from '../../db/client';
import { listEscalations } from '../escalation-service';
import { principalOf } from '../principal';
import { escalationQuery, parseBody } from '../schemas';

/** GET /v1/escalations: escalated (default) or overdue open cases, most urgent first, keyset-paginated. */
export function escalationsRouter(db: Db): Router {
  const router = Router();
  router.get('/v1/escalations', async (req, res) => {
    // Express 5's req.query is read-only: parse it into a new object.
    const query = parseBody(escalationQuery, { ...req.query });
    const page = await listEscalations(db, principalOf(req), query, new Date());
    res.json({
      items: page.items.map((c) => ({
        caseId: c.caseId,
        category: c.category,
        pathway: c.pathway,
        stage: c.stage,
        riskLevel: c.riskLevel,
        regionCode: c.regionCode,
        assignedWorker: c.assignedWorker,
        escalationLevel: c.escalationLevel,
        escalations: c.escalations,
        nextDeadline: c.nextDeadlineKind ? { kind: c.nextDeadlineKind, dueAt: c.nextDeadlineAt?.toISOString() ?? null } : null,
        updatedAt: c.updatedAt.toISOString(),
        links: { case: `/v1/cases/${c.caseId}` },
      })),
      nextCursor: page.nextCursor,
    });
  });
  return router;
}
