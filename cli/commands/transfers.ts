// `transfers`: the receiving unit's queue of cases handed to it (incoming, waiting for its decision by
// default), or the caller's own outgoing transfers.
import type { Command } from 'commander';
import { Option } from 'commander';
import { TRANSFER_DIRECTIONS, TRANSFER_STATUSES } from '../../domain/codes';
import type { ContextOf, Paging } from '../context';
import { caseListing, listPages, wholeNumber } from '../context';

interface TransferOptions extends Paging {
  direction: string;
  status: string;
}

export function transfers(program: Command, context: ContextOf): void {
  program
    .command('transfers')
    .description('cases handed to your unit, waiting for its decision; or your own outgoing transfers (pengalihan kasus)')
    .addOption(new Option('--direction <direction>', 'incoming: to your regions; outgoing: from them').choices(TRANSFER_DIRECTIONS).default('incoming'))
    .addOption(new Option('--status <status>').choices(TRANSFER_STATUSES).default('requested'))
    .option('--limit <n>', 'page size (max 200)', wholeNumber(1), 50)
    .option('--cursor <cursor>', 'continue after an earlier page')
    .option('--all', 'follow every page')
    .addHelpText('after', '\nThen: case show <caseId>, and case act <caseId> decideTransfer --set accept=true --set assignedWorker=<staffId>')
    .action(async (o: TransferOptions) => {
      await listPages(context(), '/v1/transfers', { direction: o.direction, status: o.status, limit: o.limit }, o, caseListing);
    });
}
