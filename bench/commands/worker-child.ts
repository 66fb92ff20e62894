// The commands benchmark's two workers in a process of their own, as production deploys them (the API and
// the worker are separate containers): configured by the environment the parent sets, it reports its task
// queues over IPC once both workers run, and stops when the parent says so or goes away.
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { openDatabase } from '../../db/client';
import { createDataConverter } from '../../temporal/data-converter';
import { parseKeyRing } from '../../temporal/keyring';
import type { WorkerReady } from './setup';
import { startWorkers } from './setup';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const database = openDatabase({ url: required('DATABASE_URL') });
  const dataConverter = createDataConverter(parseKeyRing(required('SIGAP_PAYLOAD_KEYS')));
  const workers = await startWorkers({ address: required('TEMPORAL_ADDRESS'), dataConverter }, database.db, Number(required('BENCH_WORKFLOWS')));
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await workers.stop();
      await database.close();
      process.exit(0);
    })());
  process.on('message', (m) => m === 'stop' && void stop());
  process.on('disconnect', () => void stop());
  const ready: WorkerReady = { sigapQueue: workers.sigapQueue, floorQueue: workers.floorQueue };
  process.send?.(ready);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench worker failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
