// `npm run -s cli -- …`: what operations staff do from a terminal — open a case, list, act, watch.
// Built around injected I/O so that tests run it in-process against a real API.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
// Pure lists of codes (no I/O): they give --help its choices and catch a typo before anything is sent.
import { ESCALATION_REASONS } from '../domain/case-file';
import { CATEGORIES, PATHWAYS, RISK_LEVELS } from '../domain/categories';
import { CASE_STATUSES, STAGES } from '../domain/stages';
import type { ApiClient } from './api-client';
import { ApiError, BadResponse, Interrupted, RequestFailed, Unreachable, createApiClient } from './api-client';
import type { CommandSpec } from './fields';
import { commandSpecs, describeField, openApiDocument, parseAssignment } from './fields';
import { caseLines, caseTable, eventLine, statsLines } from './format';
import type { Lang, Msg } from './messages';
import { CliFailure, UsageError, say } from './messages';
import { caseDetails, casePage, caseStats, caseView, openedCase, timelinePage } from './responses';
import type { CaseSummary } from './responses';
import { watchCase } from './watch';

export interface CliIo {
  fetch: typeof fetch;
  out(line: string): void;
  err(line: string): void;
  env: Record<string, string | undefined>;
  sleep?(ms: number): Promise<void>;
  /** Aborted on Ctrl-C: a watch ends normally, anything else stops with exit code 130. */
  signal?: AbortSignal;
}

interface Globals {
  apiUrl: string;
  token?: string;
  lang: Lang;
  json?: boolean;
}

export const DEFAULT_API_URL = 'http://127.0.0.1:3000';

/**
 * Written here rather than imported: they live in modules that load Temporal's workflow package, which
 * would slow every start of the CLI. test/cli checks them against the API's own lists.
 */
export const REPORT_CHANNELS = ['public', 'family', 'satpol_pp', 'police', 'hospital', 'call_centre', 'outreach', 'other_agency'] as const;
export const SEXES = ['male', 'female', 'unknown'] as const;

const CASE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The checkout this CLI belongs to (the nearest package.json up), also when run from a build under dist/. */
function repoRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}

interface TokenChoice {
  token: string | undefined;
  /** Where it came from, for messages: never the token itself. */
  source: string;
  file: string;
}

function tokenFrom(io: CliIo, given: string | undefined): TokenChoice {
  const file = path.join(io.env.SIGAP_DATA_DIR ? path.resolve(io.env.SIGAP_DATA_DIR) : path.join(repoRoot(), '.data'), 'dev-token.txt');
  if (given) return { token: given, source: '--token', file };
  if (io.env.SIGAP_TOKEN) return { token: io.env.SIGAP_TOKEN, source: 'SIGAP_TOKEN', file };
  const token = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() || undefined : undefined;
  return { token, source: file, file };
}

function wholeNumber(min: number) {
  return (v: string) => {
    if (!/^-?\d+$/.test(v) || Number(v) < min) throw new InvalidArgumentError(`expected a whole number ≥ ${min} / bilangan bulat ≥ ${min}`);
    return Number(v);
  };
}

const caseIdArg = (v: string) => {
  if (!CASE_ID.test(v)) throw new InvalidArgumentError(say.badCaseId(v).en);
  return v;
};

const collect = (v: string, acc: string[]) => [...acc, v];

