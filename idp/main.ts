// `node dist/idp/main.js` in docker-compose (`tsx idp/main.ts` from a checkout): a development OpenID
// provider for the Temporal UI's sign-in and Sigap's API, configured from the environment (README here).
//
// oidc-provider is published as ES modules only. This project compiles to CommonJS, and Node ≥ 20.19 (the
// project's engine) loads an ES module graph through require() as long as it has no top-level await,
// which oidc-provider's has not: so a plain import works here, compiled or under tsx.
import http from 'node:http';
import pino from 'pino';
import type { Logger } from 'pino';
import { loadDirectory } from './directory';
import { interactionHandler } from './interactions';
import { createProvider } from './provider';
import type { IdpSettings } from './settings';
import { idpSettingsFrom } from './settings';

export interface RunningIdp {
  url: string;
  close(): Promise<void>;
}

export async function startIdp(settings: IdpSettings, log: Logger): Promise<RunningIdp> {
  const directory = loadDirectory(settings.directoryFile);
  const provider = createProvider(settings, directory);
  // The provider's own failures (a bad client secret, an expired code) are answered to the client; the
  // log keeps their kind only, never the request's parameters.
  provider.on('server_error', (_ctx, err) => log.error({ failure: err.name }, 'provider error'));
  provider.on('grant.error', (_ctx, err) => log.info({ failure: err.name }, 'token request refused'));
  const interactions = interactionHandler(provider, directory, log);
  const callback = provider.callback();
  const server = http.createServer((req, res) => {
    if (req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
      return;
    }
    interactions(req, res).then(
      (handled) => {
        if (!handled) void callback(req, res);
      },
      (err: unknown) => {
        log.error({ failure: err instanceof Error ? err.name : 'unknown' }, 'sign-in page failed');
        if (!res.headersSent) res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('Permintaan masuk tidak berlaku lagi / the sign-in request is no longer valid\n');
      },
    );
  });
  // Clients keep idle connections (Go's, in the Temporal UI server, for 90 s): a server closing one first
  // races the client's next request on it, which then fails. Outlasting them leaves the closing to them.
  server.keepAliveTimeout = 95_000;
  server.headersTimeout = 96_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(settings.port, settings.host, resolve);
  });
  const { port } = server.address() as { port: number };
  log.info({ listening: `http://${settings.host}:${port}`, issuer: settings.issuer, clients: directory.clients.length }, 'identity provider ready');
  return {
    url: `http://${settings.host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function main(): Promise<void> {
  const settings = idpSettingsFrom(process.env);
  const log = pino({ name: 'idp', level: settings.logLevel });
  const running = await startIdp(settings, log);
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`identity provider failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  });
}
