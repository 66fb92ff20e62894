// The measured process for the raw floor: a worker with the floor's sleeping workflow and one activity,
// with the same limits, bundle handling, database pool and SDK metrics as Sigap's worker (config/env.ts).
import './probe';
import { NativeConnection, Worker } from '@temporalio/worker';
import { loadConfig } from '../../config/env';
import { openDatabase } from '../../db/client';
import { exportSdkMetrics } from '../../temporal/sdk-metrics';
import { createFloorActivities } from '../raw-floor/activities';

async function main(): Promise<void> {
  const config = loadConfig();
  exportSdkMetrics(config.sdkMetricsAddress);
  const bundle = process.env.SIGAP_WORKFLOW_BUNDLE;
  if (!config.databaseUrl || !bundle) throw new Error('DATABASE_URL and SIGAP_WORKFLOW_BUNDLE are required');
  const database = openDatabase({ url: config.databaseUrl });
  const connection = await NativeConnection.connect({ address: config.temporal.address ?? 'localhost:7233' });
  const worker = await Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    workflowBundle: { codePath: bundle },
    activities: createFloorActivities(database.db),
    ...config.worker,
  });
  await worker.run();
  await connection.close();
  await database.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`raw floor worker failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
