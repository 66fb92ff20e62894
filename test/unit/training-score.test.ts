// Simulasi kasus scoring from the cases' own timelines: the group that follows the model answer scores
// the most, a late pick-up and its escalation cost less than a refused command and a step out of order,
// and every point comes with a reason a trainer reads aloud — the step in words, simulated days, no code.
import type { GroupRecord, GroupScore, ScoreItem } from '../../domain/training/model';
import { dayWords, durationWords, rankGroups, scoreGroup, simulatedHours, tally } from '../../domain/training/score';
import { groupA, groupB, groupC, ODGJ_ANSWER, OPENED_AT, simulatedAt, TIME_SCALE } from '../fixtures/training-odgj';

const [a, b, c] = [groupA, groupB, groupC].map((g) => scoreGroup(ODGJ_ANSWER, g)) as [GroupScore, GroupScore, GroupScore];
const only = (score: GroupScore, kind: ScoreItem['kind'], stepId?: string) => score.items.filter((i) => i.kind === kind && (stepId === undefined || i.stepId === stepId));
const RAW_CODE = /[a-z]+_[a-z_]+/;

test('simulated time runs timeScale faster: 30 days in one real minute', () => {
  expect(Date.parse(simulatedAt(30 * 24)) - Date.parse(OPENED_AT)).toBeCloseTo(60_000, 0);
  expect(simulatedHours({ openedAt: OPENED_AT, timeScale: TIME_SCALE }, simulatedAt(51))).toBeCloseTo(51, 6);
  expect(dayWords(0, 'id')).toBe('hari ke-1');
  expect(dayWords(50, 'en')).toBe('day 3');
  expect(durationWords(51, 'id')).toBe('2 hari 3 jam');
  expect(durationWords(24, 'en')).toBe('1 day');
  expect(durationWords(1.5, 'en')).toBe('1 hour 30 minutes');
  expect(durationWords(0.001, 'id')).toBe('kurang dari 1 menit');
});

test('the group that follows the model answer earns every step and meets every deadline', () => {
  expect(a).toMatchObject({ group: 'Kelompok Anggrek', total: 100, max: 100 });
  expect(only(a, 'step').map((i) => [i.stepId, i.points, i.met])).toEqual(ODGJ_ANSWER.steps.map((s) => [s.id, s.points, true]));
  expect(only(a, 'deadline').map((i) => [i.stepId, i.points, i.met])).toEqual([['ack', 0, true], ['rapid', 0, true], ['pickup', 0, true]]);
  expect(only(a, 'deadline', 'pickup')[0]!.reason[0]).toBe('Tepat waktu: penjemputan dari RSJ pada hari ke-9, batasnya 10 hari sejak kasus dibuka.');
  expect(only(a, 'step', 'rapid')[0]!.reason).toEqual(['Dikerjakan pada hari ke-1: asesmen cepat.', 'Done on day 1: the rapid assessment.']);
  const [time] = only(a, 'time');
  expect(time).toMatchObject({ points: 0, atHours: expect.closeTo(16 * 24, 6) });
  expect(time!.reason[0]).toMatch(/^Selesai pada hari ke-17, 16 hari sejak kasus dibuka \(waktu simulasi\)/);
  expect(tally(a)).toMatchObject({ steps: 6, stepsDone: 6, deadlines: 3, deadlinesMet: 3, escalations: 0, refusals: 0, outOfOrder: 0 });
});

test('a pick-up two days late loses its points, and the escalation it caused costs the penalty', () => {
  expect(b.total).toBe(100 - 20 - 5);
  const [late] = only(b, 'deadline', 'pickup');
  expect(late).toMatchObject({ points: -20, met: false, atHours: 240 });
  expect(late!.reason).toEqual([
    'Terlambat 2 hari 3 jam: penjemputan dari RSJ baru dikerjakan pada hari ke-13, batasnya 10 hari sejak kasus dibuka.',
    'Late by 2 days 3 hours: the pick-up from the hospital was only done on day 13, due within 10 days of the opening.',
  ]);
  const [escalation] = only(b, 'escalation');
  expect(escalation).toMatchObject({ points: -5, atHours: expect.closeTo(246, 6) });
  // The facility code the escalation names is no words, so it is left out.
  expect(escalation!.reason).toEqual(['Eskalasi tingkat 1 pada hari ke-11: pasien belum dijemput.', 'Escalation to level 1 on day 11: the patient has not been picked up.']);
});

test('a refused command and a step done before its prerequisite cost the most', () => {
  expect(c.total).toBe(100 - 25 - 10);
  const [order] = only(c, 'order');
  expect(order).toMatchObject({ stepId: 'tracing', points: -25 });
  expect(order!.reason[0]).toBe('Tidak berurutan: penelusuran keluarga dikerjakan pada hari ke-6, sebelum "penjemputan dari RSJ" (hari ke-10) yang seharusnya lebih dulu.');
  expect(order!.reason[1]).toContain('before "the pick-up from the hospital" (day 10), which should come first');
  const [refusal] = only(c, 'refusal');
  expect(refusal).toMatchObject({ points: -10, atHours: expect.closeTo(12, 6) });
  expect(refusal!.reason).toEqual([
    'Perintah "ajukan rujukan" ditolak pada hari ke-1: Alur penanganan belum diputuskan oleh Kepala Seksi setelah asesmen cepat.',
    'The command "request a referral" was refused on day 1: The pathway has not yet been decided by the supervisor after the rapid assessment.',
  ]);
});

