// Shared start-up pieces for the API, the worker and `npm start`: database, key ring, Temporal connections.
import { Client, Connection, isRetryableError, makeGrpcRetryInterceptor } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { Config } from '../config/env';
import type { Database } from '../db/client';
import { openDatabase } from '../db/client';
import { createDataConverter } from './data-converter';
import type { KeyRing } from './keyring';
import type { TemporalReachability } from './reachability';
import { trackReachability } from './reachability';
import { devKeyRing, parseKeyRing } from './keyring';
import path from 'node:path';

export function keyRingFrom(config: Config): KeyRing {
  return config.payloadKeys
    ? parseKeyRing(config.payloadKeys.spec, config.payloadKeys.currentId)
    : devKeyRing(config.dataDir);
}

/** The database the configuration names: PostgreSQL at DATABASE_URL, else the embedded PGlite under the data dir. */
export function databaseFrom(config: Config): Database {
  return openDatabase(config.databaseUrl ? { url: config.databaseUrl } : { pgliteDir: path.join(config.dataDir, 'pglite') });
}

export async function openMigratedDatabase(config: Config): Promise<Database> {
  const database = databaseFrom(config);
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
const API_RETRY_MAX_MS = 250;

export function lazyClient(address: string, namespace: string, ring: KeyRing): { client: Client; connection: Connection; reachability: TemporalReachability } {
  const reachability = trackReachability();
  const connection = Connection.lazy({
    address,
    connectTimeout: '2 seconds',
    // Retries as the SDK's, but at most 250 ms apart: its own back off up to 5 s, and a request's deadline
    // would then be overrun by the wait before a last attempt that can only fail. The tracker sees every
    // attempt's outcome.
    interceptors: [
      makeGrpcRetryInterceptor({
        delayFunction: (attempt) => Math.min(API_RETRY_MAX_MS, 50 * 1.7 ** attempt),
        retryableDecider: (attempt, status) => attempt < 10 && isRetryableError(status),
      }),
      reachability.interceptor,
    ],
    // gRPC's reconnect backoff grows to 2 minutes: after a long outage the API would answer 503 that long
    // after Temporal is back. Capped at 5 s.
    channelArgs: { 'grpc.initial_reconnect_backoff_ms': 500, 'grpc.max_reconnect_backoff_ms': 5_000 },
  });
  return { client: new Client({ connection, namespace, dataConverter: createDataConverter(ring) }), connection, reachability };
}

export function connectWorkerConnection(address: string): Promise<NativeConnection> {
  return NativeConnection.connect({ address });
}