export function buildProgram(io: CliIo): Command {
  const sleep = io.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const program = new Command()
    .name('npm run -s cli --')
    .description('Sigap for operations staff: open cases, list them, act on them, watch them (kasus, perintah, pantau).')
    .option('--api-url <url>', 'the Sigap API (env SIGAP_API_URL)', io.env.SIGAP_API_URL || DEFAULT_API_URL)
    .option('--token <jwt>', 'bearer token (default: env SIGAP_TOKEN, else dev-token.txt in $SIGAP_DATA_DIR or .data/, written by npm start)')
    .addOption(new Option('--lang <lang>', 'language of messages: id = Bahasa Indonesia, en = English').choices(['id', 'en']).default('id'))
    .option('--json', 'print the API\'s JSON instead of text (for scripts)')
    .exitOverride()
    .showHelpAfterError('(--help: bantuan / usage)')
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, '')), writeErr: (s) => io.err(s.replace(/\n$/, '')) })
    .addHelpText(
      'after',
      '\nExit codes: 0 done, 1 the API refused (its message and code are printed), 2 usage, 3 the API cannot be reached, 130 interrupted.',
    );

  const context = (): Context => {
    const g = program.opts<Globals>();
    let base: URL | undefined;
    try {
      base = new URL(g.apiUrl);
    } catch {
      base = undefined;
    }
    // A URL with a password in it is not repeated back: it may end up in a terminal log.
    if (base?.username || base?.password) throw new UsageError(say.badApiUrl('…@…'));
    if (!base || !/^https?:$/.test(base.protocol)) throw new UsageError(say.badApiUrl(g.apiUrl));
    const { token } = tokenFrom(io, g.token);
    return {
      api: createApiClient({ baseUrl: base, token, language: g.lang, fetch: io.fetch, ...(io.signal ? { signal: io.signal } : {}) }),
      g,
      print(raw, lines) {
        if (g.json) io.out(JSON.stringify(raw, null, 2));
        else for (const l of lines()) io.out(l);
      },
      note: (m) => io.err(m[g.lang]),
    };
  };

  const kase = program.command('case').description('cases: open, list, show, act (and its commands), timeline, watch (kasus)');

  kase
    .command('open')
    .description('open a case at intake and print its id (buka kasus)')
    .addOption(new Option('--category <category>', 'the PPKS category (kategori)').choices(CATEGORIES).makeOptionMandatory())
    .addOption(new Option('--risk <level>', 'risk level (tingkat risiko)').choices(RISK_LEVELS).makeOptionMandatory())
    .requiredOption('--region <code>', 'BPS code of the kabupaten/kota, e.g. 64.72 (wilayah)')
    .addOption(new Option('--channel <channel>', 'how the report came in (saluran laporan)').choices(REPORT_CHANNELS).makeOptionMandatory())
    .addOption(new Option('--pathway <pathway>', 'default: the category\'s own (jalur)').choices(PATHWAYS))
    .option('--assign <staffId>', 'case manager to assign (opaque staff id)')
    .option('--summary <text>', 'what was reported (ringkasan laporan)')
    .option('--name <name>', 'the person\'s name, if known (nama)')
    .option('--nik <nik>', '16-digit NIK, if known')
    .addOption(new Option('--sex <sex>', 'jenis kelamin').choices(SEXES))
    .option('--age <years>', 'estimated age (perkiraan umur)', wholeNumber(0))
    .option('--description <text>', 'how the person looks, for finding family (ciri-ciri)')
    .option('--found-location <place>', 'where the person was found (lokasi ditemukan)')
    .option('--idempotency-key <key>', 'repeat a request safely; default: a new key, printed if the request fails')
    .action(async (o: OpenOptions) => {
      const { api, print, note } = context();
      const subject = Object.fromEntries(
        Object.entries({ name: o.name, nik: o.nik, sex: o.sex, estimatedAge: o.age, description: o.description, foundLocation: o.foundLocation }).filter(
          ([, v]) => v !== undefined,
        ),
      );
      const body = {
        category: o.category,
        riskLevel: o.risk,
        regionCode: o.region,
        report: { channel: o.channel, ...(o.summary ? { summary: o.summary } : {}) },
        subject,
        ...(o.pathway ? { pathway: o.pathway } : {}),
        ...(o.assign ? { assignedWorker: o.assign } : {}),
      };
      const opened = await api.post('/v1/cases', body, openedCase, o.idempotencyKey ?? randomUUID());
      if (opened.replayed) note(say.replayed());
      print(opened.raw, () => [opened.body.caseId]);
    });

  kase
    .command('list')
    .description('cases in your regions, newest first (daftar kasus)')
    .addOption(new Option('--status <status>').choices(CASE_STATUSES))
    .addOption(new Option('--stage <stage>').choices(STAGES))
    .addOption(new Option('--category <category>').choices(CATEGORIES))
    .addOption(new Option('--pathway <pathway>').choices(PATHWAYS))
    .addOption(new Option('--risk <risk>').choices(RISK_LEVELS))
    .option('--region <code>', 'a province (64) or kabupaten/kota (64.72)')
    .option('--assignee <staffId>', 'assigned case manager')
    .option('--min-level <n>', 'minimum escalation level (0-3)', wholeNumber(0))
    .option('--limit <n>', 'page size (max 200)', wholeNumber(1), 50)
    .option('--cursor <cursor>', 'continue after an earlier page')
    .option('--all', 'follow every page')
    .action(async (o: ListOptions) => {
      const c = context();
      const query = { status: o.status, stage: o.stage, category: o.category, pathway: o.pathway, risk: o.risk, region: o.region, assignee: o.assignee, minEscalationLevel: o.minLevel, limit: o.limit };
      await listPages(c, '/v1/cases', query, o);
    });

  kase
    .command('show')
    .description('one case: its read-model record and live state (detail kasus)')
    .argument('<caseId>', 'the case id (UUID)', caseIdArg)
    .action(async (caseId: string) => {
      const { api, print, note, g } = context();
      const c = await api.get(`/v1/cases/${caseId}`, caseDetails);
      print(c.raw, () => caseLines(c.body));
      if (!g.json && !c.body.record) note(say.pending());
    });

  kase
    .command('act')
    .description('give a staff command, e.g. acknowledge, recordAssessment, requestClosure (beri perintah)')
    .argument('<caseId>', 'the case id (UUID)', caseIdArg)
    .argument('<command>', 'the command type; `case commands` lists them with their fields')
    .option('--set <field>', 'a field, repeatable: key=value, typed by the API\'s schema (days=7, approve=true, reason="…"); key:=json for JSON as is', collect, [])
    .option('--data <json>', 'more fields as one JSON object (lists of objects, such as a plan\'s services)')
    .option('--idempotency-key <key>', 'repeat a command safely; default: a new key, printed if the request fails')
    .addHelpText('after', '\nExample: case act <caseId> requestExtension --set days=7 --set reason="menunggu hasil RSJ"')
    .action(async (caseId: string, type: string, o: ActOptions) => {
      const { api, print } = context();
      const data = dataObject(o.data);
      const specs = await loadSpecs(api);
      const spec = specs?.get(type);
      if (specs && !spec) throw new UsageError(say.unknownCommand(type, [...specs.keys()]));
      const fields = Object.fromEntries(o.set.map((s) => parseAssignment(s, spec)));
      const view = await api.post(`/v1/cases/${caseId}/commands`, { ...data, ...fields, type }, caseView, o.idempotencyKey ?? randomUUID());
      print(view.raw, () => [`${type}: ${view.body.status} · stage ${view.body.stage}`]);
    });

  kase
    .command('commands')
    .description('the command types `case act` takes and their fields, from the API (daftar perintah)')
    .argument('[type]', 'one command type, in detail')
    .action(async (type: string | undefined) => {
      const { api, print } = context();
      const specs = await loadSpecs(api);
      if (!specs) throw new CliFailure(say.noCommandDoc());
      if (type === undefined) {
        const all = [...specs.values()];
        return print(all, () => all.map((s) => `${s.type.padEnd(24)} ${s.fields.map((f) => `${f.name}${f.required ? '*' : ''}`).join(' ')}`.trimEnd()));
      }
      const spec = specs.get(type);
      if (!spec) throw new UsageError(say.unknownCommand(type, [...specs.keys()]));
      print(spec, () => [type, ...spec.fields.map(describeField), '(* required / wajib)']);
    });

  kase
    .command('timeline')
    .description('who did what, when (riwayat)')
    .argument('<caseId>', 'the case id (UUID)', caseIdArg)
    .option('--after <seq>', 'events after this position', wholeNumber(-1), -1)
    .option('--limit <n>', 'at most this many (max 500)', wholeNumber(1), 100)
    .action(async (caseId: string, o: { after: number; limit: number }) => {
      const { api, print, note, g } = context();
      const page = await api.get(`/v1/cases/${caseId}/timeline`, timelinePage, { after: o.after, limit: o.limit });
      print(page.raw, () => page.body.items.map(eventLine));
      if (!g.json && page.body.nextAfter !== null) note(say.moreEvents(page.body.nextAfter));
    });

  kase
    .command('watch')
    .description('print the timeline, then new events as they happen, until the case is closed, withdrawn or archived; Ctrl-C stops (pantau)')
    .argument('<caseId>', 'the case id (UUID)', caseIdArg)
    .option('--interval <ms>', 'poll interval in milliseconds', wholeNumber(50), 1000)
    .option('--after <seq>', 'skip the history up to this position', wholeNumber(-1), -1)
    .addHelpText('after', '\nWith --json, one event per line (JSON Lines).')
    .action(async (caseId: string, o: { interval: number; after: number }) => {
      const { api, g, note } = context();
      await watchCase({
        page: async (after) => (await api.get(`/v1/cases/${caseId}/timeline`, timelinePage, { after, limit: 500 })).body,
        print: (e) => io.out(g.json ? JSON.stringify(e) : eventLine(e)),
        warn: (trouble) => note(trouble ? say.watchTrouble(describe(trouble, g.lang)) : say.watchBack()),
        sleep,
        interval: o.interval,
        after: o.after,
        signal: io.signal,
      });
    });

  program
    .command('escalations')
    .description('escalated or overdue open cases, most urgent first (eskalasi)')
    .addOption(new Option('--view <view>').choices(['escalated', 'overdue']).default('escalated'))
    .option('--region <code>', 'a province (64) or kabupaten/kota (64.72)')
    .option('--min-level <n>', 'minimum escalation level (1-3)', wholeNumber(1))
    .addOption(new Option('--category <category>').choices(CATEGORIES))
    .addOption(new Option('--pathway <pathway>').choices(PATHWAYS))
    .addOption(new Option('--stage <stage>').choices(STAGES))
    .addOption(new Option('--risk <risk>').choices(RISK_LEVELS))
    .addOption(new Option('--reason <reason>', 'why it escalated').choices(ESCALATION_REASONS))
    .option('--assignee <staffId>', 'assigned case manager')
    .option('--limit <n>', 'page size (max 200)', wholeNumber(1), 50)
    .option('--cursor <cursor>', 'continue after an earlier page')
    .option('--all', 'follow every page')
    .action(async (o: EscalationOptions) => {
      const c = context();
      const query = { view: o.view, region: o.region, minLevel: o.minLevel, category: o.category, pathway: o.pathway, stage: o.stage, risk: o.risk, reason: o.reason, assignee: o.assignee, limit: o.limit };
      await listPages(c, '/v1/escalations', query, o);
    });

  program
    .command('stats')
    .description('caseload counts (statistik)')
    .option('--region <code>', 'a province (64) or kabupaten/kota (64.72)')
    .option('--period-days <n>', 'period for the opened/closed counts', wholeNumber(1), 30)
    .action(async (o: { region?: string; periodDays: number }) => {
      const { api, print } = context();
      const s = await api.get('/v1/stats', caseStats, { region: o.region, periodDays: o.periodDays });
      print(s.raw, () => statsLines(s.body));
    });

  return program;
}

