// `staff caseload`: the open cases a worker carries, against the policy's caseload threshold.
import type { Command } from 'commander';
import type { ContextOf } from '../context';
import { staffIdArg } from '../context';
import { caseloadLine } from '../staff-format';
import { caseload } from '../responses';

export function staffCaseload(staff: Command, context: ContextOf): void {
  staff
    .command('caseload')
    .description('open cases a worker carries, against the caseload threshold (beban kasus)')
    .argument('<staffId>', 'the staff id', staffIdArg)
    .action(async (staffId: string) => {
      const { api, print, g } = context();
      const c = await api.get(`/v1/staff/${staffId}/caseload`, caseload);
      print(c.raw, () => [caseloadLine(c.body, g.lang)]);
    });
}
