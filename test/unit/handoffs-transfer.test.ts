// Rules v3, jurisdiction transfer as a referral the receiver accepts: the laporan sosial goes with the
// request, the receiving unit's supervisor accepts (naming its worker) or declines with a reason, the BAST
// hands the case over — region, worker and escalation audience move — and the sender keeps reading it
// for a while. A family found later still brings the person home.
import type { CaseCommand } from '../../domain/commands';
import { notificationsFor } from '../../domain/notifications';
import { DAY, HOUR } from '../../domain/time';
import { CM, CaseDriver, RSJ, SPV, SPV2 } from '../helpers/case-driver';

const PROV_SPV = { id: 'spv-64', role: 'supervisor' } as const;
const PROV_CM = { id: 'cm-64', role: 'case_manager' } as const;

/** An ODGJ case discharged, picked up to the shelter, assessed (family unable: economy). */
function readyForTransfer(): CaseDriver {
  const c = CaseDriver.admittedToRsj({ funded: true });
  c.act(CM, { type: 'recordTracingAttempt', channel: 'dukcapil_biometric', result: 'found' });
  c.act(CM, { type: 'recordHomeVisit', ready: false, reason: 'economy' });
  c.at(21 * DAY);
  c.act(RSJ, { type: 'recordDischarge', kind: 'stable' });
  c.act(CM, { type: 'recordPickUp', toShelter: true });
  return c;
}

const TO_PROVINCE = { type: 'requestTransfer', to: 'dinsos_provinsi', unitCode: 'DINSOS-PROV-64', regionCode: '64' } as const;

test('a transfer needs the laporan sosial; the receiving unit reads the case while it decides; declined, it returns with the reason', () => {
  const c = readyForTransfer();
  expect(c.refusal(CM, TO_PROVINCE)).toBe('ASSESSMENT_REQUIRED');
  c.act(CM, { type: 'recordAssessment', consent: 'not_possible', familyInvolved: true, familyReady: false, familyReason: 'economy' });
  expect(c.refusal(CM, { type: 'recordHandover', to: 'province' })).toBe('USE_TRANSFER');
  const requested = c.act(CM, TO_PROVINCE);
  expect(requested[0]).toMatchObject({ type: 'transfer.requested', data: { to: 'dinsos_provinsi', toRegion: '64', laporanSosial: c.file.assessment!.laporanSosial! } });
  expect(c.file.access).toEqual([{ regionCode: '64', mode: 'decide_transfer', until: null }]);
  const notices = notificationsFor(requested, c.file).map((n) => `${n.audience}@${n.regionCode}:${n.template}`);
  expect(notices).toEqual(['receiving_agency@64.71:transfer.requested', 'supervisor@64:transfer.requested']);
  expect(c.refusal(CM, TO_PROVINCE)).toBe('REQUEST_PENDING');
  expect(c.refusal(PROV_SPV, { type: 'decideTransfer', accept: false })).toBe('DETAIL_REQUIRED');
  c.act(PROV_SPV, { type: 'decideTransfer', accept: false, declineReason: 'no_capacity', reason: 'panti penuh bulan ini' });
  expect(c.file).toMatchObject({ regionCode: '64.71', jurisdiction: 'kabkota', assignedWorker: 'cm-1', access: [] });
  expect(c.file.transfers.at(-1)).toMatchObject({ status: 'declined', declineReason: 'no_capacity' });
  expect(c.refusal(CM, TO_PROVINCE)).toBeUndefined(); // the sender may ask again (or elsewhere)
});

