// Rules v3, family tracing on every pathway: attempts with their channel and result, a home visit that
// says whether the family can take the person in (and why not), a supervisor's decision at the deadline,
// and a family found later still leading home.
import { reportNotApplied } from '../../domain/integration/reports';
import { DAY, HOUR } from '../../domain/time';
import { CM, CaseDriver, SPV } from '../helpers/case-driver';

const DUKCAPIL = { id: 'DUKCAPIL-SIM', role: 'partner' } as const;

test('attempts are listed; a registry match finds the family but only a home visit says whether it can receive', () => {
  const c = CaseDriver.open('tuna_sosial', 'atensi');
  c.decide('shelter');
  c.act(CM, { type: 'recordAssessment', consent: 'client', familyInvolved: false });
  c.act(CM, { type: 'recordTracingAttempt', channel: 'social_media', result: 'lead', summary: 'akun kerabat di Facebook' });
  expect(c.file.familyTracing).toMatchObject({ found: null, attempts: [{ channel: 'social_media', result: 'lead' }] });
  expect(c.refusal(CM, { type: 'recordHomeVisit', ready: true })).toBe('STEP_NOT_READY');
  const found = c.act(DUKCAPIL, { type: 'recordFamilyTracing', found: true, canReceive: true });
  expect(found.map((e) => e.type)).toEqual(['family_tracing.attempt', 'family_tracing.found']);
  expect(c.file.familyTracing).toMatchObject({ found: true, canReceive: null, dueAt: null });
  expect(c.refusal(CM, { type: 'recordHomeVisit', ready: false })).toBe('DETAIL_REQUIRED');
  c.act(CM, { type: 'recordHomeVisit', ready: false, reason: 'economy' });
  expect(c.file.familyTracing).toMatchObject({ canReceive: false, unreadyReason: 'economy' });
  expect(c.refusal(CM, { type: 'recordTracingAttempt', channel: 'police', result: 'found' })).toBe('ALREADY_RECORDED');
});

test('at the deadline the supervisor decides, not the clock: keep tracing, or refer onwards while it goes on', () => {
  const c = CaseDriver.admittedToRsj({ funded: true });
  expect(c.refusal(SPV, { type: 'decideTracing', decision: 'continue' })).toBe('NOTHING_DUE');
  const due = c.at(14 * DAY + HOUR).filter((e) => e.type.startsWith('family_tracing') || e.data.reason === 'tracing_overdue');
  expect(c.types(due)).toEqual(['family_tracing.due', 'escalation.raised:tracing_overdue:1']);
  expect(c.file.familyTracing).toMatchObject({ found: null, decidedAt: null }); // no outcome by the clock
  c.act(SPV, { type: 'decideTracing', decision: 'continue' });
  expect(c.file.escalations.find((e) => e.reason === 'tracing_overdue')).toBeUndefined();
  expect(c.file.familyTracing!.dueAt).toBe(new Date(c.now.getTime() + 14 * DAY).toISOString());
  c.at(28 * DAY + 2 * HOUR);
  c.act(SPV, { type: 'decideTracing', decision: 'refer_onwards' });
  expect(c.file.familyTracing).toMatchObject({ dueAt: null, found: null });
  expect(c.types(c.at(60 * DAY).filter((e) => e.data.reason === 'tracing_overdue'))).toEqual([]);
  // Tracing goes on: a family found on day 60 is still recorded.
  expect(c.act(CM, { type: 'recordTracingAttempt', channel: 'kelurahan_rt', result: 'found' }).map((e) => e.type)).toContain('family_tracing.found');
});

test('a partner report that contradicts the case goes to the supervisor\'s queue; a repeat of a recorded fact is dropped', () => {
  const c = CaseDriver.open('odgj_terlantar', 'odgj');
  c.decide('odgj');
  const events = reportNotApplied(c.file, { reportId: 'RSJ:77', command: { type: 'recordReferralDecision' } }, 'NOTHING_TO_DECIDE', c.now);
  expect(c.types(events)).toEqual(['partner.report_ignored', 'escalation.raised:partner_report:1']);
  expect(c.file.escalations).toEqual([expect.objectContaining({ reason: 'partner_report', subject: 'recordReferralDecision' })]);
  expect(reportNotApplied(c.file, { reportId: 'RSJ:78', command: { type: 'recordTransport' } }, 'ALREADY_RECORDED', c.now)).toEqual([]);
  c.act(SPV, { type: 'acknowledgeEscalation' });
  expect(c.file.escalations).toEqual([]); // looked at: out of the queue

  const old = CaseDriver.open('odgj_terlantar', 'odgj', { rules: 2 });
  expect(reportNotApplied(old.file, { reportId: 'x', command: { type: 'recordTransport' } }, 'ALREADY_RECORDED', old.now)).toEqual([
    { type: 'partner.report_ignored', data: { command: 'recordTransport', reason: 'ALREADY_RECORDED' } },
  ]);
});
