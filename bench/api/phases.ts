// The three things the API benchmark times: the raw Temporal client start (the floor), POST /v1/cases
// over real HTTP, and the API's one database write alone.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Client } from '@temporalio/client';
import autocannon from 'autocannon';
import { caseInputFrom, startCaseWorkflow } from '../../api/cases/intake';
import type { OpenCaseBody } from '../../api/cases/schemas';
import { openCaseBody } from '../../api/cases/schemas';
import { requestHash, reserve } from '../../api/http/idempotency';
import type { Db } from '../../db/client';
import type { Actor } from '../../domain/roles';
import type { Phase } from './measure';
import { count, inFlight, measure } from './measure';

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

/** The API: real HTTP with autocannon, each request with its own Idempotency-Key and a real bearer token. */
export async function apiPhase(url: string, token: string, n: number, concurrency: number): Promise<Phase> {
  const m = await measure(async () => {
    const latencies: number[] = [];
    const failures = new Map<string, number>();
    let responses = 0;
    let endedAt = performance.now();
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        {
          url: `${url}/v1/cases`,
          connections: Math.min(concurrency, n),
          amount: n,
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(INTAKE),
          requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, 'idempotency-key': randomUUID() } }) }],
          // autocannon notices that it is done only on its sampling tick (1 s by default), which would add
          // up to a second of idle to the phase; the wall time below ends at the last response anyway.
          sampleInt: 20,
        },
        (err, res) => (err ? reject(err as Error) : resolve(res)),
      );
      instance.on('response', (_client, statusCode, _bytes, responseTime) => {
        responses += 1;
        endedAt = performance.now();
        if (statusCode === 201) latencies.push(responseTime);
        else count(failures, `HTTP ${statusCode}`);
      });
    });
    if (result.errors > 0) failures.set('connection errors (incl. timeouts)', result.errors);
    if (responses < n - result.errors) failures.set('missing responses', n - result.errors - responses);
    return { latencies, failures, endedAt };
  });
  return { name: 'POST /v1/cases', ...m };
}


/** The API's one database write alone: the Idempotency-Key reservation, as `openCase` makes it. */
export async function reservePhase(db: Db, scope: string, n: number, concurrency: number): Promise<Phase> {
  const m = await measure(() => inFlight(n, concurrency, () => reserve(db, scope, randomUUID(), requestHash(BODY), randomUUID())));
  return { name: 'idempotency row alone', ...m };
}
