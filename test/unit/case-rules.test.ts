// The pure case rules, without Temporal: roles, closed cases, and time-based triggers.
import type { CaseFile } from '../../domain/case-file';
import type { Ctx } from '../../domain/case-ops';
import type { CaseCommand } from '../../domain/commands';
import { COMMAND_TYPES, execute, refusal } from '../../domain/commands';
import { openCaseFile } from '../../domain/open-case';
import { DEFAULT_POLICY, withOverrides } from '../../domain/policy';
import type { Actor, Role } from '../../domain/roles';
import { ROLES } from '../../domain/roles';
import { DAY, HOUR } from '../../domain/time';
import { fireDue, nextDue } from '../../domain/timers';

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
  withdraw: { type: 'withdraw', reason: 'r' },
  reopen: { type: 'reopen', reason: 'r' },
};

test('partners may only report facts; operators may not approve; nobody approves in place of a supervisor', () => {
  const file = odgjCase();
  const allowed = (role: Role) => COMMAND_TYPES.filter((t) => refusal(file, EXAMPLES[t], ctx({ id: 'x', role })) !== 'ROLE_NOT_ALLOWED');
  expect(allowed('partner').sort()).toEqual(['recordObservationResult', 'recordReferralDecision', 'recordServiceDelivered', 'recordTransport', 'requestExtension']);
  expect(allowed('operator').sort()).toEqual(['acknowledge', 'addNote']);
  for (const approval of ['decidePlan', 'decideExtension', 'decideClosure', 'reopen'] as const) {
    expect(ROLES.filter((role) => !['ROLE_NOT_ALLOWED'].includes(refusal(file, EXAMPLES[approval], ctx({ id: 'x', role })) ?? ''))).toEqual(['supervisor']);
  }
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

test('the first-response deadline fires once, escalates, and clears when the case moves on', () => {
  const file = odgjCase();
  expect(nextDue(file, DEFAULT_POLICY)).toMatchObject({ trigger: 'deadline', label: 'first_response', at: at(1 * HOUR).toISOString() });
  expect(fireDue(file, at(59 * 60_000), DEFAULT_POLICY)).toEqual([]);
  const fired = fireDue(file, at(1 * HOUR), DEFAULT_POLICY);
  expect(fired).toEqual([{ type: 'deadline.missed', data: { kind: 'first_response', dueAt: at(HOUR).toISOString(), level: 1 } }]);
  expect(fireDue(file, at(2 * HOUR), DEFAULT_POLICY)).toEqual([]);
  const events = execute(file, { type: 'acknowledge' }, ctx(OP, at(2 * HOUR)));
  expect(events.map((e) => e.type)).toEqual(['case.acknowledged', 'stage.changed', 'escalation.cleared']);
  expect(file.escalationLevel).toBe(0);
  expect(nextDue(file, DEFAULT_POLICY)).toMatchObject({ at: at(2 * HOUR + 2 * DAY).toISOString() });
});

test('a simulation time scale shortens every wait of a case', () => {
  const sim = withOverrides(DEFAULT_POLICY, { timeScale: 1 / 86_400 });
  const file = odgjCase();
  execute(file, { type: 'acknowledge' }, ctx(OP, T0, sim));
  // The two-day assessment deadline becomes two seconds.
  expect(new Date(nextDue(file, sim)!.at).getTime() - T0.getTime()).toBe(2000);
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