test('the ranking is A, B, C, and it does not depend on the order given', () => {
  const input = [c, a, b];
  expect(rankGroups(input).map((s) => s.group)).toEqual(['Kelompok Anggrek', 'Kelompok Bougenville', 'Kelompok Cempaka']);
  expect(rankGroups([b, c, a])).toEqual(rankGroups(input));
  expect(input.map((s) => s.group)).toEqual(['Kelompok Cempaka', 'Kelompok Anggrek', 'Kelompok Bougenville']);
});

test('equal totals go to fewer refusals, then fewer escalations, then less time, then the name', () => {
  const item = (kind: ScoreItem['kind'], atHours?: number): ScoreItem => ({ kind, points: 0, reason: ['x', 'x'], atHours });
  const score = (group: string, items: ScoreItem[]): GroupScore => ({ group, total: 50, max: 100, items });
  const scores = [
    score('refused', [item('refusal', 1), item('time', 10)]),
    score('escalated twice', [item('escalation', 1), item('escalation', 2), item('time', 10)]),
    score('escalated once, slow', [item('escalation', 1), item('time', 90)]),
    score('escalated once, quick', [item('escalation', 1), item('time', 20)]),
    score('b clean', [item('time', 30)]),
    score('a clean', [item('time', 30)]),
    score('no time', []),
  ];
  const expected = ['a clean', 'b clean', 'no time', 'escalated once, quick', 'escalated once, slow', 'escalated twice', 'refused'];
  expect(rankGroups(scores).map((s) => s.group)).toEqual(expected);
  expect(rankGroups([...scores].reverse()).map((s) => s.group)).toEqual(expected);
});

test('Indonesian reasons name each step in words and carry no code', () => {
  for (const score of [a, b, c]) {
    for (const item of score.items) expect(item.reason[0]).not.toMatch(RAW_CODE);
    for (const step of ODGJ_ANSWER.steps) {
      const [given] = only(score, 'step', step.id);
      expect(given!.reason[0]).toContain(step.words[0]);
      expect(given!.reason[1]).toContain(step.words[1]);
    }
  }
});

test('a step not given, data that do not match, a case deadline and an unknown refusal', () => {
  const record: GroupRecord = {
    ...groupA,
    group: 'Kelompok Dahlia',
    events: [
      { seq: 1, type: 'case.acknowledged', at: simulatedAt(2), actorRole: 'operator', data: {} },
      { seq: 2, type: 'rapid_assessment.recorded', at: simulatedAt(30), actorRole: 'case_manager', data: {} },
      { seq: 3, type: 'pathway.decided', at: simulatedAt(40), actorRole: 'supervisor', data: { pathway: 'shelter' } },
      { seq: 4, type: 'deadline.missed', at: simulatedAt(24), actorRole: 'system', data: { kind: 'rapid_assessment', level: 0 } },
      { seq: 5, type: 'escalation.raised', at: simulatedAt(300), actorRole: 'system', data: { reason: 'not_a_reason', subject: 'x_y' } },
    ],
    refusals: [{ at: simulatedAt(50), command: 'not_a_command', code: 'some_new_code' }],
    finishedAt: null,
  };
  const d = scoreGroup(ODGJ_ANSWER, record);
  expect(only(d, 'step', 'pathway')[0]).toMatchObject({ points: 0, met: false, reason: ['Tidak dikerjakan: keputusan alur ODGJ oleh Kasi (perintah "putuskan alur penanganan").', expect.any(String)] });
  expect(only(d, 'deadline', 'rapid')[0]).toMatchObject({ points: -15, met: false });
  expect(only(d, 'deadline', 'pickup')[0]).toMatchObject({ points: 0, met: false, atHours: 240 });
  expect(only(d, 'deadline', 'pickup')[0]!.reason[0]).toContain('tidak dikerjakan');
  expect(only(d, 'deadline_missed')[0]).toMatchObject({ points: -5, reason: ['Batas waktu kasus terlewat pada hari ke-2: asesmen cepat.', 'A case deadline passed on day 2: rapid assessment.'] });
  expect(only(d, 'escalation')[0]!.reason).toEqual(['Eskalasi pada hari ke-13.', 'Escalation on day 13.']);
  expect(only(d, 'refusal')[0]!.reason).toEqual(['Perintah "sebuah perintah" ditolak pada hari ke-3: tidak sesuai aturan kasus.', 'The command "a command" was refused on day 3: it broke the case rules.']);
  expect(only(d, 'time')[0]).toMatchObject({ atHours: expect.closeTo(300, 6), reason: [expect.stringMatching(/^Belum menyatakan selesai; kegiatan terakhir pada hari ke-13/), expect.any(String)] });
  // Penalties are listed as they happened: the case deadline (day 2), the refusal (day 3), the escalation (day 13).
  expect(d.items.filter((i) => ['deadline_missed', 'refusal', 'escalation'].includes(i.kind)).map((i) => i.kind)).toEqual(['deadline_missed', 'refusal', 'escalation']);
  expect(d.total).toBe(10 + 15 - 15 - 5 - 5 - 10);
  for (const item of d.items) expect(item.reason[0]).not.toMatch(RAW_CODE);
});

test('a deadline not yet due is neither met nor missed', () => {
  const early = scoreGroup(ODGJ_ANSWER, { ...groupA, events: groupA.events.slice(0, 5), finishedAt: null });
  expect(only(early, 'deadline', 'pickup')[0]).toMatchObject({ points: 0, reason: ['Belum jatuh tempo: penjemputan dari RSJ, batasnya 10 hari sejak kasus dibuka.', expect.any(String)] });
  expect(only(early, 'deadline', 'pickup')[0]!.met).toBeUndefined();
  expect(tally(early)).toMatchObject({ deadlines: 3, deadlinesMet: 2, stepsDone: 4 });
});
