// The whole integration on real parts: the partner simulators over HTTP, a worker whose activities call
// them, the API listening for their callbacks, and the notification dispatcher draining the outbox.
import type { Server } from 'node:http';
import { createNotificationDispatcher } from '../../activities/notification-dispatcher';
import { createPartnerClients } from '../../activities/partners/clients';
import { createNotificationGateway } from '../../activities/partners/notification-gateway';
import { close, listen } from '../../api/listen';
import { createLogger } from '../../config/logger';
import type { PolicyOverrides } from '../../domain/policy';
import type { RunningSimulator, SimulatorOptions } from '../../partners/simulator';
import { startPartnerSimulator } from '../../partners/simulator';
import { freePort } from '../../temporal/free-port';
import { caller, testApp, tokenFor } from './api';
import type { DevWorker } from './dev-worker';
import { startDevWorker } from './dev-worker';

export interface PartnerStack {
  dev: DevWorker;
  sim: RunningSimulator;
  api: ReturnType<typeof caller>;
  app: ReturnType<typeof testApp>;
  close(): Promise<void>;
}

export async function startPartnerStack(
  prefix: string,
  opts: { simulator?: SimulatorOptions; policy?: PolicyOverrides; timeoutMs?: number; provinces: string[] },
): Promise<PartnerStack> {
  const port = await freePort();
  const sim = await startPartnerSimulator({ callbackToken: tokenFor('partner:PARTNER-SIM'), callbackBaseDelayMs: 50, ...opts.simulator });
  const endpoint = { baseUrl: sim.url, timeoutMs: opts.timeoutMs ?? 5_000 };
  const clients = createPartnerClients({
    referral: endpoint,
    transport: endpoint,
    tracing: endpoint,
    callbackUrl: `http://127.0.0.1:${port}/v1/partner-callbacks`,
  });
  const dev = await startDevWorker(prefix, clients);
  const app = testApp(dev, { partnerIntegration: true, policy: opts.policy ?? {} });
  const server: Server = await listen(app, '127.0.0.1', port);
  const dispatcher = createNotificationDispatcher({
    db: dev.database.db,
    gateway: createNotificationGateway(endpoint),
    logger: createLogger('silent'),
    provinces: opts.provinces,
    retryBaseMs: 50,
    retryMaxMs: 1_000,
  });
  dispatcher.start(100);
  return {
    dev,
    sim,
    app,
    api: caller(app),
    async close() {
      await dispatcher.stop();
      await sim.close();
      await close(server);
      await dev.close();
    },
  };
}

export { eventually } from './eventually';
