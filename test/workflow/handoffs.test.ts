// Hand-offs between agencies on the time-skipping server (rules v3): the RSJ's discharge notice and the
// pick-up deadline that climbs to the Kepala Bidang, silence at the end of the expected stay, a transfer
// to the province declined then accepted, and a family found on day 20 after it bringing the person home.
import { and, eq } from 'drizzle-orm';
import { notifications } from '../../db/schema';
import { DAY, HOUR } from '../../domain/time';
import { getCaseQuery } from '../../workflows/case/contract';
import { SA } from '../../workflows/search-attributes';
import type { CaseHandle, Harness } from '../helpers/case-harness';
import { act, caseRow, CM, decided, eventOf, finish, partner, refusalOf, saveHistory, searchAttributeShows, startHarness, SUP, SUP2, timeline } from '../helpers/case-harness';
import { eventually } from '../helpers/eventually';

const PROV_SUP = { id: 'spv-64', role: 'supervisor' } as const;
const PROV_CM = { id: 'cm-64', role: 'case_manager' } as const;
const RSJ = 'RSJ-ATMA-HUSADA';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

/** ODGJ found in Balikpapan: rapid assessment, RSJ decided, referred, taken there, admitted, funded. */
async function admitted(): Promise<{ handle: CaseHandle; caseId: string }> {
  const started = await h.start({ category: 'odgj_terlantar', pathway: 'odgj', riskLevel: 'high', regionCode: '64.71', assignedWorker: 'cm-1' });
  const { handle } = started;
  await decided(handle, 'odgj');
  await act(handle, CM, { type: 'requestReferral', partner: 'rsj', facilityCode: RSJ });
  await partner(handle, RSJ, { type: 'recordReferralDecision', accepted: true });
  await partner(handle, 'transport-1', { type: 'recordTransport', leg: 'to_facility', event: 'arrived' });
  const view = await act(handle, CM, { type: 'recordFundingGuarantee', scheme: 'bpjs_pbi' });
  expect(view).toMatchObject({ stage: 'implementation', stay: { facilityCode: RSJ, funding: { scheme: 'bpjs_pbi' } } });
  return started;
}

test('discharge notice → pick-up due in three days → level 1, then level 2 to the Kepala Bidang when nobody picks up', async () => {
  const { handle, caseId } = await admitted();
  await h.env.sleep(10 * DAY);
  await partner(handle, RSJ, { type: 'recordDischarge', kind: 'stable' });
  const discharged = await eventOf(h.database, caseId, 'facility.discharged');
  expect(discharged[0]!.data).toMatchObject({ kind: 'stable', facilityCode: RSJ });
  await h.env.sleep(3 * DAY + HOUR);
  await eventOf(h.database, caseId, 'facility.pickup_overdue');
  await h.env.sleep(DAY);
  const raised = (await eventOf(h.database, caseId, 'escalation.raised', 2)).filter((e) => e.data.reason === 'pickup_overdue');
  expect(raised.map((e) => e.data.level)).toEqual([1, 2]);
  expect((await handle.describe()).typedSearchAttributes.get(SA.escalationLevel)).toBe(2);
  const heads = await h.database.db.select().from(notifications).where(and(eq(notifications.caseId, caseId), eq(notifications.audience, 'kepala_bidang')));
  expect(heads.map((n) => n.template)).toEqual(['escalation.level2']);
  const pickedUp = await act(handle, CM, { type: 'recordPickUp', toShelter: true });
  expect(pickedUp.escalations.filter((e) => e.reason === 'pickup_overdue')).toEqual([]);
  await finish(handle);
});

test('an expected stay that ends with no word from the RSJ escalates; the RSJ keeping the patient ends it', async () => {
  const { handle, caseId } = await admitted();
  await h.env.sleep(14 * DAY + HOUR);
  await eventOf(h.database, caseId, 'facility.silent');
  expect((await handle.query(getCaseQuery)).escalations.map((e) => e.reason)).toContain('facility_silent');
  const kept = await partner(handle, RSJ, { type: 'requestExtension', days: 30, reason: 'belum stabil' }).then(() => handle.query(getCaseQuery));
  expect(kept.escalations.map((e) => e.reason)).not.toContain('facility_silent');
  expect(await refusalOf(act(handle, SUP, { type: 'decideExtension', approve: true }))).toBe('NOTHING_TO_DECIDE');
  await finish(handle);
});

