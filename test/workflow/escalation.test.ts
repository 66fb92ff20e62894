// The escalation ladder on the time-skipping server: exact policy times, notifications exactly once (even
// when the notify activity is retried), reset by staff action, paused deadlines, the stalled-case watchdog.
import type { temporal } from '@temporalio/proto';
import { asc, eq } from 'drizzle-orm';
import { notifications } from '../../db/schema';
import { DAY, HOUR, MINUTE } from '../../domain/time';
import { getCaseQuery } from '../../workflows/case/contract';
import { SA } from '../../workflows/search-attributes';
import type { Harness } from '../helpers/case-harness';
import { act, CM, decided, eventOf, finish, OP, searchAttributeShows, startHarness, SUP, timeline } from '../helpers/case-harness';
import { eventually } from '../helpers/eventually';

let h: Harness;
const failedOnce = new Set<string>();
let readModelDown = false;
beforeAll(async () => {
  // The activity that writes the outbox (notify, or recordStep since one write per step) writes its rows and
  // then fails the first time for every batch, as if the worker died before reporting success: the retry
  // must not notify anyone twice.
  h = await startHarness((real) => ({
    ...real,
    async recordCaseEvents(events) {
      if (readModelDown) throw new Error('database unavailable');
      return real.recordCaseEvents(events);
    },
    async notify(requests) {
      await real.notify(requests);
      const key = requests.map((r) => r.key).join('|');
      if (!failedOnce.has(key)) {
        failedOnce.add(key);
        throw new Error('worker lost after writing the outbox');
      }
    },
    // Cases since 'one-write-per-step-v1' write a step's records and notifications in one activity.
    async recordStep(events, requests) {
      if (readModelDown) throw new Error('database unavailable');
      await real.recordStep(events, requests);
      const key = requests.map((r) => r.key).join('|');
      if (requests.length && !failedOnce.has(key)) {
        failedOnce.add(key);
        throw new Error('worker lost after writing the step');
      }
    },
  }));
});
afterAll(() => h?.close());

async function outbox(caseId: string, count: number) {
  for (let i = 0; i < 150; i++) {
    const rows = await h.database.db.select().from(notifications).where(eq(notifications.caseId, caseId)).orderBy(asc(notifications.createdAt), asc(notifications.key));
    if (rows.length >= count) return rows;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`outbox of ${caseId} never reached ${count}`);
}

test('a high-risk assessment not done climbs the ladder at exactly the policy times, notifying each audience once', async () => {
  const { handle, caseId } = await h.start({ category: 'orang_terlantar', pathway: 'repatriation', riskLevel: 'high' });
  await act(handle, OP, { type: 'acknowledge', assignedWorker: 'cm-1' });
  const acked = await decided(handle, 'repatriation');
  const t0 = new Date(acked.stepStartedAt).getTime();
  await h.env.sleep(5 * DAY + HOUR);
  const raised = await eventOf(h.database, caseId, 'escalation.raised', 3);
  const reminder = await eventOf(h.database, caseId, 'deadline.reminder');
  // Assessment for high risk: 2 days. Reminder at 50 %, level 1 at 2 days, level 2 at +24 h, level 3 at +72 h:
  // scheduled exactly there, and fired within a second of it.
  const hours = (e: { data: Record<string, unknown> }) => (new Date(String(e.data.dueAt)).getTime() - t0) / HOUR;
  expect(hours(reminder[0]!)).toBe(24);
  expect(raised.map((e) => [e.data.level, hours(e)])).toEqual([
    [1, 48],
    [2, 72],
    [3, 120],
  ]);
  for (const e of [...reminder, ...raised]) expect(Math.abs(e.at.getTime() - new Date(String(e.data.dueAt)).getTime())).toBeLessThan(1000);
  const rows = await outbox(caseId, 5);
  expect(rows.map((r) => [r.template, r.audience, r.staffId])).toEqual([
    ['deadline.reminder', 'case_manager', 'cm-1'],
    ['escalation.level1', 'case_manager', 'cm-1'],
    ['escalation.level1', 'supervisor', null],
    ['escalation.level2', 'kepala_bidang', null],
    ['escalation.level3', 'kepala_dinas', null],
  ]);
  expect(failedOnce.size).toBeGreaterThanOrEqual(4); // every batch really was retried
  expect(JSON.stringify(rows)).not.toMatch(/Budi|pasar/);
  await searchAttributeShows(handle, SA.escalationLevel, 3);

  // The case manager finally records the assessment: the case moves on and de-escalates.
  const view = await act(handle, CM, { type: 'recordAssessment', consent: 'client', familyInvolved: false, originRegionCode: '32.04' });
  expect([view.escalationLevel, view.escalations]).toEqual([0, []]);
  await eventOf(h.database, caseId, 'escalation.resolved');
  await searchAttributeShows(handle, SA.escalationLevel, 0);
  await h.env.sleep(6 * DAY);
  expect(await outbox(caseId, 5)).toHaveLength(5);
  await finish(handle);
});

