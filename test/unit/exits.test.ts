// Rules v6, what an early ending does to the rest of a case: the RSJ stay and the tracing fall silent,
// advocacy stops escalating, nothing but the paperwork can be done, a group trip goes on without the
// person, a reopened case starts clean; and who counts as able to refuse, or as a child.
import { joinGroup, returneeStatus } from '../../domain/group-trip';
import { currentDeadline } from '../../domain/deadlines';
import { DAY, HOUR } from '../../domain/time';
import { CM, CaseDriver, RSJ, SPV, SPV2 } from '../helpers/case-driver';

test('a patient who dies at the RSJ: the stay, the tracing and their escalations end; only the paperwork remains', () => {
  const c = CaseDriver.admittedToRsj();
  c.file.rules = 6;
  c.at(5 * DAY);
  expect(c.file.escalations.map((e) => e.reason)).toContain('funding_missing');
  const died = c.act(CM, { type: 'recordExit', kind: 'deceased', reason: 'meninggal di RSJ' });
  expect(c.types(died)).toEqual(expect.arrayContaining(['exit.recorded', 'stage.changed', 'escalation.resolved']));
  expect(c.file.escalations.map((e) => e.reason)).not.toContain('funding_missing');
  // Ninety days on: no funding, silent-facility, long-stay or tracing escalation has been raised again.
  const later = c.types(c.at(95 * DAY)).filter((t) => t.startsWith('escalation.raised'));
  expect(later.every((t) => t.startsWith('escalation.raised:stalled'))).toBe(true);
  expect(c.refusal(RSJ, { type: 'recordDischarge', kind: 'stable' })).toBe('WRONG_STAGE');
  expect(c.refusal(CM, { type: 'recordAbsence' })).toBe('WRONG_STAGE');
  expect(c.refusal(CM, { type: 'addNote', text: 'pemakaman oleh Dinsos' })).toBeUndefined();
});

test('after running away, open advocacy stops climbing; a reopened case starts without its old ending', () => {
  const c = CaseDriver.open('tuna_sosial', 'atensi', { rules: 6 });
  c.decide('atensi');
  c.act(CM, { type: 'recordAssessment', consent: 'client', familyInvolved: false, advocacy: ['legal_aid'] });
  c.act(CM, { type: 'recordAbsence' });
  c.at(15 * DAY);
  expect(c.file.escalations.find((e) => e.reason === 'advocacy_overdue')?.level).toBeGreaterThanOrEqual(1);
  c.act(CM, { type: 'recordExit', kind: 'ran_away', reason: 'r' });
  expect(c.file.escalations.find((e) => e.reason === 'advocacy_overdue')).toBeUndefined();
  expect(c.types(c.at(60 * DAY))).not.toContain('escalation.raised:advocacy_overdue:1');
  c.act(SPV, { type: 'waiveAdvocacy', itemId: 'adv-1', reason: 'gone' });
  c.act(CM, { type: 'recordEvaluation', outcome: 'not_met' });
  c.act(CM, { type: 'requestClosure', outcome: 'ran_away', reason: 'r' });
  c.act(SPV, { type: 'decideClosure', approve: true });
  // Found again a week later: the case is reopened and may end otherwise this time.
  c.at(67 * DAY);
  c.act(SPV2, { type: 'reopen', reason: 'ditemukan kembali' });
  expect(c.file).toMatchObject({ status: 'open', exit: null, absence: null });
  expect(c.refusal(CM, { type: 'recordAbsence' })).toBeUndefined();
  // Nothing may be opened on the advocacy track once the evaluation is recorded.
  const d = CaseDriver.open('tuna_sosial', 'atensi', { rules: 6 });
  d.act(CM, { type: 'recordExit', kind: 'not_found', reason: 'r' });
  d.act(CM, { type: 'recordEvaluation', outcome: 'not_met' });
  expect(d.refusal(CM, { type: 'openAdvocacy', kind: 'other' })).toBe('WRONG_STAGE');
});

test('a group member who dies no longer travels with the group; nor can a member be "never found"', () => {
  const c = CaseDriver.open('orang_terlantar', 'repatriation', { rules: 6 });
  joinGroup(c.file, 'b1', SPV, c.now);
  expect(c.refusal(CM, { type: 'recordExit', kind: 'not_found', reason: 'r' })).toBe('ALREADY_MET');
  c.act(CM, { type: 'acknowledge' });
  c.act(CM, { type: 'recordAssessment', consent: 'client', familyInvolved: true, originRegionCode: '33.01' });
  expect(returneeStatus(c.file)).toBe('ready');
  c.act(CM, { type: 'recordExit', kind: 'deceased', reason: 'r' });
  expect(returneeStatus(c.file)).toBe('withdrawn');
});

