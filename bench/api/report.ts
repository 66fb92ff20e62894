// The API benchmark's result: the table and the breakdown printed, the checks that make a run valid,
// and the section written into docs/BENCHMARKS.md.
import os from 'node:os';
import { machine, percentile, runEnv, writeSection } from '../report';
import type { Phase } from './measure';
import type { ServerTimings } from './server-timings';

export interface ApiRun {
  raw: Phase;
  api: Phase;
  reserved: Phase;
  timings: ServerTimings;
  /** Idempotency rows written for this run's operator, and API openings that succeeded (warm-up included). */
  rows: { n: number } | undefined;
  apiOk: number;
  workflows: number;
  expectedWorkflows: number;
  options: { requests: number; concurrency: number; warmup: number };
  databaseKind: 'postgres' | 'pglite';
}

const failures = (p: Phase) => [...p.failures.values()].reduce((a, b) => a + b, 0);
const otherCpu = (p: Phase) => (p.machineCpuMs === null || p.serverCpuMs === null ? null : Math.max(0, p.machineCpuMs - p.cpuMs - p.serverCpuMs));
const capacityMs = (p: Phase) => p.seconds * 1000 * os.cpus().length;
const share = (cpuMs: number | null, p: Phase) => (cpuMs === null ? 'n/a' : `${((cpuMs / capacityMs(p)) * 100).toFixed(0)} %`);

/** The lines printed and written: the two paths side by side, their ratio, and where the time goes. */
export function resultLines(run: ApiRun): string[] {
  const { raw, api, reserved, timings, rows, apiOk, workflows, expectedWorkflows } = run;
  const c = run.options.concurrency;
  const rate = (p: Phase) => p.latencies.length / p.seconds;
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  const failureText = (p: Phase) => (p.failures.size ? [...p.failures].map(([k, v]) => `${v} × ${k}`).join('; ') : 'none');
  const row = (p: Phase) =>
    `| ${p.name} | ${rate(p).toFixed(0)} /s | ${ms(percentile(p.latencies, 50))} | ${ms(percentile(p.latencies, 95))} | ${ms(percentile(p.latencies, 99))} | ${ms(p.latencies.at(-1) ?? NaN)} | ${failures(p)} |`;
  const perStart = (cpuMs: number | null, p: Phase) => (cpuMs === null ? 'n/a' : `${(cpuMs / p.latencies.length).toFixed(2)} ms`);
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
  return result;
}

/** Why a run is not valid, if it is not: lost or failed requests, counts that do not add up, a busy machine. */
export function runProblems(run: ApiRun): string[] {
  const { raw, api, reserved, rows, apiOk, workflows, expectedWorkflows } = run;

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
  return problems;
}

/** The command line that reproduces this run; a password in DATABASE_URL is masked. */
function commandLine(opts: ApiRun['options']): string {
  return [...runEnv(), `npm run bench:api -- --requests ${opts.requests} --concurrency ${opts.concurrency} --warmup ${opts.warmup}`].join(' ');
}

export function writeApiSection(run: ApiRun, result: string[]): void {
  const opts = run.options;
  const { requests: n, concurrency: c, warmup } = opts;
  const temporalText = process.env.TEMPORAL_ADDRESS
    ? 'the Temporal server at TEMPORAL_ADDRESS'
    : 'a Temporal dev server started by the benchmark (temporal CLI, in-memory SQLite)';
  const dbText = run.databaseKind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : 'in-memory PGlite (no DATABASE_URL)';
  writeSection(
    'api-start',
    [
      '## Opening cases: `POST /v1/cases` against a raw Temporal client start',
      '',
      `Command: \`${commandLine(opts)}\` · ${new Date().toISOString().slice(0, 10)} · ${machine()}`,
      '',
      `One process holds the API (the real \`createApp\`, listening on 127.0.0.1), the Temporal client and the load generator; ${temporalText}; read model and idempotency rows on ${dbText}. Each path opens ${n} cases with ${c} in flight, after ${warmup} uncounted openings of each; the measured order is API, raw, raw, API (two halves each) so neither path always gets the warmer, or fuller, server. No worker polls the run's task queue: both paths measure the start alone. The body is a high-risk ODGJ intake from the call centre.`,
      '',
      `- **raw**: \`client.workflow.start('caseWorkflow', …)\` in a loop with the very input, options (\`USE_EXISTING\` / \`REJECT_DUPLICATE\`), search attributes, summary and encrypting data converter that \`openCase\` uses, on the same client.`,
      `- **API**: ${c} keep-alive connections from a load generator on a thread of its own (the callers are elsewhere; its CPU still counts in this process), each request with its own Idempotency-Key and a bearer token. On top of the start, the API does HTTP/1.1 and JSON both ways, the request-id, metrics and helmet middleware, HS256 token verification (jose) and claim checks, the rate limiter, zod validation of the body, and one \`INSERT … ON CONFLICT DO NOTHING RETURNING\` of the Idempotency-Key row into the database before the start. The raw loop shares its event loop with the client.`,
      '',
      ...result,
      '',
      "The dev server, the database, the API and the load generator share the machine's cores, so absolute rates are this machine's; read the ratio, and re-run before trusting one number.",
    ].join('\n'),
  );
}
