// Scenario 7: a deadline falls due while no worker runs. The timer is durable in Temporal: the first
// worker to come back fires it, late but once — one missed deadline, one escalation, in the read model.
import { act, eventually, openCase, timelines } from './lib/cases';
import { figures } from './lib/figures';
import { until } from './lib/processes';
import type { Stack } from './lib/stack';

export async function deadlineWhileWorkersDown(stack: Stack, run: string): Promise<void> {
  // High risk: the policy makes its first response due 8 s after intake.
  const caseId = await openCase(stack, `s7-${run}`, '63.71', 'high');
  await eventually(stack, caseId, 'case.opened');
  const [row] = await stack.pg.query<{ next_deadline_kind: string; next_deadline_at: Date }>('SELECT next_deadline_kind, next_deadline_at FROM cases WHERE case_id = $1', [caseId]);
  expect(row?.next_deadline_kind).toBe('first_response');
  const dueAt = row!.next_deadline_at.getTime();

  await stack.killAllWorkers();
  const killedAt = Date.now();
  // The scenario needs the deadline to fall due after the kill; a machine this slow cannot show it.
  if (killedAt > dueAt - 1_000) throw new Error(`the workers were killed only ${dueAt - killedAt} ms before the deadline`);
  await until('the deadline to pass with no worker running', () => (Date.now() > dueAt + 2_000 ? true : undefined), 60_000, 100);
  const beforeRestart = (await timelines(stack, [caseId])).get(caseId)!.map((e) => e.type);

  const restartedAt = Date.now();
  await stack.startWorker();
  const escalation = await eventually(stack, caseId, 'escalation.raised', 60_000);
  // A later command whose event is recorded after anything the timer fired: then the count is final.
  await act(stack, caseId, ['case_manager', { type: 'acknowledge', assignedWorker: 'casemanager-faults' }], `s7-${run}-ack`);
  await eventually(stack, caseId, 'case.acknowledged');
  await stack.topUpWorkers();

  const events = (await timelines(stack, [caseId])).get(caseId)!;
  const count = (type: string, match: (d: Record<string, unknown>) => boolean = () => true) => events.filter((e) => e.type === type && match(e.data)).length;
  const result = {
    outageMs: restartedAt - killedAt,
    dueAfterKillMs: dueAt - killedAt,
    firedLateMs: escalation.recorded_at.getTime() - dueAt,
    firedAfterRestartMs: escalation.recorded_at.getTime() - restartedAt,
    escalations: count('escalation.raised'),
    firstResponseEscalations: count('escalation.raised', (d) => d.reason === 'deadline' && d.subject === 'first_response' && d.level === 1),
    deadlinesMissed: count('deadline.missed'),
    reminders: count('deadline.reminder'),
  };
  figures('7 deadline due while every worker is down', result);
  expect(beforeRestart).not.toContain('deadline.missed');
  expect(result.firstResponseEscalations).toBe(1);
  expect(result.escalations).toBe(1);
  expect(result.deadlinesMissed).toBe(1);
  expect(result.reminders).toBeLessThanOrEqual(1);
}
