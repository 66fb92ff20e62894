// Benchmark (not a test): opening cases through `POST /v1/cases` against starting the same workflows with
// a raw Temporal client, on the same dev server in the same run. Reports throughput and latency of both
// and their ratio, where an API request's time goes, and writes them to docs/BENCHMARKS.md.
//   npm run bench:api -- --requests 2000 --concurrency 32 --warmup 1000
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { EventLoopUtilization } from 'node:perf_hooks';
import { performance } from 'node:perf_hooks';
import type { Client, WorkflowClient } from '@temporalio/client';
import autocannon from 'autocannon';
import { Command } from 'commander';
import { eq, sql } from 'drizzle-orm';
import { createApp } from '../api/app';
import { startCaseWorkflow } from '../api/case-service';
import { createTokenVerifier, signToken } from '../api/auth/tokens';
import { requestHash, reserve } from '../api/idempotency';
import { close } from '../api/listen';
import type { OpenCaseBody } from '../api/schemas';
import { openCaseBody } from '../api/schemas';
import { createLogger } from '../config/logger';
import type { Db } from '../db/client';
import { idempotencyKeys } from '../db/schema';
import { defaultPathway } from '../domain/categories';
import { freePort } from '../temporal/free-port';
import type { OpenCaseInput } from '../workflows/contract';
import { startBenchStack } from './bench-stack';
import { machine, percentile, writeSection } from './report';

