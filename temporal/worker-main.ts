// Production entry point of the worker: `node dist/temporal/worker-main.js` (or `npm run start:worker`).
import { loadConfig } from '../config/env';
import { createLogger } from '../config/logger';
import { wirePartners } from '../activities/partners/wiring';
import { partnerEndpoints } from '../config/partners';
import { createNotificationDispatcher } from '../activities/notification-dispatcher';
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
  const partners = wirePartners(partnerEndpoints(config));
  if (config.partners.integration && !partners.clients) {
    throw new Error('SIGAP_PARTNER_INTEGRATION is on but SIGAP_PARTNER_REFERRAL_URL, _TRANSPORT_URL and _TRACING_URL are not all set');
  }
  const worker = await createCaseWorker({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    dataConverter: createDataConverter(keyRingFrom(config)),
    deps: { db: database.db, ...(partners.clients ? { partners: partners.clients } : {}) },
    ...(process.env.SIGAP_WORKFLOW_BUNDLE ? { workflowBundlePath: process.env.SIGAP_WORKFLOW_BUNDLE } : {}),
  });
  // The outbox is drained by every worker; leases keep two of them off the same message.
  const dispatcher = partners.gateway ? createNotificationDispatcher({ db: database.db, gateway: partners.gateway, logger }) : undefined;
  dispatcher?.start();
  logger.info({ taskQueue: config.temporal.taskQueue, notifications: dispatcher ? 'dispatching' : 'outbox only' }, 'worker running');
  // Worker.run() installs its own SIGINT/SIGTERM handling and drains in-flight tasks before resolving.
  await worker.run();
  await dispatcher?.stop();
  await connection.close();
  await database.close();
  logger.info('worker stopped');
}

main().catch((err: unknown) => {
  process.stderr.write(`sigap-worker failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
