// Benchmark (not a test): opening cases through `POST /v1/cases` against starting the same workflows with
// a raw Temporal client, on the same dev server in the same run. Reports throughput and latency of both
// and their ratio, and writes them to docs/BENCHMARKS.md.
//   npm run bench:api -- --requests 2000 --concurrency 32
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { Client } from '@temporalio/client';
import autocannon from 'autocannon';
import { Command } from 'commander';
import { createApp } from '../api/app';
import { createTokenVerifier, signToken } from '../api/auth/tokens';
import { close, listen } from '../api/listen';
import { createLogger } from '../config/logger';
import { freePort } from '../temporal/free-port';
import type { caseWorkflow } from '../workflows/case-workflow';
import type { OpenCaseInput } from '../workflows/contract';
import { caseWorkflowId } from '../workflows/contract';
import { initialSearchAttributes } from '../workflows/search-attribute-values';
import { startBenchStack } from './bench-stack';
import { machine, percentile, writeSection } from './report';

const opts = new Command()
  .option('--requests <n>', 'case openings per phase', (v) => Number(v), 2000)
  .option('--concurrency <n>', 'requests in flight', (v) => Number(v), 32)
  .option('--warmup <n>', 'uncounted openings per phase first', (v) => Number(v), 200)
  .option('--no-write', 'do not update docs/BENCHMARKS.md')
  .parse()
  .opts<{ requests: number; concurrency: number; warmup: number; write: boolean }>();

const log = (m: string) => process.stderr.write(`[bench] ${m}\n`);

interface Phase {
  name: string;
  seconds: number;
  latencies: number[];
  errors: number;
}

const INTAKE = {
  category: 'odgj_terlantar',
  riskLevel: 'high',
  regionCode: '64.72',
  report: { channel: 'satpol_pp', summary: 'Laki-laki, sekitar 40 tahun, di depan pasar' },
  subject: { name: 'Tanpa Nama', sex: 'male', estimatedAge: 40 },
} as const;

/** The raw loop: the same start call the API makes (same input shape, options and encryption). */
async function rawPhase(client: Client, taskQueue: string, n: number, concurrency: number): Promise<Phase> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) {
        next += 1;
        const caseId = randomUUID();
        const input: OpenCaseInput = { caseId, pathway: 'odgj', openedBy: { id: 'bench', role: 'operator' }, policy: {}, ...INTAKE };
        const t = performance.now();
        try {
          await client.workflow.start<typeof caseWorkflow>('caseWorkflow', {
            workflowId: caseWorkflowId(caseId),
            taskQueue,
            args: [input],
            workflowIdConflictPolicy: 'USE_EXISTING',
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
            typedSearchAttributes: initialSearchAttributes({
              category: input.category,
              pathway: input.pathway,
              riskLevel: input.riskLevel,
              regionCode: input.regionCode,
              stage: 'identification',
              status: 'open',
              assignedWorker: null,
              escalationLevel: 0,
              nextDeadlineAt: null,
            }),
            staticSummary: `${input.category} · risk ${input.riskLevel} · region ${input.regionCode}`,
          });
          latencies.push(performance.now() - t);
        } catch {
          errors += 1;
        }
      }
    }),
  );
  return { name: 'raw client start', seconds: (performance.now() - started) / 1000, latencies: latencies.sort((a, b) => a - b), errors };
}

