// `escalations`: escalated or overdue open cases, most urgent first.
import type { Command } from 'commander';
import { Option } from 'commander';
import { PATHWAYS, RISK_LEVELS } from '../../domain/categories';
import { ESCALATION_REASONS, ESCALATION_VIEWS } from '../../domain/codes';
import { STAGES } from '../../domain/stages';
import type { ContextOf, Paging } from '../context';
import { caseListing, categoryOption, listPages, wholeNumber } from '../context';

interface EscalationOptions extends Paging {
  view: string;
  region?: string;
  minLevel?: number;
  category?: string;
  pathway?: string;
  stage?: string;
  risk?: string;
  reason?: string;
  assignee?: string;
}

export function escalations(program: Command, context: ContextOf): void {
  program
    .command('escalations')
    .description('escalated or overdue open cases, most urgent first (eskalasi)')
    .addOption(new Option('--view <view>').choices(ESCALATION_VIEWS).default('escalated'))
    .option('--region <code>', 'a province (64) or kabupaten/kota (64.72)')
    .option('--min-level <n>', 'minimum escalation level (1-3)', wholeNumber(1))
    .addOption(categoryOption())
    .addOption(new Option('--pathway <pathway>').choices(PATHWAYS))
    .addOption(new Option('--stage <stage>').choices(STAGES))
    .addOption(new Option('--risk <risk>').choices(RISK_LEVELS))
    .addOption(new Option('--reason <reason>', 'why it escalated').choices(ESCALATION_REASONS))
    .option('--assignee <staffId>', 'assigned case manager')
    .option('--limit <n>', 'page size (max 200)', wholeNumber(1), 50)
    .option('--cursor <cursor>', 'continue after an earlier page')
    .option('--all', 'follow every page')
    .action(async (o: EscalationOptions) => {
      const query = { view: o.view, region: o.region, minLevel: o.minLevel, category: o.category, pathway: o.pathway, stage: o.stage, risk: o.risk, reason: o.reason, assignee: o.assignee, limit: o.limit };
      await listPages(context(), '/v1/escalations', query, o, caseListing);
    });
}
