// `node dist/idp/client-token.js`: prints an access token a machine client gets with its own credentials
// (client credentials grant), e.g. for the partner simulators' callbacks to Sigap in docker-compose:
//   PARTNER_CALLBACK_TOKEN=$(node dist/idp/client-token.js) node dist/partners/main.js
// IDP_TOKEN_URL (the provider's token endpoint), IDP_CLIENT_ID, IDP_CLIENT_SECRET. Retries while the
// provider is starting; prints nothing but the token, which never goes to a log.
const ATTEMPTS = 20;

async function clientToken(env: NodeJS.ProcessEnv): Promise<string> {
  const { IDP_TOKEN_URL: url, IDP_CLIENT_ID: id, IDP_CLIENT_SECRET: secret } = env;
  if (!url || !id || !secret) throw new Error('IDP_TOKEN_URL, IDP_CLIENT_ID and IDP_CLIENT_SECRET are required');
  const basic = Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64');
  let last = '';
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'sigap' }),
        signal: AbortSignal.timeout(5_000),
      });
      const body = (await res.json()) as { access_token?: string; error?: string };
      if (res.ok && body.access_token) return body.access_token;
      // A refusal (a wrong secret) will not change by asking again.
      if (res.status >= 400 && res.status < 500) throw new Error(`the provider refused: ${body.error ?? res.status}`);
      last = `status ${res.status}`;
    } catch (err) {
      if (err instanceof Error && err.message.startsWith('the provider refused')) throw err;
      last = err instanceof Error ? err.message : String(err);
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`no token after ${ATTEMPTS} attempts (${last})`);
}

clientToken(process.env).then(
  (token) => process.stdout.write(`${token}\n`),
  (err: unknown) => {
    process.stderr.write(`client-token: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
