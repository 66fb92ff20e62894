// `tsx partners/main.ts` (or `node dist/partners/main.js` in docker-compose): the partner simulators as a
// process of their own, configured from the environment. `npm start` and tests start them in-process with
// startPartnerSimulator instead; simulatorOptionsFromEnv lets them read the same variables.
import pino from 'pino';
import type { Logger } from 'pino';
import { z } from 'zod';
import { callbackTokenFrom } from './callback-token';
import { faultsBody } from './faults';
import type { RunningSimulator, StartOptions } from './simulator';
import { startPartnerSimulator } from './simulator';

export { startPartnerSimulator, createPartnerSimulator } from './simulator';
export type { RunningSimulator, SimulatorOptions, StartOptions, PartnerSimulator, SimulatorCounts } from './simulator';

const delay = z.number().int().min(0).nullable();
const rate = z.number().min(0).max(1);

/** PARTNER_SIM_OPTIONS: behaviour of the services, as JSON (everything optional). */
const serviceOptions = z
  .object({
    seed: z.number().int(),
    duplicateCallbacks: z.boolean(),
    callbackMaxAttempts: z.number().int().min(1),
    callbackBaseDelayMs: z.number().int().min(0),
    callbackMaxDelayMs: z.number().int().min(0),
    callbackTimeoutMs: z.number().int().min(1),
    callbackResourceIds: z.boolean(),
    timeScale: z.number().positive().max(1),
    referral: z
      .object({ facilities: z.array(z.string()), facilityPrefixes: z.array(z.string()), decisionDelayMs: delay, acceptRate: rate, dischargeAfterMs: delay })
      .strict()
      .partial(),
    transport: z
      .object({ capacity: z.number().int().min(1), seatsPerDay: z.number().int().min(1).nullable(), departAfterMs: delay, arriveAfterMs: delay, partnerId: z.string() })
      .strict()
      .partial(),
    gateway: z.object({ deliverAfterMs: delay, failRate: rate }).strict().partial(),
    tracing: z.object({ resultDelayMs: delay, foundRate: rate, canReceiveRate: rate, partnerId: z.string() }).strict().partial(),
  })
  .strict()
  .partial();

export class SimulatorEnvError extends Error {}

/**
 * Options from PARTNER_SIM_PORT (default 4100), PARTNER_SIM_HOST (127.0.0.1), PARTNER_CALLBACK_TOKEN (or one
 * derived from SIGAP_JWT_SECRET, see callback-token.ts),
 * PARTNER_SIM_ADMIN_TOKEN, PARTNER_SIM_CLIENT_TOKEN, PARTNER_SIM_SEED, PARTNER_SIM_FAULTS (JSON, as PUT /_admin/faults),
 * PARTNER_SIM_OPTIONS (JSON, service behaviour) and SIGAP_TIME_SCALE (the partners' pace, as the cases').
 * Throws SimulatorEnvError naming the bad variable.
 */
export function simulatorOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): StartOptions {
  const port = Number(env.PARTNER_SIM_PORT ?? 4100);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new SimulatorEnvError('PARTNER_SIM_PORT must be a port number');
  const seed = env.PARTNER_SIM_SEED === undefined ? undefined : Number(env.PARTNER_SIM_SEED);
  if (seed !== undefined && !Number.isInteger(seed)) throw new SimulatorEnvError('PARTNER_SIM_SEED must be an integer');
  const faults = env.PARTNER_SIM_FAULTS ? parseJson('PARTNER_SIM_FAULTS', env.PARTNER_SIM_FAULTS, faultsBody) : undefined;
  const services = env.PARTNER_SIM_OPTIONS ? parseJson('PARTNER_SIM_OPTIONS', env.PARTNER_SIM_OPTIONS, serviceOptions) : {};
  const timeScale = env.SIGAP_TIME_SCALE === undefined ? undefined : Number(env.SIGAP_TIME_SCALE);
  if (timeScale !== undefined && !(timeScale > 0 && timeScale <= 1)) throw new SimulatorEnvError('SIGAP_TIME_SCALE must be in (0, 1]');
  return {
    ...(timeScale !== undefined ? { timeScale } : {}),
    ...services,
    port,
    host: env.PARTNER_SIM_HOST || '127.0.0.1',
    ...(seed !== undefined ? { seed } : {}),
    ...(env.PARTNER_CALLBACK_TOKEN ? { callbackToken: env.PARTNER_CALLBACK_TOKEN } : {}),
    ...(env.PARTNER_SIM_ADMIN_TOKEN ? { adminToken: env.PARTNER_SIM_ADMIN_TOKEN } : {}),
    ...(env.PARTNER_SIM_CLIENT_TOKEN ? { clientToken: env.PARTNER_SIM_CLIENT_TOKEN } : {}),
    ...(faults ? { faults } : {}),
  };
}

function parseJson<S extends z.ZodType>(name: string, text: string, schema: S): z.infer<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SimulatorEnvError(`${name} is not valid JSON`);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new SimulatorEnvError(`${name}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

/** Starts the simulators from the environment and stops them on SIGINT/SIGTERM (a second signal exits at once). */
export async function runPartnerSimulatorProcess(env: NodeJS.ProcessEnv = process.env, log: Logger = pino({ name: 'partner-sim', level: env.LOG_LEVEL ?? 'info' })): Promise<RunningSimulator> {
  const parsed = simulatorOptionsFromEnv(env);
  const callbackToken = await callbackTokenFrom(env);
  const options = { ...parsed, ...(callbackToken ? { callbackToken } : {}) };
  const running = await startPartnerSimulator({ ...options, logger: log });
  // The configuration is logged without the tokens.
  log.info(
    {
      url: running.url,
      callbackToken: env.PARTNER_CALLBACK_TOKEN ? 'given' : callbackToken ? 'derived from SIGAP_JWT_SECRET' : 'none',
      adminToken: options.adminToken !== undefined,
      clientToken: options.clientToken !== undefined,
      faults: options.faults ?? null,
    },
    'partner simulators listening',
  );
  if (!options.callbackToken) log.warn('neither PARTNER_CALLBACK_TOKEN nor SIGAP_JWT_SECRET is set: Sigap will refuse the callbacks (see partners/README.md)');
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    log.info({ signal }, 'stopping partner simulators');
    running.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'stop failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  return running;
}

if (require.main === module) {
  runPartnerSimulatorProcess().catch((err: unknown) => {
    process.stderr.write(`partner simulators failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
