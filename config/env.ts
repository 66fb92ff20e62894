// All configuration comes from environment variables, checked once at start. README lists every one.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { LegacyCategory } from '../domain/categories';
import { LEGACY_CATEGORIES } from '../domain/categories';
import type { PolicyOverrides } from '../domain/policy';
import { DEFAULT_POLICY, policyProblems, withOverrides } from '../domain/policy';
import type { StaffRegistryMode } from '../domain/workforce';
import type { Offices } from './offices';
import { loadOffices } from './offices';
import { STAFF_REGISTRY_MODES } from '../domain/workforce';

const ROOT = path.resolve(__dirname, '..');

const schema = z.object({
  NODE_ENV: z.string().default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.string().url().optional(),
  SIGAP_DATA_DIR: z.string().default(path.join(ROOT, '.data')),
  TEMPORAL_ADDRESS: z.string().optional(),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('sigap-cases'),
  TEMPORAL_DEV_PORT: z.coerce.number().int().default(7233),
  TEMPORAL_UI_PORT: z.coerce.number().int().default(8233),
  SIGAP_PAYLOAD_KEYS: z.string().optional(),
  SIGAP_PAYLOAD_KEY_ID: z.string().optional(),
  SIGAP_CODEC_ENDPOINT: z.enum(['on', 'off']).optional(),
  SIGAP_CODEC_CORS_ORIGIN: z.string().optional(),
  SIGAP_CODEC_AUTH: z.enum(['on', 'off']).optional(),
  SIGAP_STAFF_REGISTRY: z.enum(STAFF_REGISTRY_MODES).optional(),
  SIGAP_OFFICES_FILE: z.string().optional(),
  SIGAP_WORKER_CACHED_CASES: z.coerce.number().int().min(1).max(100_000).optional(),
  SIGAP_WORKER_WORKFLOW_TASKS: z.coerce.number().int().min(1).max(1_000).optional(),
  SIGAP_WORKER_ACTIVITY_TASKS: z.coerce.number().int().min(1).max(10_000).optional(),
  SIGAP_WORKER_STICKY_SECONDS: z.coerce.number().int().min(1).max(3_600).optional(),
  SIGAP_POLICY_FILE: z.string().optional(),
  SIGAP_TIME_SCALE: z.coerce.number().positive().max(1).optional(),
  SIGAP_JWT_SECRET: z.string().min(32).optional(),
  SIGAP_JWT_JWKS_URL: z.string().url().optional(),
  SIGAP_JWT_ISSUER: z.string().default('sigap'),
  SIGAP_JWT_AUDIENCE: z.string().default('sigap-api'),
  SIGAP_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  SIGAP_METRICS_TOKEN: z.string().min(16).optional(),
  TEMPORAL_METRICS_ADDRESS: z.string().regex(/^[\w.-]+:\d+$/).optional(),
  SIGAP_PARTNER_INTEGRATION: z.enum(['on', 'off']).optional(),
  SIGAP_PARTNER_REFERRAL_URL: z.string().url().optional(),
  SIGAP_PARTNER_TRANSPORT_URL: z.string().url().optional(),
  SIGAP_PARTNER_TRACING_URL: z.string().url().optional(),
  SIGAP_NOTIFY_GATEWAY_URL: z.string().url().optional(),
  SIGAP_PARTNER_TOKEN: z.string().optional(),
  SIGAP_PARTNER_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  SIGAP_CALLBACK_URL: z.string().url().optional(),
  SIGAP_SIMULATORS: z.enum(['on', 'off']).optional(),
  PARTNER_SIM_PORT: z.coerce.number().int().min(0).max(65535).default(4100),
  SIGAP_REQUEST_DEADLINE_MS: z.coerce.number().int().min(100).max(60_000).default(1_200),
  SIGAP_DRAIN_DELAY_MS: z.coerce.number().int().min(0).max(120_000).optional(),
});

