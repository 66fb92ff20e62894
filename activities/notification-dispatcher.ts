// Drains the notification outbox into the gateway and keeps the delivery log. Runs beside the worker
// (any number of instances): rows are leased with SKIP LOCKED, so each is sent by one dispatcher at a
// time, and a dispatcher that dies mid-send leaves a lease that expires and an idempotency key that
// stops the gateway from sending twice.
import type { SQL } from 'drizzle-orm';
import { and, eq, inArray, isNotNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Logger } from '../config/logger';
import type { Db } from '../db/client';
import { notifications } from '../db/schema';
import type { Language } from '../domain/notification-templates';
import { channelFor, recipientFor, renderNotification } from '../domain/notification-templates';
import type { Office } from '../domain/notification-texts';
import type { Audience, NotificationTemplate } from '../domain/notifications';
import { refusalCodeOf } from '../domain/integration/calls';
import type { NotificationGateway } from './partners/notification-gateway';
import { deliverToTrainingSink } from './training-sink';

export interface DispatcherOptions {
  db: Db;
  gateway: NotificationGateway;
  logger: Logger;
  language?: Language;
  batchSize?: number;
  /** How long a leased row is this dispatcher's before another may take it over. */
  leaseMs?: number;
  /** The office each region's messages are sent on behalf of: its name and official number (kab/kota, else province). */
  offices?: Record<string, Office>;
  /** Serve only these provinces (e.g. where a provincial gateway contract applies); all when absent. */
  provinces?: string[];
  /** First retry delay after the gateway failed to answer; doubles up to retryMaxMs (15 minutes). */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** Give up on a message after this long (it is marked failed: EXPIRED). */
  expireAfterMs?: number;
  now?: () => Date;
}

export interface DispatchRound {
  sent: number;
  failed: number;
  retrying: number;
  delivered: number;
}

type Row = typeof notifications.$inferSelect;

/** The options with their defaults filled in, as every step of a round reads them. */
interface Settings {
  db: Db;
  gateway: NotificationGateway;
  logger: Logger;
  language: Language;
  batchSize: number;
  leaseMs: number;
  expireAfterMs: number;
  now: () => Date;
  inProvinces: SQL | undefined;
  offices: Record<string, Office>;
  backoffMs: (attempts: number) => number;
}

function settingsOf(opts: DispatcherOptions): Settings {
  return {
    db: opts.db,
    gateway: opts.gateway,
    logger: opts.logger,
    language: opts.language ?? 'id',
    batchSize: opts.batchSize ?? 25,
    leaseMs: opts.leaseMs ?? 60_000,
    expireAfterMs: opts.expireAfterMs ?? 24 * 3_600_000,
    now: opts.now ?? (() => new Date()),
    offices: opts.offices ?? {},
    inProvinces: opts.provinces ? inArray(sql`substr(${notifications.regionCode}, 1, 2)`, opts.provinces) : undefined,
    backoffMs: (attempts) => Math.min((opts.retryBaseMs ?? 1_000) * 2 ** Math.max(0, attempts - 1), opts.retryMaxMs ?? 15 * 60_000),
  };
}

/** A kabupaten/kota's own office, else its province's; none configured leaves the words generic. */
function officeOf(offices: Record<string, Office>, regionCode: string): { office?: Office } {
  const office = offices[regionCode] ?? offices[regionCode.slice(0, 2)];
  return office ? { office } : {};
}

async function lease(s: Settings): Promise<Row[]> {
  const { db, now, inProvinces, batchSize, leaseMs } = s;
  const at = now();
  const due = db
    .select({ key: notifications.key })
    .from(notifications)
    .where(
      and(
        or(
          and(eq(notifications.status, 'pending'), lte(notifications.nextAttemptAt, at)),
          and(eq(notifications.status, 'sending'), lt(notifications.leaseUntil, at)),
        ),
        inProvinces,
      ),
    )
    .orderBy(notifications.createdAt)
    .limit(batchSize)
    .for('update', { skipLocked: true });
  return db
    .update(notifications)
    .set({ status: 'sending', leaseUntil: new Date(at.getTime() + leaseMs), attempts: sql`${notifications.attempts} + 1` })
    .where(inArray(notifications.key, due))
    .returning();
}

