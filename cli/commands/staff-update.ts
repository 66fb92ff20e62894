// `staff update`, `staff deactivate`, `staff reactivate`: changes to a record, all one PATCH of the API.
// A deactivated record's tokens stop working at once; its history and its cases stay.
import type { Command } from 'commander';
import type { Context, ContextOf } from '../context';
import { staffIdArg } from '../context';
import { staffLines } from '../staff-format';
import { UsageError, say } from '../messages';
import { staffRecord } from '../responses';
import type { StaffFlags } from './staff-fields';
import { addStaffFieldOptions, staffFields } from './staff-fields';

async function patch(c: Context, staffId: string, body: Record<string, unknown>): Promise<void> {
  const changed = await c.api.patch(`/v1/staff/${staffId}`, body, staffRecord);
  c.print(changed.raw, () => staffLines(changed.body, c.g.lang));
}

export function staffUpdate(staff: Command, context: ContextOf): void {
  const cmd = staff
    .command('update')
    .description('change a staff record: only the fields given; --no-kecamatan and the like clear one (ubah data petugas)')
    .argument('<staffId>', 'the staff id', staffIdArg);
  addStaffFieldOptions(cmd, 'update')
    .addHelpText('after', '\nExample: staff update tksk-6472-03 --verified-until 2028-06-30')
    .action(async (staffId: string, o: StaffFlags) => {
      const body = staffFields(o);
      // An empty PATCH would succeed and change nothing, which reads like a change that was made.
      if (!Object.keys(body).length) throw new UsageError(say.nothingToChange());
      await patch(context(), staffId, body);
    });
}

export function staffDeactivate(staff: Command, context: ContextOf): void {
  staff
    .command('deactivate')
    .description('deactivate a staff record: their tokens are refused and no new cases go to them (nonaktifkan)')
    .argument('<staffId>', 'the staff id', staffIdArg)
    .action(async (staffId: string) => patch(context(), staffId, { active: false }));
}

export function staffReactivate(staff: Command, context: ContextOf): void {
  staff
    .command('reactivate')
    .description('make a deactivated staff record active again (aktifkan kembali)')
    .argument('<staffId>', 'the staff id', staffIdArg)
    .action(async (staffId: string) => patch(context(), staffId, { active: true }));
}
