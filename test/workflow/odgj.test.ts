// The ODGJ pathway on the time-skipping server: RSJ admission, observation (with extensions), family
// tracing, then reunification with follow-ups at 7/30/90 days or hand-over to the province.
import { DAY, HOUR } from '../../domain/time';
import { getCaseQuery } from '../../workflows/case/contract';
import { SA } from '../../workflows/search-attributes';
import type { CaseHandle, Harness } from '../helpers/case-harness';
import { act, saveHistory, caseRow, CM, eventOf, OP, partner, refusalOf, startHarness, SUP, SUP2, timeline } from '../helpers/case-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

/** Intake to admission: acknowledged, assessed, transported to the RSJ and accepted there. */
async function admitted(): Promise<{ handle: CaseHandle; caseId: string }> {
  const started = await h.start({ category: 'odgj_terlantar', pathway: 'odgj', riskLevel: 'high' });
  const { handle } = started;
  await act(handle, OP, { type: 'acknowledge', assignedWorker: 'cm-1' });
  await act(handle, CM, { type: 'recordAssessment', consent: 'not_possible', familyInvolved: false });
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

  await h.env.sleep(5 * DAY);
  await act(handle, CM, { type: 'recordFamilyTracing', found: true, canReceive: true });
  await h.env.sleep(9 * DAY + HOUR);
  await eventOf(h.database, caseId, 'observation.period_ended');
  await partner(handle, 'rsj-atma-husada', { type: 'recordObservationResult', result: 'stable' });
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
  await act(handle, CM, { type: 'requestClosure', outcome: 'reunified', reason: 'family caring, visits complete' });
  const closed = await act(handle, SUP, { type: 'decideClosure', approve: true });
  expect(closed).toMatchObject({ status: 'closed', stage: 'closed' });

  const types = (await timeline(h.database, caseId)).map((e) => e.type);
  expect(types.filter((t) => t === 'visit.recorded')).toHaveLength(3);
  expect(types).not.toContain('visit.missed');
  expect((await handle.describe()).typedSearchAttributes.get(SA.status)).toBe('closed');
  // After the reopen window the workflow completes with its outcome.
  expect(await handle.result()).toEqual({ caseId, status: 'closed', stage: 'closed', outcome: 'reunified' });
  await saveHistory(handle, 'odgj-family-found');
  expect(await caseRow(h.database, caseId)).toMatchObject({ status: 'closed', stage: 'closed', jurisdiction: 'kabkota' });
});

test('no family found in time: tracing expires and the case is handed over to the province', async () => {
  const { handle, caseId } = await admitted();
  await h.env.sleep(14 * DAY + HOUR);
  await eventOf(h.database, caseId, 'family_tracing.expired');
  await partner(handle, 'rsj-atma-husada', { type: 'recordObservationResult', result: 'needs_further_care' });
  // Reunification is not possible without a family.
  expect(await refusalOf(act(handle, CM, { type: 'recordTransport', leg: 'home', event: 'departed' }))).toBe('STEP_NOT_READY');
  const view = await act(handle, CM, { type: 'recordHandover', to: 'province' });
  expect(view).toMatchObject({ stage: 'monitoring', jurisdiction: 'province', regionCode: '64' });
  const events = await eventOf(h.database, caseId, 'jurisdiction.changed');
  expect(events[0]!.data).toMatchObject({ from: 'kabkota', to: 'province', fromRegion: '64.72', toRegion: '64' });
  const described = await handle.describe();
  expect(described.typedSearchAttributes.get(SA.region)).toBe('64');
  expect(await caseRow(h.database, caseId)).toMatchObject({ jurisdiction: 'province', regionCode: '64', stage: 'monitoring' });
  await handle.terminate('test done');
  await saveHistory(handle, 'odgj-province');
});

test('an observation extension needs supervisor approval and is capped', async () => {
  const { handle } = await admitted();
  const before = await handle.query(getCaseQuery);
  expect(await refusalOf(act(handle, CM, { type: 'decideExtension', approve: true }))).toBe('ROLE_NOT_ALLOWED');
  expect(await refusalOf(act(handle, SUP, { type: 'decideExtension', approve: true }))).toBe('NOTHING_TO_DECIDE');
  expect(await refusalOf(act(handle, CM, { type: 'requestExtension', days: 15, reason: 'RSJ asks more time' }))).toBe('EXTENSION_BEYOND_CAP');

  await partner(handle, 'rsj-atma-husada', { type: 'requestExtension', days: 10, reason: 'belum stabil' });
  expect(await refusalOf(act(handle, CM, { type: 'requestExtension', days: 2, reason: 'again' }))).toBe('REQUEST_PENDING');
  const extended = await act(handle, SUP, { type: 'decideExtension', approve: true });
  expect(new Date(extended.observation!.endsAt).getTime() - new Date(before.observation!.endsAt).getTime()).toBe(10 * DAY);

  // 10 days used of the 14-day cap: 5 more is beyond it, 4 is not; this one is refused by the supervisor.
  expect(await refusalOf(act(handle, CM, { type: 'requestExtension', days: 5, reason: 'more' }))).toBe('EXTENSION_BEYOND_CAP');
  await act(handle, SUP, { type: 'requestExtension', days: 4, reason: 'more' });
  expect(await refusalOf(act(handle, SUP, { type: 'decideExtension', approve: true }))).toBe('SELF_APPROVAL');
  const refused = await act(handle, SUP2, { type: 'decideExtension', approve: false });
  expect(refused.observation!.endsAt).toBe(extended.observation!.endsAt);
  expect(refused.observation!.extensions.map((e) => e.status)).toEqual(['approved', 'refused']);
  await handle.terminate('test done');
});

test('a declined referral is re-referred, and a missed acceptance deadline escalates', async () => {
  const { handle, caseId } = await h.start({ category: 'odgj_terlantar', pathway: 'odgj', riskLevel: 'medium' });
  await act(handle, OP, { type: 'acknowledge' });
  await act(handle, CM, { type: 'recordAssessment', consent: 'not_possible', familyInvolved: false });
  await act(handle, CM, { type: 'requestReferral', partner: 'rsj', facilityCode: 'RSJ-A' });
  await partner(handle, 'rsj-a', { type: 'recordReferralDecision', accepted: false, reason: 'penuh' });
  await act(handle, CM, { type: 'requestReferral', partner: 'rsj', facilityCode: 'RSJ-B' });
  await h.env.sleep(3 * DAY + HOUR);
  const missed = await eventOf(h.database, caseId, 'deadline.missed');
  expect(missed[0]!.data).toMatchObject({ kind: 'referral_acceptance', level: 1 });
  expect((await handle.describe()).typedSearchAttributes.get(SA.escalationLevel)).toBe(1);
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
  await handle.terminate('test done');
});