test('refusing services needs capacity someone found; contact is lost only after missed visits; legacy closures read as current', () => {
  const unseen = CaseDriver.open('odgj_terlantar', 'odgj', { rules: 6 });
  expect(unseen.refusal(CM, { type: 'recordExit', kind: 'refused_services', reason: 'r' })).toBe('LACKS_CAPACITY');
  const ward = CaseDriver.open('disabilitas_terlantar', 'atensi', { rules: 6 });
  ward.decide('atensi');
  ward.act(SPV, { type: 'appointGuardian', basis: 'court_order' });
  expect(ward.refusal(CM, { type: 'recordExit', kind: 'refused_services', reason: 'r' })).toBe('LACKS_CAPACITY');
  const able = CaseDriver.open('tuna_sosial', 'atensi', { rules: 6 });
  able.decide('atensi');
  expect(able.refusal(CM, { type: 'recordExit', kind: 'refused_services', reason: 'r' })).toBeUndefined();
  expect(able.refusal(CM, { type: 'recordExit', kind: 'lost_contact', reason: 'r' })).toBe('CONTACT_NOT_LOST');
  able.file.visits.push({ kind: 'monitoring', dueAt: able.now.toISOString(), doneAt: null, missed: true });
  expect(able.refusal(CM, { type: 'recordExit', kind: 'lost_contact', reason: 'r' })).toBeUndefined();
});

test('a child is anyone under 18, whatever the cluster: a trafficked 15-year-old gets a wali sementara and cannot consent alone', () => {
  const c = CaseDriver.open('korban_perdagangan_orang', 'atensi', { rules: 6 });
  c.file.minor = true;
  c.decide('atensi');
  expect(c.refusal(CM, { type: 'recordAssessment', consent: 'client', familyInvolved: false })).toBe('CONSENT_REQUIRED');
  c.act(SPV, { type: 'appointGuardian', basis: 'temporary_dinsos' });
  expect(c.refusal(CM, { type: 'recordAssessment', consent: 'guardian', familyInvolved: false })).toBeUndefined();
  // A birth date found later makes an adult's case a child's too.
  const later = CaseDriver.open('tuna_sosial', 'atensi', { rules: 6 });
  expect(later.refusal(SPV, { type: 'appointGuardian', basis: 'temporary_dinsos' })).toBe('NOT_A_CHILD');
  later.act(CM, { type: 'recordIdentity', birthDate: '2012-04-01' });
  expect(later.refusal(SPV, { type: 'appointGuardian', basis: 'temporary_dinsos' })).toBeUndefined();
});

test('a plan whose services all start later: the linking deadline runs from the first start; a refused revision may be proposed again', () => {
  const c = CaseDriver.open('korban_napza', 'atensi', { rules: 6 });
  c.decide('atensi');
  c.act(CM, { type: 'recordAssessment', consent: 'client', familyInvolved: true, familyReady: false, familyReason: 'economy' });
  c.file.familyTracing = { startedAt: c.now.toISOString(), dueAt: null, found: true, canReceive: true, decidedAt: null, homeVisits: [{ at: new Date(c.now.getTime() + 1).toISOString(), by: 'cm-1', ready: true, reason: null }] };
  c.at(HOUR);
  const goals = [{ component: 'pelatihan_vokasional' as const, goal: 'g', indicator: 'i' }];
  // The home visit after the assessment found the family ready: care in the family is possible.
  c.act(CM, { type: 'submitPlan', components: ['pelatihan_vokasional'], setting: 'family', services: [{ component: 'pelatihan_vokasional', dueInDays: 150, startInDays: 30 }], goals });
  c.act(SPV, { type: 'decidePlan', approve: true });
  expect(currentDeadline(c.file, c.policy)).toMatchObject({ kind: 'referral_acceptance', since: c.file.services[0]!.startAt });
  expect(c.types(c.at(10 * DAY))).not.toContain('deadline.missed');
  c.at(31 * DAY);
  c.act(CM, { type: 'recordServiceLinked', serviceId: 'svc-1', provider: 'BLK-1' });
  c.act(CM, { type: 'recordCaseConference', participants: ['case_manager', 'family'], decisions: ['revise_plan'] });
  c.act(CM, { type: 'proposePlanRevision', add: [{ component: 'dukungan_keluarga', dueInDays: 30 }], goals: [{ component: 'dukungan_keluarga', goal: 'g', indicator: 'i' }] });
  c.act(SPV, { type: 'decidePlan', approve: false });
  c.act(CM, { type: 'proposePlanRevision', add: [{ component: 'dukungan_keluarga', dueInDays: 60 }], goals: [{ component: 'dukungan_keluarga', goal: 'g', indicator: 'i' }] });
  c.act(SPV, { type: 'decidePlan', approve: true });
  expect(c.file.services.map((s) => s.component)).toEqual(['pelatihan_vokasional', 'dukungan_keluarga']);
  expect(c.refusal(CM, { type: 'proposePlanRevision', stop: ['svc-2'] })).toBe('REVIEW_REQUIRED');
});