test('a paused deadline does not escalate while paused, and resumes with the time it had left', async () => {
  const { handle, caseId } = await h.start({ category: 'lansia_terlantar', pathway: 'atensi', riskLevel: 'high' });
  await act(handle, OP, { type: 'acknowledge', assignedWorker: 'cm-1' });
  const acked = await decided(handle, 'atensi');
  const t0 = new Date(acked.stepStartedAt).getTime();
  await h.env.sleep(12 * HOUR);
  const paused = await act(handle, CM, { type: 'pauseDeadline', party: 'hospital', expectedInDays: 10, reason: 'menunggu hasil pemeriksaan' });
  expect(paused.nextDeadline).toMatchObject({ kind: 'external_overdue' });
  await h.env.sleep(8 * DAY);
  expect((await handle.query(getCaseQuery)).escalationLevel).toBe(0);
  const resumed = await act(handle, CM, { type: 'resumeDeadline' });
  // 36 hours were left when it paused (give or take the milliseconds the update itself took).
  const left = new Date(resumed.nextDeadline!.dueAt).getTime() - new Date(resumed.lastActivityAt).getTime();
  expect(Math.abs(left - 36 * HOUR)).toBeLessThan(1000);
  await h.env.sleep(36 * HOUR + HOUR);
  const missed = await eventOf(h.database, caseId, 'deadline.missed');
  const dueAfter = new Date(String(missed[0]!.data.dueAt)).getTime() - t0;
  expect(Math.abs(dueAfter - (12 + 8 * 24 + 36) * HOUR)).toBeLessThan(1000);
  await finish(handle);
});

test('a case with no recorded activity for 7 days is stalled and escalates the same way', async () => {
  const { handle, caseId } = await h.start({ category: 'odgj_terlantar', pathway: 'odgj', riskLevel: 'low' });
  await act(handle, OP, { type: 'acknowledge', assignedWorker: 'cm-1' });
  const assessed = await decided(handle, 'odgj');
  const t0 = new Date(assessed.lastActivityAt).getTime();
  // Linking, but nobody sends the referral: no step deadline runs, only the watchdog.
  await h.env.sleep(8 * DAY + HOUR);
  const raised = await eventOf(h.database, caseId, 'escalation.raised', 2);
  expect(raised.map((e) => [e.data.reason, e.data.level, (new Date(String(e.data.dueAt)).getTime() - t0) / DAY])).toEqual([
    ['stalled', 1, 7],
    ['stalled', 2, 8],
  ]);
  const rows = await outbox(caseId, 3);
  expect(rows.map((r) => r.template)).toEqual(['escalation.level1', 'escalation.level1', 'escalation.level2']);
  await searchAttributeShows(handle, SA.escalationLevel, 2);
  // Since 'publish-after-write-v1' no workflow task both schedules a write and upserts search attributes:
  // each rung's level reaches the Temporal UI in the task after its rows were written.
  const tasks = commandsByTask((await handle.fetchHistory()).events ?? []);
  expect(tasks.filter((t) => t.includes('activity') && t.includes('upsert'))).toEqual([]);
  const upsertsAfterWrites = tasks.filter((t, i) => t.includes('upsert') && tasks[i - 1]?.includes('activity'));
  expect(upsertsAfterWrites.length).toBeGreaterThanOrEqual(2);
  const view = await act(handle, SUP, { type: 'acknowledgeEscalation' });
  expect(view.escalations[0]).toMatchObject({ reason: 'stalled', level: 2, acknowledgedBy: 'sup-1' });
  await h.env.sleep(3 * DAY);
  // Acknowledged: the ladder stops at level 2, but the case is still stalled until someone works on it.
  expect((await handle.query(getCaseQuery)).escalationLevel).toBe(2);
  expect(await outbox(caseId, 3)).toHaveLength(3);
  const worked = await act(handle, CM, { type: 'requestReferral', partner: 'rsj', facilityCode: 'RSJ-1' });
  expect([worked.escalationLevel, worked.escalations]).toEqual([0, []]);
  await finish(handle);
});

