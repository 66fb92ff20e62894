// The CLI's only way into Sigap: the HTTP API, with the caller's token, in the caller's language.
export interface Problem {
  code: string;
  title: string;
  errors?: { field: string; message: string }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(`${problem.title} [${problem.code}]`);
  }
}

export class Unreachable extends Error {
  constructor(readonly url: string) {
    super(`cannot reach the Sigap API at ${url}`);
  }
}

export interface ApiClientOptions {
  baseUrl: string;
  token: string | undefined;
  language: 'id' | 'en';
  fetch: typeof fetch;
}

export function createApiClient(o: ApiClientOptions) {
  async function call<T>(method: 'GET' | 'POST', path: string, opts: { query?: Record<string, string | number | undefined>; body?: unknown; key?: string } = {}): Promise<T> {
    const url = new URL(path, o.baseUrl);
    for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
    let res: Response;
    try {
      res = await o.fetch(url, {
        method,
        headers: {
          accept: 'application/json',
          'accept-language': o.language,
          ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
          ...(opts.body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(opts.key ? { 'idempotency-key': opts.key } : {}),
        },
        ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
      });
    } catch {
      throw new Unreachable(o.baseUrl);
    }
    const body = (await res.json().catch(() => ({}))) as unknown;
    if (!res.ok) {
      const p = body as Partial<Problem>;
      throw new ApiError(res.status, { code: p.code ?? `HTTP_${res.status}`, title: p.title ?? res.statusText, ...(p.errors ? { errors: p.errors } : {}) });
    }
    return body as T;
  }
  return {
    get: <T>(path: string, query?: Record<string, string | number | undefined>) => call<T>('GET', path, query ? { query } : {}),
    post: <T>(path: string, body: unknown, key?: string) => call<T>('POST', path, { body, ...(key ? { key } : {}) }),
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
