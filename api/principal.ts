// Who is calling. Until bearer-token authentication lands (issue 6), every request acts as one
// development operator; routes already go through this function so that change stays in one place.
import type { Request } from 'express';
import type { Actor } from '../domain/roles';

export interface Principal extends Actor {
  /** Region codes the caller may see; "*" is every region. */
  regions: string[];
}

const DEV_PRINCIPAL: Principal = { id: 'dev-operator', role: 'operator', regions: ['*'] };

export function principalOf(_req: Request): Principal {
  return DEV_PRINCIPAL;
}

/** Region scope: a province code covers its kabupaten/kota ("64" sees "64.72"). */
export function canSeeRegion(principal: Principal, regionCode: string): boolean {
  return principal.regions.some((r) => r === '*' || r === regionCode || regionCode.startsWith(`${r}.`));
}
