// `case watch`: the timeline, then new events as they happen, until the case is finished.
import type { Command } from 'commander';
import type { ContextOf } from '../context';
import { caseIdArg, caseRegion, describe, wholeNumber } from '../context';
import { eventLine } from '../timeline-format';
import { say } from '../messages';
import { timelinePage } from '../responses';
import { watchCase } from '../watch';

export function caseWatch(kase: Command, context: ContextOf): void {
  kase
    .command('watch')
    .description('print the timeline, then new events as they happen, until the case is closed, withdrawn or archived; Ctrl-C stops (pantau)')
    .argument('<caseId>', 'the case id (UUID)', caseIdArg)
    .option('--interval <ms>', 'poll interval in milliseconds', wholeNumber(50), 1000)
    .option('--after <seq>', 'skip the history up to this position', wholeNumber(-1), -1)
    .addHelpText('after', '\nWith --json, one event per line (JSON Lines).')
    .action(async (caseId: string, o: { interval: number; after: number }) => {
      const { api, g, note, io } = context();
      const region = g.json ? undefined : await caseRegion(api, caseId);
      await watchCase({
        page: async (after) => (await api.get(`/v1/cases/${caseId}/timeline`, timelinePage, { after, limit: 500 })).body,
        print: (e) => io.out(g.json ? JSON.stringify(e) : eventLine(e, region, g.lang)),
        warn: (trouble) => note(trouble ? say.watchTrouble(describe(trouble, g.lang)) : say.watchBack()),
        sleep: io.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms))),
        interval: o.interval,
        after: o.after,
        signal: io.signal,
      });
    });
}
