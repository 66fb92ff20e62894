// `tsx partners/main.ts`: the partner simulators as their own process (e.g. in docker-compose).
import pino from 'pino';
import { faultsBody } from './faults';
import { startPartnerSimulator } from './simulator';

async function main(): Promise<void> {
  const log = pino({ name: 'partner-sim', level: process.env.LOG_LEVEL ?? 'info' });
  const faults = process.env.PARTNER_SIM_FAULTS ? faultsBody.parse(JSON.parse(process.env.PARTNER_SIM_FAULTS)) : undefined;
  const running = await startPartnerSimulator({
    port: Number(process.env.PARTNER_SIM_PORT ?? 4100),
    host: process.env.PARTNER_SIM_HOST ?? '127.0.0.1',
    ...(process.env.PARTNER_CALLBACK_TOKEN ? { callbackToken: process.env.PARTNER_CALLBACK_TOKEN } : {}),
    ...(process.env.PARTNER_SIM_ADMIN_TOKEN ? { adminToken: process.env.PARTNER_SIM_ADMIN_TOKEN } : {}),
    ...(faults ? { faults } : {}),
  });
  log.info({ url: running.url }, 'partner simulators listening');
  const stop = () => {
    running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`partner simulators failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