/** The API: real HTTP with autocannon, each request with its own Idempotency-Key and a real bearer token. */
async function apiPhase(url: string, token: string, n: number, concurrency: number): Promise<Phase> {
  const latencies: number[] = [];
  let errors = 0;
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}/v1/cases`,
        connections: Math.min(concurrency, n),
        amount: n,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(INTAKE),
        requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'idempotency-key': randomUUID() } }) }],
      },
      (err) => (err ? reject(err) : resolve()),
    );
    instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      if (statusCode === 201) latencies.push(responseTime);
      else errors += 1;
    });
  });
  return { name: 'POST /v1/cases', seconds: (performance.now() - started) / 1000, latencies: latencies.sort((a, b) => a - b), errors };
}

async function main(): Promise<void> {
  const stack = await startBenchStack();
  const { client, database } = stack;
  // No worker on this queue: both phases measure the start path alone, not the cases' first steps.
  const taskQueue = `bench-api-${randomUUID()}`;
  const settings = { issuer: 'sigap', audience: 'sigap-api', secret: new TextEncoder().encode(randomUUID() + randomUUID()) };
  const app = createApp({
    client,
    db: database.db,
    taskQueue,
    policy: {},
    logger: createLogger('silent'),
    checks: {},
    verifyToken: createTokenVerifier(settings),
    rateLimitPerMinute: 10_000_000,
  });
  const port = await freePort();
  const http: Server = await listen(app, '127.0.0.1', port);
  const url = `http://127.0.0.1:${port}`;
  const token = await signToken(settings, { sub: 'bench-operator', role: 'operator', regions: ['*'] });

  log(`warm-up: ${opts.warmup} each`);
  await rawPhase(client, taskQueue, opts.warmup, opts.concurrency);
  await apiPhase(url, token, opts.warmup, opts.concurrency);
  // Alternate the order in two halves so neither side always runs on the warmer (or fuller) server.
  const half = Math.floor(opts.requests / 2);
  log(`measuring: ${opts.requests} each, ${opts.concurrency} in flight, database ${database.kind}`);
  const a1 = await apiPhase(url, token, half, opts.concurrency);
  const r1 = await rawPhase(client, taskQueue, half, opts.concurrency);
  const r2 = await rawPhase(client, taskQueue, opts.requests - half, opts.concurrency);
  const a2 = await apiPhase(url, token, opts.requests - half, opts.concurrency);
  const merge = (x: Phase, y: Phase): Phase => ({
    name: x.name,
    seconds: x.seconds + y.seconds,
    latencies: [...x.latencies, ...y.latencies].sort((p, q) => p - q),
    errors: x.errors + y.errors,
  });
  const api = merge(a1, a2);
  const raw = merge(r1, r2);

  const rate = (p: Phase) => p.latencies.length / p.seconds;
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const row = (p: Phase) =>
    `| ${p.name} | ${rate(p).toFixed(0)} /s | ${ms(percentile(p.latencies, 50))} | ${ms(percentile(p.latencies, 95))} | ${ms(percentile(p.latencies, 99))} | ${ms(p.latencies.at(-1) ?? NaN)} | ${p.errors} |`;
  const result = [
    '| path | throughput | p50 | p95 | p99 | max | errors |',
    '|---|---|---|---|---|---|---|',
    row(raw),
    row(api),
    '',
    `Ratio API / raw: throughput **${(rate(api) / rate(raw)).toFixed(2)}×**, p99 latency **${(percentile(api.latencies, 99) / percentile(raw.latencies, 99)).toFixed(2)}×**.`,
  ];
  process.stdout.write(`${result.join('\n')}\n`);
  if (opts.write) {
    writeSection(
      'api-start',
      [
        '## Opening cases: `POST /v1/cases` against a raw Temporal client start',
        '',
        `Command: \`${process.env.DATABASE_URL ? 'DATABASE_URL=… ' : ''}npm run bench:api -- --requests ${opts.requests} --concurrency ${opts.concurrency}\` · ${new Date().toISOString().slice(0, 10)} · ${machine()}`,
        '',
        `Same process, same Temporal dev server (started by the benchmark, in-memory SQLite), ${opts.requests} openings per path with ${opts.concurrency} in flight after ${opts.warmup} uncounted each; the order alternates (API, raw, raw, API) so neither path always gets the warmer server. No worker polls the queue: both measure the start path. The raw loop makes exactly the call the API makes (same input, options, search attributes and payload encryption); the API adds HTTP and JSON, bearer-token verification (jose), zod validation, the rate limiter, and the Idempotency-Key row written to ${database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : 'PGlite'} before the start.`,
        '',
        ...result,
        '',
        'The dev server, the API and the load generator share the same cores here, so absolute rates are the machine\'s, not the API\'s; the ratio is the point. Re-run it a few times before reading much into one number.',
      ].join('\n'),
    );
  }
  await close(http);
  await stack.stop();
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
