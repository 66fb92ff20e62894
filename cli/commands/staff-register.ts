// `staff register`: a new record in the staff registry (#14), sent with an Idempotency-Key.
import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import type { ContextOf } from '../context';
import { staffIdArg } from '../context';
import { staffLines } from '../staff-format';
import { say } from '../messages';
import { staffRecord } from '../responses';
import type { StaffFlags } from './staff-fields';
import { addStaffFieldOptions, staffFields } from './staff-fields';

interface RegisterOptions extends StaffFlags {
  id: string;
  idempotencyKey?: string;
}

export function staffRegister(staff: Command, context: ContextOf): void {
  const cmd = staff
    .command('register')
    .description('register a staff member: unit, region, practice role, verification (daftarkan petugas)')
    .requiredOption('--id <staffId>', 'the opaque staff id the identity provider gives them (id petugas)', staffIdArg);
  addStaffFieldOptions(cmd, 'register')
    .option('--idempotency-key <key>', 'repeat a request safely; default: a new key, printed if the request fails')
    .addHelpText('after', '\nExample: staff register --id tksk-6472-03 --unit DINSOS-6472 --unit-kind dinsos_kabkota --region 64.72 --kecamatan 64.72.03 --role tksk --verified-until 2027-12-31')
    .action(async (o: RegisterOptions) => {
      const { api, print, note, g } = context();
      const registered = await api.post('/v1/staff', { staffId: o.id, ...staffFields(o) }, staffRecord, o.idempotencyKey ?? randomUUID());
      if (registered.replayed) note(say.replayed());
      print(registered.raw, () => staffLines(registered.body, g.lang));
    });
}
