// The Postgres read model (what the API lists and filters, fed by the workflows' activities) and the staff registry.
// Only non-personal, indexable fields live here; personal data stays in encrypted workflow payloads.
import { sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { boolean, index, integer, jsonb, pgTable, primaryKey, serial, text, timestamp } from 'drizzle-orm/pg-core';
import type { EscalationSummary } from '../domain/case/events';
import type { AccessGrant } from '../domain/case/handoffs';

/** The escalation level negated, as the escalation indexes hold it and the escalations list orders by it. */
export const negatedLevel = (level: AnyPgColumn) => sql`(-${level})`;

export const cases = pgTable(
  'cases',
  {
    caseId: text('case_id').primaryKey(),
    workflowId: text('workflow_id').notNull().unique(),
    status: text('status').notNull(),
    stage: text('stage').notNull(),
    pathway: text('pathway').notNull(),
    category: text('category').notNull(),
    riskLevel: text('risk_level').notNull(),
    regionCode: text('region_code').notNull(),
    provinceCode: text('province_code').notNull(),
    /** kabkota, or province after an ODGJ hand-over for in-panti rehabilitation. */
    jurisdiction: text('jurisdiction').notNull().default('kabkota'),
    assignedWorker: text('assigned_worker'),
    escalationLevel: integer('escalation_level').notNull().default(0),
    /** Open escalations: reason, subject code, level, since, acknowledged — codes only. */
    escalations: jsonb('escalations').notNull().default([]).$type<EscalationSummary[]>(),
    nextDeadlineKind: text('next_deadline_kind'),
    nextDeadlineAt: timestamp('next_deadline_at', { withTimezone: true }),
    policyVersion: text('policy_version').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    /** Timeline position of the newest event applied; older events never overwrite newer state. */
    lastSeq: integer('last_seq').notNull(),
    /** Other regions that see the case: a receiving unit deciding on a transfer, a sender for a while after. */
    access: jsonb('access').notNull().default([]).$type<AccessGrant[]>(),
    /** The latest transfer's status and receiving region, for the receivers' list. */
    transferStatus: text('transfer_status'),
    transferToRegion: text('transfer_to_region'),
    /** Simulasi kasus: the training session the case belongs to; real work has none (see db/training.ts). */
    trainingSessionId: text('training_session_id'),
  },
  (t) => [
    // Each list filter, then the newest-first order: a page is one index seek (see api/http/keyset.ts).
    index('cases_region_status_idx').on(t.regionCode, t.status, t.openedAt, t.caseId),
    index('cases_province_status_idx').on(t.provinceCode, t.status, t.openedAt, t.caseId),
    index('cases_opened_idx').on(t.openedAt, t.caseId),
    index('cases_transfer_idx').on(t.transferToRegion, t.transferStatus),
    index('cases_assignee_idx').on(t.assignedWorker, t.status, t.openedAt, t.caseId),
    // A Kasi's lists without a status, and by stage: at 1,000,000 rows the region's rows were otherwise
    // read whole and sorted, or the newest cases of every region walked until enough were the region's.
    index('cases_region_opened_idx').on(t.regionCode, t.openedAt, t.caseId),
    index('cases_region_stage_idx').on(t.regionCode, t.stage, t.openedAt, t.caseId),
    // The case list from an escalation level up (`minEscalationLevel`, any status), newest first: a level-3
    // list otherwise walked the newest cases of the country or the province until 51 were escalated. Escalated
    // cases only, so that a write of any other case never touches it.
    index('cases_escalation_idx').on(t.escalationLevel).where(sql`${t.escalationLevel} > 0`),
    // The escalations list in its own order (highest level first) over the few open escalated cases only:
    // a Kasi's region, and every region for a national admin. The level is negated so that it and the case
    // id run one way: a later page is one seek (api/http/keyset.ts).
    index('cases_region_escalated_idx')
      .on(t.regionCode, negatedLevel(t.escalationLevel), t.caseId)
      .where(sql`${t.status} = 'open' and ${t.escalationLevel} > 0`),
    index('cases_escalated_idx')
      .on(negatedLevel(t.escalationLevel), t.caseId)
      .where(sql`${t.status} = 'open' and ${t.escalationLevel} > 0`),
    // A Kabid's lists (a province without a status, and by stage, filtered within it; its escalations):
    // otherwise the newest cases of every province were walked until enough were the province's (18 ms for
    // a small one at 1,000,000 rows).
    index('cases_province_opened_idx').on(t.provinceCode, t.openedAt, t.caseId),
    index('cases_province_escalated_idx')
      .on(t.provinceCode, negatedLevel(t.escalationLevel), t.caseId)
      .where(sql`${t.status} = 'open' and ${t.escalationLevel} > 0`),
    // The overdue view (most overdue first) over open cases only, for a region, a province and the country:
    // the country's was a parallel scan of the whole table (180 ms at 1,000,000 rows). The price: a write
    // that moves an open case's next deadline is never a HOT update (docs/BENCHMARKS.md, lists).
    index('cases_region_due_idx').on(t.regionCode, t.nextDeadlineAt, t.caseId).where(sql`${t.status} = 'open'`),
    index('cases_province_due_idx').on(t.provinceCode, t.nextDeadlineAt, t.caseId).where(sql`${t.status} = 'open'`),
    index('cases_due_idx').on(t.nextDeadlineAt, t.caseId).where(sql`${t.status} = 'open'`),
    // A session's cases, for its record and its deletion; real lists filter on the column being null.
    index('cases_training_idx').on(t.trainingSessionId).where(sql`${t.trainingSessionId} is not null`),
  ],
);

export const caseEvents = pgTable(
  'case_events',
  {
    caseId: text('case_id')
      .notNull()
      .references(() => cases.caseId),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorId: text('actor_id').notNull(),
    actorRole: text('actor_role').notNull(),
    stage: text('stage').notNull(),
    data: jsonb('data').notNull().$type<Record<string, string | number | boolean | null>>(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.seq] })],
);

