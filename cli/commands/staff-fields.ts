// The staff record's fields as flags, shared by `staff register` and `staff update`: the roles and unit
// kinds come from domain/workforce, so the help lists exactly what the API takes.
import type { Command } from 'commander';
import { Option } from 'commander';
import { PRACTICE_ROLES, UNIT_KINDS } from '../../domain/workforce';
import { calendarDay } from '../context';

/** As commander parses them: `false` is a `--no-…` flag of `staff update`, which clears the field. */
export interface StaffFlags {
  unit?: string;
  unitKind?: string;
  region?: string;
  kecamatan?: string | false;
  role?: string;
  certification?: string | false;
  certifiedUntil?: string | false;
  verifiedUntil?: string | false;
}

/** Flag → the API's field name (the API's field errors name the latter). */
const FIELDS = {
  unit: 'unitCode',
  unitKind: 'unitKind',
  region: 'regionCode',
  kecamatan: 'kecamatanCode',
  role: 'role',
  certification: 'certificationNo',
  certifiedUntil: 'certifiedUntil',
  verifiedUntil: 'verifiedUntil',
} as const satisfies Record<keyof StaffFlags, string>;

/** The fields the API lets a change set back to nothing (a TKSK who becomes a pendamping loses the kecamatan). */
const CLEARABLE = ['kecamatan', 'certification', 'certified-until', 'verified-until'] as const;

/** On `register` the fields every record needs are mandatory; on `update` every one is optional. */
export function addStaffFieldOptions(cmd: Command, mode: 'register' | 'update'): Command {
  const needed = (o: Option) => (mode === 'register' ? o.makeOptionMandatory() : o);
  cmd
    .addOption(needed(new Option('--unit <unitCode>', 'the unit\'s code, e.g. DINSOS-6472 (kode unit)')))
    .addOption(needed(new Option('--unit-kind <kind>', 'what the unit is (jenis unit)').choices(UNIT_KINDS)))
    .addOption(needed(new Option('--region <code>', 'Kemendagri code of the unit\'s province (64) or kabupaten/kota (64.72)')))
    .addOption(new Option('--kecamatan <code>', 'the kecamatan a TKSK or PSM works in, e.g. 64.72.03'))
    .addOption(needed(new Option('--role <role>', 'practice role (peran)').choices(PRACTICE_ROLES)))
    .addOption(new Option('--certification <no>', 'a pekerja sosial\'s certification number (nomor sertifikat)'))
    .addOption(new Option('--certified-until <date>', 'last day the certification holds, YYYY-MM-DD').argParser(calendarDay))
    .addOption(needed(new Option('--verified-until <date>', 'last day the verification (verivali) holds, YYYY-MM-DD').argParser(calendarDay)));
  if (mode === 'update') for (const flag of CLEARABLE) cmd.option(`--no-${flag}`, `clear --${flag}`);
  return cmd;
}

/** The body's fields: what was not given is left out, a `--no-…` flag sends null. */
export function staffFields(o: StaffFlags): Record<string, string | null> {
  const given = (Object.keys(FIELDS) as (keyof StaffFlags)[]).filter((flag) => o[flag] !== undefined);
  return Object.fromEntries(given.map((flag) => [FIELDS[flag], o[flag] === false ? null : (o[flag] as string)]));
}
