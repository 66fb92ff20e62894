// The escalation benchmark's result: the raw floor and Sigap side by side, the ratio, and the section
// written into docs/BENCHMARKS.md.
import { machine, percentile, runEnv, writeSection } from '../report';
import type { Cpu, PhaseResult } from './phase';

/** The benchmark's sticky wait unless --sticky: longer than the queue of 5,000 deadlines on this machine (SDK default 10 s). */
export const BURST_STICKY_SECONDS = 60;

export interface EscalationRun {
  raw: PhaseResult;
  /** The floor with Sigap's Temporal commands (upsert, next timer), when run. */
  shaped?: PhaseResult | undefined;
  sigap: PhaseResult;
  /** Every round when there were several; the fields above are each system's median-drain round. */
  rounds?: { raw: PhaseResult[]; shaped: PhaseResult[]; sigap: PhaseResult[] } | undefined;
  options: { cases: number; lead?: number; concurrency: number; maxDrain: number; rounds?: number; sticky?: number };
  leadMs: number;
  databaseKind: 'postgres' | 'pglite';
}

const ms = (v: number | null) => (v === null || Number.isNaN(v) ? 'n/a' : `${Math.round(v)} ms`);
const s = (v: number | null) => (v === null ? 'n/a' : `${(v / 1000).toFixed(1)} s`);
const rest = (c: Cpu) => (c.machineMs === null || c.serverMs === null ? null : Math.max(0, c.machineMs - c.processMs - c.serverMs));
const per = (v: number | null, n: number) => (v === null ? 'n/a' : `${(v / Math.max(1, n)).toFixed(1)} ms`);
const cpuText = (c: Cpu, n: number) => `${per(c.processMs, n)} / ${per(c.serverMs, n)} / ${per(rest(c), n)}`;
/** Worker and dev server: what Temporal and the code on it cost, without PostgreSQL or other processes. */
const temporalCpu = (c: Cpu) => c.processMs + (c.serverMs ?? 0);
const lateness = (xs: number[]) => `${ms(percentile(xs, 50))} / ${ms(percentile(xs, 99))} / ${ms(xs.at(-1) ?? NaN)}`;
const ratio = (a: number | null, b: number | null) => (a === null || b === null || b <= 0 ? 'n/a' : `${(a / b).toFixed(2)}×`);

function row(p: PhaseResult, notificationsPerCase: number): string {
  const o = p.outcome;
  const drain = p.drained ? s(p.drainMs) : `not drained in the limit (last row ${s(p.drainMs)})`;
  return `| ${p.name} | ${o.fired} of ${p.n} | ${o.notified} of ${p.n * notificationsPerCase} | ${drain} | ${lateness(o.timerLateness)} | ${lateness(o.outboxLateness)} | ${cpuText(p.afterDue, o.fired)} |`;
}

