// Shared start-up pieces for the API, the worker and `npm start`: database, key ring, Temporal connections.
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { Config } from '../config/env';
import type { Database } from '../db/client';
import { openDatabase } from '../db/client';
import { createDataConverter } from './data-converter';
import type { KeyRing } from './keyring';
import { devKeyRing, parseKeyRing } from './keyring';
import path from 'node:path';

export function keyRingFrom(config: Config): KeyRing {
  return config.payloadKeys
    ? parseKeyRing(config.payloadKeys.spec, config.payloadKeys.currentId)
    : devKeyRing(config.dataDir);
}

export async function openMigratedDatabase(config: Config): Promise<Database> {
  const database = openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { pgliteDir: path.join(config.dataDir, 'pglite') },
  );
  await database.migrate();
  return database;
}

export async function connectClient(
  address: string,
  namespace: string,
  ring: KeyRing,
): Promise<{ client: Client; connection: Connection }> {
  const connection = await Connection.connect({ address });
  return { client: new Client({ connection, namespace, dataConverter: createDataConverter(ring) }), connection };
}

/**
 * A client for the API that connects on first use and reconnects by itself: the API starts and serves
 * what it can while Temporal is unreachable, and a call fails within its deadline instead of waiting
 * for the SDK's connect timeout.
 */
export function lazyClient(address: string, namespace: string, ring: KeyRing): { client: Client; connection: Connection } {
  const connection = Connection.lazy({ address, connectTimeout: '2 seconds' });
  return { client: new Client({ connection, namespace, dataConverter: createDataConverter(ring) }), connection };
}

export function connectWorkerConnection(address: string): Promise<NativeConnection> {
  return NativeConnection.connect({ address });
}
