// Who is calling. Until bearer-token authentication lands (issue 6), requests act as a development
// operator, or — outside production only — as the role and staff id named in `X-Sigap-Actor`
// ("case_manager:cm-1"). Routes already go through this function, so that change stays in one place.
import type { Request } from 'express';
import type { Actor, Role } from '../domain/roles';
import { ROLES } from '../domain/roles';

export interface Principal extends Actor {
  /** Region codes the caller may see; "*" is every region. */
  regions: string[];
}

const DEV_PRINCIPAL: Principal = { id: 'dev-operator', role: 'operator', regions: ['*'] };

const DEV_ACTOR = /^([a-z_]+):([a-z0-9][a-z0-9._-]{1,63})$/i;

export function principalOf(req: Request): Principal {
  const header = process.env.NODE_ENV === 'production' ? undefined : req.get('x-sigap-actor');
  const match = header ? DEV_ACTOR.exec(header) : null;
  const role = match?.[1] as Role | undefined;
  if (match && role && ROLES.includes(role) && role !== 'system') return { id: match[2]!, role, regions: ['*'] };
  return DEV_PRINCIPAL;
}

/** Region scope: a province code covers its kabupaten/kota ("64" sees "64.72"). */
export function canSeeRegion(principal: Principal, regionCode: string): boolean {
  return principal.regions.some((r) => r === '*' || r === regionCode || regionCode.startsWith(`${r}.`));
}
