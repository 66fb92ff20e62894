// After the kills of this file: the notification outbox drains, and the gateway sent each message once.
// A dispatcher killed mid-send leaves its rows leased until the lease (60 s) runs out; another worker
// then sends them again with the same key, which is the repeat the gateway must absorb. Checked last,
// so that those leases have mostly run out while the other scenarios ran.
import { figures } from './lib/figures';
import { duplicateEffects } from './lib/partners';
import { until } from './lib/processes';
import type { Stack } from './lib/stack';

export async function outboxDrainedOnce(stack: Stack): Promise<void> {
  const started = Date.now();
  await until('the outbox to drain', async () => {
    const [row] = await stack.pg.query<{ n: string }>("SELECT count(*) AS n FROM notifications WHERE status IN ('pending', 'sending')");
    return Number(row?.n) === 0 ? true : undefined;
  }, 120_000, 500);
  const waitedMs = Date.now() - started;
  const rows = await stack.pg.query<{ key: string; status: string; attempts: number }>('SELECT key, status, attempts FROM notifications');
  const counts = await stack.partners.counts();
  const byStatus: Record<string, number> = {};
  for (const r of rows) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
  const result = {
    notifications: rows.length,
    byStatus,
    retried: rows.filter((r) => r.attempts > 1).length,
    sendCalls: counts.endpoints['notify.send'].calls,
    sentOnce: rows.filter((r) => counts.messagesPerKey[r.key] === 1).length,
    duplicateEffects: duplicateEffects(counts),
    waitedMs,
  };
  figures('2/7/1 outbox after the kills', result);
  expect(result.duplicateEffects).toEqual([]);
  expect(rows.filter((r) => counts.messagesPerKey[r.key] !== 1).map((r) => `${r.key}: ${r.status}, sent ×${counts.messagesPerKey[r.key] ?? 0}`)).toEqual([]);
}
