// `case commands`: the command types `case act` takes and their fields, from the API.
import type { Command } from 'commander';
import type { ContextOf } from '../context';
import { loadSpecs } from '../context';
import { commandDetailLines, commandLines } from '../format';
import { CliFailure, UsageError, say } from '../messages';

export function caseCommands(kase: Command, context: ContextOf): void {
  kase
    .command('commands')
    .description('the command types `case act` takes and their fields, from the API (daftar perintah)')
    .argument('[type]', 'one command type, in detail')
    .action(async (type: string | undefined) => {
      const { api, print, g } = context();
      const specs = await loadSpecs(api);
      if (!specs) throw new CliFailure(say.noCommandDoc());
      if (type === undefined) {
        const all = [...specs.values()];
        return print(all, () => commandLines(all, g.lang));
      }
      const spec = specs.get(type);
      if (!spec) throw new UsageError(say.unknownCommand(type, [...specs.keys()]));
      print(spec, () => commandDetailLines(spec, g.lang));
    });
}
