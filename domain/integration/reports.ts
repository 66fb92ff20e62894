// What a partner's report the case cannot apply means. A signal cannot be refused to its sender, so the
// case keeps what it heard: rules v3 let facts commute (a late "departed" is still recorded, see
// going-home.ts), drop a repeat of a fact already recorded, and put a report that truly contradicts the
// case in the supervisor's queue (an escalation they resolve by looking at it). v1/v2 only note it.
import type { DomainEvent } from '../case/changes';
import type { CaseFile } from '../case/file';
import { escalate } from '../ladder';
import type { RuleCode } from '../rule-codes';

export function reportNotApplied(file: CaseFile, report: { reportId: string; command: { type: string } }, code: RuleCode, now: Date): DomainEvent[] {
  if (file.rules >= 3 && code === 'ALREADY_RECORDED') return [];
  const ignored: DomainEvent = { type: 'partner.report_ignored', data: { command: report.command.type, reason: code } };
  if (file.rules < 3) return [ignored];
  return [ignored, ...escalate(file, 'partner_report', report.command.type, `partner-report:${report.reportId}`, now.toISOString())];
}
