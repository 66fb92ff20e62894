// `stats`: caseload counts.
import type { Command } from 'commander';
import type { ContextOf } from '../context';
import { wholeNumber } from '../context';
import { statsLines } from '../format';
import { caseStats } from '../responses';

export function stats(program: Command, context: ContextOf): void {
  program
    .command('stats')
    .description('caseload counts (statistik)')
    .option('--region <code>', 'a province (64) or kabupaten/kota (64.72)')
    .option('--period-days <n>', 'period for the opened/closed counts', wholeNumber(1), 30)
    .action(async (o: { region?: string; periodDays: number }) => {
      const { api, print, g } = context();
      const s = await api.get('/v1/stats', caseStats, { region: o.region, periodDays: o.periodDays });
      print(s.raw, () => statsLines(s.body, g.lang));
    });
}
