// `npm start`: the whole service in one process for development — the Temporal dev server (unless
// TEMPORAL_ADDRESS is set), search attributes, the database (PGlite unless DATABASE_URL is set), the
// partner simulators, the worker and the API. Ctrl-C stops everything; the next start resumes from .data/.
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { createNotificationDispatcher } from '../activities/notification-dispatcher';
import { wirePartners } from '../activities/partners/wiring';
import { signToken } from '../api/auth/tokens';
import { buildApp } from '../api/build-app';
import { close, listen } from '../api/listen';
import { tokenSettingsFrom } from '../config/auth';
import type { Config } from '../config/env';
import { loadConfig } from '../config/env';
import type { Logger } from '../config/logger';
import { createLogger } from '../config/logger';
import { partnerEndpoints } from '../config/partners';
import type { Database } from '../db/client';
import { startPartnerSimulator } from '../partners/simulator';
import { createDataConverter } from '../temporal/data-converter';
import type { DevServer } from '../temporal/dev-server';
import { startDevServer } from '../temporal/dev-server';
import type { KeyRing } from '../temporal/keyring';
import { connectClient, connectWorkerConnection, keyRingFrom, openMigratedDatabase } from '../temporal/runtime';
import { exportSdkMetrics, sdkMetricsReader } from '../temporal/sdk-metrics';
import { ensureStaffVerificationSchedule } from '../temporal/schedules';
import { uiLinks } from '../temporal/ui-links';
import { ensureSearchAttributes } from '../temporal/search-attributes';
import { DEFAULT_POLICY, withOverrides } from '../domain/policy';
import { createCaseWorker } from '../temporal/worker';
import { requireBinary } from './lib/temporal-binaries';

const DEFAULT_SDK_METRICS = '127.0.0.1:9464';

/** What has been started, stopped in reverse order. */
type Stack = (() => Promise<unknown>)[];

/** The dev server (unless TEMPORAL_ADDRESS is set), a client, and Sigap's search attributes. */
async function startTemporal(config: Config, ring: KeyRing, logger: Logger, stack: Stack) {
  let devServer: DevServer | undefined;
  if (!config.temporal.address) {
    logger.info('starting the Temporal dev server');
    devServer = await startDevServer({
      cliPath: requireBinary('cli'),
      port: config.temporal.devPort,
      uiPort: config.temporal.uiPort,
      dbFile: path.join(config.dataDir, 'temporal', 'dev.db'),
      ...(config.codecEndpoint ? { codecEndpoint: `http://localhost:${config.port}/codec` } : {}),
      namespace: config.temporal.namespace,
    });
    stack.push(() => devServer!.stop());
  }
  const address = config.temporal.address ?? devServer!.address;
  const { client, connection } = await connectClient(address, config.temporal.namespace, ring);
  stack.push(() => connection.close());
  const added = await ensureSearchAttributes(connection, config.temporal.namespace);
  if (added.length) logger.info({ added }, 'registered search attributes');
  if (await ensureStaffVerificationSchedule(client, config.temporal.taskQueue)) logger.info('scheduled the daily staff verification round');
  return { address, client, devServer };
}

/** The partner simulators (unless real partner URLs are configured), the worker and the outbox dispatcher. */
/** The Kasi's ready-made list views, for the sample region (SIGAP_UI_REGION, default Samarinda 64.72). */
function uiLinkLines(uiBase: string, namespace: string): string[] {
  const region = process.env.SIGAP_UI_REGION ?? '64.72';
  return [`  List views (${region}; add the Sigap columns with the UI's column picker):`, ...uiLinks(uiBase, namespace, region, new Date()).map((l) => `    ${l.title}: ${l.url}`)];
}