export function resultLines(run: EscalationRun): string[] {
  const { raw, shaped, sigap } = run;
  const both = (f: (p: PhaseResult) => string) => `raw ${f(raw)}; ${shaped ? `raw with Sigap's commands ${f(shaped)}; ` : ''}Sigap ${f(sigap)}`;
  const timeouts = (p: PhaseResult) => (p.taskTimeouts ? `${p.taskTimeouts.timedOut} timed-out tasks in ${p.taskTimeouts.sampled} cases` : 'n/a');
  const history = (p: PhaseResult) => (p.history ? `${p.history.events} events (${p.history.afterDue} at or after the due moment)` : 'n/a');
  const perFired = (p: PhaseResult) => temporalCpu(p.afterDue) / Math.max(1, p.outcome.fired);
  return [
    '| system | fired | outbox rows | drain after the due moment | timer lateness p50 / p99 / max | outbox lateness p50 / p99 / max | CPU per fired deadline: this process / dev server / rest of the machine |',
    '|---|---|---|---|---|---|---|',
    row(raw, 1),
    ...(shaped ? [row(shaped, 1)] : []),
    row(sigap, 2),
    '',
    ...(shaped
      ? [
          `Ratio raw with Sigap's commands / raw (what the commands themselves cost): drain ${ratio(shaped.drainMs, raw.drainMs)}, CPU per fired deadline ${ratio(perFired(shaped), perFired(raw))} (this process ${ratio(shaped.afterDue.processMs, raw.afterDue.processMs)}, dev server ${ratio(shaped.afterDue.serverMs, raw.afterDue.serverMs)}). Sigap / raw with Sigap's commands (what Sigap's own code costs): drain ${ratio(sigap.drainMs, shaped.drainMs)}, CPU per fired deadline ${ratio(perFired(sigap), perFired(shaped))}.`,
          '',
        ]
      : []),
    `Ratio Sigap / raw: drain **${ratio(sigap.drainMs, raw.drainMs)}**, CPU per fired deadline (this process + dev server) **${ratio(perFired(sigap), perFired(raw))}** (this process ${ratio(sigap.afterDue.processMs, raw.afterDue.processMs)}, dev server ${ratio(sigap.afterDue.serverMs, raw.afterDue.serverMs)}), outbox lateness p99 ${ratio(percentile(sigap.outcome.outboxLateness, 99), percentile(raw.outcome.outboxLateness, 99))}.`,
    '',
    ...roundLines(run),
    `- duplicates (timeline / outbox): ${both((p) => `${p.outcome.duplicateTimeline} / ${p.outcome.duplicateOutbox}`)}`,
    `- scheduled due times of the fired deadlines, latest − earliest: ${both((p) => ms(p.outcome.dueSpreadMs))}`,
    `- worker and dev server idle again (under 5 % of a core), after the due moment: ${both((p) => s(p.quietMs))}`,
    `- starting the cases (${run.options.concurrency} starts in flight): ${both((p) => `${p.startSeconds.toFixed(1)} s, ${p.lateStarts} after the due moment`)}`,
    ...(sigap.atDue ? [`- Sigap at the due moment: ${sigap.atDue}`] : []),
    `- CPU per fired deadline counted only until every row was seen (without the workflow tasks after the rows), this process / dev server / rest: ${both((p) => cpuText(p.toRows, p.outcome.fired))}; ratio (this process + dev server) ${ratio(temporalCpu(sigap.toRows) / Math.max(1, sigap.outcome.fired), temporalCpu(raw.toRows) / Math.max(1, raw.outcome.fired))}`,
    `- CPU per case over the whole phase (first start until idle after the last row), this process / dev server / rest: ${both((p) => cpuText(p.whole, p.n))}`,
    `- history of one case at the end: ${both(history)}`,
    `- workflow tasks timed out after the due moment (sticky queue past its schedule-to-start timeout), in a sample of the cases: ${both(timeouts)}`,
  ];
}

/** Why the run is not one to publish: deadlines lost, rows missing or doubled. */
/** Each round's drain and CPU per fired deadline, and the per-round ratios with their median. */
function roundLines(run: EscalationRun): string[] {
  const r = run.rounds;
  if (!r) return [];
  const perFired = (p: PhaseResult) => temporalCpu(p.afterDue) / Math.max(1, p.outcome.fired);
  const list = (xs: number[], f: (x: number) => string) => xs.map(f).join(' / ');
  const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);
  const drains = (ps: PhaseResult[]) => list(ps.map((p) => p.drainMs ?? NaN), (v) => s(v));
  const drainRatios = r.sigap.map((p, i) => (p.drainMs ?? NaN) / (r.raw[i]!.drainMs ?? NaN));
  const cpuRatios = r.sigap.map((p, i) => perFired(p) / perFired(r.raw[i]!));
  return [
    `- ${r.raw.length} rounds (raw, ${r.shaped.length ? "raw with Sigap's commands, " : ''}Sigap in turn; the table shows each system's median-drain round): drain raw ${drains(r.raw)}; ${r.shaped.length ? `raw with Sigap's commands ${drains(r.shaped)}; ` : ''}Sigap ${drains(r.sigap)}. Sigap / raw in the same round: drain ${list(drainRatios, (v) => `${v.toFixed(2)}×`)} (median **${median(drainRatios).toFixed(2)}×**), CPU per fired deadline ${list(cpuRatios, (v) => `${v.toFixed(2)}×`)} (median **${median(cpuRatios).toFixed(2)}×**)`,
  ];
}

