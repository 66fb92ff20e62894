// Production entry point of the worker: `node dist/temporal/worker-main.js` (or `npm run start:worker`).
import { DEFAULT_POLICY, withOverrides } from '../domain/policy';
import { loadConfig } from '../config/env';
import { createLogger } from '../config/logger';
import { wirePartners } from '../activities/partners/wiring';
import { partnerEndpoints } from '../config/partners';
import { createNotificationDispatcher } from '../activities/notification-dispatcher';
import { createDataConverter } from './data-converter';
import { exportSdkMetrics } from './sdk-metrics';
import { retried, untilDone } from './background';
import { connectWorkerConnection, databaseFrom, keyRingFrom } from './runtime';
import { createCaseWorker } from './worker';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, 'sigap-worker');
  // Prometheus scrapes the SDK's metrics from the worker itself (TEMPORAL_METRICS_ADDRESS, e.g. 0.0.0.0:9464).
  exportSdkMetrics(config.sdkMetricsAddress);
  // The database is for activities, which retry: the worker runs (and commands answer) while it is down,
  // and the migration is retried meanwhile. Without Temporal there is nothing to run: wait for it.
  const database = databaseFrom(config);
  const migration = untilDone('database migration', () => database.migrate(), logger);
  const address = config.temporal.address ?? 'localhost:7233';
  // Never stopped, so it returns only with a connection.
  const connection = (await retried('Temporal connection', () => connectWorkerConnection(address), logger))!;
  const partners = wirePartners(partnerEndpoints(config));
  if (config.partners.integration && !partners.clients) {
    throw new Error('SIGAP_PARTNER_INTEGRATION is on but SIGAP_PARTNER_REFERRAL_URL, _TRANSPORT_URL and _TRACING_URL are not all set');
  }
  const worker = await createCaseWorker({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    dataConverter: createDataConverter(keyRingFrom(config)),
    deps: { db: database.db, caseloadThreshold: withOverrides(DEFAULT_POLICY, config.policy).caseloadThreshold, ...(partners.clients ? { partners: partners.clients } : {}) },
    ...(process.env.SIGAP_WORKFLOW_BUNDLE ? { workflowBundlePath: process.env.SIGAP_WORKFLOW_BUNDLE } : {}),
    limits: config.worker,
  });
  // The outbox is drained by every worker; leases keep two of them off the same message.
  const dispatcher = partners.gateway ? createNotificationDispatcher({ db: database.db, gateway: partners.gateway, logger, offices: config.offices }) : undefined;
  dispatcher?.start();
  // The limits in effect (cache, task slots, sticky wait): what an operator sizing a worker needs to see.
  logger.info({ taskQueue: config.temporal.taskQueue, notifications: dispatcher ? 'dispatching' : 'outbox only', limits: config.worker }, 'worker running');
  // Worker.run() installs its own SIGINT/SIGTERM handling and drains in-flight tasks before resolving.
  await worker.run();
  migration.stop();
  await dispatcher?.stop();
  await connection.close();
  await database.close();
  logger.info('worker stopped');
}

main().catch((err: unknown) => {
  process.stderr.write(`sigap-worker failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
