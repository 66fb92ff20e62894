// The commands benchmark's result: the tables and the breakdown printed, the checks that make a run
// valid, and the section written into docs/BENCHMARKS.md.
import os from 'node:os';
import type { Phase } from '../api/measure';
import { machine, percentile, runEnv, writeSection } from '../report';
import type { HistoryCost } from './effects';
import type { CommandPhase } from './phases';
import type { CommandTimings } from './server-timings';

/** Rows written against commands answered: each accepted command once, an unconfirmed one (503) at most once. */
export interface WriteCheck {
  rows: number;
  accepted: number;
  unconfirmed: number;
}

const writesAddUp = (w: WriteCheck) => w.rows >= w.accepted && w.rows <= w.accepted + w.unconfirmed;

export interface CommandsRun {
  api: CommandPhase;
  bare: CommandPhase;
  write: CommandPhase;
  rawCase: CommandPhase;
  visibility: Phase;
  /** withCurrentCodes + JSON.stringify of one case view, µs. */
  presentUs: number;
  timings: CommandTimings;
  history: { sigap: HistoryCost | null; bare: HistoryCost | null; write: HistoryCost | null };
  /** Rows written for the accepted commands (warm-up included): Sigap's note.added records, the floor's rows. */
  rows: { sigap: WriteCheck; floor: WriteCheck };
  options: { commands: number; concurrency: number; cases: number; warmup: number; oneProcess?: boolean };
  databaseKind: 'postgres' | 'pglite';
  /** The workers ran in a process of their own (production's layout), not beside the API. */
  workersApart: boolean;
}

const failures = (p: Phase) => [...p.failures.values()].reduce((a, b) => a + b, 0);
const workerCpu = (p: CommandPhase) => p.workerCpuMs ?? 0;
const otherCpu = (p: CommandPhase) => (p.machineCpuMs === null || p.serverCpuMs === null ? null : Math.max(0, p.machineCpuMs - p.cpuMs - workerCpu(p) - p.serverCpuMs));
/** CPU is counted until the phase settled, so its share is of that whole time. */
const capacityMs = (p: CommandPhase) => (p.seconds + p.settleSeconds) * 1000 * os.cpus().length;
const share = (cpuMs: number | null, p: CommandPhase) => (cpuMs === null ? 'n/a' : `${((cpuMs / capacityMs(p)) * 100).toFixed(0)} %`);
const rate = (p: Phase) => p.latencies.length / p.seconds;
const ms = (v: number) => `${v.toFixed(1)} ms`;
const p = (ph: Phase, q: number) => percentile(ph.latencies, q);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const ratio = (x: number, y: number) => `${(x / y).toFixed(2)}×`;
/** This process, the workers' (when apart) and the dev server: what the run itself spent. */
const ownCpu = (ph: CommandPhase) => (ph.cpuMs + workerCpu(ph) + (ph.serverCpuMs ?? NaN)) / ph.latencies.length;

function latencyTable(run: CommandsRun): string[] {
  const row = (ph: Phase) => `| ${ph.name} | ${rate(ph).toFixed(0)} /s | ${ms(p(ph, 50))} | ${ms(p(ph, 95))} | ${ms(p(ph, 99))} | ${ms(ph.latencies.at(-1) ?? NaN)} | ${failures(ph)} |`;
  return ['| path | throughput | p50 | p95 | p99 | max | errors |', '|---|---|---|---|---|---|---|', row(run.bare), row(run.write), row(run.rawCase), row(run.api)];
}

function costTable(run: CommandsRun): string[] {
  const per = (cpuMs: number | null, ph: Phase) => (cpuMs === null ? 'n/a' : `${(cpuMs / ph.latencies.length).toFixed(2)} ms`);
  const events = (h: HistoryCost | null) => (h ? h.perCommand.toFixed(1) : 'n/a');
  const apart = run.workersApart;
  const row = (ph: CommandPhase, h: HistoryCost | null) =>
    `| ${ph.name} | ${per(ph.cpuMs, ph)} |${apart ? ` ${per(ph.workerCpuMs, ph)} |` : ''} ${per(ph.serverCpuMs, ph)} | ${per(otherCpu(ph), ph)} | ${share(ph.machineCpuMs, ph)} | ${ph.settleSeconds.toFixed(1)} s | ${events(h)} |`;
  return [
    apart
      ? '| path | CPU per command: this process (callers, API) | workers\' process | dev server | rest of the machine | machine busy | settling after the last answer | history events per command |'
      : '| path | CPU per command: this process | dev server | rest of the machine | machine busy | settling after the last answer | history events per command |',
    apart ? '|---|---|---|---|---|---|---|---|' : '|---|---|---|---|---|---|---|',
    row(run.bare, run.history.bare),
    row(run.write, run.history.write),
    row(run.rawCase, run.history.sigap),
    row(run.api, run.history.sigap),
  ];
}

