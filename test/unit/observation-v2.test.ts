// Rules v1/v2 (cases opened before hand-offs followed practice) keep the observation period a supervisor
// extends, capped by the policy: such cases are still running and must behave as they did.
import { DAY } from '../../domain/time';
import { CM, CaseDriver, RSJ, SPV, SPV2 } from '../helpers/case-driver';

test('rules v2: an observation extension needs supervisor approval, never self-approval, and is capped', () => {
  const c = CaseDriver.open('odgj_terlantar', 'odgj', { rules: 2 });
  c.act(CM, { type: 'acknowledge', assignedWorker: 'cm-1' });
  c.act(CM, { type: 'recordAssessment', consent: 'not_possible', familyInvolved: false });
  c.act(RSJ, { type: 'recordTransport', leg: 'to_facility', event: 'arrived' });
  c.act(CM, { type: 'requestReferral', partner: 'rsj', facilityCode: 'RSJ-ATMA-HUSADA' });
  c.act(RSJ, { type: 'recordReferralDecision', accepted: true });
  const endsAt = c.file.observation!.endsAt;
  expect(c.file.stay).toBeNull();
  expect(c.refusal(CM, { type: 'decideExtension', approve: true })).toBe('ROLE_NOT_ALLOWED');
  expect(c.refusal(SPV, { type: 'decideExtension', approve: true })).toBe('NOTHING_TO_DECIDE');
  expect(c.refusal(CM, { type: 'requestExtension', days: 15, reason: 'RSJ asks more time' })).toBe('EXTENSION_BEYOND_CAP');
  c.act(RSJ, { type: 'requestExtension', days: 10, reason: 'belum stabil' });
  expect(c.refusal(CM, { type: 'requestExtension', days: 2, reason: 'again' })).toBe('REQUEST_PENDING');
  c.act(SPV, { type: 'decideExtension', approve: true });
  expect(new Date(c.file.observation!.endsAt).getTime() - new Date(endsAt).getTime()).toBe(10 * DAY);
  // 10 days used of the 14-day cap: 5 more is beyond it, 4 is not; this one is refused by the supervisor.
  expect(c.refusal(CM, { type: 'requestExtension', days: 5, reason: 'more' })).toBe('EXTENSION_BEYOND_CAP');
  c.act(SPV, { type: 'requestExtension', days: 4, reason: 'more' });
  expect(c.refusal(SPV, { type: 'decideExtension', approve: true })).toBe('SELF_APPROVAL');
  c.act(SPV2, { type: 'decideExtension', approve: false });
  expect(c.file.observation!.extensions.map((e) => e.status)).toEqual(['approved', 'refused']);
  // And the new steps are not theirs.
  expect(c.refusal(RSJ, { type: 'recordDischarge', kind: 'stable' })).toBe('OLDER_RULES');
  expect(c.refusal(CM, { type: 'recordHandover', to: 'province' })).toBe('STEP_NOT_READY');
});
