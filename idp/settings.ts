// The identity provider's settings, from the environment (README in this folder lists them).
import { z } from 'zod';

const schema = z.object({
  IDP_HOST: z.string().default('127.0.0.1'),
  IDP_PORT: z.coerce.number().int().min(0).max(65_535).default(4200),
  // The address people's browsers use. It is the tokens' `iss`, so Sigap's SIGAP_JWT_ISSUER must equal it.
  IDP_ISSUER: z.url().optional(),
  IDP_DIRECTORY_FILE: z.string().default('deploy/idp/directory.json'),
  IDP_AUDIENCE: z.string().min(1).default('sigap-api'),
  IDP_RESOURCE: z.url().default('urn:sigap:api'),
  IDP_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3_600),
  IDP_MACHINE_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(90 * 86_400).default(30 * 86_400),
  IDP_COOKIE_SECRET: z.string().min(32).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface IdpSettings {
  host: string;
  port: number;
  issuer: string;
  directoryFile: string;
  /** The `aud` of every access token: Sigap's SIGAP_JWT_AUDIENCE. */
  audience: string;
  /** The resource indicator (RFC 8707) that stands for Sigap's API; clients need not send it. */
  resource: string;
  /** Lifetime of people's access and ID tokens. */
  tokenTtlSeconds: number;
  /** Lifetime of a machine's token: the partner simulators fetch one when they start. */
  machineTokenTtlSeconds: number;
  cookieSecret: string | undefined;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
}

export function idpSettingsFrom(env: NodeJS.ProcessEnv): IdpSettings {
  const parsed = schema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const e = parsed.data;
  const issuer = (e.IDP_ISSUER ?? `http://localhost:${e.IDP_PORT}`).replace(/\/+$/, '');
  // The provider is served from the root of its host: an issuer with a path would name other endpoints.
  if (new URL(issuer).pathname !== '/') throw new Error('Invalid configuration: IDP_ISSUER must be an origin (scheme, host, port), without a path');
  return {
    host: e.IDP_HOST,
    port: e.IDP_PORT,
    issuer,
    directoryFile: e.IDP_DIRECTORY_FILE,
    audience: e.IDP_AUDIENCE,
    resource: e.IDP_RESOURCE,
    tokenTtlSeconds: e.IDP_TOKEN_TTL_SECONDS,
    machineTokenTtlSeconds: e.IDP_MACHINE_TOKEN_TTL_SECONDS,
    cookieSecret: e.IDP_COOKIE_SECRET,
    logLevel: e.LOG_LEVEL,
  };
}
