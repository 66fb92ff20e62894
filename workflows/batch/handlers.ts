// The batch's messages: the Query, each member's news, the origin Dinsos's reception decision (a
// partner callback) and a supervisor's re-plan of a compensated trip (validated synchronously).
import { ApplicationFailure, setHandler } from '@temporalio/workflow';
import { laterStatus } from '../../domain/group-trip';
import { AGENCY_CODE } from '../../domain/ids';
import { getBatchQuery, receptionDecisionSignal, replanUpdate, returneeUpdateSignal } from './contract';
import type { BatchState } from './state';

export function handleBatchMessages(batch: BatchState, monotonic: boolean): void {
  setHandler(getBatchQuery, () => batch.view());
  setHandler(returneeUpdateSignal, ({ caseId, status }) => {
    const current = batch.members.get(caseId);
    if (current === undefined) return;
    // Since "reception first": news that overtook each other on the way never moves a member backwards.
    batch.members.set(caseId, monotonic ? laterStatus(current, status) : status);
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
      // The supervisor has taken it up: the stopped plan no longer waits on anyone.
      batch.escalation = null;
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
