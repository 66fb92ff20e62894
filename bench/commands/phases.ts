// The things the commands benchmark times: POST /v1/cases/:id/commands over real HTTP, raw `executeUpdate`
// on the floor's workflow (bare, and with its one write) and on Sigap's case workflow, and the API's one
// database read alone. Every path sends command i to case i mod M, the same C in flight.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Client } from '@temporalio/client';
import { commandBody } from '../../api/cases/commands';
import { assertVisible } from '../../api/cases/read';
import type { Db } from '../../db/client';
import type { Principal } from '../../api/http/principal';
import { caseWorkflowId, commandUpdate } from '../../workflows/case/contract';
import type { Phase } from '../api/measure';
import { startHttpLoad } from '../api/http-load';
import { inFlight, measure } from '../api/measure';
import type { CountRows } from './effects';
import { rowsReaching } from './effects';
import { floorWorkflowId } from './setup';
import type { FloorNoteRequest } from './floor-workflow';

/** A note after a phone call, as a case manager records it: valid on an open case again and again. */
export const NOTE = { type: 'addNote', text: 'Keluarga dihubungi lewat telepon; kunjungan rumah dijadwalkan minggu depan.' } as const;
const COMMAND = commandBody.parse(NOTE);

export interface CommandPhase extends Phase {
  /** After the last answer, until the writes it caused had landed (their CPU counts to the phase). */
  settleSeconds: number;
  /** CPU of the workers' own process over the phase, ms; null when they run in this process (or /proc is unreadable). */
  workerCpuMs: number | null;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * What an Update leaves behind (the queued write, the workflow task that takes its result) is part of its
 * cost and must not spill into the next phase: after the last answer, wait until every accepted command's
 * row is there, then half a second for that last workflow task. (Waiting for the CPU to fall quiet instead
 * would count the dev server's idle ticks: with 200+ open workflows it rarely stays under 5 % of a core.)
 */
async function measured(name: string, load: () => Promise<Pick<Phase, 'latencies' | 'failures'> & { endedAt?: number }>, writes?: CountRows): Promise<CommandPhase> {
  let settleSeconds = 0;
  const before = writes ? await writes() : 0;
  const m = await measure(async () => {
    const result = await load();
    const loaded = performance.now();
    if (writes) await rowsReaching(before + result.latencies.length, writes, 50);
    await pause(500);
    settleSeconds = (performance.now() - loaded) / 1000;
    return { ...result, endedAt: result.endedAt ?? loaded };
  });
  return { name, ...m, settleSeconds, workerCpuMs: null };
}

const roundRobin = (ids: string[]) => {
  let next = 0;
  return () => ids[next++ % ids.length]!;
};

/** The API: keep-alive connections from the load generator's thread, each request to the next case, with its own Idempotency-Key. */
export async function apiPhase(url: string, token: string, caseIds: string[], n: number, concurrency: number, writes: CountRows): Promise<CommandPhase> {
  const paths = caseIds.map((id) => `/v1/cases/${id}/commands`);
  const load = await startHttpLoad({ url: `${url}${paths[0]}`, paths, token, body: NOTE, n, concurrency, ok: 200 });
  return measured(
    'POST /v1/cases/:id/commands',
    () => load.run(),
    writes,
  );
}

/** Exactly the Update `actOnCase` sends for this command (definition, request, update id), on Sigap's client. */
export function rawCasePhase(client: Client, principal: Principal, caseIds: string[], n: number, concurrency: number, writes: CountRows): Promise<CommandPhase> {
  const nextCase = roundRobin(caseIds);
  const request = { actor: { id: principal.id, role: principal.role }, command: COMMAND, scope: principal.regions };
  return measured('raw executeUpdate, Sigap case workflow', () =>
    inFlight(n, concurrency, () =>
      client.workflow.getHandle(caseWorkflowId(nextCase())).executeUpdate(commandUpdate(COMMAND.type), { args: [request], updateId: `${principal.id}:${randomUUID()}` }),
    ),
    writes,
  );
}

/** The floor: `executeUpdate` on the minimal workflow, default data converter. */
export function floorPhase(client: Client, caseIds: string[], n: number, concurrency: number, writes?: CountRows): Promise<CommandPhase> {
  const nextCase = roundRobin(caseIds);
  const request: FloorNoteRequest = { by: 'bench-cm', text: NOTE.text };
  return measured(
    writes ? 'raw floor: Update + one write' : 'raw floor: bare Update',
    () => inFlight(n, concurrency, () => client.workflow.getHandle(floorWorkflowId(nextCase())).executeUpdate<number, [FloorNoteRequest]>('addNote', { args: [request] })),
    writes,
  );
}

/** The API's one database read alone: the visibility check of `actOnCase`, straight on the database. */
export async function visibilityPhase(db: Db, client: Client, principal: Principal, caseIds: string[], n: number, concurrency: number): Promise<Phase> {
  const nextCase = roundRobin(caseIds);
  const m = await measure(() => inFlight(n, concurrency, () => assertVisible({ db, client }, principal, nextCase())));
  return { name: 'visibility read alone', ...m };
}
