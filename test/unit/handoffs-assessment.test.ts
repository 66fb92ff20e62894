// Rules v3, the first steps: a rapid assessment inside the first-response window, the supervisor's
// pathway decision (and re-classification), then the comprehensive assessment with its laporan sosial.
import { currentDeadline } from '../../domain/deadlines';
import { DAY, HOUR } from '../../domain/time';
import { CM, CaseDriver, SPV } from '../helpers/case-driver';

test('a rapid assessment on the spot is the first response; the supervisor then decides the pathway and re-classifies', () => {
  const c = CaseDriver.open('lansia_terlantar', 'atensi');
  expect(currentDeadline(c.file, c.policy)?.kind).toBe('first_response');
  c.at(20 * 60_000);
  const rapid = c.act(CM, { type: 'recordRapidAssessment', danger: 'self', medicalEmergency: false, capacity: 'lacks_capacity', capacityReason: 'acute_psychosis', needs: ['psychiatric_care', 'food'] });
  expect(c.types(rapid)).toEqual(['case.acknowledged', 'stage.changed', 'rapid_assessment.recorded']);
  expect(c.file).toMatchObject({ stage: 'assessment', assignedWorker: 'cm-1', rapidAssessment: { capacity: 'lacks_capacity', capacityReason: 'acute_psychosis' } });
  expect(currentDeadline(c.file, c.policy)).toMatchObject({ kind: 'pathway_decision', since: c.file.rapidAssessment!.at });

  // The person is psychotic, not (only) old: the Kasi sends them to the RSJ and corrects the category.
  const decided = c.act(SPV, { type: 'decidePathway', pathway: 'odgj', category: 'odgj_terlantar' });
  expect(c.types(decided)).toEqual(['category.changed', 'pathway.decided', 'stage.changed']);
  expect(c.file).toMatchObject({ category: 'odgj_terlantar', pathway: 'odgj', stage: 'linking', pathwayDecisions: [{ pathway: 'odgj', by: 'spv-1' }] });
});

test('the steps come in order, each refused with its reason before its time, and only a supervisor decides', () => {
  const c = CaseDriver.open('orang_terlantar', 'repatriation');
  const assess = { type: 'recordAssessment', consent: 'client', familyInvolved: true, originRegionCode: '32.04' } as const;
  expect(c.refusal(SPV, { type: 'decidePathway', pathway: 'repatriation' })).toBe('WRONG_STAGE');
  c.act(CM, { type: 'acknowledge' });
  expect(currentDeadline(c.file, c.policy)).toMatchObject({ kind: 'rapid_assessment' });
  expect(c.refusal(SPV, { type: 'decidePathway', pathway: 'repatriation' })).toBe('STEP_NOT_READY');
  expect(c.refusal(CM, assess)).toBe('PATHWAY_NOT_DECIDED');
  expect(c.refusal(CM, { type: 'recordRapidAssessment', danger: 'none', medicalEmergency: false, capacity: 'lacks_capacity', needs: [] })).toBe('DETAIL_REQUIRED');
  c.act(CM, { type: 'recordRapidAssessment', danger: 'none', medicalEmergency: false, capacity: 'has_capacity', needs: ['food'] });
  expect(c.refusal(CM, { type: 'decidePathway', pathway: 'repatriation' })).toBe('ROLE_NOT_ALLOWED');
  c.at(2 * HOUR);
  c.act(SPV, { type: 'decidePathway', pathway: 'repatriation' });
  expect(c.file.stage).toBe('assessment');
  expect(currentDeadline(c.file, c.policy)).toMatchObject({ kind: 'assessment', since: new Date(c.now).toISOString(), durationMs: 2 * DAY });
  const events = c.act(CM, assess);
  expect(events[0]).toMatchObject({ type: 'assessment.recorded', data: { laporanSosial: expect.stringMatching(/^LS-c0ffee00-\d{8}$/) } });
  expect(c.file.stage).toBe('linking');
});

test('RSJ care assesses the person comprehensively during the stay, not within two days of intake', () => {
  const c = CaseDriver.open('odgj_terlantar', 'odgj');
  c.decide('odgj');
  expect(c.file.stage).toBe('linking');
  expect(c.refusal(CM, { type: 'recordAssessment', consent: 'not_possible', familyInvolved: false })).toBe('WRONG_STAGE');
  expect(currentDeadline(c.file, c.policy)).toBeUndefined(); // waiting for the referral request, not for an assessment
});

test('from the shelter the supervisor decides again, once the person is assessed; cases under older rules refuse the new steps', () => {
  const c = CaseDriver.open('tuna_sosial', 'atensi');
  c.decide('shelter');
  expect(c.file.shelter).toMatchObject({ leftAt: null });
  c.act(CM, { type: 'recordAssessment', consent: 'client', familyInvolved: false, originRegionCode: '35.78' });
  expect(c.file.stage).toBe('implementation');
  const again = c.act(SPV, { type: 'decidePathway', pathway: 'repatriation' });
  expect(c.types(again)).toEqual(['pathway.decided', 'stage.changed']);
  expect(c.file).toMatchObject({ pathway: 'repatriation', stage: 'linking' });
  expect(c.refusal(SPV, { type: 'decidePathway', pathway: 'atensi' })).toBe('WRONG_PATHWAY');

  const old = CaseDriver.open('odgj_terlantar', 'odgj', { rules: 2 });
  old.act(CM, { type: 'acknowledge' });
  expect(old.refusal(CM, { type: 'recordRapidAssessment', danger: 'none', medicalEmergency: false, capacity: 'has_capacity', needs: [] })).toBe('OLDER_RULES');
  expect(old.refusal(CM, { type: 'recordAssessment', consent: 'not_possible', familyInvolved: false })).toBeUndefined();
});
