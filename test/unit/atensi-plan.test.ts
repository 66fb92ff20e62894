// Rules v6, the ATENSI plan on the pure rules: goals and indicators per component, services on their own
// schedules (implementation from the first link), a review that revises the plan with the supervisor's
// approval, and case conferences.
import type { CommandOf } from '../../domain/commands';
import { DAY, HOUR } from '../../domain/time';
import { CM, CaseDriver, SPV } from '../helpers/case-driver';

const goal = (component: 'dukungan_keluarga' | 'pelatihan_vokasional' | 'terapi_psikososial') => ({ component, goal: 'g', indicator: 'i' });

function approvedPlan(rules: 5 | 6 = 6) {
  const c = CaseDriver.open('korban_napza', 'atensi', { rules });
  c.decide('atensi');
  c.act(CM, { type: 'recordAssessment', consent: 'client', familyInvolved: true });
  c.act(CM, {
    type: 'submitPlan',
    components: ['dukungan_keluarga', 'pelatihan_vokasional'],
    setting: 'community',
    services: [
      { component: 'dukungan_keluarga', dueInDays: 30 },
      { component: 'pelatihan_vokasional', dueInDays: 150, startInDays: 20 },
    ],
    goals: rules >= 6 ? [goal('dukungan_keluarga'), goal('pelatihan_vokasional')] : undefined,
  });
  c.act(SPV, { type: 'decidePlan', approve: true });
  return c;
}

test('a plan needs a goal and an indicator for every component, and services that start before they are due', () => {
  const c = CaseDriver.open('korban_napza', 'atensi', { rules: 6 });
  c.decide('atensi');
  c.act(CM, { type: 'recordAssessment', consent: 'client', familyInvolved: true });
  const plan: CommandOf<'submitPlan'> = { type: 'submitPlan', components: ['dukungan_keluarga', 'terapi_psikososial'], setting: 'family', services: [{ component: 'dukungan_keluarga', dueInDays: 30 }] };
  expect(c.refusal(CM, plan)).toBe('GOAL_REQUIRED');
  expect(c.refusal(CM, { ...plan, goals: [goal('dukungan_keluarga')] })).toBe('GOAL_REQUIRED');
  expect(c.refusal(CM, { ...plan, goals: [goal('dukungan_keluarga'), { ...goal('terapi_psikososial'), indicator: ' ' }] })).toBe('GOAL_REQUIRED');
  expect(c.refusal(CM, { ...plan, goals: [goal('dukungan_keluarga'), goal('terapi_psikososial'), goal('pelatihan_vokasional')] })).toBe('GOAL_REQUIRED');
  expect(c.refusal(CM, { ...plan, services: [{ component: 'dukungan_keluarga', dueInDays: 30, startInDays: 30 }], goals: [goal('dukungan_keluarga'), goal('terapi_psikososial')] })).toBe('INVALID_PLAN');
  // The setting means something: care in the family needs a family the assessment found ready.
  c.file.assessment!.familyReady = false;
  expect(c.refusal(CM, { ...plan, goals: [goal('dukungan_keluarga'), goal('terapi_psikososial')] })).toBe('FAMILY_NOT_READY');
  c.file.assessment!.familyReady = true;
  const events = c.act(CM, { ...plan, goals: [goal('dukungan_keluarga'), goal('terapi_psikososial')] });
  // Goals are free text: kept in the (encrypted) file, never in the timeline.
  expect(JSON.stringify(events)).not.toContain('indicator');
  expect(c.file.plan?.goals).toHaveLength(2);
});

test('family support is delivered in month one while the 150-day vocational course is linked later, on its own schedule', () => {
  const c = approvedPlan();
  const [family, vocational] = c.file.services;
  expect(new Date(vocational!.startAt!).getTime() - c.now.getTime()).toBe(20 * DAY);
  expect(c.refusal(CM, { type: 'recordServiceDelivered', serviceId: 'svc-1' })).toBe('WRONG_STAGE');
  c.at(2 * DAY);
  c.act(CM, { type: 'recordServiceLinked', serviceId: 'svc-1', provider: 'LKS-KELUARGA' });
  expect(c.file.stage).toBe('implementation');
  expect(c.refusal(CM, { type: 'recordServiceDelivered', serviceId: 'svc-2' })).toBe('STEP_NOT_READY');
  c.act(CM, { type: 'recordServiceStarted', serviceId: 'svc-1' });
  // Not linked by its start plus the acceptance window (3 days at high risk): it escalates, for linking.
  const late = c.at(23 * DAY + HOUR);
  expect(c.types(late)).toEqual(expect.arrayContaining(['service.link_overdue', 'escalation.raised:service_overdue:1']));
  c.at(25 * DAY);
  c.act(CM, { type: 'recordServiceDelivered', serviceId: 'svc-1' });
  expect(c.file.stage).toBe('implementation');
  expect(family!.deliveredAt).not.toBeNull();
  const linked = c.act(CM, { type: 'recordServiceLinked', serviceId: 'svc-2', provider: 'BLK-SAMARINDA' });
  expect(linked.filter((e) => e.type === 'escalation.resolved').map((e) => e.data.subject)).toEqual(['svc-2:link']);
  c.act(CM, { type: 'recordServiceStarted', serviceId: 'svc-2' });
  expect(c.refusal(CM, { type: 'recordServiceStarted', serviceId: 'svc-2' })).toBe('ALREADY_RECORDED');
  c.at(140 * DAY);
  c.act(CM, { type: 'recordServiceDelivered', serviceId: 'svc-2' });
  expect(c.file.stage).toBe('monitoring');
});

