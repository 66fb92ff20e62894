// One step's writes as one SQL statement: the case row, its timeline records and its outbox rows, each
// insert taking its rows as one JSON parameter. One statement is atomic without a transaction, costs
// one round trip instead of six, and its text is fixed here, not built by the query builder per write
// (#17: building four statements per step was a fifth of the worker's main thread per fired deadline).
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client';
import { caseEvents, cases, notifications, trainingSessions } from '../db/schema';

export type CaseRow = typeof cases.$inferInsert;
export type EventRow = Omit<typeof caseEvents.$inferInsert, 'recordedAt'>;
export type OutboxRow = Pick<typeof notifications.$inferInsert, 'key' | 'caseId' | 'audience' | 'staffId' | 'regionCode' | 'template' | 'data' | 'trainingSessionId'>;

/** What the write found and did: whether it ran (a deleted training session's case writes nothing), the row before, records new. */
export interface StepWritten {
  ran: boolean;
  before: { assignedWorker: string | null; status: string } | undefined;
  inserted: number;
}

/** A table's columns for the given fields, by their database names, and a converter to those names. */
function columnsOf<T extends PgTable>(table: T, fields: readonly string[]) {
  const all = getTableColumns(table) as Record<string, { name: string }>;
  const names = fields.map((f) => all[f]!.name);
  return {
    list: names.map((n) => `"${n}"`).join(', '),
    names,
    toJson: (row: Record<string, unknown>) => Object.fromEntries(fields.map((f, i) => [names[i], row[f] ?? null])),
  };
}

// Every column of the case row: the read model sets them all (a new column needs its value in
// `writeCaseEvents`' row, or it is written as null).
const CASE_FIELDS = Object.keys(getTableColumns(cases));
const EVENT_FIELDS = ['caseId', 'seq', 'type', 'at', 'actorId', 'actorRole', 'stage', 'data'] as const;
const OUTBOX_FIELDS = ['key', 'caseId', 'audience', 'staffId', 'regionCode', 'template', 'data', 'trainingSessionId'] as const;

const caseCols = columnsOf(cases, CASE_FIELDS);
const eventCols = columnsOf(caseEvents, EVENT_FIELDS);
const outboxCols = columnsOf(notifications, OUTBOX_FIELDS);
const [CASES, EVENTS, OUTBOX, SESSIONS] = [cases, caseEvents, notifications, trainingSessions].map((t) => `"${getTableName(t)}"`);
const caseKey = `"${getTableColumns(cases).caseId.name}"`;
const lastSeq = `"${getTableColumns(cases).lastSeq.name}"`;
const updates = caseCols.names.filter((n) => `"${n}"` !== caseKey).map((n) => `"${n}" = EXCLUDED."${n}"`).join(', ');

// $1 the training session (or null), $2 the case id, $3 the case row, $4 the timeline records, $5 the
// outbox rows. Data-modifying CTEs all run, see the same snapshot (so `before` is the row as it was),
// and their foreign keys are checked at the end of the statement (the case row exists for its records).
const TEXT = `WITH go AS (SELECT ($1::text IS NULL OR EXISTS (SELECT 1 FROM ${SESSIONS} WHERE "${getTableColumns(trainingSessions).sessionId.name}" = $1::text)) AS ok),
  before AS (SELECT "${getTableColumns(cases).assignedWorker.name}" AS assigned_worker, "${getTableColumns(cases).status.name}" AS status FROM ${CASES} WHERE ${caseKey} = $2),
  upserted AS (
    INSERT INTO ${CASES} (${caseCols.list}) SELECT ${caseCols.list} FROM jsonb_populate_record(NULL::${CASES}, $3::jsonb) WHERE (SELECT ok FROM go)
    ON CONFLICT (${caseKey}) DO UPDATE SET ${updates} WHERE ${CASES}.${lastSeq} < EXCLUDED.${lastSeq}
    RETURNING 1),
  written AS (
    INSERT INTO ${EVENTS} (${eventCols.list}) SELECT ${eventCols.list} FROM jsonb_populate_recordset(NULL::${EVENTS}, $4::jsonb) WHERE (SELECT ok FROM go)
    ON CONFLICT DO NOTHING RETURNING 1),
  queued AS (
    INSERT INTO ${OUTBOX} (${outboxCols.list}) SELECT ${outboxCols.list} FROM jsonb_populate_recordset(NULL::${OUTBOX}, $5::jsonb) WHERE (SELECT ok FROM go)
    ON CONFLICT DO NOTHING RETURNING 1)
  SELECT (SELECT ok FROM go) AS ran, (SELECT count(*) FROM before)::int AS existed, (SELECT assigned_worker FROM before) AS assigned_worker,
    (SELECT status FROM before) AS status, (SELECT count(*) FROM written)::int AS inserted`;

interface Found {
  ran: boolean;
  existed: number;
  assigned_worker: string | null;
  status: string | null;
  inserted: number;
}

/** The driver under drizzle (a pg Pool or a PGlite): the text is fixed, so the query builder has nothing to build. */
type Driver = { query(text: string, params: unknown[]): Promise<{ rows: Found[] }> };

/** Writes a step: the case row (unless a newer one is there), its records and outbox rows, once each. */
export async function writeStep(db: Db, row: CaseRow, events: EventRow[], outbox: OutboxRow[]): Promise<StepWritten> {
  const driver = (db as unknown as { $client: Driver }).$client;
  const { rows } = await driver.query(TEXT, [
    row.trainingSessionId ?? null,
    row.caseId,
    JSON.stringify(caseCols.toJson(row)),
    JSON.stringify(events.map((e) => eventCols.toJson(e))),
    JSON.stringify(outbox.map((o) => outboxCols.toJson(o))),
  ]);
  const [found] = rows;
  if (!found) throw new Error('the step write returned no row');
  return {
    ran: found.ran,
    before: found.existed ? { assignedWorker: found.assigned_worker, status: found.status! } : undefined,
    inserted: found.inserted,
  };
}
