// A returnee travelling with a group tells its batch whenever where the person stands changes.
import { getExternalWorkflowHandle } from '@temporalio/workflow';
import type { CaseFile } from '../../domain/case/file';
import type { ReturneeStatus } from '../../domain/group-trip';
import { returneeStatus } from '../../domain/group-trip';
import { batchWorkflowId, returneeUpdateSignal } from '../batch/contract';

export function groupReporter(file: CaseFile): () => void {
  let reported: ReturneeStatus | null = null;
  return () => {
    if (!file.group) return;
    const status = returneeStatus(file);
    if (status === reported) return;
    reported = status;
    getExternalWorkflowHandle(batchWorkflowId(file.group.batchId))
      .signal(returneeUpdateSignal, { caseId: file.caseId, status })
      // A batch that has finished no longer listens; the case goes on regardless.
      .catch(() => undefined);
  };
}
