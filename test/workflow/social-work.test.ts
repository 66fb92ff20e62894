// Rules v6 over months, on the time-skipping server: an elderly person with dementia assessed in their
// best interest whose BPJS PBI is overdue and then waived; an ATENSI plan whose vocational course runs
// 150 days while family support is delivered in month one, revised at the 90-day review; a person who
// ran away, searched for, then closed as such.
import { DAY, HOUR } from '../../domain/time';
import { getCaseQuery } from '../../workflows/case/contract';
import type { Harness } from '../helpers/case-harness';
import { act, CM, decided, eventOf, OP, refusalOf, saveHistory, startHarness, SUP, SUP2, timeline } from '../helpers/case-harness';
import { withGoals } from '../helpers/plan';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

test('a lansia with dementia: assessed on a best-interest decision; an overdue BPJS PBI escalates and holds the evaluation until waived', async () => {
  const { handle, caseId } = await h.start({ category: 'lansia_terlantar', pathway: 'atensi', riskLevel: 'medium' });
  await act(handle, OP, { type: 'acknowledge', assignedWorker: 'cm-1' });
  await act(handle, CM, { type: 'recordRapidAssessment', danger: 'self', medicalEmergency: false, capacity: 'lacks_capacity', capacityReason: 'dementia', needs: ['food'] });
  await act(handle, SUP, { type: 'decidePathway', pathway: 'atensi' });
  const assess = { type: 'recordAssessment', consent: 'not_possible', familyInvolved: false, advocacy: ['health_insurance'] } as const;
  expect(await refusalOf(act(handle, CM, { ...assess, advocacy: [...assess.advocacy] }))).toBe('BEST_INTEREST_REQUIRED');
  await act(handle, SUP, { type: 'decideBestInterest', capacityReason: 'dementia', reason: 'tidak mengenali tempat dan waktu' });
  const assessed = await act(handle, CM, { ...assess, advocacy: [...assess.advocacy] });
  expect(assessed.advocacy).toEqual([expect.objectContaining({ id: 'adv-1', kind: 'health_insurance', worker: 'cm-1', source: 'assessment', status: 'open' })]);
  expect(await refusalOf(act(handle, CM, { type: 'recordExit', kind: 'refused_services', reason: 'menolak' }))).toBe('LACKS_CAPACITY');

  await act(handle, CM, withGoals({ components: ['perawatan_sosial_dan_pengasuhan_anak'], setting: 'residential', services: [{ component: 'perawatan_sosial_dan_pengasuhan_anak', dueInDays: 20 }] }));
  await act(handle, SUP, { type: 'decidePlan', approve: true });
  await act(handle, CM, { type: 'recordServiceLinked', serviceId: 'svc-1', provider: 'UPTD-PSTW-64' });
  await act(handle, CM, { type: 'recordAdvocacyStep', itemId: 'adv-1', summary: 'surat ke BPJS Kesehatan' });
  await act(handle, CM, { type: 'recordServiceDelivered', serviceId: 'svc-1' });

  // Thirty days on, BPJS PBI is not there yet: the item is overdue and the case escalates for it.
  await h.env.sleep(30 * DAY + HOUR);
  await eventOf(h.database, caseId, 'advocacy.overdue');
  const overdue = await handle.query(getCaseQuery);
  expect(overdue.escalations.map((e) => [e.reason, e.subject, e.level])).toContainEqual(['advocacy_overdue', 'adv-1', 1]);
  expect(overdue.advocacy[0]).toMatchObject({ status: 'in_progress', steps: [expect.objectContaining({ by: 'cm-1' })] });

  expect(await refusalOf(act(handle, CM, { type: 'recordEvaluation', outcome: 'partially_met' }))).toBe('ADVOCACY_OPEN');
  expect(await refusalOf(act(handle, CM, { type: 'waiveAdvocacy', itemId: 'adv-1', reason: 'x' }))).toBe('ROLE_NOT_ALLOWED');
  const waived = await act(handle, SUP, { type: 'waiveAdvocacy', itemId: 'adv-1', reason: 'PBI follows the DTSEN update; the panti covers care meanwhile' });
  expect(waived.advocacy[0]!.status).toBe('waived');
  expect(waived.escalations.filter((e) => e.reason === 'advocacy_overdue')).toEqual([]);
  await act(handle, CM, { type: 'recordEvaluation', outcome: 'partially_met' });
  await act(handle, CM, { type: 'requestClosure', outcome: 'goals_reached', reason: 'cared for at the panti' });
  const closed = await act(handle, SUP, { type: 'decideClosure', approve: true });
  expect(closed.status).toBe('closed');
  await saveHistory(handle, 'v10-lansia-advocacy-waived');
  const types = (await timeline(h.database, caseId)).map((e) => e.type);
  expect(types).toEqual(expect.arrayContaining(['best_interest.decided', 'advocacy.opened', 'advocacy.overdue', 'advocacy.waived', 'evaluation.recorded']));
});

