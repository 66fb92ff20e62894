// `staff show`: one staff record and its standing (whether it may act today, and if not, why).
import type { Command } from 'commander';
import type { ContextOf } from '../context';
import { staffIdArg } from '../context';
import { staffLines } from '../staff-format';
import { staffRecord } from '../responses';

export function staffShow(staff: Command, context: ContextOf): void {
  staff
    .command('show')
    .description('one staff record and its standing (detail petugas)')
    .argument('<staffId>', 'the staff id', staffIdArg)
    .action(async (staffId: string) => {
      const { api, print, g } = context();
      const s = await api.get(`/v1/staff/${staffId}`, staffRecord);
      print(s.raw, () => staffLines(s.body, g.lang));
    });
}
