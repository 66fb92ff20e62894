// What the commands left behind: the rows their writes made (every accepted command written once, none
// lost), and the history each one cost, by event type, on a sample of each system's workflows.
import type { Client } from '@temporalio/client';
import { tsToMs } from '@temporalio/common/lib/time';
import { temporal } from '@temporalio/proto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { caseEvents } from '../../db/schema';
import { benchTimeline } from '../raw-floor/tables';

export interface HistoryCost {
  /** History events per command, in the measured phases, over the sampled workflows. */
  perCommand: number;
  /** The same, by event type (short names), most frequent first. */
  byType: [string, number][];
  commands: number;
}

const UPDATE_COMPLETED = temporal.api.enums.v1.EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED;
const shortName = (t: temporal.api.enums.v1.EventType | null | undefined) =>
  (temporal.api.enums.v1.EventType[t ?? 0] ?? 'unknown').replace(/^EVENT_TYPE_(WORKFLOW_EXECUTION_)?/, '').toLowerCase();

/** Events since `from` (ms) in the sampled workflows' histories, per completed Update among them. */
export async function historyCost(client: Client, workflowIds: string[], from: number): Promise<HistoryCost | null> {
  const byType = new Map<string, number>();
  let events = 0;
  let commands = 0;
  try {
    for (const id of workflowIds) {
      const history = await client.workflow.getHandle(id).fetchHistory();
      for (const e of history.events ?? []) {
        if (tsToMs(e.eventTime) < from) continue;
        events += 1;
        if (e.eventType === UPDATE_COMPLETED) commands += 1;
        byType.set(shortName(e.eventType), (byType.get(shortName(e.eventType)) ?? 0) + 1);
      }
    }
  } catch {
    return null;
  }
  if (commands === 0) return null;
  return {
    perCommand: events / commands,
    byType: [...byType].map(([k, v]) => [k, v / commands] as [string, number]).sort((a, b) => b[1] - a[1]),
    commands,
  };
}

/** Waits (at most 30 s) until the expected rows are there; returns how many there are. */
export async function rowsReaching(expected: number, countRows: () => Promise<number>, everyMs = 500): Promise<number> {
  const until = Date.now() + 30_000;
  for (;;) {
    const n = await countRows();
    if (n >= expected || Date.now() > until) return n;
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export type CountRows = () => Promise<number>;

/** Sigap's `note.added` timeline rows on the run's cases. */
export const sigapNotes =
  (db: Db, caseIds: string[]): CountRows =>
  async () => {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(caseEvents)
      .where(and(inArray(caseEvents.caseId, caseIds), eq(caseEvents.type, 'note.added')));
    return row?.n ?? 0;
  };

/** The floor's rows on its workflows (one per note). */
export const floorNotes =
  (db: Db, caseIds: string[]): CountRows =>
  async () => {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(benchTimeline)
      .where(and(inArray(benchTimeline.caseId, caseIds), eq(benchTimeline.type, 'note.added')));
    return row?.n ?? 0;
  };
