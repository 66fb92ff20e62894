// GET /v1/transfers: the receiving unit's queue of transfers waiting for its decision (incoming), or the
// sender's own (outgoing: still held, or handed over and still read), from the read model.
import type { SQL } from 'drizzle-orm';
import { eq, inArray, or, sql } from 'drizzle-orm';
import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { cases } from '../../db/schema';
import { TRANSFER_DIRECTIONS, TRANSFER_STATUSES } from '../../domain/codes';
import { STAFF } from '../../domain/roles';
import { allow } from '../auth/authenticate';
import { casePage, NEWEST_FIRST } from '../cases/list';
import { caseSummary } from '../cases/present';
import type { CaseSummaryRow } from '../cases/present';
import { casePageSchema } from '../cases/responses';
import type { Page } from '../http/keyset';
import type { RegisterRoute } from '../http/openapi';
import { common, headers, json } from '../http/openapi';
import { cursor, pageLimit, parseBody } from '../http/parse';
import type { Principal } from '../http/principal';
import { principalOf } from '../http/principal';
import { regionScope } from '../http/region-scope';

export const transferQuery = z
  .object({
    direction: z.enum(TRANSFER_DIRECTIONS).default('incoming'),
    status: z.enum(TRANSFER_STATUSES).default('requested'),
    limit: pageLimit,
    cursor,
  })
  .strict();
type TransferQuery = z.infer<typeof transferQuery>;

/** Transfers to a unit in the caller's regions (a province covers its kabupaten/kota). */
function toCallersRegions(principal: Principal): SQL | undefined {
  if (principal.regions.includes('*')) return undefined;
  const exact = inArray(cases.transferToRegion, principal.regions);
  const within = principal.regions.filter((r) => r.length === 2).map((r) => sql`${cases.transferToRegion} like ${`${r}.%`}`);
  return or(exact, ...within);
}

/**
 * Transfers from the caller's regions: the cases it still holds, and those it handed over and still reads
 * (while its read grant lasts).
 */
function fromCallersRegions(principal: Principal): SQL | undefined {
  if (principal.regions.includes('*')) return undefined;
  const patterns = principal.regions.map((r) => sql`${r.length === 2 ? `${r}%` : r}`);
  const handedOver = sql`exists (select 1 from jsonb_array_elements(coalesce(${cases.access}, '[]'::jsonb)) g
    where g->>'mode' = 'read' and g->>'regionCode' like any (array[${sql.join(patterns, sql`, `)}])
      and (g->>'until' is null or (g->>'until')::timestamptz > now()))`;
  return or(regionScope(principal), handedOver);
}

export function listTransfers(db: Db, principal: Principal, q: TransferQuery): Promise<Page<CaseSummaryRow>> {
  const filters = [eq(cases.transferStatus, q.status), q.direction === 'incoming' ? toCallersRegions(principal) : fromCallersRegions(principal)];
  return casePage(db, NEWEST_FIRST, filters, q);
}

export function transfersRouter(db: Db): Router {
  const router = Router();
  router.get('/v1/transfers', allow(...STAFF), async (req, res) => {
    const page = await listTransfers(db, principalOf(req), parseBody(transferQuery, { ...req.query }));
    res.json({ items: page.items.map(caseSummary), nextCursor: page.nextCursor });
  });
  return router;
}

export function transferPaths(route: RegisterRoute): void {
  route({
    method: 'get',
    path: '/v1/transfers',
    operationId: 'listTransfers',
    summary: 'Jurisdiction transfers: incoming (waiting for the caller\'s unit to decide) or outgoing (still held, or handed over and still read)',
    request: { headers: headers(false), query: transferQuery },
    responses: common({ 200: json(casePageSchema, 'A page of cases with their transfer') }),
  });
}
