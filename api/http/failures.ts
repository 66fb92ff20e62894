// What failed when a request fails for a reason outside the caller's control: a database that does not
// answer, a Temporal cluster that does not, or a case that did not answer in time. Each becomes a 503
// the caller can act on (retry, same Idempotency-Key). What of the error may be logged is
// config/logger.ts's `loggable`.
import { ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import type { TemporalReachability } from '../../temporal/reachability';
import { ProblemError } from './problem';

/** gRPC status codes that mean "Temporal is not there (in time)", not "your request is wrong". */
const GRPC_UNAVAILABLE = new Set([14, 4, 1]); // UNAVAILABLE, DEADLINE_EXCEEDED, CANCELLED

/** Socket errors and PostgreSQL SQLSTATE classes that mean the database cannot serve now. */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);
// 08 connection exception, 57P01–57P03 shutdown / cannot connect now, 57014 a statement cut by its
// timeout, 53 insufficient resources, 42P01 a table not there yet (the API came up before the database
// could be migrated; on a migrated database it would be a bug reported as 503 — the price of starting
// without the database).
const SQLSTATE_UNAVAILABLE = /^(08|57P0[1-3]|57014|53|42P01)/;
const PG_CLIENT_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|Cannot use a pool after calling end/;

function chain(err: unknown): unknown[] {
  const out: unknown[] = [];
  for (let e: unknown = err; e && out.length < 6; e = (e as { cause?: unknown }).cause) out.push(e);
  return out;
}

export function isDatabaseUnavailable(err: unknown): boolean {
  return chain(err).some((e) => {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (NETWORK_CODES.has(code) || SQLSTATE_UNAVAILABLE.test(code))) return true;
    return e instanceof Error && PG_CLIENT_MESSAGES.test(e.message);
  });
}

export function isTemporalUnavailable(err: unknown): boolean {
  return chain(err).some((e) => {
    const code = (e as { code?: unknown }).code;
    return (e instanceof ServiceError || isGrpcError(e)) && typeof code === 'number' && GRPC_UNAVAILABLE.has(code);
  });
}

const isGrpcError = (e: unknown) => typeof (e as { code?: unknown }).code === 'number' && typeof (e as { details?: unknown }).details === 'string';

/**
 * The problem for a failure of a part Sigap depends on; undefined for anything else (a bug: 500). An
 * Update that was not confirmed in time is Temporal's absence when the last call could not reach it, and
 * otherwise the case's (its worker is down or busy): either way the caller repeats it with the same key.
 */
export function dependencyProblem(err: unknown, reachability?: Pick<TemporalReachability, 'lastUnreachable'>): ProblemError | undefined {
  if (err instanceof ProblemError) return err.status === 503 ? err : undefined;
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
    return ProblemError.of(reachability?.lastUnreachable ? 'TEMPORAL_UNAVAILABLE' : 'COMMAND_NOT_CONFIRMED');
  }
  if (isTemporalUnavailable(err)) return ProblemError.of('TEMPORAL_UNAVAILABLE');
  if (isDatabaseUnavailable(err)) return ProblemError.of('DATABASE_UNAVAILABLE');
  return undefined;
}
