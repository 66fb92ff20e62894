// The CLI's only way into Sigap: the HTTP API, with the caller's token, in the caller's language.
import { z } from 'zod';
import type { Lang } from './messages';
import type { Problem } from './responses';
import { problemBody } from './responses';

/** Long enough for a command that waits on the workflow; short enough that a hung API does not hang a script. */
export const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Any request that did not give an answer the CLI can use. Carries the Idempotency-Key it was sent with,
 * so that the operator can repeat a write whose outcome is unknown.
 */
export class RequestFailed extends Error {
  idempotencyKey: string | undefined;
}

/** The API answered with application/problem+json (or at least an error status). */
export class ApiError extends RequestFailed {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(`${problem.title} [${problem.code}]`);
  }
}

/** No answer: refused, unresolvable, or too slow. `url` is the API's address without credentials. */
export class Unreachable extends RequestFailed {
  constructor(
    readonly url: string,
    readonly why: string,
    /** Set when it gave no answer in time, rather than refusing the connection. */
    readonly timeoutSeconds?: number,
  ) {
    super(`cannot reach ${url}: ${why}`);
  }
}

/** An answer that is not what the Sigap API sends: probably the wrong --api-url. */
export class BadResponse extends RequestFailed {
  constructor(
    readonly url: string,
    readonly status: number,
  ) {
    super(`unexpected response from ${url} (HTTP ${status})`);
  }
}

/** The operator pressed Ctrl-C while a request was in flight. */
export class Interrupted extends RequestFailed {}

export interface ApiClientOptions {
  baseUrl: URL;
  token: string | undefined;
  language: Lang;
  fetch: typeof fetch;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface Reply<T> {
  body: T;
  /** The body exactly as sent, for --json. */
  raw: unknown;
  replayed: boolean;
}

type Query = Record<string, string | number | undefined>;

/** The API's address as it may be shown: no user, password, query or fragment. */
export const displayUrl = (u: URL) => `${u.origin}${u.pathname.replace(/\/$/, '')}`;

/** Why fetch failed: the system's code (ECONNREFUSED, ENOTFOUND) when there is one. Duck-typed, since
 * fetch's errors can come from another realm (as under jest), where instanceof Error is false. */
function causeOf(err: unknown): string {
  const cause = field(err, 'cause');
  const code = field(cause, 'code');
  if (typeof code === 'string') return code;
  const message = field(cause, 'message') ?? field(err, 'message');
  return typeof message === 'string' ? message : String(err);
}

const field = (v: unknown, key: string): unknown => (v !== null && typeof v === 'object' && key in v ? (v as Record<string, unknown>)[key] : undefined);

export function createApiClient(o: ApiClientOptions) {
  const timeoutMs = o.timeoutMs ?? REQUEST_TIMEOUT_MS;
  // Relative to the base, so that an API behind a path prefix (https://host/sigap) keeps its prefix.
  const base = `${o.baseUrl.origin}${o.baseUrl.pathname.replace(/\/*$/, '/')}`;

  async function call<S extends z.ZodType>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, schema: S, opts: { query?: Query; body?: unknown; key?: string }) {
    const url = new URL(path.replace(/^\/+/, ''), base);
    for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = o.signal ? AbortSignal.any([timeout, o.signal]) : timeout;
    const fail = <E extends RequestFailed>(e: E): E => {
      e.idempotencyKey = opts.key;
      return e;
    };
    let status: number;
    let text: string;
    let replayed: boolean;
    let json: boolean;
    try {
      const res = await o.fetch(url, {
        method,
        signal,
        headers: {
          accept: 'application/json, application/problem+json',
          'accept-language': o.language,
          ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
          ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(opts.key ? { 'idempotency-key': opts.key } : {}),
        },
        ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
      });
      status = res.status;
      replayed = res.headers.get('idempotent-replayed') === 'true';
      json = /[/+]json\b/.test(res.headers.get('content-type') ?? '');
      text = await res.text();
    } catch (err) {
      if (o.signal?.aborted) throw fail(new Interrupted('interrupted'));
      const url = displayUrl(o.baseUrl);
      throw fail(timeout.aborted ? new Unreachable(url, 'timeout', timeoutMs / 1000) : new Unreachable(url, causeOf(err)));
    }
    let raw: unknown;
    try {
      raw = json ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      raw = undefined;
    }
    if (status < 200 || status > 299) {
      const problem = problemBody.safeParse(raw);
      // A proxy's HTML error page still deserves its status, even without a Sigap code.
      throw fail(new ApiError(status, problem.success ? problem.data : { code: `HTTP_${status}`, title: `HTTP ${status}` }));
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) throw fail(new BadResponse(displayUrl(o.baseUrl), status));
    return { body: parsed.data as z.output<S>, raw, replayed } satisfies Reply<z.output<S>>;
  }

  return {
    get: <S extends z.ZodType>(path: string, schema: S, query?: Query) => call('GET', path, schema, { ...(query ? { query } : {}) }),
    post: <S extends z.ZodType>(path: string, body: unknown, schema: S, key?: string) => call('POST', path, schema, { body, ...(key ? { key } : {}) }),
    // No key: a PATCH sets fields to given values, so repeating it changes nothing further.
    patch: <S extends z.ZodType>(path: string, body: unknown, schema: S) => call('PATCH', path, schema, { body }),
    // No key: deleting what is already gone answers 404, which tells the operator as much.
    delete: (path: string) => call('DELETE', path, z.unknown(), {}),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
