// A group returning to the same origin region (e.g. 28 stranded migrant workers to Jawa Barat): one
// child case per person, one shared trip. Each person's case does its own assessment; the batch asks the
// origin Dinsos to receive everyone who is ready, books the vehicle and runs the trip as a saga (see
// trip.ts), re-planned by a supervisor after a compensation. It never continues as new: at most 60
// people, a few hundred events.
import { allHandlersFinished, condition, patched } from '@temporalio/workflow';
import { DEFAULT_POLICY, withOverrides } from '../../domain/policy';
import type { BatchView, GroupRepatriationInput } from './contract';
import { handleBatchMessages } from './handlers';
import { openMemberCases } from './members';
import { BatchReadModel } from './read-model';
import { BatchState } from './state';
import { Trip } from './trip';
import { TripAttemptV1 } from './trip-v1';

/** Batches started since the batch read model existed keep a row in it; older ones are only queried. */
export const BATCH_READ_MODEL_PATCH = 'batch-read-model-v1';

/**
 * Batches started since "reception first" ask the origin Dinsos before booking, give partner calls a
 * budget (then escalate to the supervisor), and keep each member's status moving forward only.
 */
export const RECEPTION_FIRST_PATCH = 'batch-reception-first-v1';

export async function groupRepatriationWorkflow(input: GroupRepatriationInput): Promise<BatchView> {
  const policy = withOverrides(DEFAULT_POLICY, input.policy ?? {});
  const batch = new BatchState(input);
  const readModel = new BatchReadModel(input, batch, patched(BATCH_READ_MODEL_PATCH));
  const receptionFirst = patched(RECEPTION_FIRST_PATCH);
  handleBatchMessages(batch, receptionFirst);
  await openMemberCases(input);

  for (;;) {
    batch.status = 'gathering';
    await readModel.publish();
    await condition(() => batch.inState('preparing').length === 0);
    const travellers = batch.inState('ready');
    if (travellers.length === 0) break; // everyone withdrew (or has already travelled)
    const plan = batch.newPlan(travellers);
    const trip = receptionFirst ? new Trip(input, policy, batch, readModel, plan) : new TripAttemptV1(input, policy, batch, readModel, plan);
    const failure = await trip.run();
    if (failure) {
      await trip.compensate(failure);
      continue;
    }
    if (batch.inState('preparing', 'ready').length === 0) break;
  }

  batch.status = 'completed';
  await readModel.publish();
  await condition(allHandlersFinished);
  return batch.view();
}
