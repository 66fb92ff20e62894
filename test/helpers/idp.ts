// The development identity provider (idp/) as a process of its own, and what a browser and the Temporal UI
// server do with it over HTTP: the authorization-code flow through its sign-in form, then the token request.
// oidc-provider is ES modules only, which Jest's module system does not load: the provider runs under tsx,
// as `node dist/idp/main.js` runs in docker-compose.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { freePort } from '../../temporal/free-port';

const ROOT = path.join(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

export interface IdpProcess {
  /** The browser's name for it (the tokens' `iss`): http://localhost:<port>. */
  issuer: string;
  /** The other name, as a container would use: http://127.0.0.1:<port>. */
  backChannel: string;
  output: string[];
  stop(): Promise<void>;
}

/** Runs a script of idp/ under tsx and resolves with its stdout (or rejects with stderr). */
export function runIdpScript(script: string, env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX, `idp/${script}`], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${script} exited ${code}: ${err}`))));
  });
}

export async function startIdpProcess(env: Record<string, string> = {}): Promise<IdpProcess> {
  const port = await freePort();
  const issuer = `http://localhost:${port}`;
  const child: ChildProcess = spawn(process.execPath, [TSX, 'idp/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, IDP_HOST: '127.0.0.1', IDP_PORT: String(port), IDP_ISSUER: issuer, LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGTERM');
    await exited;
  };
  const backChannel = `http://127.0.0.1:${port}`;
  const started = Date.now();
  while (Date.now() - started < 30_000) {
    if (child.exitCode !== null) break;
    try {
      if ((await fetch(`${backChannel}/healthz`)).ok) return { issuer, backChannel, output, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await stop();
  throw new Error(`identity provider did not start:\n${output.join('')}`);
}

/** A browser's cookies, enough for one sign-in: the provider scopes them by path, this sends them all. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  keep(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const pair = line.split(';', 1)[0]!;
      const name = pair.slice(0, pair.indexOf('='));
      const value = pair.slice(pair.indexOf('=') + 1);
      if (!value || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

export interface SignInRequest {
  clientId: string;
  redirectUri: string;
  username: string;
  password: string;
  /** Send a PKCE challenge (S256); the Temporal UI server sends none. */
  pkce: boolean;
}

export interface SignInResult {
  /** The status of the sign-in form's answer: 303 on to the flow, 401 refused. */
  loginStatus: number;
  code?: string;
  state: string;
  nonce: string;
  verifier?: string;
  /** The authorization response's `iss` (RFC 9207). */
  iss?: string;
}

const follow = (res: Response, base: string) => new URL(res.headers.get('location') ?? '', base).href;

/** What a person's browser does: the authorization endpoint from discovery, the form, back to the client. */
export async function signIn(idp: IdpProcess, req: SignInRequest): Promise<SignInResult> {
  const discovery = (await (await fetch(`${idp.backChannel}/.well-known/openid-configuration`)).json()) as { authorization_endpoint: string };
  const jar = new CookieJar();
  const go = async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: jar.header() } });
    jar.keep(res);
    return res;
  };
  const state = randomBytes(12).toString('base64url');
  const nonce = randomBytes(12).toString('base64url');
  const verifier = req.pkce ? randomBytes(32).toString('base64url') : undefined;
  const query = new URLSearchParams({ client_id: req.clientId, response_type: 'code', scope: 'openid profile', redirect_uri: req.redirectUri, state, nonce });
  if (verifier) {
    query.set('code_challenge', createHash('sha256').update(verifier).digest('base64url'));
    query.set('code_challenge_method', 'S256');
  }
  const toForm = await go(`${discovery.authorization_endpoint}?${query}`);
  if (toForm.status !== 303) throw new Error(`authorization endpoint answered ${toForm.status}: ${await toForm.text()}`);
  const formUrl = follow(toForm, discovery.authorization_endpoint);
  const form = await go(formUrl);
  const action = /<form method="post" action="([^"]+)"/.exec(await form.text())?.[1];
  if (form.status !== 200 || !action) throw new Error(`no sign-in form at ${formUrl} (${form.status})`);
  const login = await go(new URL(action, formUrl).href, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username: req.username, password: req.password }),
  });
  if (login.status !== 303) return { loginStatus: login.status, state, nonce, ...(verifier ? { verifier } : {}) };
  const back = await go(follow(login, formUrl));
  const callback = new URL(follow(back, formUrl));
  if (`${callback.origin}${callback.pathname}` !== req.redirectUri) throw new Error(`sent to ${callback.origin}${callback.pathname}, not the client`);
  if (callback.searchParams.get('state') !== state) throw new Error('state changed on the way');
  return {
    loginStatus: login.status,
    code: callback.searchParams.get('code') ?? undefined,
    iss: callback.searchParams.get('iss') ?? undefined,
    state,
    nonce,
    ...(verifier ? { verifier } : {}),
  };
}

/** What the client's server does with the code: the token endpoint from discovery, client_secret_basic. */
export async function exchangeCode(
  idp: IdpProcess,
  client: { clientId: string; secret: string; redirectUri: string },
  code: string,
  verifier?: string,
): Promise<{ status: number; body: { access_token?: string; id_token?: string; token_type?: string; error?: string } }> {
  const discovery = (await (await fetch(`${idp.backChannel}/.well-known/openid-configuration`)).json()) as { token_endpoint: string };
  const res = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.secret)}`).toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: client.redirectUri, ...(verifier ? { code_verifier: verifier } : {}) }),
  });
  return { status: res.status, body: (await res.json()) as { access_token?: string; error?: string } };
}
