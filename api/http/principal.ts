// Who is calling: set once per request by authentication (api/auth), read by every route.
import type { Request } from 'express';
import { regionCovers } from '../../domain/regions';
import type { Actor } from '../../domain/roles';
import type { StaffRecord } from '../../domain/workforce';

export interface Principal extends Actor {
  /** Region codes the caller may see; "*" is every region. */
  regions: string[];
  /** Their staff record, when the registry holds one: their practice role, kecamatan and standing. */
  practice?: StaffRecord;
}

const principals = new WeakMap<Request, Principal>();

export function setPrincipal(req: Request, principal: Principal): void {
  principals.set(req, principal);
}

export function principalOf(req: Request): Principal {
  const principal = principals.get(req);
  // Routes are mounted behind authenticate(); reaching here without a principal is a wiring bug.
  if (!principal) throw new Error('route reached without authentication');
  return principal;
}

/** Region scope: a province code covers its kabupaten/kota ("64" sees "64.72"). */
export function canSeeRegion(principal: Principal, regionCode: string): boolean {
  return regionCovers(principal.regions, regionCode);
}
