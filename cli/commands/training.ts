// `training`: simulasi kasus for trainers — the scenarios, starting a session (groups of staff, a time
// scale), showing and following it, ending it, a group saying it is done, and deleting it afterwards.
import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { z } from 'zod';
import { CASE_ID, STAFF_ID } from '../../domain/ids';
import { label } from '../../domain/labels';
import type { ContextOf } from '../context';
import { describe, wholeNumber } from '../context';
import { say } from '../messages';
import { groupEventLine, scenarioLines, sessionLines, startedLines } from '../training-format';
import { scenarioList, startedSession, trainingSession } from '../training-responses';
import { watchSession } from '../training-watch';
import { tr } from '../format';

/** "A:staff1,staff2": a group's name, then its members (the first carries the case). */
export function groupArg(v: string, previous: { name: string; members: string[] }[] = []) {
  const at = v.indexOf(':');
  const name = v.slice(0, at).trim();
  const members = v.slice(at + 1).split(',').map((m) => m.trim()).filter(Boolean);
  if (at < 1 || !members.length || !members.every((m) => STAFF_ID.test(m))) {
    throw new InvalidArgumentError('expected NAME:staff1,staff2 / harus NAMA:petugas1,petugas2');
  }
  return [...previous, { name, members }];
}

/** A time scale as a number (0.0000115741) or a fraction (1/86400: a simulated day per second). */
export function scaleArg(v: string): number {
  const m = /^(\d+(?:\.\d+)?)(?:\/(\d+(?:\.\d+)?))?$/.exec(v.trim());
  const n = m ? Number(m[1]) / (m[2] ? Number(m[2]) : 1) : NaN;
  if (!(n > 0 && n <= 1)) throw new InvalidArgumentError('expected a scale in (0, 1], e.g. 1/86400 / harus skala (0, 1], mis. 1/86400');
  return n;
}

const sessionIdArg = (v: string) => {
  if (!CASE_ID.test(v)) throw new InvalidArgumentError('expected a session id (a UUID) / harus id sesi (UUID)');
  return v;
};

export function training(program: Command, context: ContextOf): void {
  const cmd = program.command('training').description('simulasi kasus: scenarios, start, show, watch, end, finish, delete (latihan)');
  cmd
    .command('scenarios')
    .description('the training scenarios to choose from (skenario)')
    .action(async () => {
      const { api, print, g } = context();
      const list = await api.get('/v1/training/scenarios', scenarioList);
      print(list.raw, () => scenarioLines(list.body, g.lang));
    });
  cmd
    .command('start')
    .description('start a session: one case per group, the scenario\'s partners played on its time scale (mulai)')
    .requiredOption('--scenario <id>', 'the scenario id (see training scenarios)')
    .requiredOption('--group <name:staff,…>', 'a group and its members, repeated per group; the first member carries the case', groupArg)
    .requiredOption('--scale <n>', 'time scale: 1/86400 makes a simulated day last a second', scaleArg)
    .option('--idempotency-key <key>', 'repeat a request safely; default: a new key, printed if the request fails')
    .addHelpText('after', '\nExample: training start --scenario odgj-tanpa-identitas-rsj-penuh --group "A:cm-a1,spv-a1" --group "B:cm-b1,spv-b1" --scale 1/8640')
    .action(async (o: { scenario: string; group: { name: string; members: string[] }[]; scale: number; idempotencyKey?: string }) => {
      const { api, print, note, g } = context();
      const started = await api.post('/v1/training/sessions', { scenario: o.scenario, groups: o.group, timeScale: o.scale }, startedSession, o.idempotencyKey ?? randomUUID());
      if (started.replayed) note(say.replayed());
      print(started.raw, () => startedLines(started.body, g.lang));
    });
  sessionCommands(cmd, context);
}

function sessionCommands(cmd: Command, context: ContextOf): void {
  cmd
    .command('show')
    .description('the session: groups ranked, each point explained (tampilkan)')
    .argument('<sessionId>', 'the session id', sessionIdArg)
    .action(async (id: string) => {
      const { api, print, g } = context();
      const view = await api.get(`/v1/training/sessions/${id}`, trainingSession);
      print(view.raw, () => sessionLines(view.body, g.lang));
    });
  watchCommand(cmd, context);
  cmd
    .command('end')
    .description('end the session: the scenario\'s partners say nothing more (akhiri)')
    .argument('<sessionId>', 'the session id', sessionIdArg)
    .action(async (id: string) => {
      const { api, print, g } = context();
      const view = await api.post(`/v1/training/sessions/${id}/end`, undefined, trainingSession);
      print(view.raw, () => sessionLines(view.body, g.lang));
    });
  cmd
    .command('finish')
    .description('as a member: say your group is done (selesai)')
    .argument('<sessionId>', 'the session id', sessionIdArg)
    .requiredOption('--group <name>', 'your group')
    .action(async (id: string, o: { group: string }) => {
      const { api, note } = context();
      await api.post(`/v1/training/sessions/${id}/groups/${encodeURIComponent(o.group)}/finish`, undefined, z.unknown());
      note({ id: `kelompok ${o.group}: selesai`, en: `group ${o.group}: done` });
    });
  cmd
    .command('delete')
    .description('delete the session as a whole: its cases, timelines, messages and scores (hapus)')
    .argument('<sessionId>', 'the session id', sessionIdArg)
    .action(async (id: string) => {
      const { api, note } = context();
      await api.delete(`/v1/training/sessions/${id}`);
      note({ id: `sesi ${id} dihapus`, en: `session ${id} deleted` });
    });
}

function watchCommand(cmd: Command, context: ContextOf): void {
  cmd
    .command('watch')
    .description('follow each group\'s case until the trainer ends the session, then the ranking; Ctrl-C stops (pantau)')
    .argument('<sessionId>', 'the session id', sessionIdArg)
    .option('--interval <ms>', 'poll interval in milliseconds', wholeNumber(50), 1000)
    .action(async (id: string, o: { interval: number }) => {
      const { api, g, io, note } = context();
      const t = tr(g.lang);
      // Events are read on the session's simulated clock ("hari ke-3").
      let scale = 1;
      const ended = await watchSession({
        read: async () => {
          const view = (await api.get(`/v1/training/sessions/${id}`, trainingSession)).body;
          scale = view.session.timeScale;
          return view;
        },
        print: (group, item) =>
          io.out(
            'event' in item
              ? g.json
                ? JSON.stringify({ group: group.name, ...item.event })
                : groupEventLine(group.name, group.record.openedAt, scale, item.event, g.lang)
              : g.json
                ? JSON.stringify({ group: group.name, refusal: item.refusal })
                : `${group.name.padEnd(12)} ${t('ditolak', 'refused')}: ${label('command', item.refusal.command, g.lang)} [${item.refusal.code}]`,
          ),
        warn: (trouble) => note(trouble ? say.watchTrouble(describe(trouble, g.lang)) : say.watchBack()),
        sleep: io.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms))),
        interval: o.interval,
        signal: io.signal,
      });
      if (ended && !g.json) for (const line of sessionLines(ended, g.lang)) io.out(line);
    });
}
