// Writes a batch's snapshot into the read model; a retried or late snapshot never rolls it back.
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { batches } from '../db/schema';
import { provinceOf } from '../domain/regions';

export interface BatchSnapshot {
  batchId: string;
  regionCode: string;
  originRegionCode: string;
  originAgency: string;
  status: string;
  members: number;
  arrived: number;
  withdrawn: number;
  planVersion: number;
  /** A stopped plan waiting for a re-plan (batches since "reception first"). */
  escalation?: string;
  openedAt: string;
  at: string;
  version: number;
}

export async function writeBatch(db: Db, s: BatchSnapshot): Promise<void> {
  const row = {
    batchId: s.batchId,
    regionCode: s.regionCode,
    provinceCode: provinceOf(s.regionCode),
    originRegionCode: s.originRegionCode,
    originAgency: s.originAgency,
    status: s.status,
    members: s.members,
    arrived: s.arrived,
    withdrawn: s.withdrawn,
    planVersion: s.planVersion,
    escalation: s.escalation ?? null,
    openedAt: new Date(s.openedAt),
    updatedAt: new Date(s.at),
    version: s.version,
  };
  const { batchId: _key, ...changes } = row;
  await db.insert(batches).values(row).onConflictDoUpdate({ target: batches.batchId, set: changes, setWhere: sql`${batches.version} < ${s.version}` });
}
