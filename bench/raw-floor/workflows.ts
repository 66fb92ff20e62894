// The floor's workflow (bundled for the workflow sandbox): sleep until the due moment, then one activity.
// Nothing else — no codec, queries, search attributes or domain code — so it is what Temporal alone costs.
import { proxyActivities, sleep } from '@temporalio/workflow';
import type { FloorActivities } from './activities';

const { recordFired } = proxyActivities<FloorActivities>({ startToCloseTimeout: '1 minute' });

export async function rawFloorWorkflow(input: { caseId: string; dueAt: string }): Promise<void> {
  const wait = new Date(input.dueAt).getTime() - Date.now();
  if (wait > 0) await sleep(wait);
  await recordFired({ caseId: input.caseId, dueAt: input.dueAt, firedAt: new Date().toISOString() });
}
