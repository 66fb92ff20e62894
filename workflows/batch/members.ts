// The batch's members: one child case per person (their cases outlive the batch: follow-up visits go on
// for months), and the news of the shared trip passed on to each of them.
import { regionWords } from '../../domain/case/ui-texts';
import { ParentClosePolicy, getExternalWorkflowHandle, startChild } from '@temporalio/workflow';
import { caseWorkflowId, groupTripSignal } from '../case/contract';
import type { GroupTrip } from '../case/contract';
import { caseWorkflow } from '../case/workflow';
import type { GroupRepatriationInput } from './contract';

export async function openMemberCases(input: GroupRepatriationInput): Promise<void> {
  for (const m of input.members) {
    await startChild(caseWorkflow, {
      workflowId: caseWorkflowId(m.caseId),
      parentClosePolicy: ParentClosePolicy.ABANDON,
      args: [
        {
          caseId: m.caseId,
          category: input.category,
          pathway: 'repatriation',
          riskLevel: m.riskLevel,
          regionCode: input.regionCode,
          openedBy: input.openedBy,
          report: input.report,
          subject: m.subject,
          group: { batchId: input.batchId },
          ...(input.policy ? { policy: input.policy } : {}),
          ...(input.partnerIntegration ? { partnerIntegration: true } : {}),
          ...(input.assignedWorker ? { assignedWorker: input.assignedWorker } : {}),
        },
      ],
      staticSummary: `anggota rombongan ${input.batchId.slice(0, 8)} · ${regionWords(input.regionCode)} → ${regionWords(input.originRegionCode)}`,
    });
  }
}

export async function tellCases(caseIds: string[], event: GroupTrip['event'], planVersion: number, agency?: string): Promise<void> {
  for (const id of caseIds) {
    await getExternalWorkflowHandle(caseWorkflowId(id))
      .signal(groupTripSignal, { event, planVersion, ...(agency ? { agency } : {}) })
      .catch(() => undefined); // a case already ended needs no news of the trip
  }
}
