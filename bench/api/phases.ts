// The three things the API benchmark times: the raw Temporal client start (the floor), POST /v1/cases
// over real HTTP, and the API's one database write alone.
import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { caseInputFrom, startCaseWorkflow } from '../../api/cases/intake';
import type { OpenCaseBody } from '../../api/cases/schemas';
import { openCaseBody } from '../../api/cases/schemas';
import { requestHash, reserve } from '../../api/http/idempotency';
import type { Db } from '../../db/client';
import type { Actor } from '../../domain/roles';
import type { Phase } from './measure';
import { startHttpLoad } from './http-load';
import { inFlight, measure } from './measure';

/** A realistic intake as a call-centre operator sends it, checked by the API's own schema. */
export const INTAKE = {
  category: 'odgj_terlantar',
  riskLevel: 'high',
  regionCode: '64.72',
  report: { channel: 'call_centre', summary: 'Laki-laki sekitar 40 tahun, bicara sendiri, di depan Pasar Segiri sejak pagi' },
  subject: { sex: 'male', estimatedAge: 40, description: 'Kaos hitam, tanpa alas kaki', foundLocation: 'Jl. Pahlawan, depan Pasar Segiri, Samarinda' },
};
const BODY: OpenCaseBody = openCaseBody.parse(INTAKE);

/**
 * The raw loop: exactly the start call `openCase` makes for this body (the API's own input builder and
 * start, on the same client, so the same connection and payload encryption).
 */
export async function rawPhase(client: Client, taskQueue: string, openedBy: Actor, n: number, concurrency: number): Promise<Phase> {
  const m = await measure(() => inFlight(n, concurrency, () => startCaseWorkflow(client, taskQueue, caseInputFrom(randomUUID(), BODY, openedBy, { policy: {} }))));
  return { name: 'raw client start', ...m };
}

/** The API: real HTTP from the load generator's thread, each request with its own Idempotency-Key and a real bearer token. */
export async function apiPhase(url: string, token: string, n: number, concurrency: number): Promise<Phase> {
  const load = await startHttpLoad({ url: `${url}/v1/cases`, token, body: INTAKE, n, concurrency, ok: 201 });
  const m = await measure(() => load.run());
  return { name: 'POST /v1/cases', ...m };
}


/** The API's one database write alone: the Idempotency-Key reservation, as `openCase` makes it. */
export async function reservePhase(db: Db, scope: string, n: number, concurrency: number): Promise<Phase> {
  const m = await measure(() => inFlight(n, concurrency, () => reserve(db, scope, randomUUID(), requestHash(BODY), randomUUID())));
  return { name: 'idempotency row alone', ...m };
}