function breakdown(run: CommandsRun): string[] {
  const { api, rawCase, timings, visibility, presentUs, history, rows } = run;
  const clientMean = mean(api.latencies);
  const perOk = (sum: number) => (timings.ok ? sum / timings.ok : NaN);
  const serverMean = perOk(timings.finished - timings.arrived);
  const updates = [...timings.updates].sort((a, b) => a - b);
  const failureText = (ph: Phase) => (ph.failures.size ? [...ph.failures].map(([k, v]) => `${v} × ${k}`).join('; ') : 'none');
  const types = (h: HistoryCost | null) => (h ? h.byType.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ') : 'n/a');
  return [
    `- errors: floor bare ${failureText(run.bare)}; floor with write ${failureText(run.write)}; raw case ${failureText(rawCase)}; API ${failureText(api)}`,
    `- checks: ${rows.sigap.rows} \`note.added\` timeline rows for ${rows.sigap.accepted} accepted Sigap commands (API and raw, warm-up included${rows.sigap.unconfirmed ? `, and ${rows.sigap.unconfirmed} the API could not confirm in time` : ''}); ${rows.floor.rows} floor rows for ${rows.floor.accepted} floor Updates with a write; ${timings.queries} live-case Queries during the measured API requests (the read model answered every visibility check otherwise)`,
    `- where an API request's time goes (means): ${ms(perOk(timings.updateBegun - timings.arrived))} from arrival to the Update (body, token, zod, the read-model visibility read, and waiting for a database connection or the event loop), ${ms(mean(updates))} in \`executeUpdate\` (p99 ${ms(percentile(updates, 99))}; the raw loop's on the same workflow: mean ${ms(mean(rawCase.latencies))}, p99 ${ms(p(rawCase, 99))}), ${ms(perOk(timings.finished - timings.updateEnded))} after it (current codes, JSON, the 200); ${ms(clientMean - serverMean)} outside the app (HTTP, sockets, load generator, waiting for the event loop) of ${ms(clientMean)} seen by the client`,
    `- the visibility read alone (\`assertVisible()\` straight on the database, ${visibility.latencies.length} at ${run.options.concurrency} in flight, no HTTP or Temporal): ${rate(visibility).toFixed(0)} /s, p50 ${ms(p(visibility, 50))}, p99 ${ms(p(visibility, 99))}; current codes + JSON of the returned case view alone: ${presentUs.toFixed(0)} µs`,
    `- history per command, by event type (sampled workflows, measured phases): Sigap ${types(history.sigap)}; floor with write ${types(history.write)}; floor bare ${types(history.bare)}`,
  ];
}

/** The lines printed and written: the paths side by side, their ratios, and where the time and the CPU go. */
export function resultLines(run: CommandsRun): string[] {
  const { api, bare, write, rawCase } = run;
  const warnings = [api, bare, write, rawCase]
    .filter((ph) => (otherCpu(ph) ?? 0) / capacityMs(ph) > 0.15)
    .map((ph) => `- **noisy**: other processes used ${share(otherCpu(ph), ph)} of the machine during the ${ph.name} phases; read this run with care`);
  return [
    ...latencyTable(run),
    '',
    `Ratio API / floor with its write (the shape of a Sigap command): p99 latency **${ratio(p(api, 99), p(write, 99))}** (issue #17 asks ≤ 1.2×), p50 ${ratio(p(api, 50), p(write, 50))}, throughput **${ratio(rate(api), rate(write))}**. API / bare floor: p99 ${ratio(p(api, 99), p(bare, 99))}, p50 ${ratio(p(api, 50), p(bare, 50))}, throughput ${ratio(rate(api), rate(bare))}.`,
    '',
    `Split: raw Update on Sigap's case workflow / floor with its write, p99 ${ratio(p(rawCase, 99), p(write, 99))} (p50 ${ratio(p(rawCase, 50), p(write, 50))}, throughput ${ratio(rate(rawCase), rate(write))}): what the case workflow adds; API / that raw Update, p99 ${ratio(p(api, 99), p(rawCase, 99))} (p50 ${ratio(p(api, 50), p(rawCase, 50))}, throughput ${ratio(rate(api), rate(rawCase))}): what HTTP and the API add.`,
    '',
    `CPU per command, ${run.workersApart ? "this process + the workers' + dev server" : 'this process + dev server'} (what the run itself spent, less sensitive to other load than latency): API / floor with its write ${ratio(ownCpu(api), ownCpu(write))}, raw case / floor with its write ${ratio(ownCpu(rawCase), ownCpu(write))}, API / raw case ${ratio(ownCpu(api), ownCpu(rawCase))}.`,
    '',
    ...costTable(run),
    '',
    ...breakdown(run),
    ...warnings,
  ];
}

/** Why a run is not valid, if it is not: lost or failed commands, writes that do not add up. */
export function runProblems(run: CommandsRun): string[] {
  const { api, bare, write, rawCase, visibility, rows } = run;
  const serverErrors = [...api.failures].filter(([k]) => /^HTTP 5/.test(k)).reduce((a, [, v]) => a + v, 0);
  return [
    ...(serverErrors ? [`${serverErrors} API responses were 5xx`] : []),
    ...(api.failures.has('connection errors (incl. timeouts)') || api.failures.has('missing responses') ? ['API requests were lost'] : []),
    ...(failures(api) > serverErrors ? [`${failures(api) - serverErrors} API commands were refused`] : []),
    ...[bare, write, rawCase, visibility].filter((ph) => failures(ph)).map((ph) => `${failures(ph)} failures in ${ph.name}`),
    ...(writesAddUp(rows.sigap) ? [] : [`${rows.sigap.rows} note.added rows for ${rows.sigap.accepted} accepted (${rows.sigap.unconfirmed} unconfirmed) Sigap commands`]),
    ...(writesAddUp(rows.floor) ? [] : [`${rows.floor.rows} floor rows for ${rows.floor.accepted} floor writes`]),
  ];
}

/** The command line that reproduces this run; a password in DATABASE_URL is masked. */
function commandLine(opts: CommandsRun['options']): string {
  const layout = opts.oneProcess ? ' --one-process' : '';
  return [...runEnv(), `npm run bench:commands -- --commands ${opts.commands} --concurrency ${opts.concurrency} --cases ${opts.cases} --warmup ${opts.warmup}${layout}`].join(' ');
}

function layoutText(apart: boolean): string {
  const workers = "two workers with production's default limits (one for Sigap's workflows, one for the floor's)";
  return apart
    ? `One process holds the API (the real \`createApp\`, listening on 127.0.0.1), the Temporal clients and the load generator; ${workers} run in a process of their own, as production runs the worker apart from the API (\`--one-process\` puts them beside the API, as \`npm start\` does)`
    : `One process holds the API (the real \`createApp\`, listening on 127.0.0.1), the Temporal clients, the load generator and ${workers}`;
}

export function writeCommandsSection(run: CommandsRun, result: string[]): void {
  const { commands: n, concurrency: c, cases: m, warmup } = run.options;
  const temporalText = process.env.TEMPORAL_ADDRESS ? 'the Temporal server at TEMPORAL_ADDRESS' : 'a Temporal dev server started by the benchmark (temporal CLI, in-memory SQLite)';
  const dbText = run.databaseKind === 'postgres' ? 'PostgreSQL (DATABASE_URL; the workers with a pool of their own)' : 'in-memory PGlite (no DATABASE_URL)';
  writeSection(
    'staff-commands',
    [
      '## Staff commands: `POST /v1/cases/:id/commands` against raw `executeUpdate`',
      '',
      `Command: \`${commandLine(run.options)}\` · ${new Date().toISOString().slice(0, 10)} · ${machine()}`,
      '',
      `${layoutText(run.workersApart)}; ${temporalText}; rows on ${dbText}. Before measuring, ${m} cases are opened as the API opens them (a high-risk ODGJ intake) and the benchmark waits until the read model holds them, and ${m} floor workflows of each shape are started. Each path then sends ${n} commands with ${c} in flight, command i to case i mod ${m}, after ${warmup} uncounted commands of each; the measured order is API, floors, raw case, then back (two halves each). The command is \`addNote\` (a case manager's note after a phone call): any staff role may give it on an open case again and again, and it changes nothing later commands depend on. CPU counts until every accepted command's row had landed after the phase's last answer, and half a second more for the workflow task after the write (so the writes after the Updates count, and do not spill into the next phase); throughput ends at the last answer.`,
      '',
      '- **floor bare**: `executeUpdate` on a minimal workflow with one Update handler and its validator that appends the note to the state and returns; default data converter.',
      '- **floor with write**: the same, and the note is queued for the workflow\'s one writer, which records it (with whatever queued meanwhile) by one activity inserting one row, after the Update has answered: the shape of a Sigap command since `fast-commands-v1`.',
      '- **raw case**: the very `executeUpdate` that `actOnCase` sends (Update `addNote`, the actor, command and scope, an update id), on Sigap\'s client with its encrypting codec.',
      `- **API**: ${c} keep-alive connections from a load generator on a thread of its own (the callers are elsewhere; its CPU still counts in this process), each request with its own Idempotency-Key (the Update id) and a case manager's bearer token. On top of the Update, the API does HTTP/1.1 and JSON both ways, the request-id, metrics and helmet middleware, HS256 token verification and the staff-registry lookup (cached), the rate limiter, zod validation of the body, the visibility check (one indexed read of the read-model row), and current codes on the returned case view. ${run.workersApart ? "No worker shares the API's event loop (nor the raw loops')." : 'The API shares its event loop with both workers (the raw loops share it with the client and the workers).'}`,
      '',
      ...result,
      '',
      "The dev server, the database, the workers, the API and the load generator share the machine's cores, so absolute rates are this machine's; read the ratios, and re-run before trusting one number.",
    ].join('\n'),
  );
}
