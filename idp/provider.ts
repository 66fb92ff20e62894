// The OpenID provider (panva's oidc-provider): people sign in with the authorization-code flow (PKCE when
// the client sends it, required of public clients), machines use client credentials, and every access
// token is a JWT for Sigap's API carrying Sigap's claims (`sub`, `role`, `regions`), signed with a key
// published at /jwks.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import type { ClientMetadata, Configuration, JWK, KoaContextWithOIDC } from 'oidc-provider';
import Provider, { errors } from 'oidc-provider';
import type { Directory, DirectoryClient } from './directory';
import type { IdpSettings } from './settings';

/** Sigap's API as the provider sees it: one resource, one scope, its tokens JWTs. */
const API_SCOPE = 'sigap';

function clientMetadata(c: DirectoryClient): ClientMetadata {
  if ('claims' in c) {
    return { client_id: c.clientId, client_secret: c.secret, grant_types: ['client_credentials'], response_types: [], redirect_uris: [], scope: API_SCOPE };
  }
  // The Temporal UI server is a confidential client (client_secret_basic) that sends state and nonce.
  return { client_id: c.clientId, client_secret: c.secret, grant_types: ['authorization_code'], response_types: ['code'], redirect_uris: c.redirectUris };
}

/** A signing key for this process's life: tokens do not outlive a restart of a development provider. */
function signingKey(): JWK {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = privateKey.export({ format: 'jwk' }) as JWK;
  return { ...jwk, kid: `sigap-idp-${randomBytes(6).toString('hex')}`, alg: 'RS256', use: 'sig' };
}

export function createProvider(settings: IdpSettings, directory: Directory): Provider {
  const configuration: Configuration = {
    clients: directory.clients.map(clientMetadata),
    jwks: { keys: [signingKey()] },
    cookies: { keys: [settings.cookieSecret ?? randomBytes(32).toString('base64url')] },
    claims: { openid: ['sub'], profile: ['name'] },
    scopes: ['openid', 'profile', API_SCOPE],
    // The code flow only: nothing hands tokens to a browser through its address bar.
    responseTypes: ['code'],
    async findAccount(_ctx, sub) {
      const account = directory.account(sub);
      return account && { accountId: account.id, claims: () => ({ sub: account.id, name: account.name }) };
    },
    features: {
      // The built-in page signs anyone in; ours checks the directory (interactions.ts).
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // Neither the Temporal UI nor the partner simulators know about resource indicators.
        defaultResource: () => settings.resource,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, indicator, client) => {
          if (indicator !== settings.resource) throw new errors.InvalidTarget();
          const machine = Boolean(directory.machine(client.clientId));
          return {
            scope: API_SCOPE,
            audience: settings.audience,
            accessTokenFormat: 'jwt',
            accessTokenTTL: machine ? settings.machineTokenTtlSeconds : settings.tokenTtlSeconds,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    // Public clients (a browser or a CLI holding no secret) must use PKCE. The Temporal UI server holds a
    // secret and sends none (ui-server v2.49: state and nonce only), so for it PKCE is optional.
    pkce: { required: (_ctx, client) => client.clientAuthMethod === 'none' },
    async extraTokenClaims(_ctx, token) {
      const subject = 'accountId' in token && token.accountId ? directory.account(token.accountId) : directory.machine(token.clientId ?? '')?.claims;
      return subject ? { role: subject.role, regions: subject.regions } : undefined;
    },
    loadExistingGrant,
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    ttl: {
      AccessToken: settings.tokenTtlSeconds,
      IdToken: settings.tokenTtlSeconds,
      ClientCredentials: settings.machineTokenTtlSeconds,
      AuthorizationCode: 60,
      Interaction: 600,
      Session: 8 * 3_600,
      Grant: 8 * 3_600,
    },
  };
  const provider = new Provider(settings.issuer, configuration);
  provider.use(browserFacingDiscovery(settings.issuer));
  return provider;
}

/**
 * The clients here are Sigap's own tools: signing in is consent enough, so the grant covers what was asked
 * and no consent page is shown.
 */
async function loadExistingGrant(ctx: KoaContextWithOIDC) {
  const { oidc } = ctx;
  if (!oidc.client || !oidc.session?.accountId) return undefined;
  const grantId = oidc.result?.consent?.grantId ?? oidc.session.grantIdFor(oidc.client.clientId);
  const grant = (grantId && (await oidc.provider.Grant.find(grantId))) || new oidc.provider.Grant({ clientId: oidc.client.clientId, accountId: oidc.session.accountId });
  grant.addOIDCScope([...oidc.requestParamOIDCScopes].join(' '));
  for (const [indicator, server] of Object.entries(oidc.resourceServers ?? {})) grant.addResourceScope(indicator, server.scope);
  await grant.save();
  return grant;
}

/**
 * One provider, two names. Browsers reach it as the issuer (http://localhost:4200 in docker-compose);
 * containers reach it by service name (http://idp:4200), where "localhost" would be themselves. The
 * provider writes its endpoints with the host it was asked on, so a container reading the discovery
 * document gets back-channel endpoints (token, jwks, userinfo) it can reach — but the Temporal UI server
 * sends people's browsers to the authorization endpoint it read there. That endpoint, and the end-session
 * one, are therefore always given under the issuer. The UI server accepts the issuer differing from the
 * address it discovered through with TEMPORAL_AUTH_ISSUER_URL; Sigap's API checks `iss` against
 * SIGAP_JWT_ISSUER and fetches keys from SIGAP_JWT_JWKS_URL (the service name).
 */
function browserFacingDiscovery(issuer: string) {
  const publicOrigin = new URL(issuer).origin;
  return async (ctx: KoaContextWithOIDC, next: () => Promise<void>) => {
    await next();
    if (ctx.path !== '/.well-known/openid-configuration' || ctx.status !== 200) return;
    const body = ctx.body as Record<string, unknown>;
    for (const name of ['authorization_endpoint', 'end_session_endpoint']) {
      const value = body[name];
      if (typeof value === 'string') {
        const url = new URL(value);
        body[name] = new URL(`${url.pathname}${url.search}`, publicOrigin).href;
      }
    }
  };
}
