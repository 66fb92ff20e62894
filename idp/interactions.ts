// The sign-in page: the provider sends a browser here (/interaction/<uid>) when it needs to know who is
// there; a correct id and password finish the interaction and the provider carries on with the flow.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { Logger } from 'pino';
import type { Directory } from './directory';

const PATH = /^\/interaction\/([A-Za-z0-9_-]{1,64})(\/login)?$/;
const FORM_LIMIT = 8 * 1024;

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(res: ServerResponse, status: number, uid: string, refused: boolean): void {
  const notice = refused ? '<p role="alert">Id atau kata sandi salah / wrong id or password.</p>' : '';
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    // Nothing runs on the page, nothing frames it.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
  });
  res.end(`<!doctype html>
<html lang="id"><head><meta charset="utf-8"><title>Masuk — Sigap (pengembangan)</title>
<style>body{font-family:sans-serif;max-width:22rem;margin:4rem auto}label,input,button{display:block;width:100%;margin:.4rem 0}</style></head>
<body><h1>Masuk ke Sigap</h1><p>Penyedia identitas pengembangan / development identity provider.</p>${notice}
<form method="post" action="/interaction/${escape(uid)}/login">
<label for="username">Id staf / staff id</label><input id="username" name="username" autocomplete="username" required>
<label for="password">Kata sandi / password</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<button type="submit">Masuk / sign in</button></form></body></html>`);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams | undefined> {
  if (!(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > FORM_LIMIT) return undefined;
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

/** Answers /interaction/… requests; anything else is left to the provider (false). */
export function interactionHandler(provider: Provider, directory: Directory, log: Logger) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const match = PATH.exec(new URL(req.url ?? '/', 'http://idp').pathname);
    if (!match) return false;
    const [, uid, login] = match as unknown as [string, string, string | undefined];
    // The interaction cookie, not the address, says which sign-in this is; the two must agree.
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid || details.prompt.name !== 'login') {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Permintaan masuk tidak dikenal / unknown sign-in request\n');
      return true;
    }
    if (!login && req.method === 'GET') {
      page(res, 200, uid, false);
      return true;
    }
    if (!login || req.method !== 'POST') {
      res.writeHead(405, { allow: login ? 'POST' : 'GET' }).end();
      return true;
    }
    const form = await readForm(req);
    const account = form && directory.signIn(form.get('username') ?? '', form.get('password') ?? '');
    if (!account) {
      // What was typed stays out of the log: a mistyped password often lands in the id field.
      log.info({ client: details.params.client_id }, 'sign-in refused');
      page(res, 401, uid, true);
      return true;
    }
    log.info({ account: account.id, client: details.params.client_id }, 'signed in');
    await provider.interactionFinished(req, res, { login: { accountId: account.id } }, { mergeWithLastSubmission: false });
    return true;
  };
}
