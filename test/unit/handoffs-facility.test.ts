// Rules v3, the RSJ phase: the facility decides the stay; Dinsos funds it, visits, hears results and
// longer stays, and picks the patient up within three days of the discharge notice — or the ladder climbs
// to the Kepala Bidang. Silence at the expected end escalates; a long stay is reviewed, never capped.
import type { DomainEvent } from '../../domain/case/changes';
import { pendingCalls } from '../../domain/integration/calls';
import { DAY, HOUR } from '../../domain/time';
import { CM, CaseDriver, RSJ, SPV, SPV2 } from '../helpers/case-driver';

/** An ODGJ case the RSJ admitted a day after intake, with partner integration on. */
const admitted = () => CaseDriver.admittedToRsj({ acceptedAfter: DAY, partnerIntegration: true });

test('admission opens the stay: funding due in three days, a pendamping visit every fourteen, family tracing alongside', () => {
  const c = admitted();
  expect(c.file.stage).toBe('implementation');
  expect(c.file.stay).toMatchObject({ facilityCode: 'RSJ-ATMA-HUSADA', funding: null, discharge: null });
  expect(c.file.visits).toEqual([expect.objectContaining({ kind: 'facility', dueAt: new Date(c.now.getTime() + 14 * DAY).toISOString() })]);
  expect(c.file.familyTracing).toMatchObject({ found: null, attempts: [] });
  expect(c.types(c.at(4 * DAY + HOUR))).toEqual(['escalation.raised:funding_missing:1']);
  c.act(CM, { type: 'recordFundingGuarantee', scheme: 'bpjs_pbi' });
  expect(c.file.escalations.map((e) => e.reason)).toEqual([]);
  expect(c.refusal(CM, { type: 'recordFundingGuarantee', scheme: 'jamkesda' })).toBe('ALREADY_RECORDED');
});

test('the RSJ decides the stay: a longer stay it reports applies without approval or cap; silence at the expected end escalates', () => {
  const c = admitted();
  expect(c.act(RSJ, { type: 'requestExtension', days: 30, reason: 'belum stabil' }).map((e) => e.type)).toEqual(['observation.extended']);
  expect(c.file.observation!.endsAt).toBe(new Date(c.now.getTime() + 44 * DAY).toISOString());
  expect(c.refusal(SPV, { type: 'decideExtension', approve: true })).toBe('NOTHING_TO_DECIDE');
  c.act(CM, { type: 'recordFundingGuarantee', scheme: 'surat_jaminan' });
  const silent = c.at(45 * DAY + HOUR).filter((e) => e.type === 'facility.silent' || (e.type === 'escalation.raised' && e.data.reason === 'facility_silent'));
  expect(c.types(silent)).toEqual(['facility.silent', 'escalation.raised:facility_silent:1']);
  // A word from the RSJ ("still needs care") ends the silence and sets a new expected end.
  c.act(RSJ, { type: 'recordObservationResult', result: 'needs_further_care' });
  expect(c.file.escalations.map((e) => e.reason)).not.toContain('facility_silent');
});

test('a long stay is a funding and placement review, at 60 days and again 60 days after each review', () => {
  const c = admitted();
  c.act(CM, { type: 'recordFundingGuarantee', scheme: 'bpjs_pbi' });
  c.act(RSJ, { type: 'requestExtension', days: 120, reason: 'rawat lanjut' });
  const at60 = c.at(61 * DAY + HOUR).filter((e) => e.type === 'escalation.raised');
  expect(c.types(at60)).toContain('escalation.raised:long_stay:1');
  c.act(SPV, { type: 'recordStayReview', decision: 'continue_funding', reason: 'BPJS PBI aktif' });
  expect(c.file.escalations.filter((e) => e.reason === 'long_stay')).toEqual([]);
  expect(c.types(c.at(100 * DAY).filter((e) => e.type === 'escalation.raised' && e.data.reason === 'long_stay'))).toEqual([]);
});

test('discharge notice → pick-up within three days, else the ladder climbs to the Kepala Bidang; picking up resolves it', () => {
  const c = admitted();
  c.act(CM, { type: 'recordFundingGuarantee', scheme: 'bpjs_pbi' });
  c.at(20 * DAY);
  expect(c.refusal(CM, { type: 'recordPickUp' })).toBe('STEP_NOT_READY');
  const discharged = c.act(RSJ, { type: 'recordDischarge', kind: 'stable' });
  expect(discharged[0]).toMatchObject({ type: 'facility.discharged', data: { kind: 'stable', pickupBy: new Date(c.now.getTime() + 3 * DAY).toISOString() } });
  expect(c.file.visits.filter((v) => v.kind === 'facility' && !v.doneAt && !v.missed)).toEqual([]);
  // The pick-up trip is booked at once with partner integration.
  expect(pendingCalls(c.file)).toContainEqual(expect.objectContaining({ kind: 'transport.book', leg: 'from_facility' }));
  const pickup = (events: DomainEvent[]) => events.filter((e) => e.type === 'facility.pickup_overdue' || e.data.reason === 'pickup_overdue');
  expect(c.types(pickup(c.at(23 * DAY + HOUR)))).toEqual(['facility.pickup_overdue', 'escalation.raised:pickup_overdue:1']);
  expect(c.types(pickup(c.at(24 * DAY + 2 * HOUR)))).toEqual(['escalation.raised:pickup_overdue:2']);
  expect(c.file.escalations.find((e) => e.reason === 'pickup_overdue')?.level).toBe(2);
  c.act(CM, { type: 'recordTransport', leg: 'from_facility', event: 'departed' });
  expect(c.file.stay!.pickedUpAt).not.toBeNull();
  expect(c.file.escalations.find((e) => e.reason === 'pickup_overdue')).toBeUndefined();
});

test('referred on (rujuk): the stay goes on at the other facility; own request (APS) needs a pick-up like stable', () => {
  const c = admitted();
  expect(c.refusal(RSJ, { type: 'recordDischarge', kind: 'referred' })).toBe('DETAIL_REQUIRED');
  expect(c.act(RSJ, { type: 'recordDischarge', kind: 'referred', referredTo: 'RSUD-AWS' }).map((e) => e.type)).toEqual(['facility.referred_on']);
  expect(c.file.stay).toMatchObject({ facilityCode: 'RSUD-AWS', discharge: null });
  c.act(RSJ, { type: 'recordDischarge', kind: 'own_request' });
  expect(c.file.stay!.discharge).toMatchObject({ kind: 'own_request' });
  expect(c.refusal(SPV2, { type: 'recordStayReview', decision: 'seek_placement' })).toBe('STEP_NOT_READY');
});

test('the trip home waits for the discharge and the pick-up, even with the family ready', () => {
  const c = admitted();
  c.act(CM, { type: 'recordTracingAttempt', channel: 'kelurahan_rt', result: 'found' });
  c.act(CM, { type: 'recordHomeVisit', ready: true });
  expect(c.refusal(CM, { type: 'recordTransport', leg: 'home', event: 'departed' })).toBe('STEP_NOT_READY');
  expect(pendingCalls(c.file).map((p) => p.kind)).not.toContain('transport.book');
  c.act(RSJ, { type: 'recordDischarge', kind: 'stable' });
  c.act(CM, { type: 'recordPickUp' });
  expect(c.refusal(CM, { type: 'recordTransport', leg: 'home', event: 'departed' })).toBeUndefined();
  expect(pendingCalls(c.file)).toContainEqual(expect.objectContaining({ kind: 'transport.book', leg: 'home' }));
});
