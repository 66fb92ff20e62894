// One trip plan as a saga, in the order practice requires (batches since "reception first"): the origin
// Dinsos agrees to receive the group before anything is booked — reception is the pivot, the booking the
// costly, hard-to-undo step. Then the members hear it, the shared vehicle is booked, they hear that, and
// the group leaves within the departure window. A refused or unanswered reception books nothing. A trip
// that cannot leave is undone in reverse order — the booking cancelled, each case told — while the
// shelter places stay taken. A partner down past its budget stops the plan the same way; every stopped
// plan escalates to the supervisor, who re-plans.
import { ActivityFailure, condition, isCancellation } from '@temporalio/workflow';
import { batchEscalation } from '../../domain/notifications';
import type { Policy } from '../../domain/policy';
import { batchReadModel, refusalCode } from '../activity-options';
import type { GroupRepatriationInput, TripPlan } from './contract';
import { tellCases } from './members';
import type { BatchReadModel } from './read-model';
import type { BatchState } from './state';
import { TripSteps } from './trip-steps';

/** Why a partner call failed: its refusal code, or `unavailable` once it has been down past its budget. */
function failureOf(err: unknown): string {
  const code = refusalCode(err);
  if (code) return code;
  if (err instanceof ActivityFailure && !isCancellation(err)) return 'unavailable';
  throw err;
}

export class Trip extends TripSteps {
  private readonly outbox = batchReadModel();

  constructor(input: GroupRepatriationInput, policy: Policy, batch: BatchState, readModel: BatchReadModel, plan: TripPlan) {
    super(input, policy, batch, readModel, plan, true, { label: 'failed', of: failureOf });
  }

  async run(): Promise<string | null> {
    const reception = await this.askReception();
    if (reception) return reception;
    await tellCases(this.plan.members, 'received', this.plan.version, this.batch.originAgency);
    return (await this.book()) ?? (await this.travel());
  }

  /** Undoes what was done, in reverse order, escalates to the supervisor and waits for a re-plan. */
  async compensate(reason: string): Promise<void> {
    await this.undoAll(reason);
    this.batch.escalation = { reason, planVersion: this.plan.version, since: new Date().toISOString() };
    await this.readModel.publish();
    await this.outbox.notify([batchEscalation(this.input.batchId, this.input.regionCode, this.plan.version, reason)]);
    await condition(() => this.batch.replanRequested);
  }
}
