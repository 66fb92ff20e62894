// Token settings from configuration. Without a configured secret or JWKS (development only), a secret is
// created under the data directory so that tokens from `npm run token` survive restarts.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './env';

export interface TokenSettings {
  issuer: string;
  audience: string;
  /** HS256 shared secret (at least 32 bytes). */
  secret?: Uint8Array;
  /** The identity provider's key set; takes precedence over the secret. */
  jwksUrl?: string;
}

export function tokenSettingsFrom(config: Config): TokenSettings {
  const base = { issuer: config.auth.issuer, audience: config.auth.audience };
  if (config.auth.jwksUrl) return { ...base, jwksUrl: config.auth.jwksUrl, ...(config.auth.secret ? { secret: encode(config.auth.secret) } : {}) };
  if (config.auth.secret) return { ...base, secret: encode(config.auth.secret) };
  if (config.production) throw new Error('SIGAP_JWT_JWKS_URL or SIGAP_JWT_SECRET is required in production');
  return { ...base, secret: encode(devSecret(config.dataDir)) };
}

function devSecret(dataDir: string): string {
  const file = path.join(dataDir, 'jwt-secret.txt');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

const encode = (secret: string) => new TextEncoder().encode(secret);
