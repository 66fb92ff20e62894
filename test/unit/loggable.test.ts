// What of an error reaches the logs: never drizzle's SQL and parameters, never a value PostgreSQL quotes.
import { loggable } from '../../config/logger';

class DrizzleQueryError extends Error {}

test('a failed query is logged by kind and codes only', () => {
  const cause = Object.assign(new Error('invalid input syntax for type uuid: "Siti Contoh 3204010101900001"'), { code: '22P02' });
  const err = Object.assign(new DrizzleQueryError('Failed query: select * from cases where case_id = $1\nparams: Siti Contoh 3204010101900001'), { cause });
  const logged = JSON.stringify(loggable(err));
  expect(logged).not.toMatch(/Siti|3204010101900001|select|params/);
  expect(loggable(err)).toEqual({ kind: 'DrizzleQueryError', message: 'database query failed', cause: { kind: 'Error', code: '22P02', message: 'see code' } });
});

test('other errors keep their first line and code', () => {
  const err = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432\n    at stack'), { code: 'ECONNREFUSED' });
  expect(loggable(err)).toEqual({ kind: 'Error', code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:5432' });
});
