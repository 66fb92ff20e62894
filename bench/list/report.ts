// The list benchmark's result: per filter and concurrency, the API beside the raw SQL, the acceptance
// check of #17 (p99 ≤ 20 ms, API within 0.8 of raw), the plans, and the section in docs/BENCHMARKS.md.
import os from 'node:os';
import type { Phase } from '../api/measure';
import { machine, percentile, writeSection } from '../report';
import { GENERATED_SHAPE } from '../read-model/cases-sql';
import type { Generated } from '../read-model/meta';
import type { CapturedQuery } from './capture';
import type { PlanSummary } from './explain';
import { planLine } from './explain';
import type { ListFilter, Scene } from './filters';

export interface ModeResult {
  concurrency: number;
  api: Phase;
  raw: Phase;
  /** Time the API's requests spent in the list query itself (pool wait included), ms. */
  inQuery: number[];
  /** Time the API's requests spent in the app, from headers read to the response finished, ms. */
  inApp: number[];
}

export interface FilterResult {
  filter: ListFilter;
  query: CapturedQuery;
  items: number;
  modes: ModeResult[];
  plan: PlanSummary;
}

export interface ListRun {
  scene: Scene;
  generated: Generated;
  results: FilterResult[];
  options: { requests: number; concurrency: number; warmup: number };
  command: string;
  seconds: number;
  /** One-minute load average when the run began and ended: other work on the machine shows here. */
  load: { start: number; end: number };
}

/** The acceptance bar of #17 for list reads. */
export const P99_TARGET_MS = 20;
export const RATIO_TARGET = 0.8;

const ms = (v: number) => `${v.toFixed(2)} ms`;
const rate = (p: Phase) => p.latencies.length / p.seconds;
const p = (x: Phase | number[], q: number) => percentile(Array.isArray(x) ? [...x].sort((a, b) => a - b) : x.latencies, q);
const failures = (x: Phase) => [...x.failures.values()].reduce((a, b) => a + b, 0);
const busy = (x: Phase) => (x.machineCpuMs === null ? 'n/a' : `${((x.machineCpuMs / (x.seconds * 1000 * os.cpus().length)) * 100).toFixed(0)} %`);

function row(r: FilterResult, m: ModeResult): string {
  const { api, raw } = m;
  return `| ${r.filter.name} | ${m.concurrency} | ${ms(p(api, 50))} / ${ms(p(api, 99))} | ${ms(p(raw, 50))} / ${ms(p(raw, 99))} | ${ms(p(m.inApp, 50))} / ${ms(p(m.inQuery, 50))} | ${rate(api).toFixed(0)} / ${rate(raw).toFixed(0)} | **${(rate(api) / rate(raw)).toFixed(2)}** | **${(p(raw, 99) / p(api, 99)).toFixed(2)}** (${(p(api, 99) / p(raw, 99)).toFixed(1)}×) | ${busy(api)} / ${busy(raw)} |`;
}

export function verdict(run: ListRun): string[] {
  const all = run.results.flatMap((r) => r.modes.map((m) => ({ r, m })));
  const worst = (c: number) =>
    all.filter(({ m }) => m.concurrency === c).reduce((a, { r, m }) => (p(m.api, 99) > a.v ? { v: p(m.api, 99), what: r.filter.name } : a), { v: 0, what: '' });
  const p99Line = (c: number) => {
    const w = worst(c);
    return `- API p99 with ${c} in flight, worst filter: ${ms(w.v)} (${w.what}): target ≤ ${P99_TARGET_MS} ms **${w.v <= P99_TARGET_MS ? 'met' : 'missed'}**`;
  };
  const ratios = all.map(({ m }) => rate(m.api) / rate(m.raw));
  const p99Ratios = all.map(({ m }) => p(m.raw, 99) / p(m.api, 99));
  return [
    ...[...new Set(all.map(({ m }) => m.concurrency))].map(p99Line),
    `- throughput API ÷ raw: ${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}; p99 raw ÷ API: ${Math.min(...p99Ratios).toFixed(2)}–${Math.max(...p99Ratios).toFixed(2)}: target ≥ ${RATIO_TARGET} **${Math.min(...ratios, ...p99Ratios) >= RATIO_TARGET ? 'met' : 'missed'}**`,
  ];
}

export function resultLines(run: ListRun): string[] {
  const problems = runProblems(run);
  return [
    `| filter | in flight | API p50 / p99 | raw SQL p50 / p99 | inside the API, p50: whole request / its list query | throughput API / raw (/s) | throughput API ÷ raw | p99 raw ÷ API (API ÷ raw) | machine CPU busy API / raw |`,
    '|---|---|---|---|---|---|---|---|---|',
    ...run.results.flatMap((r) => r.modes.map((m) => row(r, m))),
    '',
    ...verdict(run),
    `- one-minute load average ${run.load.start.toFixed(1)} at the start, ${run.load.end.toFixed(1)} at the end (${os.cpus().length} cores)`,
    ...(problems.length ? [`- problems: ${problems.join('; ')}`] : []),
  ];
}

