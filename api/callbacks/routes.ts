// POST /v1/partner-callbacks: partners (with a partner token) report decisions and trip events. A case's
// report becomes a Signal to the case (applied once per report id); a batch takes only the origin
// Dinsos's reception decision.
import { WorkflowNotFoundError } from '@temporalio/client';
import { Router } from 'express';
import { z } from 'zod';
import { BATCH_REF, CASE_REF, CLIENT_KEY } from '../../domain/ids';
import type { PartnerCommand } from '../../domain/commands';
import { caseWorkflowId, partnerReportSignal } from '../../workflows/case/contract';
import { allow } from '../auth/authenticate';
import { batchReceptionDecision } from '../batches/service';
import { partnerCommandBody } from '../cases/commands';
import { assertVisible } from '../cases/read';
import type { ServiceDeps } from '../deps';
import type { RegisterRoute } from '../http/openapi';
import { common, headers, json, jsonBody, problem } from '../http/openapi';
import { parseBody } from '../http/parse';
import type { Principal } from '../http/principal';
import { principalOf } from '../http/principal';
import { ProblemError } from '../http/problem';

export const partnerCallbackBody = z
  .object({
    /** The partner's own id for this report: a repeated callback with the same id changes nothing. */
    reportId: z.string().regex(CLIENT_KEY, 'expected 1-200 visible ASCII characters'),
    /** A case id, or "batch-<id>" for a group's reception. */
    caseRef: z.string().regex(CASE_REF, 'expected a case or batch reference'),
    command: partnerCommandBody,
    /** The sender's own name for itself; informational only — the token's subject identifies the partner. */
    partnerId: z.string().max(64).optional(),
  })
  .strict();

/** A partner's report becomes a Signal to the case. Partners retry callbacks; the workflow applies each report id once. */
async function reportFromPartner(deps: ServiceDeps, principal: Principal, report: { reportId: string; caseRef: string; command: PartnerCommand }) {
  // Partners report on the cases of the regions they serve, not on cases they only hear of.
  const { visibility } = await assertVisible(deps, principal, report.caseRef);
  if (visibility !== 'full') throw ProblemError.of('CASE_NOT_FOUND');
  try {
    await deps.client.workflow
      .getHandle(caseWorkflowId(report.caseRef))
      .signal(partnerReportSignal, { partnerId: principal.id, reportId: report.reportId, command: report.command });
  } catch (err) {
    if (err instanceof WorkflowNotFoundError) throw ProblemError.of('CASE_ARCHIVED');
    throw err;
  }
}

export function partnerCallbacksRouter(deps: ServiceDeps): Router {
  const router = Router();
  router.post('/v1/partner-callbacks', allow('partner'), async (req, res) => {
    const body = parseBody(partnerCallbackBody, req.body);
    const batch = BATCH_REF.exec(body.caseRef);
    if (batch) {
      // A group's reception: only the origin Dinsos's decision applies to a batch.
      if (body.command.type !== 'recordReferralDecision') throw ProblemError.of('VALIDATION_FAILED', [{ field: 'command.type', message: 'a batch takes only recordReferralDecision' }]);
      await batchReceptionDecision(deps, principalOf(req), batch[1]!, body.reportId, body.command.accepted);
    } else {
      await reportFromPartner(deps, principalOf(req), { reportId: body.reportId, caseRef: body.caseRef, command: body.command });
    }
    // Accepted, not applied: the case may still ignore a report that no longer fits (it records why).
    res.status(202).json({ accepted: true, reportId: body.reportId });
  });
  return router;
}

export function callbackPaths(route: RegisterRoute): void {
  route({
    method: 'post',
    path: '/v1/partner-callbacks',
    operationId: 'partnerCallback',
    summary: 'A partner reports a fact about a case (admission decision, trip departed/arrived, tracing result, …)',
    description: 'Partner tokens only. Repeated callbacks with the same reportId are applied once.',
    request: { headers: headers(true), body: jsonBody(partnerCallbackBody) },
    responses: common({
      202: json(z.object({ accepted: z.literal(true), reportId: z.string() }), 'Accepted for the case'),
      400: problem('Malformed JSON'),
      404: problem('No such case in the partner\'s regions'),
      409: problem('The case has been archived'),
    }),
  });
}
