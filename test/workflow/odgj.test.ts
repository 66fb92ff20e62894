// The ODGJ pathway on the time-skipping server (rules v3): rapid assessment and the supervisor's decision,
// RSJ admission, family tracing, the RSJ's discharge and the pick-up, then reunification with follow-ups at
// 7/30/90 days; or a tracing deadline the supervisor decides on. (Transfers to the province: handoffs.test.)
import { DAY, HOUR } from '../../domain/time';
import { getCaseQuery } from '../../workflows/case/contract';
import { SA } from '../../workflows/search-attributes';
import type { CaseHandle, Harness } from '../helpers/case-harness';
import { act, caseRow, CM, decided, eventOf, finish, OP, partner, refusalOf, saveHistory, searchAttributeShows, startHarness, SUP, timeline } from '../helpers/case-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

/** Intake to admission: acknowledged, rapidly assessed, sent to the RSJ, transported there and accepted. */
async function admitted(): Promise<{ handle: CaseHandle; caseId: string }> {
  const started = await h.start({ category: 'odgj_terlantar', pathway: 'odgj', riskLevel: 'high' });
  const { handle } = started;
  await act(handle, OP, { type: 'acknowledge', assignedWorker: 'cm-1' });
  await decided(handle, 'odgj');
  await partner(handle, 'transport-1', { type: 'recordTransport', leg: 'to_facility', event: 'arrived' });
  await act(handle, CM, { type: 'requestReferral', partner: 'rsj', facilityCode: 'RSJ-ATMA-HUSADA' });
  await partner(handle, 'rsj-atma-husada', { type: 'recordReferralDecision', accepted: true });
  const view = await handle.query(getCaseQuery);
  expect(view.stage).toBe('implementation');
  return started;
}

test('family found: reunification, follow-up visits fire at 7, 30 and 90 days and are recorded, then an approved closure', async () => {
  const { handle, caseId } = await admitted();
  const admittedView = await handle.query(getCaseQuery);
  expect(new Date(admittedView.observation!.endsAt).getTime() - new Date(admittedView.observation!.startedAt).getTime()).toBe(14 * DAY);

  await act(handle, CM, { type: 'recordFundingGuarantee', scheme: 'jkn_kis' });
  await h.env.sleep(5 * DAY);
  await act(handle, CM, { type: 'recordTracingAttempt', channel: 'kelurahan_rt', result: 'found' });
  await act(handle, CM, { type: 'recordHomeVisit', ready: true });
  // Family ready, but the trip home waits for the RSJ's discharge and the pick-up.
  expect(await refusalOf(act(handle, CM, { type: 'recordTransport', leg: 'home', event: 'departed' }))).toBe('STEP_NOT_READY');
  await h.env.sleep(8 * DAY);
  await partner(handle, 'rsj-atma-husada', { type: 'recordDischarge', kind: 'stable' });
  await act(handle, CM, { type: 'recordPickUp' });
  await act(handle, CM, { type: 'recordAssessment', consent: 'client', familyInvolved: true, familyReady: true });
  await act(handle, CM, { type: 'recordTransport', leg: 'home', event: 'departed' });
  await act(handle, CM, { type: 'recordTransport', leg: 'home', event: 'arrived' });
  const handedOver = await act(handle, CM, { type: 'recordHandover', to: 'family' });
  expect(handedOver.stage).toBe('monitoring');
  const handoverAt = new Date(handedOver.handover!.at).getTime();
  expect(handedOver.visits.map((v) => (new Date(v.dueAt).getTime() - handoverAt) / DAY)).toEqual([7, 30, 90]);

  for (const [i, day] of [7, 30, 90].entries()) {
    const now = (await h.env.currentTimeMs()) - handoverAt;
    await h.env.sleep(day * DAY - now + HOUR);
    const due = await eventOf(h.database, caseId, 'visit.due', i + 1);
    expect((new Date(String(due[i]!.data.dueAt)).getTime() - handoverAt) / DAY).toBe(day);
    await act(handle, CM, { type: 'recordVisit', kind: 'follow_up' });
  }
  expect(await refusalOf(act(handle, CM, { type: 'recordVisit', kind: 'follow_up' }))).toBe('NOTHING_DUE');
  await act(handle, CM, { type: 'recordEvaluation', outcome: 'goals_met' });
  await act(handle, CM, { type: 'requestClosure', outcome: 'returned_to_family', reason: 'family caring, visits complete' });
  const closed = await act(handle, SUP, { type: 'decideClosure', approve: true });
  expect(closed).toMatchObject({ status: 'closed', stage: 'closed' });

  const types = (await timeline(h.database, caseId)).map((e) => e.type);
  expect(types.filter((t) => t === 'visit.recorded')).toHaveLength(3);
  expect(types).not.toContain('visit.missed');
  await searchAttributeShows(handle, SA.status, 'closed');
  // After the reopen window the workflow completes with its outcome.
  expect(await handle.result()).toEqual({ caseId, status: 'closed', stage: 'closed', outcome: 'returned_to_family' });
  await saveHistory(handle, 'v10-odgj-family-found');
  expect(await caseRow(h.database, caseId)).toMatchObject({ status: 'closed', stage: 'closed', jurisdiction: 'kabkota' });
});

