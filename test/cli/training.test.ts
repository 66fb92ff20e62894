// The training CLI's own parts: the group and scale arguments, and the session watch on scripted polls —
// each group's new events and refusals printed once, contact lost and regained, the end of the session.
import { Unreachable } from '../../cli/api-client';
import { groupArg, scaleArg } from '../../cli/commands/training';
import type { TrainingSession } from '../../cli/training-responses';
import { watchSession } from '../../cli/training-watch';

test('groups and the time scale as a trainer types them', () => {
  expect(groupArg('A:cm-a1, spv-a1', groupArg('Kelompok Merah:cm-m1'))).toEqual([
    { name: 'Kelompok Merah', members: ['cm-m1'] },
    { name: 'A', members: ['cm-a1', 'spv-a1'] },
  ]);
  expect(() => groupArg('A')).toThrow(/NAME:staff1,staff2/);
  expect(() => groupArg(':cm-a1')).toThrow();
  expect(() => groupArg('A:bukan id')).toThrow();
  expect(scaleArg('1/86400')).toBeCloseTo(1 / 86_400);
  expect(scaleArg('0.5')).toBe(0.5);
  for (const bad of ['0', '2', '1/0', 'x', '-1']) expect(() => scaleArg(bad)).toThrow(/\(0, 1\]/);
});

const ev = (seq: number, type: string) => ({ seq, type, at: '2026-11-30T00:00:00.000Z', actorRole: 'case_manager', data: {} });

function session(events: ReturnType<typeof ev>[], refusals: number, ended: boolean): TrainingSession {
  return {
    session: { sessionId: 's', scenario: { id: 'x', version: 1, title: ['x', 'x'] }, trainerId: 't', regionCode: '64.72', timeScale: 1, startedAt: '2026-11-30T00:00:00.000Z', endedAt: ended ? '2026-11-30T01:00:00.000Z' : null, simulatedHours: 1 },
    groups: [
      {
        rank: 1,
        name: 'A',
        members: ['cm-a1'],
        caseId: 'c',
        finishedAt: null,
        score: { total: 0, max: 10, items: [] },
        record: { openedAt: '2026-11-30T00:00:00.000Z', events, refusals: Array.from({ length: refusals }, () => ({ at: '2026-11-30T00:00:00.000Z', command: 'recordPickUp', code: 'STEP_NOT_READY' })) },
      },
    ],
  };
}

test('the watch prints each new event and refusal once, rides out lost contact, and ends with the session', async () => {
  const polls: (TrainingSession | Error)[] = [
    session([ev(0, 'case.opened')], 0, false),
    new Unreachable('http://api', 'ECONNREFUSED'),
    session([ev(0, 'case.opened'), ev(1, 'case.acknowledged')], 1, false),
    session([ev(0, 'case.opened'), ev(1, 'case.acknowledged'), ev(2, 'stage.changed')], 1, true),
  ];
  let poll = 0;
  const printed: string[] = [];
  const warnings: (string | null)[] = [];
  const ended = await watchSession({
    read: async () => {
      const p = polls[Math.min(poll, polls.length - 1)]!;
      if (p instanceof Error) throw p;
      return p;
    },
    print: (g, item) => printed.push('event' in item ? `${g.name} ${item.event.type}` : `${g.name} refused ${item.refusal.command}`),
    warn: (t) => warnings.push(t && t.message),
    sleep: async () => {
      poll++;
    },
    interval: 1,
  });
  expect(printed).toEqual(['A case.opened', 'A case.acknowledged', 'A refused recordPickUp', 'A stage.changed']);
  expect(warnings).toEqual([expect.stringContaining('ECONNREFUSED'), null]);
  expect(ended?.session.endedAt).not.toBeNull();
});

test('a first poll that fails is the operator\'s to hear', async () => {
  await expect(watchSession({ read: () => Promise.reject(new Unreachable('http://api', 'ECONNREFUSED')), print: () => undefined, warn: () => undefined, sleep: async () => undefined, interval: 1 })).rejects.toThrow(/ECONNREFUSED/);
});