interface OpenOptions {
  category: string;
  risk: string;
  region: string;
  channel: string;
  pathway?: string;
  assign?: string;
  summary?: string;
  name?: string;
  nik?: string;
  sex?: string;
  age?: number;
  description?: string;
  foundLocation?: string;
  idempotencyKey?: string;
}
interface Paging {
  limit: number;
  cursor?: string;
  all?: boolean;
}
interface ListOptions extends Paging {
  status?: string;
  stage?: string;
  category?: string;
  pathway?: string;
  risk?: string;
  region?: string;
  assignee?: string;
  minLevel?: number;
}
interface EscalationOptions extends Paging {
  view: string;
  region?: string;
  minLevel?: number;
  category?: string;
  pathway?: string;
  stage?: string;
  risk?: string;
  reason?: string;
  assignee?: string;
}
interface ActOptions {
  set: string[];
  data?: string;
  idempotencyKey?: string;
}

/** What every command's action works with. */
interface Context {
  api: ApiClient;
  g: Globals;
  /** The API's JSON with --json, else the text lines. */
  print(raw: unknown, lines: () => string[]): void;
  /** A remark for the operator, on stderr so that stdout stays parseable. */
  note(m: Msg): void;
}

/** A case list, one page or (--all) every page; --json always has the page's shape. */
async function listPages(c: Context, path: string, query: Record<string, string | number | undefined>, o: Paging): Promise<void> {
  const items: CaseSummary[] = [];
  let cursor = o.cursor;
  let next: string | null = null;
  do {
    const page = await c.api.get(path, casePage, { ...query, cursor });
    items.push(...page.body.items);
    next = page.body.nextCursor;
    cursor = next ?? undefined;
  } while (o.all && cursor);
  c.print({ items, nextCursor: next }, () => (items.length ? caseTable(items) : [say.noCases()[c.g.lang]]));
  if (!c.g.json && next) c.note(say.moreCases(next));
}

