// The case's messages: the Query staff read, one Update per staff command (validated synchronously, so
// a refused command leaves no trace in the history), and the Signals from partners and the group batch.
import { ApplicationFailure, setHandler } from '@temporalio/workflow';
import type { Ctx } from '../../domain/case/changes';
import type { CaseFile } from '../../domain/case/file';
import type { Policy } from '../../domain/policy';
import type { Actor } from '../../domain/roles';
import { SYSTEM_ACTOR } from '../../domain/roles';
import type { RuleCode } from '../../domain/rule-codes';
import { RULE_MESSAGES } from '../../domain/rule-codes';
import { groupReceptionAgreed } from '../../domain/group-trip';
import { reportNotApplied } from '../../domain/integration/reports';
import { COMMAND_TYPES, execute, refusal } from '../../domain/steps/index';
import type { CaseWorkflowInput, CommandRequest, GroupTrip, PartnerReport } from './contract';
import { commandUpdate, getCaseQuery, groupTripSignal, partnerReportSignal } from './contract';
import type { CaseRecorder } from './recorder';
import { caseView, commandResult } from './view';

function refused(code: RuleCode): ApplicationFailure {
  return ApplicationFailure.create({ type: code, message: RULE_MESSAGES[code].en, nonRetryable: true });
}

export function handleMessages(file: CaseFile, input: CaseWorkflowInput, policy: Policy, recorder: CaseRecorder): void {
  const ctx = (actor: Actor, scope?: readonly string[]): Ctx => ({ actor, now: new Date(), policy, ...(scope ? { scope } : {}) });
  const view = () => caseView(file, input, policy, recorder.seq);
  setHandler(getCaseQuery, view);

  for (const type of COMMAND_TYPES) {
    setHandler(
      commandUpdate(type),
      async (req: CommandRequest) => {
        const notesBefore = file.notes.length;
        await recorder.record(execute(file, req.command, ctx(req.actor, req.scope)), req.actor);
        return commandResult(view(), notesBefore);
      },
      {
        validator: (req: CommandRequest) => {
          if (req?.command?.type !== type) throw refused('NO_CHANGE');
          const code = refusal(file, req.command, ctx(req.actor, req.scope));
          if (code) throw refused(code);
        },
      },
    );
  }

  setHandler(groupTripSignal, async (trip: GroupTrip) => {
    if (!file.group) return;
    if (trip.event === 'received') {
      // Rules v3: the origin Dinsos agreed to receive the whole group.
      const events = groupReceptionAgreed(file, trip.agency ?? '', trip.planVersion, ctx(SYSTEM_ACTOR));
      if (events.length) file.version += 1;
      await recorder.record(events, SYSTEM_ACTOR);
      return;
    }
    file.version += 1;
    const data = { leg: 'home', by: 'group', planVersion: trip.planVersion };
    await recorder.record([{ type: trip.event === 'booked' ? 'transport.booked' : 'transport.booking_cancelled', data }], SYSTEM_ACTOR);
  });

  setHandler(partnerReportSignal, async (report: PartnerReport) => {
    // Partners retry their callbacks; the same report applies once.
    if (file.partnerReports.includes(report.reportId)) return;
    file.partnerReports.push(report.reportId);
    const actor: Actor = { id: report.partnerId, role: 'partner' };
    const code = refusal(file, report.command, ctx(actor));
    if (code) {
      // A signal cannot be refused to its sender, so the mismatch is recorded for staff instead.
      const events = reportNotApplied(file, report, code, new Date());
      if (events.length === 0) return;
      file.version += 1;
      await recorder.record(events, actor);
      return;
    }
    await recorder.record(execute(file, report.command, ctx(actor)), actor);
  });
}
