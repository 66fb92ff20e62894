// Intake, refusals, withdrawal (by a supervisor or by cancelling the workflow), reopening, continue-as-new.
import { WorkflowFailedError } from '@temporalio/client';
import { CancelledFailure } from '@temporalio/common';
import { HOUR } from '../../domain/time';
import { getCaseQuery } from '../../workflows/case/contract';
import { SA } from '../../workflows/search-attributes';
import type { CaseHandle, Harness } from '../helpers/case-harness';
import { withGoals } from '../helpers/plan';
import { act, caseRow, CM, decided, eventOf, finish, idle, OP, partner, refusalOf, saveHistory, startHarness, SUP, SUP2, timeline } from '../helpers/case-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

async function acceptedUpdates(handle: CaseHandle): Promise<number> {
  const history = await handle.fetchHistory();
  return (history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length;
}

test('opening a case records intake and the risk-tiered first-response deadline; no personal data reaches the timeline', async () => {
  const { handle, caseId } = await h.start({ riskLevel: 'high' });
  const [opened] = await timeline(h.database, caseId);
  expect(opened).toMatchObject({ type: 'case.opened', seq: 0, actorId: 'op-1' });
  const row = await caseRow(h.database, caseId);
  expect(row).toMatchObject({ stage: 'identification', status: 'open', nextDeadlineKind: 'first_response', provinceCode: '64' });
  expect(row!.nextDeadlineAt!.getTime() - row!.openedAt.getTime()).toBe(1 * HOUR);
  const view = await handle.query(getCaseQuery);
  expect(view.subject.name).toBe('Budi Contoh');
  expect(JSON.stringify(await timeline(h.database, caseId))).not.toMatch(/Budi|pasar/);
  const attrs = (await handle.describe()).typedSearchAttributes;
  expect([attrs.get(SA.stage), attrs.get(SA.region), attrs.get(SA.province), attrs.get(SA.pathway)]).toEqual(['identification', '64.72', '64', 'odgj']);
  await finish(handle);
});

test('every illegal command is refused by its validator with a stable code and leaves no trace in the history', async () => {
  const child = await h.start({ category: 'anak_terlantar', pathway: 'atensi', riskLevel: 'high' });
  const { handle } = child;
  const refusals: [Promise<unknown>, string][] = [];
  const tryIt = (p: Promise<unknown>, code: string) => refusals.push([p, code]);

  tryIt(act(handle, { id: 'rsj-1', role: 'partner' }, { type: 'acknowledge' }), 'ROLE_NOT_ALLOWED');
  tryIt(act(handle, CM, { type: 'submitPlan', components: ['terapi_fisik'], setting: 'family', services: [{ component: 'terapi_fisik', dueInDays: 5 }] }), 'WRONG_STAGE');
  for (const [p, code] of refusals.splice(0)) expect(await refusalOf(p)).toBe(code);

  await act(handle, OP, { type: 'acknowledge', assignedWorker: 'cm-9' });
  // Skipping the supervisor's pathway decision: the comprehensive assessment waits for it.
  tryIt(act(handle, CM, { type: 'recordAssessment', consent: 'guardian', familyInvolved: true }), 'PATHWAY_NOT_DECIDED');
  for (const [p, code] of refusals.splice(0)) expect(await refusalOf(p)).toBe(code);
  await decided(handle, 'atensi');
  // Skipping assessment: a plan before the assessment is refused.
  tryIt(act(handle, CM, { type: 'submitPlan', components: ['terapi_fisik'], setting: 'family', services: [{ component: 'terapi_fisik', dueInDays: 5 }] }), 'WRONG_STAGE');
  // A child cannot consent alone.
  tryIt(act(handle, CM, { type: 'recordAssessment', consent: 'client', familyInvolved: false }), 'CONSENT_REQUIRED');
  tryIt(act(handle, OP, { type: 'recordAssessment', consent: 'guardian', familyInvolved: true }), 'ROLE_NOT_ALLOWED');
  // Closing without an approved closure.
  tryIt(act(handle, SUP, { type: 'decideClosure', approve: true }), 'WRONG_STAGE');
  tryIt(act(handle, CM, { type: 'requestClosure', outcome: 'other', reason: 'x' }), 'WRONG_STAGE');
  tryIt(act(handle, SUP, { type: 'reopen', reason: 'x' }), 'NO_CHANGE');
  for (const [p, code] of refusals.splice(0)) expect(await refusalOf(p)).toBe(code);

  // A child without family: the guardian consents only once the Kasi has appointed one (wali sementara).
  expect(await refusalOf(act(handle, CM, { type: 'recordAssessment', consent: 'guardian', familyInvolved: true }))).toBe('GUARDIAN_REQUIRED');
  await act(handle, SUP, { type: 'appointGuardian', basis: 'temporary_dinsos', reason: 'no family traced' });
  await act(handle, CM, { type: 'recordAssessment', consent: 'guardian', familyInvolved: true });
  tryIt(act(handle, CM, { type: 'submitPlan', components: ['terapi_fisik'], setting: 'family', services: [{ component: 'bantuan_sosial_dan_asistensi_sosial', dueInDays: 5 }] }), 'INVALID_PLAN');
  tryIt(act(handle, SUP, { type: 'decidePlan', approve: true }), 'NOTHING_TO_DECIDE');
  tryIt(act(handle, CM, { type: 'requestReferral', partner: 'rsj', facilityCode: 'RSJ-1' }), 'WRONG_STAGE');
  tryIt(act(handle, SUP, { type: 'reassign', assignedWorker: 'cm-9', reason: 'x' }), 'NO_CHANGE');
  tryIt(act(handle, CM, { type: 'reassign', assignedWorker: 'cm-2', reason: 'x' }), 'ROLE_NOT_ALLOWED');
  for (const [p, code] of refusals.splice(0)) expect(await refusalOf(p)).toBe(code);

  // Only the five accepted commands (acknowledge, rapid assessment, pathway decision, guardian, assessment) are in the history.
  expect(await acceptedUpdates(handle)).toBe(5);
  expect((await handle.query(getCaseQuery)).stage).toBe('planning');
  await finish(handle);
});

test('a supervisor withdrawing a case cancels what is pending with partners and ends the workflow', async () => {
  const { handle, caseId } = await h.start({ category: 'orang_terlantar', pathway: 'repatriation' });
  await act(handle, OP, { type: 'acknowledge' });
  await decided(handle, 'repatriation');
  await act(handle, CM, { type: 'recordAssessment', consent: 'client', familyInvolved: false, originRegionCode: '33.01', needsShelter: true });
  await act(handle, CM, { type: 'requestReferral', partner: 'origin_dinsos', facilityCode: 'DINSOS-33.01' });
  expect(await refusalOf(act(handle, CM, { type: 'withdraw', reason: 'duplicate' }))).toBe('ROLE_NOT_ALLOWED');
  const view = await act(handle, SUP, { type: 'withdraw', reason: 'duplicate of another case' });
  expect(view.status).toBe('withdrawn');
  expect(await handle.result()).toMatchObject({ status: 'withdrawn', outcome: null });
  const types = (await timeline(h.database, caseId)).map((e) => e.type);
  expect(types.slice(-3)).toEqual(['referral.cancelled', 'shelter.left', 'case.withdrawn']);
  // The reason is kept with the case (encrypted), and the timeline points at it without repeating it.
  expect(view.newNotes).toEqual([expect.objectContaining({ text: 'duplicate of another case', about: 'withdraw', by: 'sup-1' })]);
  const withdrawn = (await timeline(h.database, caseId)).at(-1)!;
  expect(withdrawn.data).toEqual({ stage: 'linking', note: view.notesCount - 1 });
  expect(JSON.stringify(await timeline(h.database, caseId))).not.toContain('duplicate of another case');
  expect(await caseRow(h.database, caseId)).toMatchObject({ status: 'withdrawn' });
});

test('cancelling the workflow withdraws the case with the same clean-up', async () => {
  const { handle, caseId } = await h.start();
  await act(handle, OP, { type: 'acknowledge' });
  await decided(handle, 'odgj');
  await act(handle, CM, { type: 'requestReferral', partner: 'rsj', facilityCode: 'RSJ-1' });
  // The command answered before its record was written; the test server cannot cancel that write (see idle).
  await idle(handle);
  await handle.cancel();
  const failure = await handle.result().catch((e: unknown) => e);
  expect(failure).toBeInstanceOf(WorkflowFailedError);
  expect((failure as WorkflowFailedError).cause).toBeInstanceOf(CancelledFailure);
  await eventOf(h.database, caseId, 'case.withdrawn');
  const types = (await timeline(h.database, caseId)).map((e) => e.type);
  expect(types).toContain('referral.cancelled');
  expect(await caseRow(h.database, caseId)).toMatchObject({ status: 'withdrawn' });
});

test('a closed case can be reopened within the window and is assessed afresh', async () => {
  const { handle, caseId } = await h.start({ category: 'tuna_sosial', pathway: 'atensi', riskLevel: 'low' });
  await act(handle, OP, { type: 'acknowledge' });
  await decided(handle, 'atensi');
  await act(handle, CM, { type: 'recordAssessment', consent: 'client', familyInvolved: false });
  await act(handle, CM, withGoals({ components: ['bantuan_sosial_dan_asistensi_sosial'], setting: 'community', services: [{ component: 'bantuan_sosial_dan_asistensi_sosial', dueInDays: 10 }] }));
  await act(handle, SUP, { type: 'decidePlan', approve: true });
  await act(handle, CM, { type: 'recordServiceLinked', serviceId: 'svc-1', provider: 'LKS-1' });
  await act(handle, CM, { type: 'recordServiceDelivered', serviceId: 'svc-1' });
  await act(handle, CM, { type: 'recordEvaluation', outcome: 'partially_met' });
  await act(handle, CM, { type: 'requestClosure', outcome: 'other', reason: 'moved away' });
  expect(await refusalOf(act(handle, { id: 'cm-1', role: 'supervisor' }, { type: 'decideClosure', approve: true }))).toBe('SELF_APPROVAL');
  await act(handle, SUP, { type: 'decideClosure', approve: true });
  const reopened = await act(handle, SUP2, { type: 'reopen', reason: 'found again' });
  expect(reopened).toMatchObject({ status: 'open', stage: 'assessment', plan: null, services: [], closure: null });
  expect(reopened.stageHistory.map((c) => c.to).slice(-2)).toEqual(['closed', 'assessment']);
  await eventOf(h.database, caseId, 'case.reopened');
  expect(await caseRow(h.database, caseId)).toMatchObject({ status: 'open', stage: 'assessment' });
  await finish(handle);
});

test('a long case continues as new with its file, timeline numbering and handlers intact', async () => {
  const { handle, caseId } = await h.start({ category: 'lansia_terlantar', pathway: 'atensi', historyLimit: 40 });
  const firstRun = (await handle.describe()).runId;
  await act(handle, OP, { type: 'acknowledge' });
  for (let i = 0; i < 12; i++) await act(handle, CM, { type: 'addNote', text: `catatan kunjungan ${i}` });
  // The loop wakes on each change; the history is now past the limit, so the next wake-up continues as new.
  let runId = firstRun;
  for (let i = 0; i < 100 && runId === firstRun; i++) {
    await new Promise((r) => setTimeout(r, 100));
    runId = (await h.env.client.workflow.getHandle(handle.workflowId).describe()).runId;
  }
  expect(runId).not.toBe(firstRun);
  const latest = h.env.client.workflow.getHandle(handle.workflowId);
  const view = await latest.query(getCaseQuery);
  expect(view.notes).toHaveLength(12);
  expect(view.stage).toBe('assessment');
  await decided(latest as CaseHandle, 'atensi');
  const after = await act(latest as CaseHandle, CM, { type: 'recordAssessment', consent: 'client', familyInvolved: false });
  expect(after.stage).toBe('planning');
  const seqs = (await timeline(h.database, caseId, 17)).map((e) => e.seq);
  expect(seqs).toEqual(seqs.map((_, i) => i));
  await saveHistory(h.env.client.workflow.getHandle(handle.workflowId, firstRun) as CaseHandle, 'v10-continued-as-new-first-run');
  await saveHistory(latest as CaseHandle, 'v10-continued-as-new-second-run');
  await partner(latest as CaseHandle, 'x', { type: 'recordServiceDelivered', serviceId: 'svc-9' });
  await eventOf(h.database, caseId, 'partner.report_ignored');
  await finish(latest);
});

test("a command's answer carries the notes it wrote, not every note of the case", async () => {
  const { handle } = await h.start({ riskLevel: 'low' });
  await act(handle, OP, { type: 'acknowledge' });
  const text = (i: number) => `kunjungan ${i}: `.padEnd(1000, 'x');
  const answers = [];
  for (let i = 0; i < 6; i++) answers.push(await act(handle, CM, { type: 'addNote', text: text(i) }));
  const [first, last] = [answers[0]!, answers.at(-1)!];
  expect(last).not.toHaveProperty('notes');
  expect(last.notesCount).toBe(6);
  expect(last.newNotes).toEqual([expect.objectContaining({ text: text(5), about: 'addNote', by: CM.id })]);
  // Every answer stays in the history: its size must not grow with the case's notes.
  expect(JSON.stringify(last).length - JSON.stringify(first).length).toBeLessThan(200);
  expect((await handle.query(getCaseQuery)).notes.map((n) => n.text)).toEqual([0, 1, 2, 3, 4, 5].map(text));
  await finish(handle);
});

test('the clocks start when the report arrived, not when a busy worker first runs the case', async () => {
  const receivedAt = new Date((await h.env.currentTimeMs()) - 40 * 60_000).toISOString();
  const { handle, caseId } = await h.start({ riskLevel: 'high', receivedAt });
  const view = await handle.query(getCaseQuery);
  expect(view.openedAt).toBe(receivedAt);
  // High risk: the first response is due an hour after the report, so twenty minutes from now.
  expect(new Date(view.nextDeadline!.dueAt).getTime() - new Date(receivedAt).getTime()).toBe(HOUR);
  await h.env.sleep(25 * 60_000);
  await eventOf(h.database, caseId, 'deadline.missed');
  await finish(handle);
});
