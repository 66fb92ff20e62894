// "Simulasi kasus" on the real dev server: with the policy's time scale, six months of an ATENSI case
// (monthly monitoring, two 90-day reviews, services with due dates) run in seconds; meanwhile the case's
// search attributes answer `temporal workflow list --query` from the Temporal CLI.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { CaseCommand } from '../../domain/commands';
import { DAY } from '../../domain/time';
import { requireBinary } from '../../scripts/lib/temporal-binaries';
import type { caseWorkflow } from '../../workflows/case/workflow';
import { caseWorkflowId } from '../../workflows/case/contract';
import type { CaseHandle } from '../helpers/case-harness';
import { act, CM, decided, OP, refusalOf, SUP, timeline } from '../helpers/case-harness';
import { caseInput } from '../helpers/case-input';
import { withGoals } from '../helpers/plan';
import type { DevWorker } from '../helpers/dev-worker';
import { startDevWorker } from '../helpers/dev-worker';
import { devServerAddress } from '../helpers/temporal';

let dev: DevWorker;
const SCALE = 0.1 / 86_400;

beforeAll(async () => {
  dev = await startDevWorker('sim');
});
afterAll(() => dev?.close());

/** Staff act as soon as practice allows: retry while the step is not due yet. */
async function whenDue(handle: CaseHandle, command: CaseCommand) {
  for (let i = 0; i < 2000; i++) {
    const code = await refusalOf(act(handle, CM, command)).catch(() => 'accepted');
    if (code === 'accepted') return;
    if (code !== 'NOTHING_DUE') throw new Error(`${command.type} refused: ${code}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${command.type} never became due`);
}

function cliList(query: string): string[] {
  const out = execFileSync(requireBinary('cli'), ['workflow', 'list', '--address', devServerAddress(), '--query', query, '--output', 'json'], { encoding: 'utf8' });
  const parsed = out.trim() ? (JSON.parse(out) as { execution: { workflowId: string } }[]) : [];
  return parsed.map((w) => w.execution.workflowId);
}

test('a six-month ATENSI case runs in seconds with a simulation time scale and is findable by search attributes', async () => {
  // One simulated day = 100 ms: 180 days in 18 s.
  const input = caseInput({ caseId: randomUUID(), category: 'disabilitas_terlantar', pathway: 'atensi', riskLevel: 'medium', regionCode: '64.08', policy: { timeScale: SCALE } });
  const handle: CaseHandle = await dev.client.workflow.start<typeof caseWorkflow>('caseWorkflow', { workflowId: caseWorkflowId(input.caseId), taskQueue: dev.taskQueue, args: [input] });
  const started = Date.now();
  await act(handle, OP, { type: 'acknowledge', assignedWorker: 'cm-sim' });
  await decided(handle, 'atensi');
  await act(handle, CM, { type: 'recordAssessment', consent: 'client', familyInvolved: true });
  await act(
    handle,
    CM,
    withGoals({
      components: ['terapi_fisik', 'dukungan_aksesibilitas'],
      setting: 'family',
      services: [
        { component: 'terapi_fisik', dueInDays: 60 },
        { component: 'dukungan_aksesibilitas', dueInDays: 150 },
      ],
    }),
  );
  await act(handle, SUP, { type: 'decidePlan', approve: true });
  await act(handle, CM, { type: 'recordServiceLinked', serviceId: 'svc-1', provider: 'LKS-A' });
  const linked = await act(handle, CM, { type: 'recordServiceLinked', serviceId: 'svc-2', provider: 'LKS-B' });
  expect(new Date(linked.nextReviewAt!).getTime() - new Date(linked.stepStartedAt).getTime()).toBe(90 * DAY * (SCALE));

  // Supervisors' Temporal UI queries, through the CLI against the dev server's visibility store.
  const query = `WorkflowId = '${handle.workflowId}' AND SigapPathway = 'atensi' AND SigapStage = 'implementation' AND SigapRegion = '64.08' AND SigapAssignee = 'cm-sim' AND ExecutionStatus = 'Running'`;
  let listed: string[] = [];
  for (let i = 0; i < 50 && listed.length === 0; i++) {
    listed = cliList(query);
    if (!listed.length) await new Promise((r) => setTimeout(r, 200));
  }
  expect(listed).toEqual([handle.workflowId]);

  await act(handle, CM, { type: 'recordServiceDelivered', serviceId: 'svc-1' });
  for (let month = 1; month <= 6; month++) {
    await whenDue(handle, { type: 'recordVisit', kind: 'monitoring' });
    if (month === 3) await whenDue(handle, { type: 'recordReview', decision: 'continue' });
    if (month === 4) await act(handle, CM, { type: 'recordServiceDelivered', serviceId: 'svc-2' });
    if (month === 6) await whenDue(handle, { type: 'recordReview', decision: 'terminate' });
  }
  await act(handle, CM, { type: 'recordEvaluation', outcome: 'goals_met' });
  await act(handle, CM, { type: 'requestClosure', outcome: 'goals_reached', reason: 'goals met' });
  const closed = await act(handle, SUP, { type: 'decideClosure', approve: true });
  const elapsed = Date.now() - started;
  expect(closed.status).toBe('closed');
  const simulatedDays = (new Date(closed.closedAt!).getTime() - new Date(closed.openedAt).getTime()) / (SCALE) / DAY;
  // Staff may record a visit up to three (simulated) days early.
  expect(simulatedDays).toBeGreaterThanOrEqual(177);
  expect(elapsed).toBeLessThan(60_000);

  const types = (await timeline(dev.database, input.caseId, 26)).map((e) => e.type);
  expect(types.filter((t) => t === 'visit.recorded')).toHaveLength(6);
  expect(types.filter((t) => t === 'review.recorded')).toHaveLength(2);
  for (let i = 0; i < 50 && cliList(`WorkflowId = '${handle.workflowId}' AND SigapStatus = 'closed'`).length === 0; i++) {
    await new Promise((r) => setTimeout(r, 200));
  }
  expect(cliList(`WorkflowId = '${handle.workflowId}' AND SigapStatus = 'closed'`)).toEqual([handle.workflowId]);
  await handle.terminate('test done');
});