test('a transfer nobody decides on escalates to the receiving unit; accepted and BAST signed, the case is the receiver\'s', () => {
  const c = readyForTransfer();
  c.act(CM, { type: 'recordAssessment', consent: 'not_possible', familyInvolved: true, familyReady: false, familyReason: 'economy' });
  c.at(22 * DAY);
  c.act(SPV, TO_PROVINCE);
  expect(c.refusal(SPV, { type: 'decideTransfer', accept: true, assignedWorker: 'cm-64' })).toBe('SELF_APPROVAL');
  expect(c.refusal(SPV2, { type: 'decideTransfer', accept: true, assignedWorker: 'cm-64' }, ['64.71'])).toBe('NOT_RECEIVING_UNIT');
  expect(c.refusal(PROV_SPV, { type: 'addNote', text: 'x' }, ['31'])).toBe('READ_ONLY_ACCESS');
  const late = c.at(29 * DAY + HOUR).filter((e) => e.data.reason === 'transfer_overdue');
  expect(c.types(late)).toEqual(['escalation.raised:transfer_overdue:1']);
  expect(notificationsFor(late, c.file).map((n) => `${n.audience}@${n.regionCode}`)).toEqual(['case_manager@64.71', 'supervisor@64']);
  expect(c.refusal(PROV_SPV, { type: 'decideTransfer', accept: true })).toBe('DETAIL_REQUIRED');
  c.act(PROV_SPV, { type: 'decideTransfer', accept: true, assignedWorker: 'cm-64' });
  expect(c.file.escalations.find((e) => e.reason === 'transfer_overdue')).toBeUndefined();
  expect(c.file.regionCode).toBe('64.71'); // not the receiver's until the BAST
  const bast = c.act(PROV_CM, { type: 'recordBast', ref: 'BAST/064/2026' });
  expect(c.types(bast)).toEqual(['transfer.completed', 'jurisdiction.changed', 'case.reassigned', 'shelter.left', 'stage.changed']);
  expect(c.file).toMatchObject({ regionCode: '64', jurisdiction: 'province', assignedWorker: 'cm-64', stage: 'planning', residentialCare: { unitCode: 'DINSOS-PROV-64' } });
  expect(c.file.access).toEqual([{ regionCode: '64.71', mode: 'read', until: new Date(c.now.getTime() + 30 * DAY).toISOString() }]);
  // The workflow itself checks who may act now: the sender reads only; the province acts.
  const note = { type: 'addNote', text: 'tindak lanjut' } as const;
  expect(c.refusal(CM, note, ['64.71'])).toBe('READ_ONLY_ACCESS');
  expect(c.refusal(PROV_CM, note, ['64'])).toBeUndefined();
  // In residential care an ATENSI plan follows, whatever the pathway, in the residential setting.
  const plan = (setting: 'family' | 'residential'): CaseCommand => ({
    type: 'submitPlan',
    components: ['terapi_psikososial'],
    setting,
    services: [{ component: 'terapi_psikososial', dueInDays: 30 }],
  });
  expect(c.refusal(PROV_CM, plan('family'))).toBe('INVALID_PLAN');
  c.act(PROV_CM, plan('residential'));
  c.act(SPV2, { type: 'decidePlan', approve: true });
  expect(c.file.stage).toBe('linking');
});

test('a family found on day 20 after the transfer brings the person home: late departure recorded, residential care ends', () => {
  const c = readyForTransfer();
  c.act(CM, { type: 'recordAssessment', consent: 'not_possible', familyInvolved: true, familyReady: false, familyReason: 'economy' });
  c.act(CM, TO_PROVINCE);
  c.act(PROV_SPV, { type: 'decideTransfer', accept: true, assignedWorker: 'cm-64' });
  c.act(PROV_CM, { type: 'recordBast', ref: 'BAST/065/2026' });
  c.at(42 * DAY);
  c.act(PROV_CM, { type: 'recordHomeVisit', ready: true, summary: 'keluarga kini sanggup menerima' });
  expect(c.refusal(PROV_CM, { type: 'recordHandover', to: 'family' })).toBe('STEP_NOT_READY');
  // The transport partner's "arrived" overtakes its "departed": both facts stay, in their place.
  c.act(RSJ, { type: 'recordTransport', leg: 'home', event: 'arrived' });
  expect(c.file.transport).toMatchObject({ homeDepartureInferred: true });
  const late = c.act(RSJ, { type: 'recordTransport', leg: 'home', event: 'departed' });
  expect(late[0]).toEqual({ type: 'transport.departed', data: { leg: 'home', reportedLate: true } });
  expect(c.refusal(RSJ, { type: 'recordTransport', leg: 'home', event: 'departed' })).toBe('ALREADY_RECORDED');
  c.act(PROV_CM, { type: 'recordHandover', to: 'family' });
  expect(c.file).toMatchObject({ stage: 'monitoring', residentialCare: null, handover: { to: 'family' } });
  expect(c.file.visits.filter((v) => v.kind === 'follow_up')).toHaveLength(3);
});