test('an ATENSI plan: family support delivered in month one, the 150-day course on its own schedule, revised at the 90-day review', async () => {
  const { handle, caseId } = await h.start({ category: 'korban_napza', pathway: 'atensi', riskLevel: 'medium' });
  await act(handle, OP, { type: 'acknowledge', assignedWorker: 'cm-1' });
  await decided(handle, 'atensi');
  await act(handle, CM, { type: 'recordAssessment', consent: 'client', familyInvolved: true });
  await act(
    handle,
    CM,
    withGoals({
      components: ['dukungan_keluarga', 'pelatihan_vokasional'],
      setting: 'community',
      services: [
        { component: 'dukungan_keluarga', dueInDays: 30 },
        { component: 'pelatihan_vokasional', dueInDays: 150, startInDays: 30 },
      ],
    }),
  );
  await act(handle, SUP, { type: 'decidePlan', approve: true });
  const linked = await act(handle, CM, { type: 'recordServiceLinked', serviceId: 'svc-1', provider: 'LKS-KELUARGA' });
  expect(linked.stage).toBe('implementation');
  await act(handle, CM, { type: 'recordServiceStarted', serviceId: 'svc-1' });
  await h.env.sleep(20 * DAY);
  const delivered = await act(handle, CM, { type: 'recordServiceDelivered', serviceId: 'svc-1' });
  expect([delivered.stage, delivered.services[1]!.linkedAt]).toEqual(['implementation', null]);

  // The course starts on day 30; it is linked then, within its own window.
  await h.env.sleep(11 * DAY);
  await act(handle, CM, { type: 'recordServiceLinked', serviceId: 'svc-2', provider: 'BLK-SAMARINDA' });
  await act(handle, CM, { type: 'recordServiceStarted', serviceId: 'svc-2' });

  // Day 90: the review decides the plan needs counselling too, and a family setting.
  await h.env.sleep(59 * DAY + HOUR);
  await eventOf(h.database, caseId, 'review.due');
  await act(handle, CM, { type: 'recordReview', decision: 'revise', summary: 'relapse in month three' });
  await act(handle, CM, {
    type: 'proposePlanRevision',
    add: [{ component: 'terapi_psikososial', dueInDays: 45 }],
    setting: 'family',
    goals: [{ component: 'terapi_psikososial', goal: 'bebas dari relaps', indicator: 'tes urin negatif tiga bulan' }],
  });
  expect(await refusalOf(act(handle, CM, { type: 'decidePlan', approve: true }))).toBe('ROLE_NOT_ALLOWED');
  const revised = await act(handle, SUP2, { type: 'decidePlan', approve: true });
  expect(revised.plan).toMatchObject({ setting: 'family', revision: null });
  expect(revised.services.map((s) => s.id)).toEqual(['svc-1', 'svc-2', 'svc-3']);
  await act(handle, CM, { type: 'recordServiceLinked', serviceId: 'svc-3', provider: 'PSIKOLOG-IPK' });
  await h.env.sleep(40 * DAY);
  await act(handle, CM, { type: 'recordServiceDelivered', serviceId: 'svc-3' });
  await h.env.sleep(19 * DAY);
  const done = await act(handle, CM, { type: 'recordServiceDelivered', serviceId: 'svc-2' });
  expect(done.stage).toBe('monitoring');

  // Near day 180: the second review ends the services; that is no evaluation, which must come before closure.
  await h.env.sleep(30 * DAY);
  await act(handle, CM, { type: 'recordReview', decision: 'terminate' });
  expect(await refusalOf(act(handle, CM, { type: 'requestClosure', outcome: 'goals_reached', reason: 'r' }))).toBe('EVALUATION_REQUIRED');
  await act(handle, CM, { type: 'recordEvaluation', outcome: 'goals_met' });
  await act(handle, CM, { type: 'requestClosure', outcome: 'goals_reached', reason: 'bekerja, tinggal bersama keluarga' });
  expect((await act(handle, SUP, { type: 'decideClosure', approve: true })).status).toBe('closed');
  await saveHistory(handle, 'v10-atensi-plan-revised');
  const types = (await timeline(h.database, caseId)).map((e) => e.type);
  expect(types.filter((t) => t === 'service.link_overdue')).toEqual([]);
  expect(types).toEqual(expect.arrayContaining(['service.started', 'plan.revision_proposed', 'plan.revised']));
});

test('melarikan diri: recorded at once, a search period, then closed as ran away — not as anything else', async () => {
  const { handle, caseId } = await h.start({ category: 'tuna_sosial', pathway: 'atensi', riskLevel: 'low' });
  await act(handle, OP, { type: 'acknowledge', assignedWorker: 'cm-1' });
  await decided(handle, 'atensi');
  await act(handle, CM, { type: 'recordAssessment', consent: 'client', familyInvolved: false });
  await act(handle, CM, { type: 'recordAbsence', summary: 'kabur dari rumah singgah malam hari' });
  expect(await refusalOf(act(handle, CM, { type: 'recordExit', kind: 'ran_away', reason: 'r' }))).toBe('SEARCH_PERIOD_RUNNING');
  await h.env.sleep(7 * DAY + HOUR);
  await eventOf(h.database, caseId, 'absence.search_ended');
  const ended = await act(handle, CM, { type: 'recordExit', kind: 'ran_away', reason: 'tidak ditemukan setelah pencarian sepekan' });
  expect([ended.stage, ended.exit?.kind]).toEqual(['evaluation', 'ran_away']);
  await act(handle, CM, { type: 'recordEvaluation', outcome: 'not_met' });
  expect(await refusalOf(act(handle, CM, { type: 'requestClosure', outcome: 'goals_reached', reason: 'r' }))).toBe('OUTCOME_MISMATCH');
  await act(handle, CM, { type: 'requestClosure', outcome: 'ran_away', reason: 'pencarian selesai' });
  const closed = await act(handle, SUP, { type: 'decideClosure', approve: true });
  expect([closed.status, closed.closure?.outcome]).toEqual(['closed', 'ran_away']);
  await saveHistory(handle, 'v10-ran-away');
});
