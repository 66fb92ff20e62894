// The pure case rules, without Temporal: roles, closed cases, and time-based triggers.
import type { CaseFile } from '../../domain/case/file';
import type { Ctx } from '../../domain/case/changes';
import type { CaseCommand } from '../../domain/commands';
import { COMMAND_TYPES, execute, refusal } from '../../domain/steps/index';
import { openCaseFile } from '../../domain/case/open';
import { DEFAULT_POLICY, withOverrides } from '../../domain/policy';
import type { Actor, Role } from '../../domain/roles';
import { ROLES } from '../../domain/roles';
import { DAY, HOUR } from '../../domain/time';
import { currentDeadline } from '../../domain/deadlines';
import { fireDue, nextDue } from '../../domain/scheduler';

const T0 = new Date('2026-01-05T08:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const ctx = (actor: Actor, when = T0, policy = DEFAULT_POLICY): Ctx => ({ actor, now: when, policy });
const CM: Actor = { id: 'cm-1', role: 'case_manager' };
const OP: Actor = { id: 'op-1', role: 'operator' };

function odgjCase(): CaseFile {
  return openCaseFile({ caseId: 'c1', category: 'odgj_terlantar', pathway: 'odgj', riskLevel: 'high', regionCode: '64.72', openedBy: OP }, T0);
}

// One well-formed example of each command, to probe who may give it.
const EXAMPLES: Record<CaseCommand['type'], CaseCommand> = {
  acknowledge: { type: 'acknowledge' },
  recordRapidAssessment: { type: 'recordRapidAssessment', danger: 'none', medicalEmergency: false, capacity: 'has_capacity', needs: [] },
  decidePathway: { type: 'decidePathway', pathway: 'odgj' },
  decideBestInterest: { type: 'decideBestInterest', capacityReason: 'dementia' },
  recordIdentity: { type: 'recordIdentity', nik: '6471010101800001' },
  recordFundingGuarantee: { type: 'recordFundingGuarantee', scheme: 'bpjs_pbi' },
  recordDischarge: { type: 'recordDischarge', kind: 'stable' },
  recordPickUp: { type: 'recordPickUp' },
  recordStayReview: { type: 'recordStayReview', decision: 'continue_funding' },
  recordTracingAttempt: { type: 'recordTracingAttempt', channel: 'police', result: 'lead' },
  recordHomeVisit: { type: 'recordHomeVisit', ready: true },
  decideTracing: { type: 'decideTracing', decision: 'continue' },
  requestTransfer: { type: 'requestTransfer', to: 'dinsos_provinsi', unitCode: 'DINSOS-64', regionCode: '64' },
  decideTransfer: { type: 'decideTransfer', accept: true, assignedWorker: 'cm-64' },
  recordBast: { type: 'recordBast', ref: 'BAST-1' },
  recordAssessment: { type: 'recordAssessment', consent: 'client', familyInvolved: true },
  submitPlan: { type: 'submitPlan', components: ['terapi_fisik'], setting: 'family', services: [{ component: 'terapi_fisik', dueInDays: 3 }] },
  decidePlan: { type: 'decidePlan', approve: true },
  requestReferral: { type: 'requestReferral', partner: 'rsj', facilityCode: 'R' },
  recordReferralDecision: { type: 'recordReferralDecision', accepted: true },
  recordTransport: { type: 'recordTransport', leg: 'to_facility', event: 'arrived' },
  recordObservationResult: { type: 'recordObservationResult', result: 'stable' },
  requestExtension: { type: 'requestExtension', days: 3, reason: 'r' },
  decideExtension: { type: 'decideExtension', approve: true },
  recordFamilyTracing: { type: 'recordFamilyTracing', found: true },
  recordHandover: { type: 'recordHandover', to: 'family' },
  recordServiceLinked: { type: 'recordServiceLinked', serviceId: 'svc-1', provider: 'p' },
  recordServiceDelivered: { type: 'recordServiceDelivered', serviceId: 'svc-1' },
  recordVisit: { type: 'recordVisit', kind: 'follow_up' },
  recordReview: { type: 'recordReview', decision: 'continue' },
  recordEvaluation: { type: 'recordEvaluation', outcome: 'goals_met' },
  requestClosure: { type: 'requestClosure', outcome: 'other', reason: 'r' },
  decideClosure: { type: 'decideClosure', approve: true },
  reassign: { type: 'reassign', assignedWorker: 'cm-2', reason: 'r' },
  addNote: { type: 'addNote', text: 'n' },
  appointGuardian: { type: 'appointGuardian', basis: 'temporary_dinsos' },
  proposePlanRevision: { type: 'proposePlanRevision', stop: ['svc-1'] },
  recordCaseConference: { type: 'recordCaseConference', participants: ['case_manager', 'family'], decisions: ['continue_plan'] },
  openAdvocacy: { type: 'openAdvocacy', kind: 'health_insurance' },
  recordAdvocacyStep: { type: 'recordAdvocacyStep', itemId: 'adv-1' },
  closeAdvocacy: { type: 'closeAdvocacy', itemId: 'adv-1', outcome: 'achieved' },
  waiveAdvocacy: { type: 'waiveAdvocacy', itemId: 'adv-1', reason: 'r' },
  recordAbsence: { type: 'recordAbsence' },
  recordReturn: { type: 'recordReturn' },
  recordExit: { type: 'recordExit', kind: 'deceased', reason: 'r' },
  recordServiceStarted: { type: 'recordServiceStarted', serviceId: 'svc-1' },
  withdraw: { type: 'withdraw', reason: 'r' },
  reopen: { type: 'reopen', reason: 'r' },
  acknowledgeEscalation: { type: 'acknowledgeEscalation' },
  extendDeadline: { type: 'extendDeadline', hours: 24, reason: 'r' },
  pauseDeadline: { type: 'pauseDeadline', party: 'hospital', expectedInDays: 3, reason: 'r' },
  resumeDeadline: { type: 'resumeDeadline' },
};

test('partners may only report facts; operators may not approve; nobody approves in place of a supervisor', () => {
  const file = odgjCase();
  const allowed = (role: Role) => COMMAND_TYPES.filter((t) => refusal(file, EXAMPLES[t], ctx({ id: 'x', role })) !== 'ROLE_NOT_ALLOWED');
  expect(allowed('partner').sort()).toEqual([
    'recordDischarge',
    'recordFamilyTracing',
    'recordObservationResult',
    'recordReferralDecision',
    'recordServiceDelivered',
    'recordTransport',
    'requestExtension',
  ]);
  expect(allowed('operator').sort()).toEqual(['acknowledge', 'addNote']);
  for (const approval of ['decidePlan', 'decideExtension', 'decideClosure', 'reopen', 'acknowledgeEscalation', 'extendDeadline'] as const) {
    expect(ROLES.filter((role) => !['ROLE_NOT_ALLOWED'].includes(refusal(file, EXAMPLES[approval], ctx({ id: 'x', role })) ?? ''))).toEqual(['supervisor']);
  }
});

test('a supervisor or an admin may withdraw a case (a duplicate, an entry made in error); nobody else on staff', () => {
  const file = odgjCase();
  const may = ROLES.filter((role) => refusal(file, EXAMPLES.withdraw, ctx({ id: 'x', role })) !== 'ROLE_NOT_ALLOWED');
  expect(may).toEqual(['supervisor', 'admin', 'system']);
  const events = execute(file, { type: 'withdraw', reason: 'duplicate' }, ctx({ id: 'adm-1', role: 'admin' }));
  expect(events.map((e) => e.type)).toContain('case.withdrawn');
  expect(file.status).toBe('withdrawn');
});

test('rules v4: a case whose review ended the services is evaluated before closure is requested; v3 cases keep closing as before', () => {
  for (const rules of [3, 4] as const) {
    const file = openCaseFile({ caseId: `c-${rules}`, category: 'tuna_sosial', pathway: 'atensi', riskLevel: 'low', regionCode: '64.72', openedBy: OP }, T0, rules);
    Object.assign(file, { stage: 'evaluation', evaluation: null });
    const closure: CaseCommand = { type: 'requestClosure', outcome: 'goals_reached', reason: 'r' };
    const evaluation: CaseCommand = { type: 'recordEvaluation', outcome: 'goals_met' };
    if (rules === 3) {
      expect([refusal(file, closure, ctx(CM)), refusal(file, evaluation, ctx(CM))]).toEqual([undefined, 'WRONG_STAGE']);
      continue;
    }
    expect(refusal(file, closure, ctx(CM))).toBe('EVALUATION_REQUIRED');
    expect(execute(file, evaluation, ctx(CM)).map((e) => e.type)).toEqual(['evaluation.recorded']);
    expect([file.stage, refusal(file, evaluation, ctx(CM)), refusal(file, closure, ctx(CM))]).toEqual(['evaluation', 'WRONG_STAGE', undefined]);
  }
});

test('rules v5: "cannot consent" in any cluster, but only on a supervisor\'s best-interest decision; v4 keeps it to ODGJ', () => {
  const lansia = (rules: 4 | 5) => {
    const file = openCaseFile({ caseId: `l-${rules}`, category: 'lansia_terlantar', pathway: 'atensi', riskLevel: 'medium', regionCode: '64.72', openedBy: OP }, T0, rules);
    Object.assign(file, { stage: 'assessment', rapidAssessment: { at: T0.toISOString() }, pathwayDecisions: [{ at: T0.toISOString(), by: 'sup', pathway: 'atensi', category: 'lansia_terlantar' }] });
    return file;
  };
  const assess: CaseCommand = { type: 'recordAssessment', consent: 'not_possible', familyInvolved: false };
  expect(refusal(lansia(4), assess, ctx(CM))).toBe('CONSENT_REQUIRED');
  const file = lansia(5);
  expect(refusal(file, assess, ctx(CM))).toBe('BEST_INTEREST_REQUIRED');
  const decide: CaseCommand = { type: 'decideBestInterest', capacityReason: 'dementia' };
  expect(refusal(file, decide, ctx(CM))).toBe('ROLE_NOT_ALLOWED');
  expect(execute(file, decide, ctx({ id: 'sup-1', role: 'supervisor' })).map((e) => [e.type, e.data.capacityReason])).toEqual([['best_interest.decided', 'dementia']]);
  expect(refusal(file, decide, ctx({ id: 'sup-1', role: 'supervisor' }))).toBe('NO_CHANGE');
  expect(refusal(file, assess, ctx(CM))).toBeUndefined();
  expect(refusal(lansia(4), decide, ctx({ id: 'sup-1', role: 'supervisor' }))).toBe('NO_CHANGE');
});

test('an identity found later is added field by field; the timeline names the fields, never their values', () => {
  const file = odgjCase();
  expect(refusal(file, { type: 'recordIdentity' }, ctx(CM))).toBe('DETAIL_REQUIRED');
  expect(refusal(file, { type: 'recordIdentity', name: 'x' }, ctx(OP))).toBe('ROLE_NOT_ALLOWED');
  const events = execute(file, { type: 'recordIdentity', nik: '6471010101800001', name: 'Budi Contoh' }, ctx(CM));
  execute(file, { type: 'recordIdentity', birthDate: '1980-01-01' }, ctx(CM));
  expect(events).toEqual([{ type: 'identity.recorded', data: { fields: 'nik,name' } }]);
  expect(file.identity).toMatchObject({ nik: '6471010101800001', name: 'Budi Contoh', birthDate: '1980-01-01', recordedBy: 'cm-1' });
});

test('a withdrawn case refuses every command except a note', () => {
  const file = odgjCase();
  execute(file, { type: 'withdraw', reason: 'duplicate' }, ctx({ id: 'sup', role: 'supervisor' }));
  const open = COMMAND_TYPES.filter((t) => {
    const role: Role = t === 'reopen' ? 'supervisor' : t === 'addNote' ? 'case_manager' : 'supervisor';
    return refusal(file, EXAMPLES[t], ctx({ id: 'x', role })) === undefined;
  });
  expect(open).toEqual(['addNote']);
  expect(refusal(file, EXAMPLES.reopen, ctx({ id: 'x', role: 'supervisor' }))).toBe('NOT_REOPENABLE');
});

test('rules v1 (cases opened before the ladder): the first-response deadline fires once at level 1 and clears on progress', () => {
  const file = openCaseFile({ caseId: 'c0', category: 'odgj_terlantar', pathway: 'odgj', riskLevel: 'high', regionCode: '64.72', openedBy: OP }, T0, 1);
  expect(nextDue(file, DEFAULT_POLICY)).toMatchObject({ trigger: 'deadline', label: 'first_response', at: at(1 * HOUR).toISOString() });
  expect(fireDue(file, at(59 * 60_000), DEFAULT_POLICY)).toEqual([]);
  const fired = fireDue(file, at(1 * HOUR), DEFAULT_POLICY);
  expect(fired).toEqual([{ type: 'deadline.missed', data: { kind: 'first_response', dueAt: at(HOUR).toISOString(), level: 1 } }]);
  expect(fireDue(file, at(200 * HOUR), DEFAULT_POLICY)).toEqual([]);
  const events = execute(file, { type: 'acknowledge' }, ctx(OP, at(200 * HOUR)));
  expect(events.map((e) => e.type)).toEqual(['case.acknowledged', 'stage.changed', 'escalation.cleared']);
  expect(file.escalationLevel).toBe(0);
});

test('rules v2: reminder at 50 %, level 1 at the deadline, level 2 at +24 h, level 3 at +72 h, resolved by progress', () => {
  const file = odgjCase();
  const steps: [number, string[]][] = [];
  for (const t of [29 * 60_000, 30 * 60_000, HOUR, 24 * HOUR, 25 * HOUR, 72 * HOUR, 73 * HOUR, 300 * HOUR]) {
    steps.push([t, fireDue(file, at(t), DEFAULT_POLICY).map((e) => `${e.type}${e.data.level ? `:${e.data.level}` : ''}`)]);
  }
  expect(steps).toEqual([
    [29 * 60_000, []],
    [30 * 60_000, ['deadline.reminder']],
    [HOUR, ['deadline.missed:1', 'escalation.raised:1']],
    [24 * HOUR, []],
    [25 * HOUR, ['escalation.raised:2']],
    [72 * HOUR, []],
    [73 * HOUR, ['escalation.raised:3']],
    [300 * HOUR, []],
  ]);
  expect(file.escalationLevel).toBe(3);
  const events = execute(file, { type: 'acknowledge' }, ctx(OP, at(301 * HOUR)));
  expect(events.map((e) => e.type)).toEqual(['case.acknowledged', 'stage.changed', 'escalation.resolved', 'escalation.level_lowered']);
  expect([file.escalationLevel, file.escalations]).toEqual([0, []]);
});

test('a supervisor acknowledging stops the climb; extending the deadline resolves the escalation', () => {
  const sup: Actor = { id: 'sup', role: 'supervisor' };
  const file = odgjCase();
  fireDue(file, at(HOUR), DEFAULT_POLICY);
  execute(file, { type: 'acknowledgeEscalation' }, ctx(sup, at(2 * HOUR)));
  expect(fireDue(file, at(100 * HOUR), DEFAULT_POLICY).map((e) => e.type)).not.toContain('escalation.raised');
  expect(file.escalationLevel).toBe(1);
  const events = execute(file, { type: 'extendDeadline', hours: 200, reason: 'menunggu Satpol PP' }, ctx(sup, at(100 * HOUR)));
  expect(events.map((e) => e.type)).toEqual(['deadline.extended', 'escalation.resolved', 'escalation.level_lowered']);
  expect(events[0]!.data.dueAt).toBe(at(201 * HOUR).toISOString());
  expect(fireDue(file, at(150 * HOUR), DEFAULT_POLICY).map((e) => e.type)).toEqual(['deadline.reminder']);
});

test('a paused deadline does not run while an outside party has it, then resumes with the time it had left', () => {
  const file = odgjCase();
  execute(file, { type: 'acknowledge' }, ctx(OP));
  // Assessment (2 days) paused after 1 day, waiting on the hospital for up to 5 days.
  execute(file, { type: 'pauseDeadline', party: 'hospital', expectedInDays: 5, reason: 'hasil lab' }, ctx(CM, at(DAY)));
  expect(fireDue(file, at(5 * DAY), DEFAULT_POLICY)).toEqual([]);
  const resumed = execute(file, { type: 'resumeDeadline' }, ctx(CM, at(5 * DAY)));
  expect(resumed[0]!.data.dueAt).toBe(at(6 * DAY).toISOString());
  // The 50 % reminder was due the moment it was paused; it comes as soon as the deadline runs again.
  expect(fireDue(file, at(6 * DAY - 1), DEFAULT_POLICY).map((e) => e.type)).toEqual(['deadline.reminder']);
  expect(fireDue(file, at(6 * DAY), DEFAULT_POLICY).map((e) => e.type)).toEqual(['deadline.missed', 'escalation.raised']);
});

test('an outside party late on a paused deadline escalates on its own', () => {
  const file = odgjCase();
  execute(file, { type: 'acknowledge' }, ctx(OP));
  execute(file, { type: 'pauseDeadline', party: 'civil_registry', expectedInDays: 3, reason: 'cek NIK' }, ctx(CM, at(HOUR)));
  const events = fireDue(file, at(3 * DAY + HOUR), DEFAULT_POLICY);
  expect(events).toEqual([
    {
      type: 'escalation.raised',
      data: { key: `external:${at(HOUR).toISOString()}`, reason: 'external_overdue', subject: 'civil_registry', level: 1, dueAt: at(3 * DAY + HOUR).toISOString() },
    },
  ]);
});

test('a case idle for seven days while staff should act is stalled; a case waiting on its calendar is not', () => {
  const file = odgjCase();
  execute(file, { type: 'acknowledge' }, ctx(OP));
  execute(file, { type: 'recordAssessment', consent: 'not_possible', familyInvolved: false }, ctx(CM));
  // Linking with no referral sent: no deadline runs, so only the watchdog notices.
  const events = fireDue(file, at(7 * DAY), DEFAULT_POLICY);
  expect(events.map((e) => `${e.type}:${e.data.reason}`)).toEqual(['escalation.raised:stalled']);
  const noted = execute(file, { type: 'addNote', text: 'menghubungi RSJ' }, ctx(CM, at(7 * DAY + HOUR)));
  expect(noted.map((e) => e.type)).toEqual(['note.added', 'escalation.resolved', 'escalation.level_lowered']);
  const waiting = odgjCase();
  waiting.visits.push({ kind: 'follow_up', dueAt: at(30 * DAY).toISOString(), doneAt: null, missed: false });
  waiting.stage = 'monitoring';
  expect(fireDue(waiting, at(29 * DAY), DEFAULT_POLICY).map((e) => e.data.reason)).not.toContain('stalled');
});

test('a simulation time scale shortens every wait of a case', () => {
  const sim = withOverrides(DEFAULT_POLICY, { timeScale: 1 / 86_400 });
  const file = odgjCase();
  execute(file, { type: 'acknowledge' }, ctx(OP, T0, sim));
  // The two-day assessment deadline becomes two seconds; its reminder one second.
  expect(new Date(currentDeadline(file, sim)!.dueAt!).getTime() - T0.getTime()).toBe(2000);
  expect(new Date(nextDue(file, sim)!.at).getTime() - T0.getTime()).toBe(1000);
});

test('expired family tracing becomes "not found", and only then may the province take over', () => {
  const file = odgjCase();
  const sup: Actor = { id: 'sup', role: 'supervisor' };
  execute(file, { type: 'acknowledge' }, ctx(OP));
  execute(file, { type: 'recordAssessment', consent: 'not_possible', familyInvolved: false }, ctx(CM));
  execute(file, { type: 'recordTransport', leg: 'to_facility', event: 'arrived' }, ctx(CM));
  execute(file, { type: 'requestReferral', partner: 'rsj', facilityCode: 'R' }, ctx(CM));
  execute(file, { type: 'recordReferralDecision', accepted: true }, ctx(sup));
  execute(file, { type: 'recordObservationResult', result: 'stable' }, ctx(CM));
  expect(refusal(file, { type: 'recordHandover', to: 'province' }, ctx(CM))).toBe('STEP_NOT_READY');
  const events = fireDue(file, at(14 * DAY), DEFAULT_POLICY);
  expect(events.map((e) => e.type)).toContain('family_tracing.expired');
  expect(file.familyTracing).toMatchObject({ found: false, canReceive: false });
  expect(refusal(file, { type: 'recordHandover', to: 'family' }, ctx(CM))).toBe('STEP_NOT_READY');
  expect(refusal(file, { type: 'recordHandover', to: 'province' }, ctx(CM))).toBeUndefined();
});
