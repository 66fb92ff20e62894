// `case timeline`: who did what, when.
import type { Command } from 'commander';
import type { ContextOf } from '../context';
import { caseIdArg, caseRegion, wholeNumber } from '../context';
import { eventLine } from '../timeline-format';
import { say } from '../messages';
import { timelinePage } from '../responses';

export function caseTimeline(kase: Command, context: ContextOf): void {
  kase
    .command('timeline')
    .description('who did what, when (riwayat)')
    .argument('<caseId>', 'the case id (UUID)', caseIdArg)
    .option('--after <seq>', 'events after this position', wholeNumber(-1), -1)
    .option('--limit <n>', 'at most this many (max 500)', wholeNumber(1), 100)
    .action(async (caseId: string, o: { after: number; limit: number }) => {
      const { api, print, note, g } = context();
      const page = await api.get(`/v1/cases/${caseId}/timeline`, timelinePage, { after: o.after, limit: o.limit });
      const region = g.json ? undefined : await caseRegion(api, caseId);
      print(page.raw, () => page.body.items.map((e) => eventLine(e, region, g.lang)));
      if (!g.json && page.body.nextAfter !== null) note(say.moreEvents(page.body.nextAfter));
    });
}