export interface Config {
  production: boolean;
  host: string;
  port: number;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  databaseUrl: string | undefined;
  dataDir: string;
  temporal: {
    address: string | undefined;
    namespace: string;
    taskQueue: string;
    devPort: number;
    uiPort: number;
  };
  payloadKeys: { spec: string; currentId: string | undefined } | undefined;
  codecEndpoint: boolean;
  codecCorsOrigins: string[];
  /** The codec endpoint requires a supervisor's or admin's bearer token. */
  codecAuth: boolean;
  /** `required`: every staff token needs an active, verified registry record; `known`: registered staff follow the registry, others their token. */
  staffRegistry: StaffRegistryMode;
  /** Per region, the office messages are sent on behalf of and its official number. */
  offices: Offices;
  /** The worker's limits, set rather than left to the SDK's memory-based guess (see README, "Sizing the worker"). */
  worker: WorkerLimits;
  policy: PolicyOverrides;
  auth: { secret: string | undefined; jwksUrl: string | undefined; issuer: string; audience: string };
  rateLimitPerMinute: number;
  metricsToken: string | undefined;
  /** Where the worker's Temporal SDK (Core) serves its Prometheus metrics, e.g. 127.0.0.1:9464. */
  sdkMetricsAddress: string | undefined;
  /** Every call a request makes to Temporal ends by then (real time): a 503 rather than a hang. */
  requestDeadlineMs: number;
  /** After SIGTERM, /readyz answers 503 this long before the server stops taking requests. */
  drainDelayMs: number;
  partners: {
    /** New cases call partner services themselves. */
    integration: boolean;
    referralUrl: string | undefined;
    transportUrl: string | undefined;
    tracingUrl: string | undefined;
    gatewayUrl: string | undefined;
    token: string | undefined;
    timeoutMs: number;
    /** Where partners post callbacks; defaults to this API's /v1/partner-callbacks. */
    callbackUrl: string;
    /** `npm start` runs the partner simulators (unless real partner URLs are configured). */
    simulators: boolean;
    simulatorPort: number;
  };
}

/** How much one worker process holds and runs at once. */
export interface WorkerLimits {
  /** Cases kept in memory between their tasks; an evicted one replays its history on its next task. */
  maxCachedWorkflows: number;
  maxConcurrentWorkflowTaskExecutions: number;
  maxConcurrentActivityTaskExecutions: number;
  /**
   * How long a case's next workflow task waits for the worker that holds the case in memory before it goes
   * to the shared queue with its whole history (ms). Longer rides out a burst's queue (3,000 deadlines due
   * at once drained 2.3× faster with 60 s than with 10 s, #17); shorter moves a killed worker's cases on
   * sooner (with 60 s the fault suite's cases waited up to a minute after a kill -9).
   */
  stickyQueueScheduleToStartTimeout: number;
}

