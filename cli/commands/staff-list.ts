// `staff list`: the staff of the caller's regions, or those whose verification or certification lapses soon.
import type { Command } from 'commander';
import { Option } from 'commander';
import { PRACTICE_ROLES } from '../../domain/workforce';
import type { ContextOf, Listing, Paging } from '../context';
import { listPages, wholeNumber } from '../context';
import { staffTable } from '../staff-format';
import { say } from '../messages';
import type { StaffRecord } from '../responses';
import { staffPage } from '../responses';

interface StaffListOptions extends Paging {
  region?: string;
  role?: string;
  active?: string;
  lapsingWithin?: number;
}

const staffListing: Listing<StaffRecord> = { page: staffPage, table: staffTable, none: say.noStaff() };

export function staffList(staff: Command, context: ContextOf): void {
  staff
    .command('list')
    .description('staff of your regions, by region and id (daftar petugas)')
    .option('--region <code>', 'a province (64) or kabupaten/kota (64.72)')
    .addOption(new Option('--role <role>', 'practice role').choices(PRACTICE_ROLES))
    .addOption(new Option('--active <active>', 'only active or only deactivated records').choices(['true', 'false']))
    .option('--lapsing-within <days>', 'only those whose verification or certification lapses within this many days, or has (0-365)', wholeNumber(0))
    .option('--limit <n>', 'page size (max 200)', wholeNumber(1), 50)
    .option('--cursor <cursor>', 'continue after an earlier page')
    .option('--all', 'follow every page')
    .action(async (o: StaffListOptions) => {
      const query = { region: o.region, role: o.role, active: o.active, lapsingWithinDays: o.lapsingWithin, limit: o.limit };
      await listPages(context(), '/v1/staff', query, o, staffListing);
    });
}