test('under older rules the case waits for every service to be linked, as before', () => {
  const c = approvedPlan(5);
  c.act(CM, { type: 'recordServiceLinked', serviceId: 'svc-1', provider: 'LKS-KELUARGA' });
  expect(c.file.stage).toBe('linking');
  expect(c.refusal(CM, { type: 'recordServiceStarted', serviceId: 'svc-1' })).toBe('OLDER_RULES');
  expect(c.refusal(CM, { type: 'recordReview', decision: 'revise' })).toBe('OLDER_RULES');
});

test('a 90-day review that decides to revise: the case manager proposes, the supervisor approves, services are added and stopped', () => {
  const c = approvedPlan();
  c.act(CM, { type: 'recordServiceLinked', serviceId: 'svc-1', provider: 'LKS-KELUARGA' });
  c.act(CM, { type: 'recordServiceLinked', serviceId: 'svc-2', provider: 'BLK-SAMARINDA' });
  c.act(CM, { type: 'recordServiceDelivered', serviceId: 'svc-1' });
  const revision: CommandOf<'proposePlanRevision'> = { type: 'proposePlanRevision', add: [{ component: 'terapi_psikososial', dueInDays: 60 }], stop: ['svc-2'], setting: 'family', goals: [goal('terapi_psikososial')] };
  expect(c.refusal(CM, revision)).toBe('REVIEW_REQUIRED');
  c.at(90 * DAY);
  c.act(CM, { type: 'recordReview', decision: 'revise', summary: 'relapse: the course is too much now; counselling first' });
  expect(c.refusal(CM, { ...revision, goals: [] })).toBe('GOAL_REQUIRED');
  expect(c.refusal(CM, { ...revision, stop: ['svc-1'] })).toBe('UNKNOWN_SERVICE');
  expect(c.refusal(CM, { type: 'proposePlanRevision' })).toBe('NO_CHANGE');
  c.act(CM, revision);
  expect(c.refusal(CM, revision)).toBe('REQUEST_PENDING');
  expect(c.refusal(CM, { type: 'decidePlan', approve: true })).toBe('ROLE_NOT_ALLOWED');
  const approved = c.act(SPV, { type: 'decidePlan', approve: true });
  expect(c.types(approved)).toContain('plan.revised');
  expect(c.file.plan).toMatchObject({ setting: 'family', components: ['dukungan_keluarga', 'pelatihan_vokasional', 'terapi_psikososial'], revision: null });
  expect(c.file.services.map((s) => [s.id, Boolean(s.stoppedAt)])).toEqual([
    ['svc-1', false],
    ['svc-2', true],
    ['svc-3', false],
  ]);
  expect(new Date(c.file.services[2]!.dueAt).getTime() - c.now.getTime()).toBe(60 * DAY);
  // Another revision needs another review.
  expect(c.refusal(CM, revision)).toBe('REVIEW_REQUIRED');
  expect(c.refusal(CM, { type: 'recordServiceDelivered', serviceId: 'svc-2' })).toBe('UNKNOWN_SERVICE');
  c.act(CM, { type: 'recordServiceLinked', serviceId: 'svc-3', provider: 'PSIKOLOG-1' });
  c.act(CM, { type: 'recordServiceDelivered', serviceId: 'svc-3' });
  expect(c.file.stage).toBe('monitoring');
});

test('a refused revision changes nothing; case conferences are kept by role and decision', () => {
  const c = approvedPlan();
  c.act(CM, { type: 'recordServiceLinked', serviceId: 'svc-1', provider: 'LKS-KELUARGA' });
  c.at(90 * DAY);
  c.act(CM, { type: 'recordReview', decision: 'revise' });
  c.act(CM, { type: 'proposePlanRevision', stop: ['svc-2'] });
  c.act(SPV, { type: 'decidePlan', approve: false, reason: 'keep the course; the family will support' });
  expect(c.file.services.every((s) => !s.stoppedAt)).toBe(true);
  const events = c.act(CM, { type: 'recordCaseConference', participants: ['case_manager', 'family', 'psychologist', 'family'], decisions: ['continue_plan'], summary: 'names of those present' });
  expect(events[0]).toEqual({ type: 'conference.recorded', data: { participants: 'case_manager,family,psychologist', decisions: 'continue_plan', note: expect.any(Number) } });
  expect(c.file.conferences).toHaveLength(1);
  expect(c.refusal(CM, { type: 'recordCaseConference', participants: [], decisions: ['other'] })).toBe('DETAIL_REQUIRED');
});