test('a read model that keeps failing past the integration budget escalates, visibly in Temporal, then recovers', async () => {
  readModelDown = true;
  const { handle, caseId } = await h.start({ riskLevel: 'low' });
  await h.env.sleep(45 * MINUTE); // the budget is 30 minutes of retries
  // The failed write's workflow task may still wait for a busy worker when the sleep returns.
  const escalations = await eventually(async () => {
    const shown = (await handle.query(getCaseQuery)).escalations;
    return shown.length ? shown : undefined;
  }, 'the stall escalated');
  expect(escalations).toEqual([expect.objectContaining({ reason: 'integration_stalled', subject: 'recordCaseEvents', level: 1 })]);
  await searchAttributeShows(handle, SA.escalationLevel, 1);
  readModelDown = false;
  await h.env.sleep(2 * MINUTE);
  const types = (await eventOf(h.database, caseId, 'escalation.resolved')).map((e) => e.data.reason);
  expect(types).toEqual(['integration_stalled']);
  const all = await eventOf(h.database, caseId, 'integration.stalled');
  expect(all).toHaveLength(1);
  expect((await handle.query(getCaseQuery)).escalations).toEqual([]);
  const rows = await outbox(caseId, 2);
  expect(rows.map((r) => [r.template, r.audience, r.data.reason])).toEqual([
    ['escalation.level1', 'case_manager', 'integration_stalled'],
    ['escalation.level1', 'supervisor', 'integration_stalled'],
  ]);
  await finish(handle);
});

test('cancelling a case while its read-model write is failing stops the retries and withdraws it once the write lands', async () => {
  readModelDown = true;
  const { handle, caseId } = await h.start({ riskLevel: 'low' });
  await h.env.sleep(2 * MINUTE);
  await handle.cancel();
  await h.env.sleep(MINUTE);
  readModelDown = false;
  const failure = await handle.result().catch((e: unknown) => e);
  expect(String((failure as Error).message)).toMatch(/cancel/i);
  await eventOf(h.database, caseId, 'case.withdrawn');
  // Nothing recorded before the cancellation is lost: the unsent intake is written on the way out.
  const types = (await timeline(h.database, caseId)).map((e) => e.type);
  expect(types).toEqual(['case.opened', 'case.withdrawn']);
});

/**
 * The commands each workflow task issued, in order (the events between one task's completion and the next
 * non-command event). The SDK's own upsert of TemporalChangeVersion beside each patch marker is not Sigap's.
 */
function commandsByTask(events: temporal.api.history.v1.IHistoryEvent[]): string[][] {
  const tasks: string[][] = [];
  let current: string[] | null = null;
  for (const e of events) {
    const upserted = Object.keys(e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {});
    if (e.workflowTaskCompletedEventAttributes) tasks.push((current = []));
    else if (current && e.activityTaskScheduledEventAttributes) current.push('activity');
    else if (current && upserted.some((name) => name !== 'TemporalChangeVersion')) current.push('upsert');
    else if (current && (e.upsertWorkflowSearchAttributesEventAttributes || e.timerStartedEventAttributes || e.markerRecordedEventAttributes)) current.push('other');
    else current = null;
  }
  return tasks;
}
