// Which partner calls a case needs, decided from the case file alone, and what the answers do to it.
import type { CaseFile } from '../../domain/case/file';
import type { Ctx } from '../../domain/case/changes';
import type { CaseCommand } from '../../domain/commands';
import { execute } from '../../domain/steps/index';
import { openCaseFile } from '../../domain/case/open';
import { applyCallResult, callKeys, pendingCalls } from '../../domain/integration/calls';
import { returneeStatus } from '../../domain/group-trip';
import { DEFAULT_POLICY } from '../../domain/policy';
import type { Actor } from '../../domain/roles';

const T0 = new Date('2026-03-02T08:00:00Z');
const CM: Actor = { id: 'cm-1', role: 'case_manager' };
const SPV: Actor = { id: 'spv-1', role: 'supervisor' };
const RSJ: Actor = { id: 'RSJ-MENUR', role: 'partner' };
const ctx = (actor: Actor): Ctx => ({ actor, now: T0, policy: DEFAULT_POLICY });
const run = (file: CaseFile, actor: Actor, ...commands: CaseCommand[]) => {
  for (const c of commands) execute(file, c, ctx(actor));
};

function repatriation(group?: string): CaseFile {
  const file = openCaseFile({ caseId: 'r1', category: 'orang_terlantar', pathway: 'repatriation', riskLevel: 'medium', regionCode: '31.72', openedBy: CM }, T0);
  file.integration = { calls: {} };
  if (group) file.group = { batchId: group };
  run(file, CM, { type: 'acknowledge' }, { type: 'recordAssessment', consent: 'client', familyInvolved: true, originRegionCode: '32.04', needsShelter: true });
  return file;
}

test('cases opened without partner integration never call partners', () => {
  const file = repatriation();
  delete file.integration;
  run(file, CM, { type: 'requestReferral', partner: 'origin_dinsos', facilityCode: 'DINSOS-32' });
  expect(pendingCalls(file)).toEqual([]);
});

test('a repatriation asks the origin Dinsos once per attempt, then books the trip home once accepted', () => {
  const file = repatriation();
  run(file, CM, { type: 'requestReferral', partner: 'origin_dinsos', facilityCode: 'DINSOS-32' });
  const [ask] = pendingCalls(file);
  expect(ask).toEqual({ kind: 'referral.admit', key: callKeys.referral('r1', 1), partner: 'origin_dinsos', facilityCode: 'DINSOS-32', attempt: 1 });
  expect(applyCallResult(file, ask!, { outcome: 'accepted', ref: 'adm-1' }, T0).map((e) => e.type)).toEqual(['referral.sent']);
  expect(pendingCalls(file)).toEqual([]); // asked: nothing more until the decision

  run(file, RSJ, { type: 'recordReferralDecision', accepted: true });
  const [book] = pendingCalls(file);
  expect(book).toMatchObject({ kind: 'transport.book', key: 'r1:transport:home', leg: 'home', from: '31.72', to: '32.04' });
  applyCallResult(file, book!, { outcome: 'accepted', ref: 'bk-1' }, T0);
  expect(pendingCalls(file)).toEqual([]);
});

test('a facility that refuses the request outright counts as a decline; the next attempt has a new key', () => {
  const file = repatriation();
  run(file, CM, { type: 'requestReferral', partner: 'origin_dinsos', facilityCode: 'NOWHERE' });
  const events = applyCallResult(file, pendingCalls(file)[0]!, { outcome: 'refused', code: 'UNKNOWN_FACILITY' }, T0);
  expect(events).toEqual([{ type: 'referral.declined', data: { partner: 'origin_dinsos', attempt: 1, reason: 'UNKNOWN_FACILITY' } }]);
  expect(file.referral?.decision).toBe('declined');
  run(file, CM, { type: 'requestReferral', partner: 'origin_dinsos', facilityCode: 'DINSOS-32' });
  expect(pendingCalls(file)[0]!.key).toBe('r1:referral:2');
});

test('a returnee in a group does not book its own trip: the batch books for everyone', () => {
  const file = repatriation('b1');
  run(file, CM, { type: 'requestReferral', partner: 'origin_dinsos', facilityCode: 'DINSOS-32' });
  applyCallResult(file, pendingCalls(file)[0]!, { outcome: 'accepted', ref: 'adm-1' }, T0);
  expect(returneeStatus(file)).toBe('preparing');
  run(file, RSJ, { type: 'recordReferralDecision', accepted: true });
  expect(pendingCalls(file)).toEqual([]);
  expect(returneeStatus(file)).toBe('ready');
  run(file, RSJ, { type: 'recordTransport', leg: 'home', event: 'departed' });
  expect(returneeStatus(file)).toBe('departed');
});

test('withdrawing a case with a booked, unused trip cancels the booking, once', () => {
  const file = repatriation();
  run(file, CM, { type: 'requestReferral', partner: 'origin_dinsos', facilityCode: 'DINSOS-32' });
  applyCallResult(file, pendingCalls(file)[0]!, { outcome: 'accepted', ref: 'adm-1' }, T0);
  run(file, RSJ, { type: 'recordReferralDecision', accepted: true });
  applyCallResult(file, pendingCalls(file)[0]!, { outcome: 'accepted', ref: 'bk-7' }, T0);
  run(file, SPV, { type: 'withdraw', reason: 'keluarga menjemput sendiri' });
  const [cancel] = pendingCalls(file);
  expect(cancel).toEqual({ kind: 'transport.cancel', key: 'r1:transport:home:cancel', leg: 'home', bookingId: 'bk-7' });
  applyCallResult(file, cancel!, { outcome: 'accepted', ref: 'bk-7' }, T0);
  expect(pendingCalls(file)).toEqual([]);
  expect(returneeStatus(file)).toBe('withdrawn');
});

test('ODGJ: transport to the RSJ goes with the admission request; tracing starts with admission', () => {
  const file = openCaseFile({ caseId: 'o1', category: 'odgj_terlantar', pathway: 'odgj', riskLevel: 'high', regionCode: '64.72', openedBy: CM }, T0);
  file.integration = { calls: {} };
  run(file, CM, { type: 'acknowledge' }, { type: 'recordAssessment', consent: 'not_possible', familyInvolved: false }, { type: 'requestReferral', partner: 'rsj', facilityCode: 'RSJ-ATMA-HUSADA' });
  expect(pendingCalls(file).map((c) => c.kind).sort()).toEqual(['referral.admit', 'transport.book']);
  for (const c of pendingCalls(file)) applyCallResult(file, c, { outcome: 'accepted', ref: `ref-${c.kind}` }, T0);
  run(file, RSJ, { type: 'recordReferralDecision', accepted: true }, { type: 'recordTransport', leg: 'to_facility', event: 'arrived' });
  expect(file.stage).toBe('implementation');
  expect(pendingCalls(file)).toEqual([{ kind: 'tracing.lookup', key: 'o1:tracing' }]);
});