test('family unable → transfer to the province: declined goes back to the sender, accepted and signed moves region, worker and escalations', async () => {
  const { handle, caseId } = await admitted();
  await act(handle, CM, { type: 'recordTracingAttempt', channel: 'dukcapil_biometric', result: 'found' });
  await act(handle, CM, { type: 'recordHomeVisit', ready: false, reason: 'economy' });
  await h.env.sleep(5 * DAY);
  await partner(handle, RSJ, { type: 'recordDischarge', kind: 'stable' });
  await act(handle, CM, { type: 'recordPickUp', toShelter: true });
  // He still cannot consent: his supervisor decides he is assessed in his best interest (rules v5).
  expect(await refusalOf(act(handle, CM, { type: 'recordAssessment', consent: 'not_possible', familyInvolved: true, familyReady: false, familyReason: 'economy' }))).toBe('BEST_INTEREST_REQUIRED');
  await act(handle, SUP, { type: 'decideBestInterest', capacityReason: 'acute_psychosis' });
  await act(handle, CM, { type: 'recordAssessment', consent: 'not_possible', familyInvolved: true, familyReady: false, familyReason: 'economy' });
  await act(handle, CM, { type: 'requestTransfer', to: 'uptd_panti', unitCode: 'UPTD-PANTI-64', regionCode: '64' });
  const declined = await act(handle, PROV_SUP, { type: 'decideTransfer', accept: false, declineReason: 'no_capacity' });
  expect(declined).toMatchObject({ regionCode: '64.71', assignedWorker: 'cm-1', access: [], transfers: [{ status: 'declined', declineReason: 'no_capacity' }] });

  await act(handle, CM, { type: 'requestTransfer', to: 'dinsos_provinsi', unitCode: 'DINSOS-PROV-64', regionCode: '64' });
  // The receiving unit finds it in its Temporal UI list view (SigapTransferTo), until it decides.
  await searchAttributeShows(handle, SA.transferTo, '64');
  expect(await refusalOf(act(handle, CM, { type: 'decideTransfer', accept: true, assignedWorker: 'cm-64' }))).toBe('ROLE_NOT_ALLOWED');
  await act(handle, PROV_SUP, { type: 'decideTransfer', accept: true, assignedWorker: 'cm-64' });
  await searchAttributeShows(handle, SA.transferTo, undefined);
  const moved = await act(handle, PROV_CM, { type: 'recordBast', ref: 'BAST/064/2026' });
  expect(moved).toMatchObject({ regionCode: '64', jurisdiction: 'province', assignedWorker: 'cm-64', stage: 'planning', residentialCare: { unitCode: 'DINSOS-PROV-64' } });
  expect(moved.access).toEqual([{ regionCode: '64.71', mode: 'read', until: expect.any(String) }]);
  // The Temporal UI follows in the workflow task after the write.
  await searchAttributeShows(handle, SA.region, '64');
  expect(await caseRow(h.database, caseId)).toMatchObject({ regionCode: '64', assignedWorker: 'cm-64', transferStatus: 'completed' });

  // The receiver's plan deadline now escalates to the receiver's worker and supervisor.
  await h.env.sleep(7 * DAY + HOUR);
  const missed = await eventOf(h.database, caseId, 'deadline.missed');
  expect(missed.at(-1)!.data).toMatchObject({ kind: 'plan_approval' });
  const ladder = await h.database.db.select().from(notifications).where(and(eq(notifications.caseId, caseId), eq(notifications.template, 'escalation.level1')));
  const planLadder = ladder.filter((n) => String((n.data as { reason?: string }).reason) === 'deadline');
  expect(planLadder.map((n) => `${n.audience}:${n.staffId ?? n.regionCode}`).sort()).toEqual(['case_manager:cm-64', 'supervisor:64']);

  // A family found on day 20 after the transfer: the person goes home from residential care.
  await h.env.sleep(13 * DAY);
  await act(handle, PROV_CM, { type: 'recordHomeVisit', ready: true, summary: 'anak sudah bekerja, sanggup merawat' });
  await partner(handle, 'transport-1', { type: 'recordTransport', leg: 'home', event: 'arrived' }, 'trip-arrived');
  await partner(handle, 'transport-1', { type: 'recordTransport', leg: 'home', event: 'departed' }, 'trip-departed');
  const home = await act(handle, PROV_CM, { type: 'recordHandover', to: 'family' });
  expect(home).toMatchObject({ stage: 'monitoring', residentialCare: null, handover: { to: 'family' } });
  const events = await timeline(h.database, caseId);
  expect(events.filter((e) => e.type.startsWith('transport.') && e.data.leg === 'home').map((e) => [e.type, e.data.reportedLate ?? false])).toEqual([
    ['transport.arrived', false],
    ['transport.departed', true],
  ]);
  expect(events.map((e) => e.type)).not.toContain('partner.report_ignored');
  await saveHistory(handle, 'v10-odgj-transfer-home');
  await act(handle, SUP2, { type: 'addNote', text: 'selesai uji' });
  await finish(handle);
});

