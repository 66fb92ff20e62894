// Simulasi kasus in the database: training sessions, their groups, the rules' refusals of their commands
// and the training sink. Part of the schema (re-exported by schema.ts); training cases themselves live in
// `cases` beside real ones, flagged with their session (see training.ts).
import { doublePrecision, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import type { Words } from '../domain/labels';
import type { ModelAnswer } from '../domain/training/model';

/** A session's scenario as it ran: its words and its model answer (no personal data). */
export interface TrainingScenarioSnapshot {
  title: Words;
  summary: Words;
  modelAnswer: ModelAnswer;
}

/**
 * Simulasi kasus: a training session — a scenario (by id and version), the trainer who runs it, the time
 * scale of its cases. Its groups' cases are real workflows flagged with the session id.
 */
export const trainingSessions = pgTable('training_sessions', {
  sessionId: text('session_id').primaryKey(),
  scenarioId: text('scenario_id').notNull(),
  scenarioVersion: integer('scenario_version').notNull(),
  trainerId: text('trainer_id').notNull(),
  regionCode: text('region_code').notNull(),
  /** What the session runs against, kept as it was at the start: a scenario file changed later scores nothing differently. */
  scenario: jsonb('scenario').notNull().$type<TrainingScenarioSnapshot>(),
  timeScale: doublePrecision('time_scale').notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  endedAt: timestamp('ended_at', { withTimezone: true }),
});

/** A session's groups: each works its own case; only its members (and the trainer) see it. Staff ids only. */
export const trainingGroups = pgTable(
  'training_groups',
  {
    sessionId: text('session_id')
      .notNull()
      .references(() => trainingSessions.sessionId, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    position: integer('position').notNull(),
    caseId: text('case_id').notNull().unique(),
    members: jsonb('members').notNull().$type<string[]>(),
    /** When a member said the group is done. */
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.name] })],
);

/** Commands of a training case the rules refused: a refused Update leaves no trace in the history. */
export const trainingRefusals = pgTable(
  'training_refusals',
  {
    id: serial('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => trainingSessions.sessionId, { onDelete: 'cascade' }),
    caseId: text('case_id').notNull(),
    actorId: text('actor_id').notNull(),
    command: text('command').notNull(),
    code: text('code').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('training_refusals_case_idx').on(t.caseId, t.id)],
);

/** The training sink: messages of training cases, rendered as the gateway would have sent them. */
export const trainingMessages = pgTable(
  'training_messages',
  {
    /** The outbox key: a message is kept once. */
    key: text('key').primaryKey(),
    sessionId: text('session_id').notNull(),
    caseId: text('case_id').notNull(),
    audience: text('audience').notNull(),
    staffId: text('staff_id'),
    template: text('template').notNull(),
    channel: text('channel').notNull(),
    language: text('language').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('training_messages_session_idx').on(t.sessionId, t.createdAt, t.key)],
);
