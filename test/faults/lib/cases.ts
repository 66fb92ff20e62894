// Cases as the scenarios drive and check them: returnees (orang terlantar, repatriation pathway) opened
// and commanded over the API like staff do, their timelines read from the read model, and what each
// workflow asked the read model to record read back from its Temporal history.
import type { Payload } from '@temporalio/common';
import { defaultPayloadConverter } from '@temporalio/common';
import { EncryptionCodec } from '../../../temporal/encryption-codec';
import { parseKeyRing } from '../../../temporal/keyring';
import type { Reply, Who } from './api-client';
import { described } from './api-client';
import type { Stack } from './stack';
import { until } from './processes';

export function intakeBody(region: string, riskLevel: 'low' | 'high' = 'low') {
  // No names or numbers: the suite's cases carry no personal data, not even made-up data.
  return { category: 'orang_terlantar', riskLevel, regionCode: region, report: { channel: 'police' }, subject: {} };
}

/** Staff steps of a returnee up to the origin Dinsos's referral, which the case then sends itself. */
export const RETURNEE_STEPS: [Who, Record<string, unknown>][] = [
  ['case_manager', { type: 'acknowledge', assignedWorker: 'casemanager-faults' }],
  ['case_manager', { type: 'recordRapidAssessment', danger: 'none', medicalEmergency: false, capacity: 'has_capacity', needs: [] }],
  ['supervisor', { type: 'decidePathway', pathway: 'repatriation' }],
  ['case_manager', { type: 'recordAssessment', consent: 'client', familyInvolved: true, originRegionCode: '33.74', needsShelter: false }],
  ['case_manager', { type: 'requestReferral', partner: 'origin_dinsos', facilityCode: 'DINSOS-33' }],
];

function expectStatus(reply: Reply & { attempts?: number }, status: number, what: string): Reply & { attempts?: number } {
  if (reply.status !== status) throw new Error(`${what}: expected ${status}, got ${described(reply)}${reply.attempts ? ` after ${reply.attempts} attempts` : ''}`);
  return reply;
}

/** Opens a case, retrying the same Idempotency-Key through outages; returns the case id. */
export async function openCase(stack: Stack, key: string, region: string, riskLevel: 'low' | 'high' = 'low'): Promise<string> {
  const reply = await stack.api.retrying('POST', '/v1/cases', { who: 'operator', key, body: intakeBody(region, riskLevel) });
  return expectStatus(reply, 201, `intake ${key}`).body.caseId as string;
}

/** A staff command, retried with its Idempotency-Key until the API answers for good; it must be accepted. */
export async function act(stack: Stack, caseId: string, step: [Who, Record<string, unknown>], key: string): Promise<Reply> {
  const [who, body] = step;
  const reply = await stack.api.retrying('POST', `/v1/cases/${caseId}/commands`, { who, key, body });
  return expectStatus(reply, 200, `${String(body.type)} on a case`);
}

export interface EventRow {
  case_id: string;
  seq: number;
  type: string;
  data: Record<string, unknown>;
  recorded_at: Date;
}

/** The read model's timeline of each case, in order. */
export async function timelines(stack: Stack, caseIds: string[]): Promise<Map<string, EventRow[]>> {
  const rows = await stack.pg.query<EventRow>('SELECT case_id, seq, type, data, recorded_at FROM case_events WHERE case_id = ANY($1) ORDER BY case_id, seq', [caseIds]);
  const out = new Map<string, EventRow[]>(caseIds.map((id) => [id, []]));
  for (const r of rows) out.get(r.case_id)!.push(r);
  return out;
}

export async function types(stack: Stack, caseId: string): Promise<string[]> {
  return ((await timelines(stack, [caseId])).get(caseId) ?? []).map((e) => e.type);
}

/** Waits until the case's timeline in the read model holds an event of this type; returns that event. */
export async function eventually(stack: Stack, caseId: string, type: string, ms = 60_000): Promise<EventRow> {
  return until(`${type} in the timeline of a case`, async () => ((await timelines(stack, [caseId])).get(caseId) ?? []).find((e) => e.type === type), ms, 250);
}

/** Gaps in a timeline's positions (they must run 0, 1, 2, … with none missing). */
export function gaps(events: EventRow[]): number[] {
  const missing: number[] = [];
  const max = events.reduce((m, e) => Math.max(m, e.seq), -1);
  const have = new Set(events.map((e) => e.seq));
  for (let s = 0; s <= max; s++) if (!have.has(s)) missing.push(s);
  return missing;
}

/** Every timeline position the case workflow asked the read model to record (decrypted from its history). */
export async function recordedSeqs(stack: Stack, caseId: string): Promise<number[]> {
  const codec = new EncryptionCodec(parseKeyRing(stack.payloadKeys));
  const history = await stack.client.workflow.getHandle(`case-${caseId}`).fetchHistory();
  const seqs = new Set<number>();
  for (const e of history.events ?? []) {
    const scheduled = e.activityTaskScheduledEventAttributes;
    // The records are the first argument of either write: recordCaseEvents, or recordStep since one write per step.
    if (!['recordCaseEvents', 'recordStep'].includes(scheduled?.activityType?.name ?? '')) continue;
    const [payload] = await codec.decode((scheduled!.input?.payloads ?? []) as Payload[]);
    for (const record of defaultPayloadConverter.fromPayload<{ seq: number }[]>(payload!)) seqs.add(record.seq);
  }
  return [...seqs].sort((a, b) => a - b);
}
