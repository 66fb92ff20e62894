// The floor's workflow (bundled for the workflow sandbox): sleep until the due moment, then one activity.
// Nothing else — no codec, queries, search attributes or domain code — so it is what Temporal alone costs.
import { proxyActivities, sleep, upsertSearchAttributes } from '@temporalio/workflow';
import { SA } from '../../workflows/search-attributes';
import type { FloorActivities } from './activities';

const { recordFired } = proxyActivities<FloorActivities>({ startToCloseTimeout: '1 minute' });

export async function rawFloorWorkflow(input: { caseId: string; dueAt: string }): Promise<void> {
  const wait = new Date(input.dueAt).getTime() - Date.now();
  if (wait > 0) await sleep(wait);
  await recordFired({ caseId: input.caseId, dueAt: input.dueAt, firedAt: new Date().toISOString() });
}

/**
 * The floor given the Temporal commands a fired Sigap deadline issues, and nothing else of Sigap: in one
 * workflow task the activity is scheduled and the timer for the next rung of the ladder starts; in the
 * task after the write the escalation level and next deadline are upserted (as Sigap has since
 * 'publish-after-write-v1'). What is left between this and Sigap is Sigap's own code.
 */
export async function rawShapedWorkflow(input: { caseId: string; dueAt: string; nextDueAt: string }): Promise<void> {
  const wait = new Date(input.dueAt).getTime() - Date.now();
  if (wait > 0) await sleep(wait);
  const written = recordFired({ caseId: input.caseId, dueAt: input.dueAt, firedAt: new Date().toISOString() });
  const nextRung = sleep(Math.max(1, new Date(input.nextDueAt).getTime() - Date.now()));
  await written;
  upsertSearchAttributes([
    { key: SA.escalationLevel, value: 1 },
    { key: SA.nextDeadline, value: new Date(input.nextDueAt) },
  ]);
  await nextRung;
}
