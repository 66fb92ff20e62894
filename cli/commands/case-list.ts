// `case list`: cases in the caller's regions, newest first.
import type { Command } from 'commander';
import { Option } from 'commander';
import { PATHWAYS, RISK_LEVELS } from '../../domain/categories';
import { CASE_STATUSES, STAGES } from '../../domain/stages';
import type { ContextOf, Paging } from '../context';
import { caseListing, categoryOption, listPages, wholeNumber } from '../context';

interface ListOptions extends Paging {
  status?: string;
  stage?: string;
  category?: string;
  pathway?: string;
  risk?: string;
  region?: string;
  assignee?: string;
  minLevel?: number;
}

export function caseList(kase: Command, context: ContextOf): void {
  kase
    .command('list')
    .description('cases in your regions, newest first (daftar kasus)')
    .addOption(new Option('--status <status>').choices(CASE_STATUSES))
    .addOption(new Option('--stage <stage>').choices(STAGES))
    .addOption(categoryOption())
    .addOption(new Option('--pathway <pathway>').choices(PATHWAYS))
    .addOption(new Option('--risk <risk>').choices(RISK_LEVELS))
    .option('--region <code>', 'a province (64) or kabupaten/kota (64.72)')
    .option('--assignee <staffId>', 'assigned case manager')
    .option('--min-level <n>', 'minimum escalation level (0-3)', wholeNumber(0))
    .option('--limit <n>', 'page size (max 200)', wholeNumber(1), 50)
    .option('--cursor <cursor>', 'continue after an earlier page')
    .option('--all', 'follow every page')
    .action(async (o: ListOptions) => {
      const query = { status: o.status, stage: o.stage, category: o.category, pathway: o.pathway, risk: o.risk, region: o.region, assignee: o.assignee, minEscalationLevel: o.minLevel, limit: o.limit };
      await listPages(context(), '/v1/cases', query, o, caseListing);
    });
}
