// `npm run cli -- …`: what operations staff do from a terminal — open a case, list, act, watch.
// Built around injected I/O so that tests run it in-process against a real API.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { ApiClient } from './api-client';
import { ApiError, Unreachable, createApiClient } from './api-client';
import type { CaseLine, EventLine } from './format';
import { caseTable, eventLine, parseAssignment } from './format';

export interface CliIo {
  fetch: typeof fetch;
  out(line: string): void;
  err(line: string): void;
  env: Record<string, string | undefined>;
  sleep?(ms: number): Promise<void>;
}

interface Globals {
  apiUrl: string;
  token?: string;
  lang: 'id' | 'en';
  json?: boolean;
}

const ROOT = path.resolve(__dirname, '..');

/** A mistake in how the command was given, found after commander's own checks. */
class UsageError extends Error {}
const FINISHED = new Set(['case.closed', 'case.withdrawn', 'case.archived']);

function tokenFrom(io: CliIo, given: string | undefined): string | undefined {
  if (given) return given;
  if (io.env.SIGAP_TOKEN) return io.env.SIGAP_TOKEN;
  const file = path.join(io.env.SIGAP_DATA_DIR ?? path.join(ROOT, '.data'), 'dev-token.txt');
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : undefined;
}

const int = (v: string) => {
  if (!/^\d+$/.test(v)) throw new InvalidArgumentError('expected a whole number');
  return Number(v);
};

