// Builds the case worker from injected pieces; entry points decide where the pieces come from.
import type { DataConverter } from '@temporalio/common';
import type { NativeConnection } from '@temporalio/worker';
import { Worker } from '@temporalio/worker';
import type { ActivityDeps } from '../activities';
import { createActivities } from '../activities';
import type { WorkerLimits } from '../config/env';

export interface CaseWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  dataConverter: DataConverter;
  deps: ActivityDeps;
  /** Pre-built workflow bundle (production image); otherwise the workflows are bundled at start. */
  workflowBundlePath?: string;
  /** Explicit limits (configuration); the SDK's defaults otherwise (tests). */
  limits?: WorkerLimits;
}

export const WORKFLOWS_PATH = require.resolve('../workflows');

export function createCaseWorker(opts: CaseWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue,
    dataConverter: opts.dataConverter,
    activities: createActivities(opts.deps),
    ...opts.limits,
    ...(opts.workflowBundlePath
      ? { workflowBundle: { codePath: opts.workflowBundlePath } }
      : { workflowsPath: WORKFLOWS_PATH }),
  });
}