function dataObject(text: string | undefined): Record<string, unknown> {
  if (text === undefined) return {};
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError(say.badData());
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new UsageError(say.badData());
  return data as Record<string, unknown>;
}

/** The command types from the API's OpenAPI document; undefined if it serves none (then --set sends strings). */
async function loadSpecs(api: ApiClient): Promise<Map<string, CommandSpec> | undefined> {
  try {
    return commandSpecs((await api.get('/openapi.json', openApiDocument)).body);
  } catch (err) {
    if (err instanceof ApiError || err instanceof BadResponse) return undefined;
    throw err;
  }
}

/** An error as the operator reads it, in their language. */
function describe(err: Error, lang: Lang): string {
  if (err instanceof ApiError) return `${err.problem.messages?.[lang] ?? err.problem.title} [${err.problem.code}]`;
  if (err instanceof Unreachable) return (err.timeoutSeconds !== undefined ? say.timeout(err.url, err.timeoutSeconds) : say.unreachable(err.url, err.why))[lang];
  if (err instanceof BadResponse) return say.badResponse(err.url, err.status)[lang];
  if (err instanceof Interrupted) return say.interrupted()[lang];
  if (err instanceof CliFailure) return err.msg[lang];
  return err.message;
}

/** Runs the CLI; resolves to the exit code: 0 done, 1 the API said no, 2 usage, 3 unreachable, 130 interrupted. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    // Commander has already printed its own usage errors (and --help).
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (!(err instanceof CliFailure || err instanceof RequestFailed)) throw err;
    const g = program.opts<Partial<Globals>>();
    const lang: Lang = g.lang === 'en' ? 'en' : 'id';
    io.err(describe(err, lang));
    if (err instanceof CliFailure) return err.exitCode;
    if (err instanceof ApiError) {
      for (const e of err.problem.errors ?? []) io.err(`  ${e.field}: ${e.message}`);
      if (err.status === 401) {
        const t = tokenFrom(io, g.token);
        io.err((t.token ? say.tokenRejected(t.source) : say.noToken(t.file))[lang]);
      }
    }
    // The write may or may not have happened: the same key makes a retry safe either way.
    if (err.idempotencyKey) io.err(say.retryWithKey(err.idempotencyKey)[lang]);
    return err instanceof Unreachable ? 3 : err instanceof Interrupted ? 130 : 1;
  }
}
