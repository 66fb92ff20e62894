// Who may see and act on a case, by region: the region that holds it acts on it; a receiving unit reads
// it and decides on its transfer (and signs the BAST); a sender reads it for a while after handing it over.
import type { CaseFile } from './case/file';
import type { AccessGrant } from './case/handoffs';
import { regionCovers } from './regions';
import type { RuleCode } from './rule-codes';

export type Visibility = 'full' | 'decide_transfer' | 'read';

export function visibility(c: { regionCode: string; access?: readonly AccessGrant[] | undefined }, scope: readonly string[], now: Date): Visibility | undefined {
  if (regionCovers(scope, c.regionCode)) return 'full';
  const grants = (c.access ?? []).filter((g) => regionCovers(scope, g.regionCode) && (g.until === null || Date.parse(g.until) > now.getTime()));
  if (grants.some((g) => g.mode === 'decide_transfer')) return 'decide_transfer';
  return grants.length ? 'read' : undefined;
}

/** Why the caller's regions may not give this command on this case (the workflow's own check, not the API's guess). */
export function scopeRefusal(file: CaseFile, type: string, scope: readonly string[], now: Date): RuleCode | undefined {
  const seen = visibility(file, scope, now);
  const receiving = seen === 'decide_transfer' && (type === 'decideTransfer' || type === 'recordBast');
  if (seen !== 'full' && !receiving) return 'READ_ONLY_ACCESS';
  const transfer = file.transfers.at(-1);
  if (type === 'decideTransfer' && transfer?.status === 'requested' && !regionCovers(scope, transfer.regionCode)) return 'NOT_RECEIVING_UNIT';
  return undefined;
}
