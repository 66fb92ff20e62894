// Bearer tokens (JWT): what they must claim, how they are checked, and how development tokens are made.
// Production verifies against the identity provider's JWKS or a shared secret; development signs its own.
import type { KeyObject } from 'node:crypto';
import { createSecretKey } from 'node:crypto';
import type { JWTVerifyGetKey } from 'jose';
import { createRemoteJWKSet, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import type { TokenSettings } from '../../config/auth';
import { REGION_CODE, STAFF_ID } from '../../domain/ids';
import { TOKEN_ROLES } from '../../domain/roles';
import type { Principal } from '../http/principal';

/** "*" is every region; otherwise region codes: a province ("64") or a kabupaten/kota ("64.72"). */
export const regionScope = z.union([z.literal('*'), z.string().regex(REGION_CODE)]);

const claims = z.object({
  // Opaque staff or partner ids (NIP-based codes, facility codes), never names.
  sub: z.string().regex(STAFF_ID),
  role: z.enum(TOKEN_ROLES),
  regions: z.array(regionScope).min(1).max(600),
});
export type TokenClaims = z.infer<typeof claims>;

export type VerifyToken = (token: string) => Promise<Principal>;

export class InvalidToken extends Error {}

/**
 * A verified token is trusted again, without checking its signature, for this long by the host's clock
 * and never past its expiry (with the same 30 s tolerance the check allows): a client sends the same
 * token on every request for hours, and the check was one of the largest costs of a request outside the
 * database (#17: ~0.45 ms). Staff the registry deactivates are stopped by the practice check on every
 * request, which this does not skip.
 */
const VERIFIED_TOKEN_MS = 60_000;
/** Distinct tokens kept; the oldest goes first (a few per staff member a day). */
const VERIFIED_TOKENS_KEPT = 10_000;
/** Seconds a token is still accepted after its expiry (clocks of the identity provider and this host). */
const CLOCK_TOLERANCE_S = 30;

/** A full check of a token at a moment: its signature and claims, and when it expires (seconds). */
export type CheckToken = (token: string, at: number) => Promise<{ principal: Principal; exp?: number | undefined }>;

/** `check`, asked once per token text and then trusted for `VERIFIED_TOKEN_MS` at most. */
export function trustedAfterCheck(check: CheckToken, now: () => number): VerifyToken {
  // By the token's exact text: another token, however similar, is checked in full.
  const verified = new Map<string, { principal: Readonly<Principal>; until: number }>();
  const copy = (p: Readonly<Principal>): Principal => ({ ...p, regions: [...p.regions] });
  return async (token) => {
    const at = now();
    const kept = verified.get(token);
    if (kept && kept.until > at) return copy(kept.principal);
    if (kept) verified.delete(token);
    const { principal, exp } = await check(token, at);
    const expires = exp === undefined ? Infinity : (exp + CLOCK_TOLERANCE_S) * 1000;
    if (verified.size >= VERIFIED_TOKENS_KEPT) verified.delete(verified.keys().next().value!);
    verified.set(token, { principal: copy(principal), until: Math.min(at + VERIFIED_TOKEN_MS, expires) });
    return principal;
  };
}

export function createTokenVerifier(settings: TokenSettings, now: () => number = Date.now): VerifyToken {
  // The secret imported once: jose would import raw bytes again on every request (#17: ~0.1 ms each).
  // jose keeps a downloaded key set for 10 minutes: a key withdrawn from it stops its tokens within that
  // and the minute above.
  const key: KeyObject | JWTVerifyGetKey | undefined = settings.jwksUrl
    ? createRemoteJWKSet(new URL(settings.jwksUrl))
    : settings.secret && createSecretKey(settings.secret);
  if (!key) throw new Error('token verification needs SIGAP_JWT_JWKS_URL or SIGAP_JWT_SECRET');
  const algorithms = settings.jwksUrl ? ['RS256', 'ES256', 'EdDSA'] : ['HS256'];
  return trustedAfterCheck(async (token, at) => {
    let payload: { exp?: number | undefined };
    try {
      ({ payload } = await jwtVerify(token, key as KeyObject, {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms,
        clockTolerance: CLOCK_TOLERANCE_S,
        currentDate: new Date(at),
        // A token with no expiry would be a credential for ever (and kept here a minute at a time).
        requiredClaims: ['exp'],
      }));
    } catch {
      // Expired, badly signed, wrong audience: the caller learns only that the token is not accepted.
      throw new InvalidToken('token rejected');
    }
    const parsed = claims.safeParse(payload);
    if (!parsed.success) throw new InvalidToken('token claims rejected');
    return { principal: { id: parsed.data.sub, role: parsed.data.role, regions: parsed.data.regions }, exp: payload.exp };
  }, now);
}

/** Signs a token with the shared secret: development tokens, tests, and the simulators' callback tokens. */
export async function signToken(settings: TokenSettings, who: TokenClaims, ttl = '8h'): Promise<string> {
  if (!settings.secret) throw new Error('signing needs a shared secret');
  // A token the verifier would reject is never issued.
  const invalid = claims.safeParse(who).error?.issues.map((i) => i.path.join('.')).join(', ');
  if (invalid) throw new Error(`token claims rejected: ${invalid}`);
  return new SignJWT({ role: who.role, regions: who.regions })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(who.sub)
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(settings.secret);
}
