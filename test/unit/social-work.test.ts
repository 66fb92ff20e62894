// Rules v6, the social work inside a case, on the pure rules: advocacy items with their targets and
// waiver, exits with their rules (ran away after a search, refused only with capacity, died, never
// found), a guardian's consent, and the ladder per reason and risk.
import { notificationsFor } from '../../domain/notifications';
import { DEFAULT_POLICY, withOverrides } from '../../domain/policy';
import { advocacyStatus } from '../../domain/steps/advocacy';
import { DAY, HOUR } from '../../domain/time';
import { CM, CaseDriver, SPV, SPV2 } from '../helpers/case-driver';

/** An ATENSI case under rules v6, assessed, with the given risk. */
function assessed(risk: 'high' | 'medium' | 'low' = 'high', category: Parameters<typeof CaseDriver.open>[0] = 'lansia_terlantar') {
  const c = CaseDriver.open(category, 'atensi', { rules: 6 });
  c.file.riskLevel = risk;
  c.decide('atensi');
  return c;
}

test('the assessment proposes advocacy items; each has a worker and the policy target, and escalates to that worker when overdue', () => {
  const c = assessed('medium');
  const events = c.act(CM, { type: 'recordAssessment', consent: 'client', familyInvolved: true, advocacy: ['health_insurance', 'civil_documents', 'health_insurance'] });
  expect(events.filter((e) => e.type === 'advocacy.opened').map((e) => e.data.kind)).toEqual(['health_insurance', 'civil_documents']);
  const [bpjs] = c.file.advocacy!;
  expect(bpjs).toMatchObject({ id: 'adv-1', source: 'assessment', worker: 'cm-1' });
  expect(new Date(bpjs!.targetAt).getTime() - c.now.getTime()).toBe(30 * DAY);
  expect(c.refusal(CM, { type: 'openAdvocacy', kind: 'health_insurance' })).toBe('ALREADY_RECORDED');
  c.act(CM, { type: 'openAdvocacy', kind: 'legal_aid', worker: 'cm-7', targetInDays: 10 });
  expect(c.file.advocacy![2]).toMatchObject({ id: 'adv-3', source: 'staff', worker: 'cm-7' });

  c.act(CM, { type: 'recordAdvocacyStep', itemId: 'adv-1' });
  expect(advocacyStatus(c.file.advocacy![0]!)).toBe('in_progress');
  c.act(CM, { type: 'closeAdvocacy', itemId: 'adv-2', outcome: 'achieved' });
  expect(c.refusal(CM, { type: 'closeAdvocacy', itemId: 'adv-2', outcome: 'achieved' })).toBe('ALREADY_RECORDED');
  expect(c.refusal(CM, { type: 'closeAdvocacy', itemId: 'adv-9', outcome: 'achieved' })).toBe('UNKNOWN_ITEM');

  const overdue = c.at(30 * DAY + HOUR);
  expect(c.types(overdue)).toEqual(expect.arrayContaining(['advocacy.overdue', 'escalation.raised:advocacy_overdue:1']));
  expect(c.file.escalations.filter((e) => e.reason === 'advocacy_overdue').map((e) => e.subject)).toEqual(['adv-3', 'adv-1']);
  // A medium-risk case's overdue advocacy reaches the Kabid a week later, not the next day.
  expect(c.types(c.at(30 * DAY + 6 * DAY))).not.toContain('escalation.raised:advocacy_overdue:2');
  expect(c.types(c.at(30 * DAY + 7 * DAY + HOUR))).toContain('escalation.raised:advocacy_overdue:2');
  // The overdue item's notice goes to the worker named on it, not to the case manager.
  const raised = overdue.filter((e) => e.type === 'escalation.raised' && e.data.subject === 'adv-3' && e.data.level === 1);
  expect(notificationsFor(raised, c.file).map((n) => [n.audience, n.staffId])).toEqual([
    ['case_manager', 'cm-7'],
    ['supervisor', null],
  ]);
  const closed = c.act(CM, { type: 'closeAdvocacy', itemId: 'adv-1', outcome: 'achieved' });
  expect(closed.filter((e) => e.type === 'escalation.resolved' && e.data.reason === 'advocacy_overdue').map((e) => e.data.subject)).toEqual(['adv-1']);
});