test('no family found in time: the supervisor decides, and tracing goes on while the case is referred onwards', async () => {
  const { handle, caseId } = await admitted();
  await act(handle, CM, { type: 'recordTracingAttempt', channel: 'police', result: 'not_found' });
  await h.env.sleep(14 * DAY + HOUR);
  await eventOf(h.database, caseId, 'family_tracing.due');
  const waiting = await handle.query(getCaseQuery);
  expect(waiting.familyTracing).toMatchObject({ found: null, decidedAt: null });
  expect(waiting.escalations.map((e) => e.reason)).toContain('tracing_overdue');
  expect(await refusalOf(act(handle, CM, { type: 'decideTracing', decision: 'refer_onwards' }))).toBe('ROLE_NOT_ALLOWED');
  const onwards = await act(handle, SUP, { type: 'decideTracing', decision: 'refer_onwards' });
  expect(onwards.familyTracing).toMatchObject({ dueAt: null, reviews: [{ decision: 'refer_onwards' }] });
  expect(onwards.escalations.map((e) => e.reason)).not.toContain('tracing_overdue');
  // Reunification is not possible without a family; the hand-over to the province is a transfer now.
  expect(await refusalOf(act(handle, CM, { type: 'recordTransport', leg: 'home', event: 'departed' }))).toBe('STEP_NOT_READY');
  expect(await refusalOf(act(handle, CM, { type: 'recordHandover', to: 'province' }))).toBe('USE_TRANSFER');
  expect(await caseRow(h.database, caseId)).toMatchObject({ jurisdiction: 'kabkota', regionCode: '64.72', stage: 'implementation' });
  await finish(handle);
});

test('a declined referral is re-referred, and a missed acceptance deadline escalates', async () => {
  const { handle, caseId } = await h.start({ category: 'odgj_terlantar', pathway: 'odgj', riskLevel: 'medium' });
  await act(handle, OP, { type: 'acknowledge' });
  await decided(handle, 'odgj');
  await act(handle, CM, { type: 'requestReferral', partner: 'rsj', facilityCode: 'RSJ-A' });
  await partner(handle, 'rsj-a', { type: 'recordReferralDecision', accepted: false, reason: 'penuh' });
  await act(handle, CM, { type: 'requestReferral', partner: 'rsj', facilityCode: 'RSJ-B' });
  await h.env.sleep(3 * DAY + HOUR);
  const missed = await eventOf(h.database, caseId, 'deadline.missed');
  expect(missed[0]!.data).toMatchObject({ kind: 'referral_acceptance', level: 1 });
  await searchAttributeShows(handle, SA.escalationLevel, 1);
  // The same partner callback delivered twice is applied once.
  await partner(handle, 'rsj-b', { type: 'recordReferralDecision', accepted: true }, 'rsj-b-cb-1');
  await partner(handle, 'rsj-b', { type: 'recordReferralDecision', accepted: true }, 'rsj-b-cb-1');
  await partner(handle, 'transport-1', { type: 'recordTransport', leg: 'to_facility', event: 'arrived' });
  const view = await handle.query(getCaseQuery);
  expect(view).toMatchObject({ stage: 'implementation', escalationLevel: 0, referral: { attempt: 2, facilityCode: 'RSJ-B', decision: 'accepted' } });
  await eventOf(h.database, caseId, 'escalation.resolved');
  const types = (await timeline(h.database, caseId)).map((e) => e.type);
  expect(types.filter((t) => t === 'referral.accepted')).toHaveLength(1);
  expect(types).not.toContain('partner.report_ignored');
  await finish(handle);
});
