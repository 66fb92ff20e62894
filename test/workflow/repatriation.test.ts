// The stranded-migrant pathway: assessment, shelter with a legal maximum, acceptance by the origin
// region's Dinsos, transport, handover, follow-ups, closure.
import { DAY, HOUR } from '../../domain/time';
import { getCaseQuery } from '../../workflows/case/contract';
import { SA } from '../../workflows/search-attributes';
import type { Harness } from '../helpers/case-harness';
import { act, caseRow, CM, decided, eventOf, finish, OP, partner, refusalOf, saveHistory, startHarness, SUP, timeline } from '../helpers/case-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const migrant = { category: 'orang_terlantar', pathway: 'repatriation', riskLevel: 'medium', regionCode: '64.72' } as const;

test('a stranded migrant is sheltered, accepted by the origin region, taken home, followed up and closed', async () => {
  const { handle, caseId } = await h.start(migrant);
  await act(handle, OP, { type: 'acknowledge', assignedWorker: 'cm-1' });
  await decided(handle, 'repatriation');
  expect(await refusalOf(act(handle, CM, { type: 'recordAssessment', consent: 'client', familyInvolved: false }))).toBe('ORIGIN_REGION_REQUIRED');
  await act(handle, CM, { type: 'recordAssessment', consent: 'client', familyInvolved: true, originRegionCode: '32.04', needsShelter: true });
  expect(await refusalOf(act(handle, CM, { type: 'requestReferral', partner: 'rsj', facilityCode: 'RSJ-X' }))).toBe('WRONG_PATHWAY');
  await act(handle, CM, { type: 'requestReferral', partner: 'origin_dinsos', facilityCode: 'DINSOS-32.04' });
  await h.env.sleep(2 * DAY);
  await partner(handle, 'dinsos-32.04', { type: 'recordReferralDecision', accepted: true });
  await partner(handle, 'transport-2', { type: 'recordTransport', leg: 'home', event: 'departed' });
  await partner(handle, 'transport-2', { type: 'recordTransport', leg: 'home', event: 'arrived' });
  await eventOf(h.database, caseId, 'shelter.left');
  const handedOver = await act(handle, CM, { type: 'recordHandover', to: 'origin_dinsos' });
  expect(handedOver.stage).toBe('monitoring');
  expect(handedOver.shelter!.leftAt).not.toBeNull();

  for (const day of [7, 30]) {
    const now = (await h.env.currentTimeMs()) - new Date(handedOver.handover!.at).getTime();
    await h.env.sleep(day * DAY - now + HOUR);
    await act(handle, CM, { type: 'recordVisit', kind: 'follow_up' });
  }
  await act(handle, CM, { type: 'recordEvaluation', outcome: 'goals_met' });
  await act(handle, CM, { type: 'requestClosure', outcome: 'repatriated', reason: 'arrived and settled' });
  await act(handle, SUP, { type: 'decideClosure', approve: true });

  await saveHistory(handle, 'v10-repatriation');
  const types = (await timeline(h.database, caseId)).map((e) => e.type);
  expect(types).toEqual(expect.arrayContaining(['shelter.admitted', 'referral.accepted', 'transport.arrived', 'handover.completed', 'closure.approved']));
  expect(types).not.toContain('shelter.limit_reached');
  expect(await caseRow(h.database, caseId)).toMatchObject({ status: 'closed', pathway: 'repatriation' });
});

test('the shelter stay reaching its legal maximum escalates', async () => {
  const { handle, caseId } = await h.start(migrant);
  await act(handle, OP, { type: 'acknowledge' });
  await decided(handle, 'repatriation');
  await act(handle, CM, { type: 'recordAssessment', consent: 'client', familyInvolved: false, originRegionCode: '35.07', needsShelter: true });
  await act(handle, CM, { type: 'requestReferral', partner: 'origin_dinsos', facilityCode: 'DINSOS-35.07' });
  await h.env.sleep(14 * DAY + HOUR);
  await eventOf(h.database, caseId, 'shelter.limit_reached');
  const view = await handle.query(getCaseQuery);
  // The origin region missed its 3-day acceptance deadline long before: that one climbed to level 3.
  const missed = await eventOf(h.database, caseId, 'deadline.missed');
  expect(missed[0]!.data.kind).toBe('origin_acceptance');
  expect(view.escalations.map((e) => [e.reason, e.subject, e.level])).toEqual([
    ['deadline', 'origin_acceptance', 3],
    ['shelter_limit', 'shelter', 1],
  ]);
  expect((await handle.describe()).typedSearchAttributes.get(SA.escalationLevel)).toBe(3);
  await finish(handle);
});
