// `case show`: one case, its read-model record and live state.
import type { Command } from 'commander';
import type { ContextOf } from '../context';
import { caseIdArg } from '../context';
import { caseLines } from '../case-format';
import { say } from '../messages';
import { caseDetails } from '../responses';

export function caseShow(kase: Command, context: ContextOf): void {
  kase
    .command('show')
    .description('one case: its read-model record and live state (detail kasus)')
    .argument('<caseId>', 'the case id (UUID)', caseIdArg)
    .action(async (caseId: string) => {
      const { api, print, note, g } = context();
      const c = await api.get(`/v1/cases/${caseId}`, caseDetails);
      print(c.raw, () => caseLines(c.body, Date.now(), g.lang));
      if (!g.json && !c.body.record) note(say.pending());
    });
}
