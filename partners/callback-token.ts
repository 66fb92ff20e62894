// The simulators' credentials for their callbacks to Sigap. A real partner receives a token from the
// Dinsos identity provider; the simulators, run beside a development Sigap, can derive one from the
// shared secret the API verifies against — the same wire contract (HS256 JWT, role "partner").
import { SignJWT } from 'jose';

export const SIMULATOR_PARTNER_ID = 'PARTNER-SIM';

export interface DerivedTokenEnv {
  SIGAP_JWT_SECRET?: string | undefined;
  SIGAP_JWT_ISSUER?: string | undefined;
  SIGAP_JWT_AUDIENCE?: string | undefined;
}

/**
 * PARTNER_CALLBACK_TOKEN when given; otherwise, with SIGAP_JWT_SECRET, a partner token for every region
 * signed with it (issuer and audience as the API's defaults unless SIGAP_JWT_ISSUER/_AUDIENCE say
 * otherwise); otherwise none, and Sigap will refuse the callbacks.
 */
export async function callbackTokenFrom(env: DerivedTokenEnv & { PARTNER_CALLBACK_TOKEN?: string | undefined }): Promise<string | undefined> {
  if (env.PARTNER_CALLBACK_TOKEN) return env.PARTNER_CALLBACK_TOKEN;
  if (!env.SIGAP_JWT_SECRET) return undefined;
  return new SignJWT({ role: 'partner', regions: ['*'] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(SIMULATOR_PARTNER_ID)
    .setIssuer(env.SIGAP_JWT_ISSUER || 'sigap')
    .setAudience(env.SIGAP_JWT_AUDIENCE || 'sigap-api')
    .setIssuedAt()
    .setExpirationTime('30d')
    .sign(new TextEncoder().encode(env.SIGAP_JWT_SECRET));
}