export function buildProgram(io: CliIo): Command {
  const sleep = io.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const program = new Command()
    .name('npm run cli --')
    .description('Sigap for operations staff: open cases, list them, act on them, watch them.')
    .option('--api-url <url>', 'the Sigap API', io.env.SIGAP_API_URL ?? 'http://127.0.0.1:3000')
    .option('--token <jwt>', 'bearer token (default: $SIGAP_TOKEN, else .data/dev-token.txt)')
    .addOption(new Option('--lang <lang>', 'language of messages (Bahasa Indonesia or English)').choices(['id', 'en']).default('id'))
    .option('--json', 'print raw JSON (for scripts)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) });

  const client = (): { api: ApiClient; g: Globals } => {
    const g = program.opts<Globals>();
    return { api: createApiClient({ baseUrl: g.apiUrl, token: tokenFrom(io, g.token), language: g.lang, fetch: io.fetch }), g };
  };
  const print = (g: Globals, json: unknown, lines: () => string[]) => {
    if (g.json) io.out(JSON.stringify(json, null, 2));
    else for (const l of lines()) io.out(l);
  };

  const kase = program.command('case').description('cases (kasus)');

  kase
    .command('open')
    .description('open a case (buka kasus)')
    .requiredOption('--category <category>', 'e.g. odgj_terlantar, orang_terlantar, anak_terlantar')
    .requiredOption('--risk <level>', 'high | medium | low')
    .requiredOption('--region <code>', 'BPS code of the kabupaten/kota, e.g. 64.72')
    .requiredOption('--channel <channel>', 'public | family | satpol_pp | police | hospital | call_centre | outreach | other_agency')
    .option('--pathway <pathway>', 'odgj | repatriation | atensi (default: from the category)')
    .option('--assign <staffId>', 'case manager to assign')
    .option('--summary <text>', 'what was reported')
    .option('--name <name>')
    .option('--nik <nik>')
    .option('--sex <sex>')
    .option('--age <years>', 'estimated age', int)
    .option('--idempotency-key <key>', 'repeat a request safely (default: a new key)')
    .action(async (o: Record<string, string | number | undefined>) => {
      const { api, g } = client();
      const key = (o.idempotencyKey as string | undefined) ?? randomUUID();
      const subject = Object.fromEntries(
        Object.entries({ name: o.name, nik: o.nik, sex: o.sex, estimatedAge: o.age }).filter(([, v]) => v !== undefined),
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
      try {
        const opened = await api.post<{ caseId: string }>('/v1/cases', body, key);
        print(g, opened, () => [opened.caseId]);
      } catch (err) {
        // The operator can repeat exactly this request without opening a second case.
        io.err(`Idempotency-Key: ${key} (retry with --idempotency-key ${key})`);
        throw err;
      }
    });

  kase
    .command('list')
    .description('list cases in your regions (daftar kasus)')
    .option('--status <status>')
    .option('--stage <stage>')
    .option('--category <category>')
    .option('--pathway <pathway>')
    .option('--risk <risk>')
    .option('--region <code>')
    .option('--assignee <staffId>')
    .option('--min-level <n>', 'minimum escalation level', int)
    .option('--limit <n>', 'page size (max 200)', int, 50)
    .option('--all', 'follow every page')
    .action(async (o: Record<string, string | number | boolean | undefined>) => {
      const { api, g } = client();
      const items: CaseLine[] = [];
      let cursor: string | undefined;
      do {
        const page = await api.get<{ items: CaseLine[]; nextCursor: string | null }>('/v1/cases', {
          status: o.status as string,
          stage: o.stage as string,
          category: o.category as string,
          pathway: o.pathway as string,
          risk: o.risk as string,
          region: o.region as string,
          assignee: o.assignee as string,
          minEscalationLevel: o.minLevel as number,
          limit: o.limit as number,
          cursor,
        });
        items.push(...page.items);
        cursor = o.all ? (page.nextCursor ?? undefined) : undefined;
      } while (cursor);
      print(g, items, () => (items.length ? caseTable(items) : ['(no cases)']));
    });

  kase
    .command('show <caseId>')
    .description('one case: its record and live state')
    .action(async (caseId: string) => {
      const { api, g } = client();
      const c = await api.get<{ record: CaseLine & { status: string; assignedWorker: string | null } | null; live: { stage: string; status: string } | null }>(`/v1/cases/${encodeURIComponent(caseId)}`);
      print(g, c, () => {
        const r = c.record;
        return [
          `case      ${caseId}`,
          `status    ${c.live?.status ?? r?.status ?? '?'} · stage ${c.live?.stage ?? r?.stage ?? '?'}`,
          ...(r ? [`category  ${r.category} · risk ${r.riskLevel} · region ${r.regionCode}`, `assigned  ${r.assignedWorker ?? '-'} · escalation level ${r.escalationLevel}`] : []),
          `next      ${r?.nextDeadline ? `${r.nextDeadline.kind} ${r.nextDeadline.dueAt ?? ''}` : '-'}`,
        ];
      });
    });

  kase
    .command('act <caseId> <command>')
    .description('give a staff command, e.g. acknowledge, recordAssessment, requestClosure (see /docs)')
    .option('--set <field>', 'a command field (repeatable): reason=text (a string), days:=7 / approve:=true (JSON)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--data <json>', 'more fields as a JSON object (lists such as a plan\'s services)')
    .option('--idempotency-key <key>', 'repeat a command safely (default: a new key)')
    .action(async (caseId: string, command: string, o: { set: string[]; data?: string; idempotencyKey?: string }) => {
      const { api, g } = client();
      let data: Record<string, unknown> = {};
      try {
        data = o.data ? (JSON.parse(o.data) as Record<string, unknown>) : {};
      } catch {
        throw new UsageError('--data must be a JSON object');
      }
      let fields: [string, unknown][];
      try {
        fields = o.set.map(parseAssignment);
      } catch (err) {
        throw new UsageError((err as Error).message);
      }
      const key = o.idempotencyKey ?? randomUUID();
      const view = await api.post<{ stage: string; status: string }>(`/v1/cases/${encodeURIComponent(caseId)}/commands`, { ...data, ...Object.fromEntries(fields), type: command }, key);
      print(g, view, () => [`${command}: ${view.status} · stage ${view.stage}`]);
    });

  kase
    .command('timeline <caseId>')
    .description('who did what, when')
    .option('--after <seq>', 'events after this position', (v) => Number(v), -1)
    .option('--limit <n>', 'at most this many', int, 100)
    .action(async (caseId: string, o: { after: number; limit: number }) => {
      const { api, g } = client();
      const page = await api.get<{ items: EventLine[] }>(`/v1/cases/${encodeURIComponent(caseId)}/timeline`, { after: o.after, limit: o.limit });
      print(g, page, () => page.items.map(eventLine));
    });

  kase
    .command('watch <caseId>')
    .description('print new timeline events as they happen, until the case is closed or withdrawn')
    .option('--interval <ms>', 'poll interval', int, 1000)
    .action(async (caseId: string, o: { interval: number }) => {
      const { api, g } = client();
      let after = -1;
      for (;;) {
        const page = await api.get<{ items: EventLine[] }>(`/v1/cases/${encodeURIComponent(caseId)}/timeline`, { after, limit: 200 });
        for (const e of page.items) {
          if (g.json) io.out(JSON.stringify(e));
          else io.out(eventLine(e));
          after = e.seq;
          if (FINISHED.has(e.type)) return;
        }
        await sleep(o.interval);
      }
    });

  program
    .command('escalations')
    .description('escalated or overdue cases (supervisors)')
    .addOption(new Option('--view <view>').choices(['escalated', 'overdue']).default('escalated'))
    .option('--region <code>')
    .option('--min-level <n>', 'minimum level', int)
    .option('--limit <n>', 'page size', int, 50)
    .action(async (o: { view: string; region?: string; minLevel?: number; limit: number }) => {
      const { api, g } = client();
      const page = await api.get<{ items: CaseLine[] }>('/v1/escalations', { view: o.view, region: o.region, minLevel: o.minLevel, limit: o.limit });
      print(g, page.items, () => (page.items.length ? caseTable(page.items) : ['(none)']));
    });

  program
    .command('stats')
    .description('caseload counts')
    .option('--region <code>')
    .option('--period-days <n>', 'period for opened/closed counts', int, 30)
    .action(async (o: { region?: string; periodDays: number }) => {
      const { api, g } = client();
      const s = await api.get<Record<string, unknown> & { open: number; overdue: number; escalated: number; byStage: Record<string, number> }>('/v1/stats', {
        region: o.region,
        periodDays: o.periodDays,
      });
      print(g, s, () => [
        `open ${s.open} · overdue ${s.overdue} · escalated ${s.escalated}`,
        ...Object.entries(s.byStage).map(([stage, n]) => `  ${stage.padEnd(16)} ${n}`),
      ]);
    });

  return program;
}

/** Runs the CLI; resolves to the exit code: 0 ok, 1 the API said no, 2 usage, 3 the API is unreachable. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    // Commander has already printed its own usage errors (and --help).
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof UsageError) {
      io.err(err.message);
      return 2;
    }
    if (err instanceof ApiError) {
      io.err(`${err.problem.title} [${err.problem.code}]`);
      for (const e of err.problem.errors ?? []) io.err(`  ${e.field}: ${e.message}`);
      return 1;
    }
    if (err instanceof Unreachable) {
      io.err(err.message);
      return 3;
    }
    throw err;
  }
}
