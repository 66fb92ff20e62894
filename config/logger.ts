// Structured logs. Personal data must never reach them: request bodies are not logged, and the redact
// list catches fields that carry it if someone logs an object by mistake.
import pino from 'pino';

export type Logger = pino.Logger;

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  '*.subject',
  '*.name',
  '*.nik',
  '*.description',
  '*.foundLocation',
  '*.summary',
  '*.note',
];

export function createLogger(level: string, name = 'sigap'): Logger {
  return pino({ name, level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } });
}

/**
 * What may be logged of an error (drizzle puts the SQL and its parameters — caller ids, keys, request
 * hashes — in its messages): its kind, its code and, for errors that are not drizzle's query
 * errors, its first line. The query and its parameters never.
 */
export function loggable(err: unknown): { kind: string; code?: string | number; message: string; cause?: ReturnType<typeof loggable> } {
  if (!(err instanceof Error)) return { kind: typeof err, message: 'non-error thrown' };
  const isQueryError = err.constructor.name === 'DrizzleQueryError' || err.message.startsWith('Failed query:');
  const cause = (err as { cause?: unknown }).cause;
  return {
    kind: err.constructor.name,
    ...codeOf(err),
    message: isQueryError ? 'database query failed' : (err.message.split('\n')[0] ?? '').slice(0, 300),
    // PostgreSQL's own message may quote an input value: under a query error only its code is kept.
    ...(cause instanceof Error ? { cause: isQueryError ? { kind: cause.constructor.name, ...codeOf(cause), message: 'see code' } : loggable(cause) } : {}),
  };
}

function codeOf(err: Error): { code?: string | number } {
  const code = (err as { code?: unknown }).code;
  return typeof code === 'string' || typeof code === 'number' ? { code } : {};
}
