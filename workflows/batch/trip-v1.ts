// One trip plan as batches started before "reception first" run it (kept so they replay; see trip.ts for
// the order practice requires): book the shared vehicle, tell the members, ask the origin Dinsos to
// receive the group, wait for the departure window and the arrivals. When a step after the booking
// fails, compensate in reverse order — cancel the booking, tell each case the trip is off — while the
// shelter places stay taken, so nobody is left without a bed.
import { condition } from '@temporalio/workflow';
import type { Policy } from '../../domain/policy';
import { refusalCode } from '../activity-options';
import type { GroupRepatriationInput, TripPlan } from './contract';
import type { BatchReadModel } from './read-model';
import type { BatchState } from './state';
import { TripSteps } from './trip-steps';

/** The partner's refusal code; anything else (a cancellation) goes on up. */
function refused(err: unknown): string {
  const code = refusalCode(err);
  if (!code) throw err;
  return code;
}

export class TripAttemptV1 extends TripSteps {
  constructor(input: GroupRepatriationInput, policy: Policy, batch: BatchState, readModel: BatchReadModel, plan: TripPlan) {
    super(input, policy, batch, readModel, plan, false, { label: 'refused', of: refused });
  }

  async run(): Promise<string | null> {
    return (await this.book()) ?? (await this.askReception()) ?? (await this.travel());
  }

  /** The old order, kept because a reception reported while the batch was publishing was dropped then. */
  protected override async openReception(): Promise<void> {
    await this.enter('confirming');
    this.batch.reception = null;
  }

  /** Undoes what was done, in reverse order, and waits for a supervisor to re-plan. */
  async compensate(reason: string): Promise<void> {
    await this.undoAll(reason);
    await this.readModel.publish();
    await condition(() => this.batch.replanRequested);
  }
}