async function startWorker(config: Config, address: string, ring: KeyRing, database: Database, logger: Logger, stack: Stack) {
  let simulatorUrl: string | undefined;
  if (config.partners.simulators) {
    const callbackToken = await signToken(tokenSettingsFrom(config), { sub: 'PARTNER-SIM', role: 'partner', regions: ['*'] }, '30d');
    // The partners keep the cases' pace: SIGAP_TIME_SCALE speeds both up alike.
    const sim = await startPartnerSimulator({ port: config.partners.simulatorPort, host: '127.0.0.1', callbackToken, timeScale: config.policy.timeScale ?? 1 });
    stack.push(() => sim.close());
    simulatorUrl = sim.url;
  }
  const partners = wirePartners(partnerEndpoints(config, simulatorUrl));
  const workerConnection = await connectWorkerConnection(address);
  stack.push(() => workerConnection.close());
  const worker = await createCaseWorker({
    connection: workerConnection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    dataConverter: createDataConverter(ring),
    limits: config.worker,
    deps: { db: database.db, caseloadThreshold: withOverrides(DEFAULT_POLICY, config.policy).caseloadThreshold, ...(partners.clients ? { partners: partners.clients } : {}) },
  });
  const running = worker.run();
  if (partners.gateway) {
    const dispatcher = createNotificationDispatcher({ db: database.db, gateway: partners.gateway, logger, offices: config.offices });
    dispatcher.start();
    stack.push(() => dispatcher.stop());
  }
  stack.push(async () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running;
  });
  return { running, simulatorUrl };
}

/** The API, and what a newcomer needs to use it: where everything is, and an admin token for a day. */
async function startApi(config: Config, client: Client, database: Database, ring: KeyRing, logger: Logger, sdkMetrics: string, stack: Stack) {
  // The token is on disk before the API answers /readyz: whoever waits for ready can use it at once.
  const tokenFile = path.join(config.dataDir, 'dev-token.txt');
  if (!config.production) {
    const token = await signToken(tokenSettingsFrom(config), { sub: 'dev-admin', role: 'admin', regions: ['*'] }, '24h');
    fs.writeFileSync(tokenFile, `${token}\n`, { mode: 0o600 });
  }
  const server = await listen(buildApp(config, client, database, ring, logger, sdkMetricsReader(sdkMetrics)), config.host, config.port);
  stack.push(() => close(server));
  return { tokenFile, base: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}` };
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, 'sigap');
  const stack: Stack = [];
  const stopAll = async () => {
    for (const stop of stack.reverse()) await stop().catch((err: unknown) => logger.warn({ err }, 'stop failed'));
  };
  try {
    const sdkMetrics = config.sdkMetricsAddress ?? DEFAULT_SDK_METRICS;
    exportSdkMetrics(sdkMetrics);
    const ring = keyRingFrom(config);
    const { address, client, devServer } = await startTemporal(config, ring, logger, stack);
    const database = await openMigratedDatabase(config);
    stack.push(() => database.close());
    const { running, simulatorUrl } = await startWorker(config, address, ring, database, logger, stack);
    const { tokenFile, base } = await startApi(config, client, database, ring, logger, sdkMetrics, stack);
    const lines = [
      'Sigap is running.',
      `  API             ${base}  (docs ${base}/docs, metrics ${base}/metrics)`,
      config.production ? '' : `  Dev token       ${tokenFile}  (admin, all regions; others: npm run token -- --help)`,
      simulatorUrl ? `  Partner sims    ${simulatorUrl}  (referral, transport, notifications, tracing; faults: PUT /_admin/faults)` : '',
      devServer?.uiUrl ? `  Temporal Web UI ${devServer.uiUrl}` : `  Temporal        ${address}`,
      `  Database        ${database.kind === 'pglite' ? path.join(config.dataDir, 'pglite') + ' (PGlite)' : 'DATABASE_URL'}`,
      ...(devServer?.uiUrl ? uiLinkLines(devServer.uiUrl, config.temporal.namespace) : []),
      '  Stop with Ctrl-C.',
    ];
    process.stdout.write(`\n${lines.filter(Boolean).join('\n')}\n\n`);

    let stopping = false;
    const onSignal = () => {
      if (stopping) return;
      stopping = true;
      logger.info('stopping');
      stopAll().then(() => process.exit(0));
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    running.catch((err: unknown) => {
      logger.error({ err }, 'worker failed');
      onSignal();
    });
  } catch (err) {
    await stopAll();
    throw err;
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`sigap failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
