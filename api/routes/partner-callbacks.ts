import { Router } from 'express';
import type { PartnerCommand } from '../../workflows/contract';
import { BATCH_REF } from '../../workflows/contract';
import { batchReceptionDecision } from '../batch-service';
import { ProblemError } from '../problem';
import { allow } from '../auth/authenticate';
import type { CaseServiceDeps } from '../case-service';
import { reportFromPartner } from '../case-service';
import { partnerCallbackBody } from '../command-schemas';
import { principalOf } from '../principal';
import { parseBody } from '../schemas';

/** POST /v1/partner-callbacks: partners (with a partner token) report decisions and trip events. */
export function partnerCallbacksRouter(deps: CaseServiceDeps): Router {
  const router = Router();
  router.post('/v1/partner-callbacks', allow('partner'), async (req, res) => {
    const body = parseBody(partnerCallbackBody, req.body);
    const batch = BATCH_REF.exec(body.caseRef);
    if (batch) {
      // A group's reception: only the origin Dinsos's decision applies to a batch.
      if (body.command.type !== 'recordReferralDecision') throw ProblemError.of('VALIDATION_FAILED', [{ field: 'command.type', message: 'a batch takes only recordReferralDecision' }]);
      await batchReceptionDecision(deps, principalOf(req), batch[1]!, body.reportId, (body.command as { accepted: boolean }).accepted);
      res.status(202).json({ accepted: true, reportId: body.reportId });
      return;
    }
    await reportFromPartner(deps, principalOf(req), { reportId: body.reportId, caseRef: body.caseRef, command: body.command as PartnerCommand });
    // Accepted, not applied: the case may still ignore a report that no longer fits (it records why).
    res.status(202).json({ accepted: true, reportId: body.reportId });
  });
  return router;
}
