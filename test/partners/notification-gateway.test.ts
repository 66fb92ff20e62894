// Notification gateway: queued then delivered or failed, one message per key, and nothing personal kept
// or logged.
import { Writable } from 'node:stream';
import pino from 'pino';
import { json, message, post, sim, sleep, until } from './helpers';

test('a message is queued, then delivered; its status is polled by messageId', async () => {
  // A gateway that never reports keeps the message queued, however slow the machine.
  const silent = await sim({ gateway: { deliverAfterMs: null } });
  const held = await json<{ messageId: string }>(post(silent.url, '/notify/messages', message(), 'outbox-1'));
  expect(await json(fetch(`${silent.url}/notify/messages/${held.messageId}`))).toEqual({ messageId: held.messageId, status: 'queued', updatedAt: expect.any(String) });

  const s = await sim({ gateway: { deliverAfterMs: 30 } });
  const res = await post(s.url, '/notify/messages', message(), 'outbox-1');
  expect(res.status).toBe(202);
  const { messageId, status } = await json<{ messageId: string; status: string }>(res);
  expect(status).toBe('queued');
  await until(() => s.state.messages.get(messageId)?.status === 'delivered', 'delivery');
  expect(await json(fetch(`${s.url}/notify/messages/${messageId}`))).toMatchObject({ messageId, status: 'delivered' });
  expect((await fetch(`${s.url}/notify/messages/msg-nope`)).status).toBe(404);
});

test('failRate: some messages fail (seeded), with a failure code', async () => {
  const s = await sim({ seed: 11, gateway: { deliverAfterMs: 5, failRate: 0.5 } });
  for (let i = 0; i < 30; i++) await post(s.url, '/notify/messages', message({ channel: 'whatsapp' }), `o-${i}`);
  await until(() => [...s.state.messages.values()].every((m) => m.status !== 'queued'), 'every report');
  const failed = [...s.state.messages.values()].filter((m) => m.status === 'failed');
  expect(failed.length).toBeGreaterThan(5);
  expect(failed.length).toBeLessThan(25);
  expect(await json(fetch(`${s.url}/notify/messages/${failed[0]!.messageId}`))).toMatchObject({ status: 'failed', failureCode: 'RECIPIENT_UNREACHABLE' });
  expect(s.counts().messagesSent).toBe(30);
});

test('invalid messages are refused with 400', async () => {
  const s = await sim();
  expect((await post(s.url, '/notify/messages', message({ channel: 'pigeon' }), 'a')).status).toBe(400);
  expect((await post(s.url, '/notify/messages', message({ language: 'jv' }), 'b')).status).toBe(400);
  expect((await post(s.url, '/notify/messages', message({ body: '' }), 'c')).status).toBe(400);
  expect(s.counts().messagesSent).toBe(0);
});

test('recipients and texts are neither kept nor logged, even at trace level and under faults', async () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const s = await sim({ logger: pino({ level: 'trace' }, sink), gateway: { deliverAfterMs: 5 }, faults: { endpoints: { 'notify.send': { errorRate: 0.5 } } } });
  const personal = { to: 'family-of:+6281234567890', body: 'Ibu Siti Aminah, anak Anda akan tiba di Bandung' };
  for (let i = 0; i < 10; i++) await post(s.url, '/notify/messages', message(personal), `p-${i}`);
  await post(s.url, '/notify/messages', { ...message(personal), channel: 'fax' }, 'p-bad');
  await sleep(30);
  const state = JSON.stringify(await json(fetch(`${s.url}/_admin/state`)));
  expect(lines.length).toBeGreaterThan(10);
  for (const text of [...lines, state]) {
    expect(text).not.toContain('6281234567890');
    expect(text).not.toContain('Siti');
  }
});