export function planLines(run: ListRun): string[] {
  return [
    '| filter | scans (outermost first) | served in the list order by an index | rows and index entries read | buffers | execution |',
    '|---|---|---|---|---|---|',
    ...run.results.map((r) => planLine(r.filter.name, r.plan)),
  ];
}

export function runProblems(run: ListRun): string[] {
  return run.results.flatMap((r) =>
    r.modes.flatMap((m) =>
      [m.api, m.raw]
        .filter((x) => failures(x) > 0)
        .map((x) => `${r.filter.name} (${m.concurrency} in flight), ${x.name}: ${[...x.failures].map(([k, v]) => `${v} × ${k}`).join(', ')}`),
    ),
  );
}

function generatedText(g: Generated): string {
  return `${g.rows.toLocaleString('en')} \`cases\` rows made by \`npm run bench:generate-read-model -- --rows ${g.rows} --seed ${g.seed}\` (${g.seconds.toFixed(0)} s on ${g.generatedAt.toISOString().slice(0, 10)}: one \`INSERT … SELECT\` over \`generate_series\`, the secondary indexes built after, \`VACUUM ANALYZE\`) in a database of their own, migrated as Sigap migrates it: 514 kabupaten/kota of 38 provinces, log-normally skewed (kota weigh 2.5×); ${GENERATED_SHAPE}.`;
}

function filtersText(run: ListRun): string[] {
  const s = run.scene;
  return run.results.map((r) => `- **${r.filter.name}** (${r.filter.caller}, ${r.items} items): \`GET ${r.filter.path}${r.filter.page2 ? '&cursor=…' : ''}\``).concat([
    '',
    `The region is the one with the most cases, ${s.region} (${s.regionCases} cases, ${s.regionOpen} open), the worst case for a region's list; the worker is its busiest (${s.worker}, ${s.workerOpen} open cases). Callers: a Kasi (supervisor) of ${s.region}, that worker (case manager, region ${s.region}), a Kabid (supervisor of province ${s.province}) and a national admin (every region), each with an HS256 bearer token; none is in the staff registry (\`known\` mode, as in development: one lookup per caller per 30 s).`,
  ]);
}

export function writeListSection(run: ListRun, result: string[]): void {
  const { requests: n, warmup } = run.options;
  writeSection(
    'list-reads',
    [
      '## Lists at 1,000,000 cases: `GET /v1/cases` and `/v1/escalations` against the raw SQL',
      '',
      `Command: \`${run.command}\` · ${new Date().toISOString().slice(0, 10)} · ${machine()} · ${run.seconds.toFixed(0)} s`,
      '',
      `The read model: ${generatedText(run.generated)} One process holds the API (the real \`createApp\` listening on 127.0.0.1, its own pg pool of 10) and the load generator, which runs on a thread of its own (keep-alive sockets, each page read whole), as the API's callers are elsewhere: their HTTP client does not share the API's event loop, though its CPU counts in the machine's; no Temporal server (lists never call it).`,
      '',
      '- **API**: the real request: the bearer token (checked in full once, then trusted for a minute, as for any caller), the region scope, zod, drizzle, `caseSummary` of each row, JSON of a page (50 items), HTTP/1.1.',
      '- **raw SQL**: the very statement the route sent — its text and bound values taken from the API\'s pg pool for that request — through a second pg pool of 10 on the same server; pg parses the rows as it does for drizzle, nothing after.',
      `- Each filter, after ${warmup} uncounted requests of each path: ${n} API requests and ${n} raw queries sequentially (1 in flight), then ${n} of each with ${run.options.concurrency} in flight; each in two halves in the order API, raw, raw, API (before each API half, the load thread sends 20 uncounted requests of its own, so that its HTTP client is compiled and its sockets open).`,
      '',
      ...filtersText(run),
      '',
      ...result,
      '',
      '### Plans (EXPLAIN (ANALYZE, BUFFERS), after the run, with the captured values)',
      '',
      ...planLines(run),
      '',
      '<details><summary>The plans in full</summary>',
      '',
      ...run.results.flatMap((r) => [`**${r.filter.name}**`, '', '```', r.query.text, `-- values: ${JSON.stringify(r.query.values)}`, r.plan.text, '```', '']),
      '</details>',
    ].join('\n'),
  );
}
