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
