// One production-shaped Sigap for a test file, every part its own OS process: a Temporal dev server on
// a SQLite file, a throwaway PostgreSQL cluster, the partner simulators, the API and two workers, all
// started through their production entry points with NODE_ENV=production and production settings.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { signToken } from '../../../api/auth/tokens';
import type { PolicyOverrides } from '../../../domain/policy';
import { createDataConverter } from '../../../temporal/data-converter';
import { freePort } from '../../../temporal/free-port';
import { parseKeyRing } from '../../../temporal/keyring';
import type { Who } from './api-client';
import { ApiClient } from './api-client';
import { Partners } from './partners';
import { PgCluster } from './postgres';
import type { Proc } from './processes';
import { TSX, groupOf, startProcess, waitForLog } from './processes';
import { TemporalServer } from './temporal-server';

/** A simulated hour lasts a minute: the deadlines the scenarios do not wait for stay far beyond a test's length. */
export const TIME_SCALE = 1 / 60;

/**
 * Deployment overrides for every case the API opens: a high-risk first response is due 8 s after intake
 * (8 min on the scaled clock), the one deadline a scenario waits for; a partner call is retried soon.
 */
export const POLICY: PolicyOverrides = {
  riskTiered: { first_response: { high: 8 * 60_000 } },
  partnerRetry: { initialMs: 500, maxMs: 5_000 },
};

/** Partner pace for the suite: decisions only when a test makes them, no trips leaving by themselves. */
const SIMULATOR = { referral: { decisionDelayMs: null }, transport: { departAfterMs: null, arriveAfterMs: null }, gateway: { deliverAfterMs: 200 } };

const SIGAP_VARS = /^(SIGAP_|TEMPORAL_|PARTNER_|DATABASE_URL$|NODE_ENV$|PORT$|HOST$|LOG_LEVEL$)/;

export class Stack {
  readonly api: ApiClient;
  readonly partners: Partners;
  workers: Proc[] = [];
  apiProc: Proc | undefined;
  private simProc: Proc | undefined;
  private connection: Connection | undefined;
  client!: Client;

  private constructor(
    readonly name: string,
    readonly dir: string,
    readonly pg: PgCluster,
    readonly temporal: TemporalServer,
    private readonly env: NodeJS.ProcessEnv,
    readonly ports: { api: number; sim: number },
    tokens: Record<Who, string>,
    readonly payloadKeys: string,
  ) {
    this.api = new ApiClient(`http://127.0.0.1:${ports.api}`, tokens);
    this.partners = new Partners(`http://127.0.0.1:${ports.sim}`);
  }