const integer = (name: string, min: number) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer of at least ${min}`);
  return n;
};

const opts = new Command()
  .option('--requests <n>', 'measured case openings per path', integer('--requests', 1), 2000)
  .option('--concurrency <n>', 'openings in flight (raw starts, or autocannon connections)', integer('--concurrency', 1), 32)
  .option('--warmup <n>', 'uncounted openings per path before measuring', integer('--warmup', 0), 1000)
  .option('--no-write', 'do not update docs/BENCHMARKS.md')
  .parse()
  .opts<{ requests: number; concurrency: number; warmup: number; write: boolean }>();

const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);

/** A realistic intake as a call-centre operator sends it, checked by the API's own schema. */
const INTAKE = {
  category: 'odgj_terlantar',
  riskLevel: 'high',
  regionCode: '64.72',
  report: { channel: 'call_centre', summary: 'Laki-laki sekitar 40 tahun, bicara sendiri, di depan Pasar Segiri sejak pagi' },
  subject: { sex: 'male', estimatedAge: 40, description: 'Kaos hitam, tanpa alas kaki', foundLocation: 'Jl. Pahlawan, depan Pasar Segiri, Samarinda' },
};
const BODY: OpenCaseBody = openCaseBody.parse(INTAKE);

interface Measured {
  seconds: number;
  /** Latency of each successful opening, ms, sorted. */
  latencies: number[];
  /** Failures by kind ("HTTP 409", "ServiceError: …", "connection error"). */
  failures: Map<string, number>;
  /** CPU of this process (API, client, load generator) and of the dev server, ms. */
  cpuMs: number;
  serverCpuMs: number | null;
  /** CPU of the whole machine (every core, every process), ms; null where /proc/stat cannot be read. */
  machineCpuMs: number | null;
  elu: EventLoopUtilization;
}

interface Phase extends Measured {
  name: string;
}

/** CPU time (ms) of the Temporal dev server we started, from /proc; null where that cannot be read. */
function devServerCpuMs(): number | null {
  try {
    let total = 0;
    let found = false;
    for (const pid of fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
      let stat: string;
      try {
        stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      } catch {
        continue;
      }
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      // Fields after the name: state, ppid, … utime (14th field) and stime (15th), in 1/100 s.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) !== process.pid || !name.startsWith('temporal')) continue;
      total += (Number(fields[11]) + Number(fields[12])) * 10;
      found = true;
    }
    return found ? total : null;
  } catch {
    return null;
  }
}

/** Busy CPU time (ms) of the whole machine since boot, from /proc/stat; null where that cannot be read. */
function machineCpuMs(): number | null {
  try {
    const [, ...ticks] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
    // user nice system idle iowait irq softirq steal …: everything but idle and iowait is busy.
    const busy = ticks.slice(0, 8).reduce((a, b, i) => (i === 3 || i === 4 ? a : a + b), 0);
    return Number.isFinite(busy) ? busy * 10 : null;
  } catch {
    return null;
  }
}

const delta = (before: number | null, after: number | null) => (before === null || after === null ? null : after - before);
const sum = (x: number | null, y: number | null) => (x === null || y === null ? null : x + y);

/** Runs `body` and measures its wall time, this process's CPU and event-loop use, and the dev server's CPU. */
async function measure(body: () => Promise<Pick<Measured, 'latencies' | 'failures'> & { endedAt?: number }>): Promise<Measured> {
  const cpu = process.cpuUsage();
  const server = devServerCpuMs();
  const all = machineCpuMs();
  const elu = performance.eventLoopUtilization();
  const started = performance.now();
  const { latencies, failures, endedAt } = await body();
  const seconds = ((endedAt ?? performance.now()) - started) / 1000;
  const used = process.cpuUsage(cpu);
  const serverAfter = devServerCpuMs();
  const allAfter = machineCpuMs();
  return {
    seconds,
    latencies: latencies.sort((a, b) => a - b),
    failures,
    cpuMs: (used.user + used.system) / 1000,
    serverCpuMs: delta(server, serverAfter),
    machineCpuMs: delta(all, allAfter),
    elu: performance.eventLoopUtilization(elu),
  };
}

const count = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);

/**
 * The raw loop: exactly the start call `openCase` makes for this body (same input, options, search
 * attributes, summary; the same client, so the same connection and payload encryption).
 */
async function rawPhase(client: Client, taskQueue: string, openedBy: OpenCaseInput['openedBy'], n: number, concurrency: number): Promise<Phase> {
  const m = await measure(async () => {
    const latencies: number[] = [];
    const failures = new Map<string, number>();
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(concurrency, n) }, async () => {
        while (next < n) {
          next += 1;
          const caseId = randomUUID();
          const pathway = BODY.pathway ?? defaultPathway(BODY.category);
          const input: OpenCaseInput = {
            caseId,
            category: BODY.category,
            pathway,
            riskLevel: BODY.riskLevel,
            regionCode: BODY.regionCode,
            openedBy,
            report: BODY.report,
            subject: BODY.subject,
            policy: {},
          };
          const t = performance.now();
          try {
            await startCaseWorkflow(client, taskQueue, input);
            latencies.push(performance.now() - t);
          } catch (err) {
            count(failures, `${err instanceof Error ? err.name : 'error'}: ${String((err as Error).message ?? err).slice(0, 120)}`);
          }
        }
      }),
    );
    return { latencies, failures };
  });
  return { name: 'raw client start', ...m };
}

/** The API: real HTTP with autocannon, each request with its own Idempotency-Key and a real bearer token. */
async function apiPhase(url: string, token: string, n: number, concurrency: number): Promise<Phase> {
  const m = await measure(async () => {
    const latencies: number[] = [];
    const failures = new Map<string, number>();
    let responses = 0;
    let endedAt = performance.now();
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: `${url}/v1/cases`,
          connections: Math.min(concurrency, n),
          amount: n,
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(INTAKE),
          requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'idempotency-key': randomUUID() } }) }],
          // autocannon notices that it is done only on its sampling tick (1 s by default), which would add
          // up to a second of idle to the phase; the wall time below ends at the last response anyway.
          sampleInt: 20,
        },
        (err, res) => (err ? reject(err as Error) : resolve(res)),
      );
      instance.on('response', (_client, statusCode, _bytes, responseTime) => {
        responses += 1;
        endedAt = performance.now();
        if (statusCode === 201) latencies.push(responseTime);
        else count(failures, `HTTP ${statusCode}`);
      });
    });
    if (result.errors > 0) failures.set('connection errors (incl. timeouts)', result.errors);
    if (responses < n - result.errors) failures.set('missing responses', n - result.errors - responses);
    return { latencies, failures, endedAt };
  });
  return { name: 'POST /v1/cases', ...m };
}

/** The API's one database write alone: the Idempotency-Key reservation, as `openCase` makes it. */
async function reservePhase(db: Db, scope: string, n: number, concurrency: number): Promise<Phase> {
  const m = await measure(async () => {
    const latencies: number[] = [];
    const failures = new Map<string, number>();
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(concurrency, n) }, async () => {
        while (next < n) {
          next += 1;
          const t = performance.now();
          try {
            await reserve(db, scope, randomUUID(), requestHash(BODY), randomUUID());
            latencies.push(performance.now() - t);
          } catch (err) {
            count(failures, `${err instanceof Error ? err.name : 'error'}: ${String((err as Error).message ?? err).slice(0, 120)}`);
          }
        }
      }),
    );
    return { latencies, failures };
  });
  return { name: 'idempotency row alone', ...m };
}

/**
 * Where an API request's time goes, from the server's side: when the request arrived (headers read), when
 * the handler called `workflow.start` and when it returned, when the response finished. Kept as sums, so
 * the means need no per-request bookkeeping (every 201 made exactly one start).
 */
class ServerTimings {
  recording = false;
  ok = 0;
  arrived = 0;
  finished = 0;
  startBegun = 0;
  startEnded = 0;
  starts: number[] = [];

  /** The app's client with `workflow.start` timed; everything else is the real client. */
  instrument(client: Client): Client {
    const start = (async (...args: Parameters<WorkflowClient['start']>) => {
      const t = performance.now();
      try {
        return await client.workflow.start(...args);
      } finally {
        const done = performance.now();
        if (this.recording) {
          this.startBegun += t;
          this.startEnded += done;
          this.starts.push(done - t);
        }
      }
    }) as WorkflowClient['start'];
    const workflow = new Proxy(client.workflow, { get: (target, prop) => (prop === 'start' ? start : Reflect.get(target, prop, target)) });
    return new Proxy(client, { get: (target, prop) => (prop === 'workflow' ? workflow : Reflect.get(target, prop, target)) });
  }

  /** A request listener that runs before the app's. */
  stamp = (req: IncomingMessage, res: ServerResponse): void => {
    if (!this.recording || req.method !== 'POST') return;
    const arrived = performance.now();
    res.once('finish', () => {
      if (res.statusCode !== 201) return;
      this.ok += 1;
      this.arrived += arrived;
      this.finished += performance.now();
    });
  };
}

function merge(x: Phase, y: Phase): Phase {
  const failures = new Map(x.failures);
  for (const [k, v] of y.failures) failures.set(k, (failures.get(k) ?? 0) + v);
  return {
    name: x.name,
    seconds: x.seconds + y.seconds,
    latencies: [...x.latencies, ...y.latencies].sort((p, q) => p - q),
    failures,
    cpuMs: x.cpuMs + y.cpuMs,
    serverCpuMs: sum(x.serverCpuMs, y.serverCpuMs),
    machineCpuMs: sum(x.machineCpuMs, y.machineCpuMs),
    elu: {
      idle: x.elu.idle + y.elu.idle,
      active: x.elu.active + y.elu.active,
      utilization: (x.elu.active + y.elu.active) / (x.elu.idle + y.elu.idle + x.elu.active + y.elu.active),
    },
  };
}

/** The command line that reproduces this run; a password in DATABASE_URL is masked. */
function commandLine(): string {
  const env: string[] = [];
  if (process.env.TEMPORAL_ADDRESS) env.push(`TEMPORAL_ADDRESS=${process.env.TEMPORAL_ADDRESS}`);
  if (process.env.DATABASE_URL) {
    let shown = '…';
    try {
      const u = new URL(process.env.DATABASE_URL);
      if (u.password) u.password = '***';
      shown = u.toString();
    } catch {
      // Not a URL: show nothing of it.
    }
    env.push(`DATABASE_URL=${shown}`);
  }
  return [...env, `npm run bench:api -- --requests ${opts.requests} --concurrency ${opts.concurrency} --warmup ${opts.warmup}`].join(' ');
}

async function main(): Promise<void> {
  const stack = await startBenchStack();
  const { client, database } = stack;
  // No worker polls this queue: both paths measure the start alone, not the cases' first steps.
  const taskQueue = `bench-api-${randomUUID()}`;
  // A staff id of its own per run, so the idempotency rows of this run can be counted on a shared database.
  const operator = `bench-op-${randomUUID().slice(0, 8)}`;
  const settings = { issuer: 'sigap', audience: 'sigap-api', secret: new TextEncoder().encode(randomUUID() + randomUUID()) };
  const timings = new ServerTimings();
  const app = createApp({
    client: timings.instrument(client),
    db: database.db,
    taskQueue,
    policy: {},
    logger: createLogger('silent'),
    checks: {},
    verifyToken: createTokenVerifier(settings),
    rateLimitPerMinute: 100_000_000,
  });
  const port = await freePort();
  const http: Server = createServer();
  http.on('request', timings.stamp);
  http.on('request', app);
  http.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(port, '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${port}`;
  const token = await signToken(settings, { sub: operator, role: 'operator', regions: ['64'] });
  const openedBy = { id: operator, role: 'operator' } as const;
  const { requests: n, concurrency: c, warmup } = opts;

  let warmupOk = { raw: 0, api: 0 };
  if (warmup > 0) {
    log(`warm-up: ${warmup} each, uncounted`);
    const raw = await rawPhase(client, taskQueue, openedBy, warmup, c);
    const api = await apiPhase(url, token, warmup, c);
    warmupOk = { raw: raw.latencies.length, api: api.latencies.length };
  }
  // Alternate the order in two halves (API, raw, raw, API) so neither path always runs on the warmer, or
  // fuller, server.
  const half = Math.max(1, Math.floor(n / 2));
  const rest = n - half;
  log(`measuring: ${n} each, ${c} in flight, database ${database.kind}`);
  timings.recording = true;
  const a1 = await apiPhase(url, token, half, c);
  timings.recording = false;
  const r1 = await rawPhase(client, taskQueue, openedBy, half, c);
  const r2 = rest > 0 ? await rawPhase(client, taskQueue, openedBy, rest, c) : undefined;
  timings.recording = true;
  const a2 = rest > 0 ? await apiPhase(url, token, rest, c) : undefined;
  timings.recording = false;
  const api = a2 ? merge(a1, a2) : a1;
  const raw = r2 ? merge(r1, r2) : r1;
  for (const [name, x, y] of [['raw', r1, r2], ['api', a1, a2]] as const) {
    if (y) log(`${name} halves: ${(x.latencies.length / x.seconds).toFixed(0)} /s, ${(y.latencies.length / y.seconds).toFixed(0)} /s`);
  }

  // Not a path of its own: how long the API's database write takes by itself, at the same concurrency.
  const reserved = await reservePhase(database.db, `bench-reserve:${operator}`, Math.min(n, 1000), c);

  // Every 201 must be a new case: one idempotency row and one workflow each, none replayed.
  const [rows] = await database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(idempotencyKeys)
    .where(eq(idempotencyKeys.scope, `cases:${operator}`));
  const apiOk = warmupOk.api + api.latencies.length;
  const expectedWorkflows = warmupOk.raw + warmupOk.api + raw.latencies.length + api.latencies.length;
  let workflows = 0;
  for (let attempt = 0; attempt < 30; attempt++) {
    ({ count: workflows } = await client.workflow.count(`TaskQueue = '${taskQueue}'`));
    if (workflows >= expectedWorkflows) break;
    await new Promise((r) => setTimeout(r, 500));
  }

  const rate = (p: Phase) => p.latencies.length / p.seconds;
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const failures = (p: Phase) => [...p.failures.values()].reduce((a, b) => a + b, 0);
  const failureText = (p: Phase) => (p.failures.size ? [...p.failures].map(([k, v]) => `${v} × ${k}`).join('; ') : 'none');
  const row = (p: Phase) =>
    `| ${p.name} | ${rate(p).toFixed(0)} /s | ${ms(percentile(p.latencies, 50))} | ${ms(percentile(p.latencies, 95))} | ${ms(percentile(p.latencies, 99))} | ${ms(p.latencies.at(-1) ?? NaN)} | ${failures(p)} |`;
  const perStart = (cpuMs: number | null, p: Phase) => (cpuMs === null ? 'n/a' : `${(cpuMs / p.latencies.length).toFixed(2)} ms`);
  const otherCpu = (p: Phase) => (p.machineCpuMs === null || p.serverCpuMs === null ? null : Math.max(0, p.machineCpuMs - p.cpuMs - p.serverCpuMs));
  const capacityMs = (p: Phase) => p.seconds * 1000 * os.cpus().length;
  const share = (cpuMs: number | null, p: Phase) => (cpuMs === null ? 'n/a' : `${((cpuMs / capacityMs(p)) * 100).toFixed(0)} %`);
  const busy = (p: Phase) => share(p.machineCpuMs, p);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const clientMean = mean(api.latencies);
  const serverMean = timings.ok ? (timings.finished - timings.arrived) / timings.ok : NaN;
  const beforeStart = timings.ok ? (timings.startBegun - timings.arrived) / timings.ok : NaN;
  const afterStart = timings.ok ? (timings.finished - timings.startEnded) / timings.ok : NaN;
  const startsInApi = [...timings.starts].sort((a, b) => a - b);

  const result = [
    '| path | throughput | p50 | p95 | p99 | max | errors |',
    '|---|---|---|---|---|---|---|',
    row(raw),
    row(api),
    '',
    `Ratio API / raw: throughput **${(rate(api) / rate(raw)).toFixed(2)}×**, p99 latency **${(percentile(api.latencies, 99) / percentile(raw.latencies, 99)).toFixed(2)}×** (p50 ${(percentile(api.latencies, 50) / percentile(raw.latencies, 50)).toFixed(2)}×).`,
    '',
    `- errors: raw ${failureText(raw)}; API ${failureText(api)}`,
    `- checks: ${rows?.n ?? 0} idempotency rows for ${apiOk} API openings (warm-up included); ${workflows} workflows on the run's task queue for ${expectedWorkflows} openings in all`,
    `- where an API request's time goes (means): ${ms(beforeStart)} from arrival to the start call (body, token, zod, idempotency row, and waiting for a database connection or the event loop), ${ms(mean(startsInApi))} in \`workflow.start\` (p99 ${ms(percentile(startsInApi, 99))}; the raw loop's start: mean ${ms(mean(raw.latencies))}, p99 ${ms(percentile(raw.latencies, 99))}), ${ms(afterStart)} after it (the 201); ${ms(clientMean - serverMean)} outside the app (HTTP, sockets, load generator, waiting for the event loop) of ${ms(clientMean)} seen by the client`,
    `- the idempotency row alone (\`reserve()\` straight on the database, ${reserved.latencies.length} at ${c} in flight, no HTTP or Temporal): ${rate(reserved).toFixed(0)} /s, p50 ${ms(percentile(reserved.latencies, 50))}, p99 ${ms(percentile(reserved.latencies, 99))}`,
    `- CPU per opening: this Node process (app, client, load generator) raw ${perStart(raw.cpuMs, raw)}, API ${perStart(api.cpuMs, api)}; dev server raw ${perStart(raw.serverCpuMs, raw)}, API ${perStart(api.serverCpuMs, api)}; everything else (PostgreSQL, kernel, other processes) raw ${perStart(otherCpu(raw), raw)}, API ${perStart(otherCpu(api), api)}`,
    `- load: machine CPU busy raw ${busy(raw)}, API ${busy(api)} (of ${os.cpus().length} cores), of which outside this process and the dev server raw ${share(otherCpu(raw), raw)}, API ${share(otherCpu(api), api)}; Node event loop busy raw ${(raw.elu.utilization * 100).toFixed(0)} %, API ${(api.elu.utilization * 100).toFixed(0)} %`,
  ];
  process.stdout.write(`${result.join('\n')}\n`);

  const serverErrors = [...api.failures].filter(([k]) => /^HTTP 5/.test(k)).reduce((a, [, v]) => a + v, 0);
  const problems = [
    ...(serverErrors ? [`${serverErrors} API responses were 5xx`] : []),
    ...(api.failures.has('connection errors (incl. timeouts)') || api.failures.has('missing responses') ? ['API requests were lost'] : []),
    ...(failures(raw) ? [`${failures(raw)} raw starts failed`] : []),
    ...(failures(reserved) ? [`${failures(reserved)} idempotency reservations failed`] : []),
    ...((rows?.n ?? 0) !== apiOk ? [`${rows?.n ?? 0} idempotency rows for ${apiOk} API openings`] : []),
    ...(workflows !== expectedWorkflows ? [`${workflows} workflows for ${expectedWorkflows} openings`] : []),
    // The database server takes a little; much more means something else was using the machine.
    ...[raw, api]
      .filter((p) => (otherCpu(p) ?? 0) / capacityMs(p) > 0.15)
      .map((p) => `other processes used ${share(otherCpu(p), p)} of the machine during the ${p.name} phases (re-run on a quiet machine)`),
  ];

  if (opts.write && problems.length === 0) {
    const temporalText = process.env.TEMPORAL_ADDRESS
      ? 'the Temporal server at TEMPORAL_ADDRESS'
      : 'a Temporal dev server started by the benchmark (temporal CLI, in-memory SQLite)';
    const dbText = database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : 'in-memory PGlite (no DATABASE_URL)';
    writeSection(
      'api-start',
      [
        '## Opening cases: `POST /v1/cases` against a raw Temporal client start',
        '',
        `Command: \`${commandLine()}\` · ${new Date().toISOString().slice(0, 10)} · ${machine()}`,
        '',
        `One process holds the API (the real \`createApp\`, listening on 127.0.0.1), the Temporal client and the load generator; ${temporalText}; read model and idempotency rows on ${dbText}. Each path opens ${n} cases with ${c} in flight, after ${warmup} uncounted openings of each; the measured order is API, raw, raw, API (two halves each) so neither path always gets the warmer, or fuller, server. No worker polls the run's task queue: both paths measure the start alone. The body is a high-risk ODGJ intake from the call centre.`,
        '',
        `- **raw**: \`client.workflow.start('caseWorkflow', …)\` in a loop with the very input, options (\`USE_EXISTING\` / \`REJECT_DUPLICATE\`), search attributes, summary and encrypting data converter that \`openCase\` uses, on the same client.`,
        `- **API**: autocannon, ${c} keep-alive connections, each request with its own Idempotency-Key and a bearer token. On top of the start, the API does HTTP/1.1 and JSON both ways, the request-id, metrics and helmet middleware, HS256 token verification (jose) and claim checks, the rate limiter, zod validation of the body, and one \`INSERT … ON CONFLICT DO NOTHING RETURNING\` of the Idempotency-Key row into the database before the start. The load generator shares the event loop with the API (the raw loop shares it with the client), so its cost counts against the API.`,
        '',
        ...result,
        '',
        "The dev server, the database, the API and the load generator share the machine's cores, so absolute rates are this machine's; read the ratio, and re-run before trusting one number.",
      ].join('\n'),
    );
  }
  await close(http);
  await stack.stop();
  if (problems.length) throw new Error(`the run is not valid (nothing written): ${problems.join('; ')}`);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
