// The batch's row in the read model, written whenever what it shows has changed; the last write wins
// by version. Batches started before the batch read model existed are only queried, never projected.
import type { ReturneeStatus } from '../../domain/group-trip';
import { batchReadModel } from '../activity-options';
import type { GroupRepatriationInput } from './contract';
import type { BatchState } from './state';

export class BatchReadModel {
  private readonly activities = batchReadModel();
  private readonly openedAt = new Date().toISOString();
  private version = 0;
  private shown = '';

  constructor(
    private readonly input: GroupRepatriationInput,
    private readonly batch: BatchState,
    private readonly enabled: boolean,
  ) {}

  async publish(): Promise<void> {
    if (!this.enabled) return;
    const v = this.batch.view();
    const count = (s: ReturneeStatus) => v.members.filter((m) => m.status === s).length;
    const shown = JSON.stringify([v.status, count('arrived'), count('withdrawn'), v.plans.length, v.originAgency, v.escalation?.reason ?? null]);
    if (shown === this.shown) return;
    this.shown = shown;
    this.version += 1;
    await this.activities.recordBatch({
      batchId: this.input.batchId,
      regionCode: this.input.regionCode,
      originRegionCode: this.input.originRegionCode,
      originAgency: v.originAgency,
      status: v.status,
      members: v.members.length,
      arrived: count('arrived'),
      withdrawn: count('withdrawn'),
      planVersion: v.plans.length,
      ...(v.escalation ? { escalation: v.escalation.reason } : {}),
      openedAt: this.openedAt,
      at: new Date().toISOString(),
      version: this.version,
    });
  }
}