test('an open advocacy item holds the evaluation until it is closed or a supervisor waives it', () => {
  const c = assessed();
  c.act(CM, { type: 'recordAssessment', consent: 'client', familyInvolved: true, advocacy: ['dtsen_registration'] });
  c.act(CM, { type: 'recordAbsence' });
  c.at(8 * DAY);
  c.act(CM, { type: 'recordExit', kind: 'ran_away', reason: 'not found after a week' });
  expect(c.file.stage).toBe('evaluation');
  expect(c.refusal(CM, { type: 'recordEvaluation', outcome: 'not_met' })).toBe('ADVOCACY_OPEN');
  expect(c.refusal(CM, { type: 'waiveAdvocacy', itemId: 'adv-1', reason: 'r' })).toBe('ROLE_NOT_ALLOWED');
  c.act(SPV, { type: 'waiveAdvocacy', itemId: 'adv-1', reason: 'the person is gone; DTSEN is pursued if they return' });
  expect(advocacyStatus(c.file.advocacy![0]!)).toBe('waived');
  expect(c.file.notes.at(-1)).toMatchObject({ about: 'waiveAdvocacy', by: 'spv-1' });
  c.act(CM, { type: 'recordEvaluation', outcome: 'not_met' });
  expect(c.refusal(CM, { type: 'requestClosure', outcome: 'goals_reached', reason: 'r' })).toBe('OUTCOME_MISMATCH');
  c.act(CM, { type: 'requestClosure', outcome: 'ran_away', reason: 'r' });
  c.act(SPV2, { type: 'decideClosure', approve: true });
  expect(c.file.status).toBe('closed');
});

test('ran away: recorded at once, closed as such only after the search period; a person found again carries on', () => {
  const c = assessed();
  c.act(CM, { type: 'recordAssessment', consent: 'client', familyInvolved: false });
  expect(c.refusal(CM, { type: 'recordExit', kind: 'ran_away', reason: 'r' })).toBe('ABSENCE_NOT_RECORDED');
  c.act(CM, { type: 'recordAbsence' });
  expect(c.refusal(CM, { type: 'recordAbsence' })).toBe('ALREADY_RECORDED');
  c.at(6 * DAY);
  expect(c.refusal(CM, { type: 'recordExit', kind: 'ran_away', reason: 'r' })).toBe('SEARCH_PERIOD_RUNNING');
  c.act(CM, { type: 'recordReturn' });
  expect(c.file.stage).toBe('planning');
  c.act(CM, { type: 'recordAbsence' });
  expect(c.types(c.at(6 * DAY + 7 * DAY + HOUR))).toContain('absence.search_ended');
  const exit = c.act(CM, { type: 'recordExit', kind: 'ran_away', reason: 'r' });
  expect(c.types(exit).slice(0, 2)).toEqual(['exit.recorded', 'stage.changed']);
  expect(c.file).toMatchObject({ stage: 'evaluation', exit: { kind: 'ran_away' } });
});

test('refused services needs a person able to consent; never found needs nobody to have met them; died stops every follow-up', () => {
  const child = assessed('high', 'anak_terlantar');
  expect(child.refusal(CM, { type: 'recordExit', kind: 'refused_services', reason: 'r' })).toBe('LACKS_CAPACITY');
  const demented = CaseDriver.open('lansia_terlantar', 'atensi', { rules: 6 });
  demented.decide('atensi', { capacity: 'lacks_capacity', capacityReason: 'dementia' });
  expect(demented.refusal(CM, { type: 'recordExit', kind: 'refused_services', reason: 'r' })).toBe('LACKS_CAPACITY');
  expect(demented.refusal(CM, { type: 'recordExit', kind: 'not_found', reason: 'r' })).toBe('ALREADY_MET');

  const unmet = CaseDriver.open('tuna_sosial', 'atensi', { rules: 6 });
  unmet.at(2 * HOUR);
  unmet.act(CM, { type: 'recordExit', kind: 'not_found', reason: 'outreach found nobody at the place' });
  expect(unmet.file).toMatchObject({ stage: 'evaluation', exit: { kind: 'not_found' } });
  expect(unmet.refusal(CM, { type: 'requestClosure', outcome: 'not_found', reason: 'r' })).toBe('EVALUATION_REQUIRED');

  const c = assessed();
  c.act(CM, { type: 'recordAssessment', consent: 'client', familyInvolved: true, advocacy: ['civil_documents', 'health_insurance'] });
  c.file.visits.push({ kind: 'follow_up', dueAt: new Date(c.now.getTime() + 7 * DAY).toISOString(), doneAt: null, missed: false });
  const died = c.act(CM, { type: 'recordExit', kind: 'deceased', reason: 'r' });
  expect(c.types(died)).toEqual(['exit.recorded', 'advocacy.closed', 'stage.changed']);
  expect(c.file.visits).toEqual([]);
  expect(c.types(c.at(60 * DAY)).filter((t) => !t.startsWith('escalation.raised:stalled'))).toEqual([]);
  // The death certificate is still to be obtained: the civil documents item stays open and holds the evaluation.
  expect(c.file.advocacy!.map((i) => [i.kind, i.outcome])).toEqual([
    ['civil_documents', null],
    ['health_insurance', 'not_achieved'],
  ]);
  expect(c.refusal(CM, { type: 'recordEvaluation', outcome: 'not_met' })).toBe('ADVOCACY_OPEN');
  c.act(CM, { type: 'closeAdvocacy', itemId: 'adv-1', outcome: 'achieved', summary: 'akta kematian terbit' });
  c.act(CM, { type: 'recordEvaluation', outcome: 'not_met' });
  expect(c.refusal(CM, { type: 'requestClosure', outcome: 'ran_away', reason: 'r' })).toBe('OUTCOME_MISMATCH');
  expect(c.refusal(CM, { type: 'requestClosure', outcome: 'deceased', reason: 'r' })).toBeUndefined();
});

