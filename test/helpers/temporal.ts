// Real Temporal servers for tests: the time-skipping test server from the project's own binary, and the
// dev server that globalSetup started.
import { randomUUID } from 'node:crypto';
import type { ConnectionPlugin } from '@temporalio/client';
import { Client, Connection } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import type { PartnerClients } from '../../activities/partners/clients';
import type { CaseActivities } from '../../activities/types';
import type { Database } from '../../db/client';
import { WORKFLOWS_PATH } from '../../temporal/worker';
import { requireBinary } from '../../scripts/lib/temporal-binaries';
import { createDataConverter } from '../../temporal/data-converter';
import type { KeyRing } from '../../temporal/keyring';
import { parseKeyRing } from '../../temporal/keyring';
import { ensureSearchAttributes } from '../../temporal/search-attributes';

// A test-only key, committed on purpose: the recorded histories under test/histories are sealed with it.
export const testKeyRing: KeyRing = parseKeyRing('test-1:c2lnYXAtdGVzdC1vbmx5LWtleS0zMi1ieXRlcy4uLi4=');
export const dataConverter = createDataConverter(testKeyRing);

/**
 * The test server (grpc-java) allows a keepalive ping every 5 minutes; the client's default is every 30
 * seconds, so a suite running past about a minute got a GOAWAY ("too many pings") that cut the calls in
 * flight, to be retried. Pinging less often than the server allows avoids it.
 */
const patientKeepalive: ConnectionPlugin = {
  name: 'sigap-test-keepalive',
  configureConnection: (options) => ({ ...options, channelArgs: { ...options.channelArgs, 'grpc.keepalive_time_ms': 6 * 60_000 } }),
};

export async function createTimeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: requireBinary('testServer') } },
    client: { dataConverter },
    plugins: [patientKeepalive],
  });
  await ensureSearchAttributes(env.connection, env.namespace ?? 'default');
  return env;
}

export function devServerAddress(): string {
  const address = process.env.SIGAP_TEST_TEMPORAL_ADDRESS;
  if (!address) throw new Error('globalSetup did not start a Temporal dev server');
  return address;
}

/** Connects to the dev server that globalSetup started, or to `address` (a suite's own dev server). */
export async function connectDevServer(address = devServerAddress()): Promise<{ client: Client; connection: Connection; nativeConnection: NativeConnection }> {
  const connection = await Connection.connect({ address });
  const nativeConnection = await NativeConnection.connect({ address });
  return { client: new Client({ connection, dataConverter }), connection, nativeConnection };
}

/** A task queue of the suite's own, so parallel suites on one dev server never take each other's tasks. */
export function uniqueTaskQueue(prefix: string): string {
  return `${prefix}-${randomUUID()}`;
}

/** A worker with the real workflows and activities, writing the given database. */
export function caseTestWorker(
  connection: NativeConnection,
  database: Database,
  taskQueue: string,
  wrap: (activities: CaseActivities) => CaseActivities = (a) => a,
  partners?: PartnerClients,
  caseloadThreshold?: number,
): Promise<Worker> {
  return Worker.create({
    connection,
    taskQueue,
    workflowsPath: WORKFLOWS_PATH,
    activities: wrap(createActivities({ db: database.db, ...(partners ? { partners } : {}), ...(caseloadThreshold ? { caseloadThreshold } : {}) })),
    dataConverter,
  });
}
