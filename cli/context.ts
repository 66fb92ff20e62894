// What every CLI command works with: the API client for the caller's address, token and language; how
// to print (text or --json); the option parsers the commands share; and how errors read.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { InvalidArgumentError, Option } from 'commander';
import type { z } from 'zod';
import { CATEGORIES, currentCategory, isLegacyCategory } from '../domain/categories';
import { CASE_ID, STAFF_ID } from '../domain/ids';
import type { ApiClient } from './api-client';
import { ApiError, BadResponse, Interrupted, Unreachable, createApiClient } from './api-client';
import type { CommandSpec } from './fields';
import { commandSpecs, openApiDocument } from './fields';
import { caseTable } from './format';
import type { Lang, Msg } from './messages';
import { CliFailure, UsageError, say } from './messages';
import type { CaseSummary } from './responses';
import { caseDetails, casePage } from './responses';

export interface CliIo {
  fetch: typeof fetch;
  out(line: string): void;
  err(line: string): void;
  env: Record<string, string | undefined>;
  sleep?(ms: number): Promise<void>;
  /** Aborted on Ctrl-C: a watch ends normally, anything else stops with exit code 130. */
  signal?: AbortSignal;
}

export interface Globals {
  apiUrl: string;
  token?: string;
  lang: Lang;
  json?: boolean;
}

export const DEFAULT_API_URL = 'http://127.0.0.1:3000';

/** What every command's action works with. */
export interface Context {
  api: ApiClient;
  g: Globals;
  io: CliIo;
  /** The API's JSON with --json, else the text lines. */
  print(raw: unknown, lines: () => string[]): void;
  /** A remark for the operator, on stderr so that stdout stays parseable. */
  note(m: Msg): void;
}

/** How a command reaches its context once commander has parsed the global options. */
export type ContextOf = () => Context;

/** The checkout this CLI belongs to (the nearest package.json up), also when run from a build under dist/. */
function repoRoot(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}

export interface TokenChoice {
  token: string | undefined;
  /** Where it came from, for messages: never the token itself. */
  source: string;
  file: string;
}

export function tokenFrom(io: CliIo, given: string | undefined): TokenChoice {
  const file = path.join(io.env.SIGAP_DATA_DIR ? path.resolve(io.env.SIGAP_DATA_DIR) : path.join(repoRoot(), '.data'), 'dev-token.txt');
  if (given) return { token: given, source: '--token', file };
  if (io.env.SIGAP_TOKEN) return { token: io.env.SIGAP_TOKEN, source: 'SIGAP_TOKEN', file };
  const token = fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() || undefined : undefined;
  return { token, source: file, file };
}

export function contextFor(program: Command, io: CliIo): ContextOf {
  return () => {
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
      io,
      print(raw, lines) {
        if (g.json) io.out(JSON.stringify(raw, null, 2));
        else for (const l of lines()) io.out(l);
      },
      note: (m) => io.err(m[g.lang]),
    };
  };
}

export function wholeNumber(min: number) {
  return (v: string) => {
    if (!/^-?\d+$/.test(v) || Number(v) < min) throw new InvalidArgumentError(`expected a whole number ≥ ${min} / bilangan bulat ≥ ${min}`);
    return Number(v);
  };
}

/**
 * `--category`: the help lists the current codes; a script written before #13 may still give an old one,
 * which is sent as its current code.
 */
export function categoryOption(description?: string): Option {
  return new Option('--category <category>', description).choices(CATEGORIES).argParser((v: string) => {
    if (isLegacyCategory(v)) return currentCategory(v);
    if (!(CATEGORIES as readonly string[]).includes(v)) throw new InvalidArgumentError(`Allowed choices are ${CATEGORIES.join(', ')}.`);
    return v;
  });
}

export const caseIdArg = (v: string) => {
  if (!CASE_ID.test(v)) throw new InvalidArgumentError(say.badCaseId(v).en);
  return v;
};

export const staffIdArg = (v: string) => {
  if (!STAFF_ID.test(v)) throw new InvalidArgumentError(say.badStaffId(v).en);
  return v;
};

/** A calendar day as the API takes it; checked here so that a typo costs a usage error, not a round trip. */
export function calendarDay(v: string): string {
  const d = /^\d{4}-\d\d-\d\d$/.test(v) ? new Date(`${v}T00:00:00Z`) : undefined;
  if (!d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== v) throw new InvalidArgumentError('expected a calendar day YYYY-MM-DD / tanggal YYYY-MM-DD');
  return v;
}

export interface Paging {
  limit: number;
  cursor?: string;
  all?: boolean;
}

/** What a listing reads and how it prints it: cases (case list, escalations, transfers) or staff records. */
export interface Listing<T> {
  page: z.ZodType<{ items: T[]; nextCursor: string | null }>;
  table(items: T[], lang: Lang): string[];
  none: Msg;
}

export const caseListing: Listing<CaseSummary> = { page: casePage, table: (items, lang) => caseTable(items, lang), none: say.noCases() };

/** One page or (--all) every page; --json always has the page's shape. */
export async function listPages<T>(c: Context, path: string, query: Record<string, string | number | undefined>, o: Paging, listing: Listing<T>): Promise<void> {
  const items: T[] = [];
  let cursor = o.cursor;
  let next: string | null = null;
  do {
    const page = await c.api.get(path, listing.page, { ...query, cursor });
    items.push(...page.body.items);
    next = page.body.nextCursor;
    cursor = next ?? undefined;
  } while (o.all && cursor);
  c.print({ items, nextCursor: next }, () => (items.length ? listing.table(items, c.g.lang) : [listing.none[c.g.lang]]));
  if (!c.g.json && next) c.note(say.morePages(next));
}

/**
 * The region whose zone a case's times are read in. The timeline's events do not carry it, so its text
 * also asks for the case (--json does not: it prints the API's UTC times as they are).
 */
export async function caseRegion(api: ApiClient, caseId: string): Promise<string | undefined> {
  const c = (await api.get(`/v1/cases/${caseId}`, caseDetails)).body;
  return c.live?.regionCode ?? c.record?.regionCode;
}

/** The command types from the API's OpenAPI document; undefined if it serves none (then --set sends strings). */
export async function loadSpecs(api: ApiClient): Promise<Map<string, CommandSpec> | undefined> {
  try {
    return commandSpecs((await api.get('/openapi.json', openApiDocument)).body);
  } catch (err) {
    if (err instanceof ApiError || err instanceof BadResponse) return undefined;
    throw err;
  }
}

/** An error as the operator reads it, in their language. */
export function describe(err: Error, lang: Lang): string {
  if (err instanceof ApiError) return `${err.problem.messages?.[lang] ?? err.problem.title} [${err.problem.code}]`;
  if (err instanceof Unreachable) return (err.timeoutSeconds !== undefined ? say.timeout(err.url, err.timeoutSeconds) : say.unreachable(err.url, err.why))[lang];
  if (err instanceof BadResponse) return say.badResponse(err.url, err.status)[lang];
  if (err instanceof Interrupted) return say.interrupted()[lang];
  if (err instanceof CliFailure) return err.msg[lang];
  return err.message;
}