test('a guardian consents only once appointed; a wali sementara only for a child; older rules keep their consent', () => {
  const child = assessed('high', 'anak_terlantar');
  const byGuardian = { type: 'recordAssessment', consent: 'guardian', familyInvolved: false } as const;
  expect(child.refusal(CM, byGuardian)).toBe('GUARDIAN_REQUIRED');
  expect(child.refusal(CM, { type: 'appointGuardian', basis: 'temporary_dinsos' })).toBe('ROLE_NOT_ALLOWED');
  child.act(SPV, { type: 'appointGuardian', basis: 'temporary_dinsos', reason: 'no family found' });
  expect(child.refusal(CM, byGuardian)).toBeUndefined();

  const adult = assessed('high', 'disabilitas_terlantar');
  expect(adult.refusal(SPV, { type: 'appointGuardian', basis: 'temporary_lksa' })).toBe('NOT_A_CHILD');
  adult.act(SPV, { type: 'appointGuardian', basis: 'court_order' });
  expect(adult.refusal(CM, byGuardian)).toBeUndefined();

  const older = CaseDriver.open('anak_terlantar', 'atensi', { rules: 5 });
  older.decide('atensi');
  expect(older.refusal(CM, byGuardian)).toBeUndefined();
  expect(older.refusal(SPV, { type: 'appointGuardian', basis: 'temporary_dinsos' })).toBe('OLDER_RULES');
});

test('the ladder climbs per reason and risk under rules v6 (a missed low-risk visit stays with the Kasi for weeks), as before under older rules', () => {
  const policy = withOverrides(DEFAULT_POLICY, { escalation: { byReason: { stalled: { low: { level2After: 10 * DAY, level3After: 20 * DAY } } } } });
  expect(policy.escalation.byReason.visit_missed?.low).toEqual(DEFAULT_POLICY.escalation.byReason.visit_missed?.low);
  const climb = (rules: 5 | 6) => {
    const c = CaseDriver.open('tuna_sosial', 'atensi', { rules, policy });
    c.file.riskLevel = 'low';
    c.decide('atensi');
    c.act(CM, { type: 'recordAssessment', consent: 'client', familyInvolved: false });
    const goals = [{ component: 'terapi_psikososial', goal: 'g', indicator: 'i' }] as const;
    c.act(CM, { type: 'submitPlan', components: ['terapi_psikososial'], setting: 'community', services: [{ component: 'terapi_psikososial', dueInDays: 300 }], goals: [...goals] });
    c.act(SPV, { type: 'decidePlan', approve: true });
    c.act(CM, { type: 'recordServiceLinked', serviceId: 'svc-1', provider: 'LKS-1' });
    const levels: number[] = [];
    for (let day = 1; day <= 80; day++) {
      c.at(day * DAY);
      levels.push(c.file.escalations.find((e) => e.reason === 'visit_missed')?.level ?? 0);
    }
    return levels;
  };
  const v6 = climb(6);
  const v5 = climb(5);
  // The first monthly visit is missed after its grace (day 33): v5 tells the Kabid the next day, v6 three weeks on.
  expect([v5.indexOf(1), v6.indexOf(1)]).toEqual([32, 32]);
  expect(v5.indexOf(2) - v5.indexOf(1)).toBe(1);
  expect(v6.indexOf(2) - v6.indexOf(1)).toBe(21);
});
