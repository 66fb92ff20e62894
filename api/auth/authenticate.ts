// Every /v1 request carries a bearer token; each route then says which roles may call it.
import type { NextFunction, Request, Response } from 'express';
import type { TokenRole } from '../../domain/roles';
import type { Principal } from '../http/principal';
import { principalOf, setPrincipal } from '../http/principal';
import { ProblemError } from '../http/problem';
import type { VerifyToken } from './tokens';
import { InvalidToken } from './tokens';

const BEARER = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/;

export function authenticate(verify: VerifyToken) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const match = BEARER.exec(req.get('authorization') ?? '');
    if (!match) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="sigap"');
      throw ProblemError.of('UNAUTHENTICATED');
    }
    let principal: Principal;
    try {
      principal = await verify(match[1]!);
    } catch (err) {
      if (!(err instanceof InvalidToken)) throw err;
      res.setHeader('WWW-Authenticate', 'Bearer realm="sigap", error="invalid_token"');
      throw ProblemError.of('UNAUTHENTICATED');
    }
    setPrincipal(req, principal);
    next();
  };
}

export function allow(...roles: readonly TokenRole[]) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const role = principalOf(req).role;
    if (!(roles as readonly string[]).includes(role)) throw ProblemError.of('FORBIDDEN');
    next();
  };
}
