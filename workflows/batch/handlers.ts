// The batch's messages: the Query, each member's news, the origin Dinsos's reception decision (a
// partner callback) and a supervisor's re-plan of a compensated trip (validated synchronously).
import { ApplicationFailure, setHandler } from '@temporalio/workflow';
import { AGENCY_CODE } from '../../domain/ids';
import { getBatchQuery, receptionDecisionSignal, replanUpdate, returneeUpdateSignal } from './contract';
import type { BatchState } from './state';

export function handleBatchMessages(batch: BatchState): void {
  setHandler(getBatchQuery, () => batch.view());
  setHandler(returneeUpdateSignal, ({ caseId, status }) => {
    if (batch.members.has(caseId)) batch.members.set(caseId, status);
  });
  setHandler(receptionDecisionSignal, (decision) => {
    // The agency may call back more than once; the first word on the current plan counts.
    if (batch.seenReports.has(decision.reportId) || batch.status !== 'confirming') return;
    batch.seenReports.add(decision.reportId);
    batch.reception = decision;
  });
  setHandler(
    replanUpdate,
    ({ originAgency }) => {
      if (originAgency) batch.originAgency = originAgency;
      batch.replanRequested = true;
      return batch.view();
    },
    {
      validator: ({ originAgency }) => {
        if (batch.status !== 'replanning') throw ApplicationFailure.create({ type: 'NOTHING_TO_DECIDE', message: 'the trip is not waiting to be re-planned', nonRetryable: true });
        if (originAgency !== undefined && !AGENCY_CODE.test(originAgency)) {
          throw ApplicationFailure.create({ type: 'VALIDATION_FAILED', message: 'expected an agency code', nonRetryable: true });
        }
      },
    },
  );
}
