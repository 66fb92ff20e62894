// /v1/staff: the staff registry (admins, and the Kasi of a unit for its workers) and a worker's caseload.
import { Router } from 'express';
import { z } from 'zod';
import { withOverrides, DEFAULT_POLICY } from '../../domain/policy';
import { STAFF } from '../../domain/roles';
import { allow } from '../auth/authenticate';
import type { ServiceDeps } from '../deps';
import { checkedKey, requestHash, reserve } from '../http/idempotency';
import type { RegisterRoute } from '../http/openapi';
import { common, headers, json, jsonBody, problem } from '../http/openapi';
import { parseBody, staffId } from '../http/parse';
import { principalOf } from '../http/principal';
import { caseloadSchema, registerStaffBody, staffPageSchema, staffQuery, staffSchema, updateStaffBody } from './schemas';
import { caseload, listStaff, registerStaff, staffView, updateStaff, visibleStaff } from './service';

const MANAGERS = ['supervisor', 'admin'] as const;
const staffIdOf = (raw: unknown) => parseBody(z.object({ staffId }), { staffId: raw }).staffId;

export function staffRouter(deps: ServiceDeps): Router {
  const router = Router();
  const threshold = withOverrides(DEFAULT_POLICY, deps.policy).caseloadThreshold;

  router.post('/v1/staff', allow(...MANAGERS), async (req, res) => {
    const key = checkedKey(req.get('idempotency-key'));
    const body = parseBody(registerStaffBody, req.body);
    const principal = principalOf(req);
    // A retried registration with the same key and body is the same one; the key with another body is refused.
    if (key) await reserve(deps.db, `staff:${principal.id}`, key, requestHash(body), body.staffId);
    const { row, created } = await registerStaff(deps.db, principal, body, new Date());
    deps.staffDirectory?.forget(row.staffId);
    if (!created) res.setHeader('Idempotent-Replayed', 'true');
    res.status(created ? 201 : 200).location(`/v1/staff/${row.staffId}`).json(staffView(row, new Date()));
  });

  router.get('/v1/staff', allow(...MANAGERS), async (req, res) => {
    const now = new Date();
    const page = await listStaff(deps.db, principalOf(req), parseBody(staffQuery, { ...req.query }), now);
    res.json({ items: page.items.map((row) => staffView(row, now)), nextCursor: page.nextCursor });
  });

  router.get('/v1/staff/:staffId', allow(...STAFF), async (req, res) => {
    res.json(staffView(await visibleStaff(deps.db, principalOf(req), staffIdOf(req.params.staffId)), new Date()));
  });

  router.patch('/v1/staff/:staffId', allow(...MANAGERS), async (req, res) => {
    const body = parseBody(updateStaffBody, req.body);
    const row = await updateStaff(deps.db, principalOf(req), staffIdOf(req.params.staffId), body, new Date());
    // A deactivation stops this process honouring the record at once (other API processes within half a minute).
    deps.staffDirectory?.forget(row.staffId);
    res.json(staffView(row, new Date()));
  });

  router.get('/v1/staff/:staffId/caseload', allow(...STAFF), async (req, res) => {
    res.json(await caseload(deps.db, principalOf(req), staffIdOf(req.params.staffId), threshold));
  });
  return router;
}

export function staffPaths(route: RegisterRoute): void {
  const path = z.object({ staffId: z.string() });
  route({
    method: 'post',
    path: '/v1/staff',
    operationId: 'registerStaff',
    summary: 'Register a staff member (admin; a Kasi for the workers of their regions)',
    request: { headers: headers(true), body: jsonBody(registerStaffBody) },
    responses: common({
      201: json(staffSchema, 'Registered'),
      200: json(staffSchema, 'The same registration again (Idempotent-Replayed)'),
      409: problem('Registered already with other details (STAFF_EXISTS)'),
    }),
  });
  route({
    method: 'get',
    path: '/v1/staff',
    operationId: 'listStaff',
    summary: 'Staff of the caller\'s regions, optionally those whose verification or certification lapses soon',
    request: { headers: headers(false), query: staffQuery },
    responses: common({ 200: json(staffPageSchema, 'A page of staff records') }),
  });
  route({
    method: 'get',
    path: '/v1/staff/{staffId}',
    operationId: 'getStaff',
    summary: 'One staff record (404 outside the caller\'s regions)',
    request: { headers: headers(false), params: path },
    responses: common({ 200: json(staffSchema, 'The staff record') }),
  });
  route({
    method: 'patch',
    path: '/v1/staff/{staffId}',
    operationId: 'updateStaff',
    summary: 'Change a staff record; `active: false` deactivates it (its tokens stop working at once)',
    request: { headers: headers(false), params: path, body: jsonBody(updateStaffBody) },
    responses: common({ 200: json(staffSchema, 'The record as it now stands'), 409: problem('Changed by someone else meanwhile (STAFF_CHANGED)') }),
  });
  route({
    method: 'get',
    path: '/v1/staff/{staffId}/caseload',
    operationId: 'getCaseload',
    summary: 'Open cases the worker carries, against the caseload threshold',
    request: { headers: headers(false), params: path },
    responses: common({ 200: json(caseloadSchema, 'The caseload') }),
  });
}