test('every new command is refused by its validator in the wrong state, and leaves no trace in the history', async () => {
  const { handle } = await h.start({ category: 'odgj_terlantar', pathway: 'odgj', riskLevel: 'high', regionCode: '64.71' });
  const expectations: [Promise<unknown>, string][] = [
    [act(handle, SUP, { type: 'decidePathway', pathway: 'odgj' }), 'WRONG_STAGE'],
    [act(handle, CM, { type: 'recordRapidAssessment', danger: 'none', medicalEmergency: false, capacity: 'lacks_capacity', needs: [] }), 'DETAIL_REQUIRED'],
    [act(handle, CM, { type: 'recordFundingGuarantee', scheme: 'bpjs_pbi' }), 'STEP_NOT_READY'],
    [act(handle, CM, { type: 'recordDischarge', kind: 'stable' }), 'STEP_NOT_READY'],
    [act(handle, CM, { type: 'recordPickUp' }), 'STEP_NOT_READY'],
    [act(handle, SUP, { type: 'recordStayReview', decision: 'seek_placement' }), 'STEP_NOT_READY'],
    [act(handle, CM, { type: 'recordTracingAttempt', channel: 'police', result: 'lead' }), 'PATHWAY_NOT_DECIDED'],
    [act(handle, CM, { type: 'recordHomeVisit', ready: true }), 'STEP_NOT_READY'],
    [act(handle, SUP, { type: 'decideTracing', decision: 'continue' }), 'NOTHING_DUE'],
    [act(handle, CM, { type: 'requestTransfer', to: 'dinsos_provinsi', unitCode: 'DINSOS-PROV-64', regionCode: '64' }), 'ASSESSMENT_REQUIRED'],
    [act(handle, PROV_SUP, { type: 'decideTransfer', accept: true, assignedWorker: 'cm-64' }), 'NOTHING_TO_DECIDE'],
    [act(handle, PROV_CM, { type: 'recordBast', ref: 'BAST/1' }), 'STEP_NOT_READY'],
    [act(handle, CM, { type: 'recordTransport', leg: 'from_facility', event: 'departed' }), 'STEP_NOT_READY'],
  ];
  for (const [p, code] of expectations) expect(await refusalOf(p)).toBe(code);
  const history = await handle.fetchHistory();
  expect((history.events ?? []).filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes)).toHaveLength(0);
  // A partner's discharge notice about a patient never admitted cannot be refused: it goes to the supervisor's queue.
  await partner(handle, RSJ, { type: 'recordDischarge', kind: 'stable' });
  await eventually(async () => ((await handle.query(getCaseQuery)).escalations.some((e) => e.reason === 'partner_report') ? true : undefined), 'the queued report');
  await finish(handle);
});
