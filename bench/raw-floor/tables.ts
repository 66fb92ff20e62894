// The floor's own tables, created by the benchmark (no migration: they are not Sigap's). Shaped like
// Sigap's timeline and outbox rows, so the floor writes what a fired deadline must write, and no more.
import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';

export const benchTimeline = pgTable(
  'bench_timeline',
  {
    caseId: text('case_id').notNull(),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    /** Workflow time of the record, as Sigap's `case_events.at`. */
    at: timestamp('at', { withTimezone: true }).notNull(),
    data: jsonb('data').notNull().$type<Record<string, string | number | null>>(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.seq] })],
);

export const benchOutbox = pgTable('bench_outbox', {
  key: text('key').primaryKey(),
  caseId: text('case_id').notNull(),
  audience: text('audience').notNull(),
  template: text('template').notNull(),
  data: jsonb('data').notNull().$type<Record<string, string | number | null>>(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Creates the tables if missing; rows of earlier runs stay (each run reads only its own case ids). */
export async function ensureFloorTables(db: Db): Promise<void> {
  await db.execute(sql`create table if not exists bench_timeline (
    case_id text not null, seq integer not null, type text not null, at timestamptz not null,
    data jsonb not null, recorded_at timestamptz not null default now(), primary key (case_id, seq))`);
  await db.execute(sql`create table if not exists bench_outbox (
    key text primary key, case_id text not null, audience text not null, template text not null,
    data jsonb not null, created_at timestamptz not null default now())`);
  // The run's progress is counted by case id, as Sigap's outbox is (notifications_case_idx).
  await db.execute(sql`create index if not exists bench_outbox_case_idx on bench_outbox (case_id)`);
}
