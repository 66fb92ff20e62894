// Idempotency-Key handling: the first request with a key reserves a resource id; every retry with the
// same key and body gets that id back, so a retried POST never opens a second case.
import { createHash, randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { idempotencyKeys } from '../../db/schema';
import { CLIENT_KEY } from '../../domain/ids';
import { ProblemError } from './problem';

export function checkedKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  if (!CLIENT_KEY.test(header)) throw ProblemError.of('INVALID_IDEMPOTENCY_KEY');
  return header;
}

/**
 * The key of a request that becomes a Temporal Update: the caller's, or one made here and handed back in
 * the Idempotency-Key response header, so a request that was not confirmed in time (503) can be repeated
 * without being applied twice.
 */
export function updateKey(req: Request, res: Response): string {
  const given = checkedKey(req.get('idempotency-key'));
  if (given) return given;
  const made = randomUUID();
  res.setHeader('Idempotency-Key', made);
  return made;
}

/** Stable hash of a JSON body, independent of key order. */
export function requestHash(body: unknown): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)).map(([k, x]) => [k, canonical(x)]))
        : v;
  return createHash('sha256').update(JSON.stringify(canonical(body))).digest('hex');
}

/**
 * Reserves `candidateId` for (scope, key), or returns the id reserved by an earlier request. The row is
 * written before any side effect, so a crash after it is healed by the client's retry.
 */
export async function reserve(
  db: Db,
  scope: string,
  key: string,
  hash: string,
  candidateId: string,
): Promise<{ resourceId: string; replayed: boolean }> {
  const inserted = await db
    .insert(idempotencyKeys)
    .values({ scope, key, requestHash: hash, resourceId: candidateId })
    .onConflictDoNothing()
    .returning({ resourceId: idempotencyKeys.resourceId });
  if (inserted.length) return { resourceId: candidateId, replayed: false };
  const [existing] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
  if (!existing) throw new Error('idempotency key vanished between insert and select');
  if (existing.requestHash !== hash) throw ProblemError.of('IDEMPOTENCY_KEY_REUSED');
  return { resourceId: existing.resourceId, replayed: true };
}
