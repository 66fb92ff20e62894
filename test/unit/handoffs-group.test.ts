// Rules v3, a returnee in a group: ready once assessed (the batch asks the origin Dinsos for everyone),
// accepted when the group's reception is agreed, and its news to the batch only ever moves forward.
import { groupReceptionAgreed, joinGroup, laterStatus, returneeStatus } from '../../domain/group-trip';
import { pendingCalls } from '../../domain/integration/calls';
import { CM, CaseDriver, OP } from '../helpers/case-driver';

test('a member is ready once assessed, is accepted with its group, and its case books nothing itself', () => {
  const c = CaseDriver.open('orang_terlantar', 'repatriation');
  joinGroup(c.file, 'b1', OP, c.now);
  c.file.integration = { calls: {} };
  c.act(CM, { type: 'acknowledge' });
  expect(c.refusal(CM, { type: 'recordRapidAssessment', danger: 'none', medicalEmergency: false, capacity: 'has_capacity', needs: [] })).toBe('ALREADY_RECORDED');
  expect(returneeStatus(c.file)).toBe('preparing');
  c.act(CM, { type: 'recordAssessment', consent: 'client', familyInvolved: true, originRegionCode: '32.04', needsShelter: true });
  expect(returneeStatus(c.file)).toBe('ready');
  expect(c.refusal(CM, { type: 'requestReferral', partner: 'origin_dinsos', facilityCode: 'DINSOS-32' })).toBe('GROUP_TRIP');
  const agreed = groupReceptionAgreed(c.file, 'DINSOS-32', 1, { actor: OP, now: c.now, policy: c.policy });
  expect(agreed.map((e) => e.type)).toEqual(['referral.accepted', 'stage.changed']);
  expect(c.file).toMatchObject({ stage: 'implementation', referral: { partner: 'origin_dinsos', facilityCode: 'DINSOS-32', decision: 'accepted' } });
  expect(groupReceptionAgreed(c.file, 'DINSOS-32', 2, { actor: OP, now: c.now, policy: c.policy })).toEqual([]);
  expect(returneeStatus(c.file)).toBe('ready');
  expect(pendingCalls(c.file)).toEqual([]); // the batch books the shared trip
});

test('a member\'s status only moves forward; a late "departed" after "arrived" changes nothing', () => {
  expect(laterStatus('preparing', 'ready')).toBe('ready');
  expect(laterStatus('arrived', 'departed')).toBe('arrived');
  expect(laterStatus('departed', 'ready')).toBe('departed');
  expect(laterStatus('ready', 'arrived')).toBe('arrived');
  expect(laterStatus('ready', 'withdrawn')).toBe('withdrawn');
  expect(laterStatus('withdrawn', 'arrived')).toBe('withdrawn');
});
