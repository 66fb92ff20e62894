// A case worker on the dev server that globalSetup started, on a task queue of its own, with the real
// activities writing the real database.
import type { Client, Connection } from '@temporalio/client';
import type { NativeConnection } from '@temporalio/worker';
import type { PartnerClients } from '../../activities/partners/clients';
import type { Database } from '../../db/client';
import { openTestDatabase } from './database';
import { caseTestWorker, connectDevServer, uniqueTaskQueue } from './temporal';

export interface DevWorker {
  client: Client;
  connection: Connection;
  database: Database;
  taskQueue: string;
  close(): Promise<void>;
}

export async function startDevWorker(prefix: string, partners?: PartnerClients, caseloadThreshold?: number): Promise<DevWorker> {
  const { client, connection, nativeConnection } = await connectDevServer();
  const database = await openTestDatabase();
  const taskQueue = uniqueTaskQueue(prefix);
  const worker = await caseTestWorker(nativeConnection, database, taskQueue, undefined, partners, caseloadThreshold);
  const running = worker.run();
  return {
    client,
    connection,
    database,
    taskQueue,
    async close() {
      worker.shutdown();
      await running;
      await (nativeConnection as NativeConnection).close();
      await connection.close();
      await database.close();
    },
  };
}