export function runProblems(run: EscalationRun): string[] {
  const phases = run.rounds ? [...run.rounds.raw, ...run.rounds.shaped, ...run.rounds.sigap] : [run.raw, ...(run.shaped ? [run.shaped] : []), run.sigap];
  return phases.flatMap((p) => [
    ...(p.drained ? [] : [`${p.name} did not drain within ${run.options.maxDrain} s after the due moment`]),
    ...(p.outcome.duplicateTimeline + p.outcome.duplicateOutbox ? [`${p.name} wrote duplicates`] : []),
  ]);
}

export function writeEscalationSection(run: EscalationRun, result: string[]): void {
  const { cases: n, lead } = run.options;
  const env = runEnv()
    .map((e) => `${e} `)
    .join('');
  writeSection(
    'escalation-timers',
    [
      '## Escalation timers: N cases due at the same moment, raw Temporal floor beside Sigap',
      '',
      `Command: \`${env}npm run bench:escalation -- --cases ${n}${lead ? ` --lead ${lead}` : ''}${(run.options.rounds ?? 1) > 1 ? ` --rounds ${run.options.rounds}` : ''}${run.options.sticky !== undefined && run.options.sticky !== BURST_STICKY_SECONDS ? ` --sticky ${run.options.sticky}` : ''}\` · ${new Date().toISOString().slice(0, 10)} · ${machine()}`,
      '',
      `Temporal dev server (temporal CLI ${process.env.TEMPORAL_ADDRESS ? 'at TEMPORAL_ADDRESS' : 'started by the benchmark, in-memory SQLite'}), one worker in the same process, rows on ${run.databaseKind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : 'in-memory PGlite'}. Each system in turn (raw first, on the same server and database, each with a fresh worker with the same limits: every case cached, 100 workflow and 100 activity tasks at once, a case's task waiting ${run.options.sticky ?? BURST_STICKY_SECONDS} s for the worker that caches it, where a worker's default is 10 s) gets ${n} cases received at one moment and due ${run.leadMs / 1000} s later; the benchmark then waits until every expected timeline and outbox row is written.`,
      '',
      '- **raw Temporal**: a workflow that sleeps until the due moment, then one activity writing one timeline row and one outbox row in one transaction (tables `bench_timeline`, `bench_outbox`, created by the benchmark); default data converter.',
      ...(run.shaped
        ? [
            "- **raw Temporal with Sigap's commands**: the same workflow, started with three search attributes, which issues what a fired Sigap deadline issues: at the due moment the activity and the timer of the next rung (an hour on), and in the workflow task after the write an upsert of the escalation level and the next deadline. Not Sigap's code, codec or rows: what Sigap's shape costs Temporal.",
          ]
        : []),
      '- **Sigap**: a high-risk ODGJ intake started as the API starts it (input, search attributes, summary, encrypting codec) with `receivedAt` set, so its one-hour first-response deadline, scaled, falls due at that moment; a fired deadline writes `deadline.missed` to the timeline and a level-1 notice to the case manager and to the supervisor to the outbox.',
      '- Drain: the last expected row written (database time) − the due moment. Timer lateness: the workflow time of the `deadline.missed` row − its scheduled due time; outbox lateness: the database time the outbox row was written − the due time.',
      '- CPU, from the due moment until every row was written and the worker and the dev server were idle again (the workflow task after the activity counts too), divided by the deadlines fired: this Node process (`process.cpuUsage()`: worker with its workflows and activities, clients, the once-a-second count), the dev server (`/proc/<pid>/stat` of the `temporal` child) and the rest of the machine (`/proc/stat` busy time minus both: PostgreSQL, the kernel, anything else). The ratio compares this process + dev server.',
      '',
      ...result,
    ].join('\n'),
  );
}