/** The message in words, as the gateway (or the training sink) receives it. */
function bodyOf(s: Settings, row: Row): string {
  return renderNotification(row.template as NotificationTemplate, s.language, row.data, { audience: row.audience as Audience, regionCode: row.regionCode, ...officeOf(s.offices, row.regionCode) });
}

async function send(s: Settings, row: Row): Promise<'sent' | 'failed' | 'retrying'> {
  const { db, gateway, language, now, expireAfterMs, backoffMs } = s;
  const audience = row.audience as Audience;
  const channel = channelFor(audience);
  // Simulasi kasus: a training case's notice never reaches the gateway, whoever it names.
  if (row.trainingSessionId) {
    await deliverToTrainingSink(db, { ...row, trainingSessionId: row.trainingSessionId }, { channel, language, body: bodyOf(s, row) }, now());
    return 'sent';
  }
  try {
    const { messageId } = await gateway.send({
      key: row.key,
      channel,
      to: recipientFor({ audience, caseId: row.caseId, staffId: row.staffId, regionCode: row.regionCode }),
      template: row.template,
      language,
      body: bodyOf(s, row),
    });
    await db
      .update(notifications)
      .set({ status: 'sent', providerRef: messageId, sentAt: now(), channel, language, leaseUntil: null, lastError: null })
      .where(eq(notifications.key, row.key));
    return 'sent';
  } catch (err) {
    const refusal = refusalCodeOf(err);
    const refused = refusal !== undefined;
    const code = refusal ?? 'UNAVAILABLE';
    const expired = now().getTime() - row.createdAt.getTime() > expireAfterMs;
    const failed = refused || expired;
    await db
      .update(notifications)
      .set({
        status: failed ? 'failed' : 'pending',
        lastError: expired && !refused ? 'EXPIRED' : code,
        nextAttemptAt: new Date(now().getTime() + backoffMs(row.attempts)),
        leaseUntil: null,
        channel,
      })
      .where(eq(notifications.key, row.key));
    return failed ? 'failed' : 'retrying';
  }
}

/** Sent messages are followed up until the gateway says delivered or failed. */
async function trackDeliveries(s: Settings): Promise<number> {
  const { db, gateway, now, inProvinces, batchSize } = s;
  const rows = await db
    .select()
    .from(notifications)
    .where(and(eq(notifications.status, 'sent'), isNotNull(notifications.providerRef), inProvinces))
    .orderBy(notifications.sentAt)
    .limit(batchSize);
  let delivered = 0;
  // In parallel: one slow answer from the gateway must not hold up the rest.
  await Promise.all(
    rows.map(async (row) => {
      try {
        const { status } = await gateway.status(row.providerRef!);
        if (status === 'delivered' || status === 'failed') {
          await db
            .update(notifications)
            .set({ status, ...(status === 'delivered' ? { deliveredAt: now() } : { lastError: 'UNDELIVERABLE' }) })
            .where(eq(notifications.key, row.key));
          if (status === 'delivered') delivered += 1;
        }
      } catch {
        // The gateway is down: the status is asked again next round.
      }
    }),
  );
  return delivered;
}

async function runOnce(s: Settings): Promise<DispatchRound> {
  const round: DispatchRound = { sent: 0, failed: 0, retrying: 0, delivered: 0 };
  const outcomes = await Promise.all((await lease(s)).map((row) => send(s, row)));
  for (const outcome of outcomes) round[outcome] += 1;
  round.delivered = await trackDeliveries(s);
  if (round.sent || round.failed || round.retrying) s.logger.debug(round, 'notifications dispatched');
  return round;
}

export function createNotificationDispatcher(opts: DispatcherOptions) {
  const settings = settingsOf(opts);
  const { logger } = settings;
  const runRound = () => runOnce(settings);
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  return {
    runOnce: runRound,
    start(intervalMs = 1_000): void {
      stopped = false;
      const tick = () => {
        running = runRound()
          .catch((err: unknown) => logger.warn({ err }, 'notification dispatch round failed'))
          .finally(() => {
            if (!stopped) timer = setTimeout(tick, intervalMs);
          });
      };
      tick();
    },
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
