// How workflows call activities: one set of options per kind of call, and how a partner's refusal is
// told apart from a partner that is down.
import type { ActivityOptions } from '@temporalio/common';
import { ActivityFailure, proxyActivities } from '@temporalio/workflow';
import { PARTNER_REFUSAL, refusalCodeOf } from '../domain/integration/calls';
import type { Policy } from '../domain/policy';
import type { CaseActivities, PartnerActivities } from './activity-types';

/**
 * Past the policy's integration budget a call that keeps failing escalates instead of retrying silently.
 * Real time, never the training time scale: a database write does not get faster because a simulation
 * compresses the case's days.
 */
const budget = (policy: Policy) => policy.fixed.integration_budget;

/**
 * The read model and the outbox must catch up eventually, so failures are retried without limit; with
 * a budget, the caller learns when the budget is spent and escalates.
 */
function readModelOptions(policy: Policy | undefined): ActivityOptions {
  return {
    // Short attempts: a worker that dies mid-write is noticed in seconds, not half a minute (the pool's
    // own query timeout is 10 s). Nobody waits on these writes any more: commands answer first.
    startToCloseTimeout: '15 seconds',
    ...(policy ? { scheduleToCloseTimeout: budget(policy) } : {}),
    // Capped at 15 s: after a database outage the read model catches up within seconds of its return.
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '15 seconds' },
  };
}

/**
 * Partner calls: each attempt is bounded and heartbeats; outages are retried with backoff (up to the
 * integration budget when one is given); business refusals are not retried.
 */
function partnerOptions(policy: Policy, withBudget: boolean): ActivityOptions {
  return {
    startToCloseTimeout: '30 seconds',
    heartbeatTimeout: '10 seconds',
    ...(withBudget ? { scheduleToCloseTimeout: budget(policy) } : {}),
    retry: {
      initialInterval: policy.partnerRetry.initialMs,
      backoffCoefficient: 2,
      maximumInterval: policy.partnerRetry.maxMs,
      nonRetryableErrorTypes: [PARTNER_REFUSAL],
    },
  };
}

/** A case's read-model writes and notifications, within the integration budget. */
export const caseActivities = (policy: Policy) => proxyActivities<CaseActivities>(readModelOptions(policy));

/** A batch's read-model row and its notices: no budget (the batch escalates through its members' cases and its supervisor). */
export const batchReadModel = () => proxyActivities<Pick<CaseActivities, 'recordBatch' | 'notify'>>(readModelOptions(undefined));

/** Partner calls of a case run within the budget (then the case escalates and calls on); a batch's without. */
export const partnerActivities = (policy: Policy, { budgeted }: { budgeted: boolean }) =>
  proxyActivities<PartnerActivities>(partnerOptions(policy, budgeted));

/** The partner's code when an activity failed because the partner refused (not because it was down). */
export function refusalCode(err: unknown): string | undefined {
  return refusalCodeOf(err instanceof ActivityFailure ? err.cause : undefined);
}