/** Remembers each Idempotency-Key so a retried POST returns the first result instead of acting twice. */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    resourceId: text('resource_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

/**
 * Outbox of notifications: written by the notify activity (idempotent on key), drained by the dispatcher
 * that calls the notification gateway. Also the delivery log.
 */
export const notifications = pgTable(
  'notifications',
  {
    key: text('key').primaryKey(),
    caseId: text('case_id').notNull(),
    audience: text('audience').notNull(),
    staffId: text('staff_id'),
    regionCode: text('region_code').notNull(),
    template: text('template').notNull(),
    data: jsonb('data').notNull().$type<Record<string, string | number | null>>(),
    /** pending → sending (leased by a dispatcher) → sent → delivered, or failed. */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    /** A stable code (e.g. HTTP_503, INVALID_RECIPIENT), never message text. */
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    channel: text('channel'),
    language: text('language'),
    /** The gateway's message id. */
    providerRef: text('provider_ref'),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    /** A training case's notice: the dispatcher delivers it to the training sink, never the gateway. */
    trainingSessionId: text('training_session_id'),
  },
  (t) => [
    index('notifications_status_idx').on(t.status, t.createdAt),
    index('notifications_case_idx').on(t.caseId),
    index('notifications_due_idx').on(t.status, t.nextAttemptAt),
  ],
);

/** Group repatriation batches as supervisors list them: codes and counts only. */
export const batches = pgTable(
  'batches',
  {
    batchId: text('batch_id').primaryKey(),
    regionCode: text('region_code').notNull(),
    provinceCode: text('province_code').notNull(),
    originRegionCode: text('origin_region_code').notNull(),
    originAgency: text('origin_agency').notNull(),
    status: text('status').notNull(),
    members: integer('members').notNull(),
    arrived: integer('arrived').notNull(),
    withdrawn: integer('withdrawn').notNull(),
    planVersion: integer('plan_version').notNull(),
    /** A stopped plan waiting for the supervisor to re-plan (its reason code). */
    escalation: text('escalation'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    /** The batch's own change counter: an older snapshot never overwrites a newer one. */
    version: integer('version').notNull(),
  },
  (t) => [index('batches_region_idx').on(t.regionCode, t.status), index('batches_province_idx').on(t.provinceCode, t.status), index('batches_opened_idx').on(t.openedAt, t.batchId)],
);

/**
 * The staff registry: who works where, in which practice role, and until when their certification and
 * verification (verivali) hold. No names or phone numbers: the identity provider keeps those, so the
 * registry is never a source of personal data (the staff id is the token's opaque `sub`).
 */
export const staff = pgTable(
  'staff',
  {
    staffId: text('staff_id').primaryKey(),
    unitCode: text('unit_code').notNull(),
    unitKind: text('unit_kind').notNull(),
    regionCode: text('region_code').notNull(),
    provinceCode: text('province_code').notNull(),
    /** TKSK and PSM work in one kecamatan (a Kemendagri code inside the region). */
    kecamatanCode: text('kecamatan_code'),
    role: text('role').notNull(),
    certificationNo: text('certification_no'),
    /** ISO dates (YYYY-MM-DD): the last day the certification / the verification holds. */
    certifiedUntil: text('certified_until'),
    verifiedUntil: text('verified_until'),
    active: boolean('active').notNull().default(true),
    /** Set while the worker's open cases are above the caseload threshold, so the Kasi is warned once. */
    caseloadWarnedAt: timestamp('caseload_warned_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Bumped on every change: an update names the version it read (optimistic concurrency). */
    version: integer('version').notNull().default(1),
  },
  (t) => [index('staff_region_idx').on(t.regionCode, t.active), index('staff_province_idx').on(t.provinceCode, t.active), index('staff_role_idx').on(t.role)],
);

/** What happened to staff records and workloads: registrations, changes, deactivations, caseload warnings. Codes only. */
export const staffEvents = pgTable(
  'staff_events',
  {
    id: serial('id').primaryKey(),
    staffId: text('staff_id')
      .notNull()
      .references(() => staff.staffId),
    type: text('type').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: text('actor_id').notNull(),
    data: jsonb('data').notNull().default({}).$type<Record<string, string | number | boolean | null>>(),
  },
  (t) => [index('staff_events_staff_idx').on(t.staffId, t.id)],
);

// Simulasi kasus: training sessions, their groups, refusals and the sink (kept apart from real work).
export * from './training-schema';
