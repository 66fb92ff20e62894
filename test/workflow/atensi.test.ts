// The ATENSI rehabilitation pathway over six months: plan with components and a setting, supervisor
// approval, linking to providers, services with due dates, monthly monitoring, 90-day reviews, closure.
import { DAY, HOUR } from '../../domain/time';
import { getCaseQuery } from '../../workflows/case/contract';
import type { Harness } from '../helpers/case-harness';
import { eventually } from '../helpers/eventually';
import { withGoals } from '../helpers/plan';
import { act, CM, decided, eventOf, finish, OP, refusalOf, saveHistory, startHarness, SUP, timeline } from '../helpers/case-harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

test('an ATENSI plan runs six months of monthly monitoring and two 90-day reviews to an approved closure', async () => {
  const { handle, caseId } = await h.start({ category: 'lansia_terlantar', pathway: 'atensi', riskLevel: 'medium', regionCode: '64.72' });
  await act(handle, OP, { type: 'acknowledge', assignedWorker: 'cm-1' });
  await decided(handle, 'atensi');
  await act(handle, CM, { type: 'recordAssessment', consent: 'client', familyInvolved: true });
  await act(
    handle,
    CM,
    withGoals({
      components: ['terapi_psikososial', 'pelatihan_vokasional'],
      setting: 'community',
      services: [
        { component: 'terapi_psikososial', dueInDays: 60 },
        { component: 'pelatihan_vokasional', dueInDays: 150 },
      ],
    }),
  );
  expect(await refusalOf(act(handle, CM, { type: 'decidePlan', approve: true }))).toBe('ROLE_NOT_ALLOWED');
  const approved = await act(handle, SUP, { type: 'decidePlan', approve: true });
  expect(approved.stage).toBe('linking');
  await act(handle, CM, { type: 'recordServiceLinked', serviceId: 'svc-1', provider: 'LKS-HARAPAN' });
  const linked = await act(handle, CM, { type: 'recordServiceLinked', serviceId: 'svc-2', provider: 'BLK-SAMARINDA' });
  expect(linked.stage).toBe('implementation');
  const start = new Date(linked.stepStartedAt).getTime();
  expect(new Date(linked.nextReviewAt!).getTime() - start).toBe(90 * DAY);

  for (let month = 1; month <= 6; month++) {
    const elapsed = (await h.env.currentTimeMs()) - start;
    await h.env.sleep(month * 30 * DAY - elapsed + HOUR);
    await eventOf(h.database, caseId, 'visit.due', month);
    await act(handle, CM, { type: 'recordVisit', kind: 'monitoring' });
    if (month === 1) await act(handle, CM, { type: 'recordServiceDelivered', serviceId: 'svc-1' });
    if (month === 3) await act(handle, CM, { type: 'recordReview', decision: 'continue' });
    if (month === 4) {
      const view = await act(handle, CM, { type: 'recordServiceDelivered', serviceId: 'svc-2' });
      expect(view.stage).toBe('monitoring');
    }
    if (month === 6) {
      const view = await act(handle, CM, { type: 'recordReview', decision: 'terminate' });
      expect(view.stage).toBe('evaluation');
    }
  }
  expect(await refusalOf(act(handle, SUP, { type: 'decideClosure', approve: true }))).toBe('CLOSURE_NOT_REQUESTED');
  // Ending the services at a review is not an evaluation: the case is evaluated before it may close.
  expect(await refusalOf(act(handle, CM, { type: 'requestClosure', outcome: 'goals_reached', reason: 'goals met' }))).toBe('EVALUATION_REQUIRED');
  const evaluated = await act(handle, CM, { type: 'recordEvaluation', outcome: 'goals_met' });
  expect([evaluated.stage, evaluated.evaluation?.outcome]).toEqual(['evaluation', 'goals_met']);
  expect(await refusalOf(act(handle, CM, { type: 'recordEvaluation', outcome: 'goals_met' }))).toBe('WRONG_STAGE');
  await act(handle, CM, { type: 'requestClosure', outcome: 'goals_reached', reason: 'goals met' });
  const closed = await act(handle, SUP, { type: 'decideClosure', approve: true });
  expect(closed.status).toBe('closed');
  expect(closed.reviews.map((r) => r.decision)).toEqual(['continue', 'terminate']);

  await saveHistory(handle, 'v10-atensi-six-months');
  const events = await timeline(h.database, caseId);
  const types = events.map((e) => e.type);
  expect(types.filter((t) => t === 'visit.recorded')).toHaveLength(6);
  expect(types.filter((t) => t === 'review.recorded')).toHaveLength(2);
  expect(types).not.toContain('service.overdue');
  expect(types).not.toContain('visit.missed');
  const stages = events.filter((e) => e.type === 'stage.changed').map((e) => e.data.to);
  expect(stages).toEqual(['assessment', 'planning', 'linking', 'implementation', 'monitoring', 'evaluation', 'closed']);
});

test('a missed monthly visit and an overdue service escalate, and monitoring keeps its monthly calendar', async () => {
  const { handle, caseId } = await h.start({ category: 'korban_napza', pathway: 'atensi', riskLevel: 'low' });
  await act(handle, OP, { type: 'acknowledge' });
  await decided(handle, 'atensi');
  await act(handle, CM, { type: 'recordAssessment', consent: 'family', familyInvolved: true });
  await act(handle, CM, withGoals({ components: ['terapi_fisik'], setting: 'residential', services: [{ component: 'terapi_fisik', dueInDays: 20 }] }));
  await act(handle, SUP, { type: 'decidePlan', approve: true });
  const linked = await act(handle, CM, { type: 'recordServiceLinked', serviceId: 'svc-1', provider: 'BRSPN-1' });
  const start = new Date(linked.stepStartedAt).getTime();
  await h.env.sleep(33 * DAY + 12 * HOUR);
  await eventOf(h.database, caseId, 'service.overdue');
  const missed = await eventOf(h.database, caseId, 'visit.missed');
  expect(new Date(String(missed[0]!.data.dueAt)).getTime() - start).toBe(30 * DAY);
  const view = await handle.query(getCaseQuery);
  // Day 33½: the service has been overdue since day 20; on a low-risk case it stays with the Kasi for 14
  // days (rules v6 ladder per reason and risk), so it is still at level 1, as is the visit missed on day 33.
  expect(view.escalations.map((e) => [e.reason, e.subject, e.level])).toEqual([
    ['service_overdue', 'svc-1', 1],
    ['visit_missed', 'monitoring', 1],
  ]);
  expect(view.escalationLevel).toBe(1);
  await h.env.sleep(13 * HOUR);
  // Day 34: 14 days overdue, the Kabid hears of the service.
  await eventually(async () => ((await handle.query(getCaseQuery)).escalationLevel === 2 ? true : undefined), 'level 2 for the overdue service');
  const next = view.visits.find((v) => !v.doneAt && !v.missed)!;
  expect(new Date(next.dueAt).getTime() - start).toBe(60 * DAY);
  await finish(handle);
});
