// The API as a client sees it over HTTP: every answer with its status, body, headers and how long it
// took; a connection that fails is an answer too (status 0), because that is what the scenarios measure.
export type Who = 'operator' | 'case_manager' | 'supervisor' | 'admin' | 'partner';

export interface Reply {
  status: number;
  // Response bodies are whatever the API answered; tests read the fields they assert on.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  headers: Headers | undefined;
  ms: number;
  error?: string;
}

export interface RequestOptions {
  who?: Who;
  body?: unknown;
  key?: string;
  timeoutMs?: number;
}

export class ApiClient {
  /** How long each answered attempt took (not the retries around it): what the request deadline bounds. */
  readonly answerMs: number[] = [];

  constructor(
    readonly base: string,
    private readonly tokens: Record<Who, string>,
  ) {}

  async request(method: 'GET' | 'POST', path: string, opts: RequestOptions = {}): Promise<Reply> {
    const started = performance.now();
    const headers: Record<string, string> = { authorization: `Bearer ${this.tokens[opts.who ?? 'admin']}`, accept: 'application/json' };
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    if (opts.key) headers['idempotency-key'] = opts.key;
    try {
      const res = await fetch(`${this.base}${path}`, {
        method,
        headers,
        ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Not JSON: keep the text for the failure message.
      }
      const ms = Math.round(performance.now() - started);
      this.answerMs.push(ms);
      return { status: res.status, body, headers: res.headers, ms };
    } catch (err) {
      const e = err as { name?: string; cause?: { code?: string } };
      return { status: 0, body: undefined, headers: undefined, ms: Math.round(performance.now() - started), error: e.cause?.code ?? e.name ?? 'error' };
    }
  }

  get(path: string, opts: RequestOptions = {}): Promise<Reply> {
    return this.request('GET', path, opts);
  }

  post(path: string, body: unknown, opts: RequestOptions = {}): Promise<Reply> {
    return this.request('POST', path, { ...opts, body });
  }

  /**
   * What a well-behaved client does: repeat the same request (same Idempotency-Key) while the service
   * is unreachable, overloaded or says to retry, until it gets a definite answer or the deadline passes.
   */
  async retrying(method: 'GET' | 'POST', path: string, opts: RequestOptions & { deadlineMs?: number } = {}): Promise<Reply & { attempts: number }> {
    const deadline = Date.now() + (opts.deadlineMs ?? 120_000);
    for (let attempts = 1; ; attempts++) {
      const reply = await this.request(method, path, { timeoutMs: 60_000, ...opts });
      const transient = reply.status === 0 || reply.status === 429 || reply.status >= 500;
      if (!transient || Date.now() > deadline) return { ...reply, attempts };
      await new Promise((r) => setTimeout(r, Math.min(200 * attempts, 2_000)));
    }
  }
}

/** Status and code of an answer, for assertion messages that say what came back instead. */
export function described(reply: Reply): string {
  const code = typeof reply.body === 'object' && reply.body ? (reply.body as { code?: string }).code : undefined;
  return `${reply.status}${code ? ` ${code}` : ''}${reply.error ? ` (${reply.error})` : ''} in ${reply.ms} ms`;
}