  static async start(name: string): Promise<Stack> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `sigap-faults-${name}-`));
    // The postgres OS user must reach its cluster directory inside.
    fs.chmodSync(dir, 0o755);
    fs.mkdirSync(path.join(dir, 'logs'));
    const [pgPort, temporalPort, apiPort, simPort] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    const temporal = new TemporalServer(path.join(dir, 'temporal.db'), temporalPort, path.join(dir, 'logs'));
    const [pg] = await Promise.all([PgCluster.create(path.join(dir, 'pg'), pgPort), temporal.start()]);
    const jwtSecret = randomBytes(32).toString('base64url');
    const settings = { issuer: 'sigap', audience: 'sigap-api', secret: new TextEncoder().encode(jwtSecret) };
    const sign = (role: Who, sub: string) => signToken(settings, { sub, role, regions: ['*'] }, '2h');
    const roles: Who[] = ['operator', 'case_manager', 'supervisor', 'admin'];
    const tokens = Object.fromEntries(await Promise.all(roles.map(async (r) => [r, await sign(r, `${r.replace('_', '')}-faults`)] as const)));
    tokens.partner = await sign('partner', 'PARTNER-SIM');
    const payloadKeys = `faults-1:${randomBytes(32).toString('base64')}`;
    const policyFile = path.join(dir, 'policy.json');
    fs.writeFileSync(policyFile, JSON.stringify(POLICY));
    const partnerToken = randomBytes(24).toString('base64url');
    const sim = `http://127.0.0.1:${simPort}`;
    const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !SIGAP_VARS.test(k)));
    const env: NodeJS.ProcessEnv = {
      ...base,
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      DATABASE_URL: pg.url,
      TEMPORAL_ADDRESS: temporal.address,
      SIGAP_PAYLOAD_KEYS: payloadKeys,
      SIGAP_PAYLOAD_KEY_ID: 'faults-1',
      SIGAP_JWT_SECRET: jwtSecret,
      SIGAP_TIME_SCALE: String(TIME_SCALE),
      SIGAP_POLICY_FILE: policyFile,
      SIGAP_RATE_LIMIT_PER_MINUTE: '1000000',
      // The faults are about outages, not the workforce: callers act on their tokens' claims, while every
      // request still asks the staff registry (and, with PostgreSQL down, falls back as production does).
      SIGAP_STAFF_REGISTRY: 'known',
      SIGAP_CALLBACK_URL: `http://127.0.0.1:${apiPort}/v1/partner-callbacks`,
      SIGAP_PARTNER_REFERRAL_URL: sim,
      SIGAP_PARTNER_TRANSPORT_URL: sim,
      SIGAP_PARTNER_TRACING_URL: sim,
      SIGAP_NOTIFY_GATEWAY_URL: sim,
      SIGAP_PARTNER_TOKEN: partnerToken,
      SIGAP_WORKFLOW_BUNDLE: workflowBundle(),
      PARTNER_SIM_PORT: String(simPort),
      PARTNER_CALLBACK_TOKEN: tokens.partner,
      PARTNER_SIM_CLIENT_TOKEN: partnerToken,
      PARTNER_SIM_OPTIONS: JSON.stringify(SIMULATOR),
    };
    const stack = new Stack(name, dir, pg, temporal, env, { api: apiPort, sim: simPort }, tokens as Record<Who, string>, payloadKeys);
    await stack.connect();
    await Promise.all([stack.startSimulators(), stack.startApi(), stack.startWorker(), stack.startWorker()]);
    return stack;
  }

  private async connect(): Promise<void> {
    this.connection = await Connection.connect({ address: this.temporal.address });
    this.client = new Client({ connection: this.connection, dataConverter: createDataConverter(parseKeyRing(this.payloadKeys)) });
  }

  private async startSimulators(): Promise<void> {
    this.simProc = startProcess('partners', TSX, ['partners/main.ts'], { env: this.env, logDir: this.logDir });
    await waitForLog(this.simProc, /partner simulators listening/);
  }

  get logDir(): string {
    return path.join(this.dir, 'logs');
  }

  async startApi(): Promise<Proc> {
    const proc = startProcess('api', TSX, ['api/server.ts'], { env: this.env, logDir: this.logDir });
    this.apiProc = proc;
    await waitForLog(proc, /API listening/);
    return proc;
  }

  /** SIGKILL: in-flight requests die with it. */
  async killApi(): Promise<void> {
    await this.apiProc?.kill('SIGKILL');
  }

  async startWorker(): Promise<Proc> {
    const proc = startProcess('worker', TSX, ['temporal/worker-main.ts'], { env: this.env, logDir: this.logDir });
    this.workers.push(proc);
    await waitForLog(proc, /worker running/);
    return proc;
  }

  async killWorker(proc: Proc): Promise<void> {
    await proc.kill('SIGKILL');
    this.workers = this.workers.filter((w) => w !== proc);
  }

  async killAllWorkers(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.kill('SIGKILL')));
    this.workers = [];
  }

  /** SIGTERM to every worker (each drains and tells Temporal it is gone), then two new ones. */
  async replaceWorkers(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.kill('SIGTERM')));
    this.workers = [];
    await Promise.all([this.startWorker(), this.startWorker()]);
  }

  /** Brings the stack back to two running workers. */
  async topUpWorkers(): Promise<void> {
    while (this.workers.length < 2) await this.startWorker();
  }

  /** The worker process behind a Temporal worker identity (`pid@host`), if it is one of ours. */
  workerOf(identity: string): Proc | undefined {
    const pid = Number(identity.split('@')[0]);
    const group = groupOf(pid);
    return this.workers.find((w) => w.pid === pid || w.pid === group);
  }

  async close(): Promise<void> {
    await Promise.all([...this.workers, this.apiProc, this.simProc].map((p) => p?.kill('SIGKILL')));
    await this.connection?.close().catch(() => undefined);
    await this.temporal.kill();
    await this.pg.remove();
    if (process.env.SIGAP_FAULTS_KEEP !== '1') fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

function workflowBundle(): string {
  const file = process.env.SIGAP_FAULTS_WORKFLOW_BUNDLE;
  if (!file || !fs.existsSync(file)) throw new Error('the fault suite\'s globalSetup did not build the workflow bundle (run it with jest.faults.config.js)');
  return file;
}
