// Production entry point of the worker: `node dist/temporal/worker-main.js` (or `npm run start:worker`).
import { loadConfig } from '../config/env';
import { createLogger } from '../config/logger';
import { createDataConverter } from './data-converter';
import { exportSdkMetrics } from './sdk-metrics';
import { connectWorkerConnection, keyRingFrom, openMigratedDatabase } from './runtime';
import { createCaseWorker } from './worker';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, 'sigap-worker');
  // Prometheus scrapes the SDK's metrics from the worker itself (TEMPORAL_METRICS_ADDRESS, e.g. 0.0.0.0:9464).
  exportSdkMetrics(config.sdkMetricsAddress);
  const database = await openMigratedDatabase(config);
  const connection = await connectWorkerConnection(config.temporal.address ?? 'localhost:7233');
  const worker = await createCaseWorker({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    dataConverter: createDataConverter(keyRingFrom(config)),
    deps: { db: database.db },
    ...(process.env.SIGAP_WORKFLOW_BUNDLE ? { workflowBundlePath: process.env.SIGAP_WORKFLOW_BUNDLE } : {}),
  });
  logger.info({ taskQueue: config.temporal.taskQueue }, 'worker running');
  // Worker.run() installs its own SIGINT/SIGTERM handling and drains in-flight tasks before resolving.
  await worker.run();
  await connection.close();
  await database.close();
  logger.info('worker stopped');
}

main().catch((err: unknown) => {
  process.stderr.write(`sigap-worker failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