/** A worker's limits unless configured (SIGAP_WORKER_*); the benchmarks start from them too. */
export const WORKER_DEFAULTS: WorkerLimits = {
  maxCachedWorkflows: 1_000,
  maxConcurrentWorkflowTaskExecutions: 40,
  maxConcurrentActivityTaskExecutions: 100,
  // The SDK's default: a worker's deadlines rarely queue for 10 s (cases fall due when they were received,
  // not at one hour of the day); a deployment that sees bursts raises it (SIGAP_WORKER_STICKY_SECONDS).
  stickyQueueScheduleToStartTimeout: 10_000,
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${fields}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const policy: PolicyOverrides = e.SIGAP_POLICY_FILE
    ? (JSON.parse(fs.readFileSync(e.SIGAP_POLICY_FILE, 'utf8')) as PolicyOverrides)
    : {};
  if (e.SIGAP_TIME_SCALE !== undefined) policy.timeScale = e.SIGAP_TIME_SCALE;
  // A policy file written before #13 keys an override by a category's old code; new cases hold the current one.
  const overrides = policy.categoryOverrides;
  for (const legacy of Object.keys(LEGACY_CATEGORIES) as LegacyCategory[]) {
    if (overrides?.[legacy]) overrides[LEGACY_CATEGORIES[legacy]] ??= overrides[legacy];
  }
  const problems = policyProblems(withOverrides(DEFAULT_POLICY, policy));
  if (problems.length) throw new Error(`Invalid policy: ${problems.join('; ')}`);
  if (production && !e.SIGAP_PAYLOAD_KEYS) throw new Error('SIGAP_PAYLOAD_KEYS is required in production');
  if (production && !e.SIGAP_JWT_SECRET && !e.SIGAP_JWT_JWKS_URL) throw new Error('SIGAP_JWT_JWKS_URL or SIGAP_JWT_SECRET is required in production');
  // Split processes must not fall back silently on an embedded database, a local dev server or a callback
  // address that only the process itself can reach.
  const missing = (['DATABASE_URL', 'TEMPORAL_ADDRESS'] as const).filter((name) => production && !e[name]);
  if (missing.length) throw new Error(`${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} required in production`);
  return {
    production,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.SIGAP_DATA_DIR),
    temporal: {
      address: e.TEMPORAL_ADDRESS,
      namespace: e.TEMPORAL_NAMESPACE,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
      devPort: e.TEMPORAL_DEV_PORT,
      uiPort: e.TEMPORAL_UI_PORT,
    },
    payloadKeys: e.SIGAP_PAYLOAD_KEYS ? { spec: e.SIGAP_PAYLOAD_KEYS, currentId: e.SIGAP_PAYLOAD_KEY_ID } : undefined,
    // The codec endpoint decrypts payloads for the Web UI: on in development (the dev UI has no login);
    // in production only when asked for, and then behind supervisors' tokens unless told otherwise.
    // development convenience only.
    codecEndpoint: (e.SIGAP_CODEC_ENDPOINT ?? (production ? 'off' : 'on')) === 'on',
    codecAuth: (e.SIGAP_CODEC_AUTH ?? (production ? 'on' : 'off')) === 'on',
    staffRegistry: e.SIGAP_STAFF_REGISTRY ?? (production ? 'required' : 'known'),
    offices: loadOffices(e.SIGAP_OFFICES_FILE, production),
    worker: {
      maxCachedWorkflows: e.SIGAP_WORKER_CACHED_CASES ?? WORKER_DEFAULTS.maxCachedWorkflows,
      maxConcurrentWorkflowTaskExecutions: e.SIGAP_WORKER_WORKFLOW_TASKS ?? WORKER_DEFAULTS.maxConcurrentWorkflowTaskExecutions,
      maxConcurrentActivityTaskExecutions: e.SIGAP_WORKER_ACTIVITY_TASKS ?? WORKER_DEFAULTS.maxConcurrentActivityTaskExecutions,
      stickyQueueScheduleToStartTimeout: e.SIGAP_WORKER_STICKY_SECONDS === undefined ? WORKER_DEFAULTS.stickyQueueScheduleToStartTimeout : e.SIGAP_WORKER_STICKY_SECONDS * 1000,
    },
    codecCorsOrigins: (e.SIGAP_CODEC_CORS_ORIGIN ?? `http://localhost:${e.TEMPORAL_UI_PORT},http://127.0.0.1:${e.TEMPORAL_UI_PORT}`)
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    policy,
    auth: { secret: e.SIGAP_JWT_SECRET, jwksUrl: e.SIGAP_JWT_JWKS_URL, issuer: e.SIGAP_JWT_ISSUER, audience: e.SIGAP_JWT_AUDIENCE },
    rateLimitPerMinute: e.SIGAP_RATE_LIMIT_PER_MINUTE,
    metricsToken: e.SIGAP_METRICS_TOKEN,
    sdkMetricsAddress: e.TEMPORAL_METRICS_ADDRESS,
    requestDeadlineMs: e.SIGAP_REQUEST_DEADLINE_MS,
    drainDelayMs: e.SIGAP_DRAIN_DELAY_MS ?? (production ? 5_000 : 0),
    partners: partnerConfig(e, production),
  };
}

function partnerConfig(e: z.infer<typeof schema>, production: boolean): Config['partners'] {
  const configured = Boolean(e.SIGAP_PARTNER_REFERRAL_URL || e.SIGAP_PARTNER_TRANSPORT_URL || e.SIGAP_PARTNER_TRACING_URL);
  const simulators = (e.SIGAP_SIMULATORS ?? (configured || production ? 'off' : 'on')) === 'on';
  if (simulators && production) throw new Error('SIGAP_SIMULATORS=on is for development only');
  const integration = (e.SIGAP_PARTNER_INTEGRATION ?? (configured || simulators ? 'on' : 'off')) === 'on';
  // A worker's own HOST/PORT is not where partners reach the API: production says so explicitly.
  if (production && integration && !e.SIGAP_CALLBACK_URL) {
    throw new Error('SIGAP_CALLBACK_URL (the public address of /v1/partner-callbacks) is required in production with partner integration');
  }
  return {
    integration,
    referralUrl: e.SIGAP_PARTNER_REFERRAL_URL,
    transportUrl: e.SIGAP_PARTNER_TRANSPORT_URL,
    tracingUrl: e.SIGAP_PARTNER_TRACING_URL,
    gatewayUrl: e.SIGAP_NOTIFY_GATEWAY_URL,
    token: e.SIGAP_PARTNER_TOKEN,
    timeoutMs: e.SIGAP_PARTNER_TIMEOUT_MS,
    callbackUrl: e.SIGAP_CALLBACK_URL ?? `http://${e.HOST === '0.0.0.0' ? '127.0.0.1' : e.HOST}:${e.PORT}/v1/partner-callbacks`,
    simulators,
    simulatorPort: e.PARTNER_SIM_PORT,
  };
}
