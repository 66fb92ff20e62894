// One-shot setup for an existing cluster: the namespace (if missing), Sigap's search attributes and its
// daily staff verification Schedule.
// Used by the compose stack; safe to run any number of times.
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '../config/env';
import { ensureNamespace } from '../temporal/namespace';
import { ensureStaffVerificationSchedule } from '../temporal/schedules';
import { ensureSearchAttributes } from '../temporal/search-attributes';

async function main(): Promise<void> {
  const config = loadConfig();
  const address = config.temporal.address ?? 'localhost:7233';
  const connection = await Connection.connect({ address });
  try {
    const created = await ensureNamespace(connection, config.temporal.namespace, Number(process.env.SIGAP_RETENTION_DAYS ?? 30));
    const added = await ensureSearchAttributes(connection, config.temporal.namespace);
    const scheduled = await ensureStaffVerificationSchedule(new Client({ connection, namespace: config.temporal.namespace }), config.temporal.taskQueue);
    process.stdout.write(
      `namespace ${config.temporal.namespace}: ${created ? 'created' : 'exists'}; search attributes added: ${added.join(', ') || 'none'}; ` +
        `staff verification schedule: ${scheduled ? 'created' : 'exists'}\n`,
    );
  } finally {
    await connection.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`setup-temporal failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
