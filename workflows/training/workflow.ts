// A training session's driver: plays the scenario's partners. At each scripted moment (simulated hours
// from the cases' opening, on the session's time scale) it sends the partner's report to every group's
// case — the same Signal a partner's callback becomes — and it ends when the trainer ends the session.
// Thin and deterministic: what a report does is the case's own rules.
import { condition, getExternalWorkflowHandle, isCancellation, setHandler } from '@temporalio/workflow';
import { HOUR } from '../../domain/time';
import type { PartnerReport } from '../case/contract';
import { caseWorkflowId, partnerReportSignal } from '../case/contract';
import type { TrainingDriverInput, TrainingProgress } from './contract';
import { endSessionSignal, scriptedReportId } from './contract';

export async function trainingSessionWorkflow(input: TrainingDriverInput): Promise<TrainingProgress> {
  const progress: TrainingProgress = { sent: 0, ended: false };
  setHandler(endSessionSignal, () => {
    progress.ended = true;
  });
  const startedAt = new Date(input.startedAt).getTime();
  // The index in the scenario names the report, whatever order the script was written in.
  const script = input.script.map((report, index) => ({ report, index })).sort((a, b) => a.report.atHours - b.report.atHours || a.index - b.index);
  for (const { report, index } of script) {
    const wait = startedAt + report.atHours * HOUR * input.timeScale - Date.now();
    if (wait > 0) await condition(() => progress.ended, wait, { summary: `skenario: ${report.summary}` });
    if (progress.ended) break;
    const sent: PartnerReport = { partnerId: report.partnerId, reportId: scriptedReportId(input.sessionId, index), command: report.command };
    await Promise.all(input.caseIds.map((caseId) => tell(caseId, sent)));
    progress.sent += 1;
  }
  await condition(() => progress.ended);
  return progress;
}

/** A case that is gone (terminated with its session) hears nothing; the others still do. */
async function tell(caseId: string, report: PartnerReport): Promise<void> {
  try {
    await getExternalWorkflowHandle(caseWorkflowId(caseId)).signal(partnerReportSignal, report);
  } catch (err) {
    if (isCancellation(err)) throw err;
  }
}
