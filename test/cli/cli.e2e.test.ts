// The operations CLI in-process against the real API (listening on a port), worker, Temporal and database.
import type { Server } from 'node:http';
import type { CliIo } from '../../cli/program';
import { runCli } from '../../cli/program';
import { close, listen } from '../../api/listen';
import { freePort } from '../../temporal/free-port';
import { testApp, tokenFor } from '../helpers/api';
import type { DevWorker } from '../helpers/dev-worker';
import { startDevWorker } from '../helpers/dev-worker';

let dev: DevWorker;
let server: Server;
let apiUrl: string;

beforeAll(async () => {
  dev = await startDevWorker('cli');
  const port = await freePort();
  server = await listen(testApp(dev), '127.0.0.1', port);
  apiUrl = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await close(server);
  await dev?.close();
});

async function cli(args: string[], who = 'admin:cli-admin', regions = ['*']) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { fetch, out: (l) => out.push(l), err: (l) => err.push(l), env: { SIGAP_API_URL: apiUrl, SIGAP_TOKEN: tokenFor(who, regions) }, sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 100))) };
  const code = await runCli(args, io);
  return { code, out, err };
}

const REGION = '95.01';

async function openCase(key?: string) {
  const r = await cli(['case', 'open', '--category', 'odgj_terlantar', '--risk', 'high', '--region', REGION, '--channel', 'satpol_pp', '--name', 'Tanpa Nama', ...(key ? ['--idempotency-key', key] : [])]);
  expect(r.code).toBe(0);
  return r.out[0]!;
}

async function projected(caseId: string) {
  for (let i = 0; i < 100; i++) {
    const r = await cli(['--json', 'case', 'show', caseId]);
    if (r.code === 0 && JSON.parse(r.out.join('\n')).record) return;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error('read model did not catch up');
}

test('open (idempotently), list, show, act, timeline', async () => {
  const key = `cli-${Date.now()}`;
  const caseId = await openCase(key);
  expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
  expect(await openCase(key)).toBe(caseId);
  await projected(caseId);

  const list = await cli(['case', 'list', '--region', REGION, '--all']);
  expect(list.code).toBe(0);
  expect(list.out[0]).toMatch(/^CASE\s+STAGE\s+CATEGORY/);
  expect(list.out.some((l) => l.startsWith(caseId))).toBe(true);

  const show = await cli(['case', 'show', caseId]);
  expect(show.out.join('\n')).toMatch(/stage identification/);

  const acked = await cli(['case', 'act', caseId, 'acknowledge', '--set', 'assignedWorker=cm-95'], 'operator:op-95', ['95']);
  expect(acked).toMatchObject({ code: 0, out: ['acknowledge: open · stage assessment'] });

  const refused = await cli(['--lang', 'en', 'case', 'act', caseId, 'decideClosure', '--set', 'approve:=true'], 'supervisor:spv-95', ['95']);
  expect(refused.code).toBe(1);
  expect(refused.err[0]).toMatch(/\[[A-Z_]+\]$/);

  const invalid = await cli(['case', 'act', caseId, 'extendDeadline', '--set', 'hours:=-3'], 'supervisor:spv-95', ['95']);
  expect(invalid.code).toBe(1);
  expect(invalid.err).toEqual(expect.arrayContaining([expect.stringContaining('hours:')]));

  // Strings stay strings (a region code is not a number); := gives JSON values.
  const assessed = await cli(
    ['case', 'act', caseId, 'recordAssessment', '--set', 'consent=not_possible', '--set', 'familyInvolved:=false', '--set', 'originRegionCode=32.04'],
    'case_manager:cm-95',
    ['95'],
  );
  expect(assessed).toMatchObject({ code: 0, out: ['recordAssessment: open · stage linking'] });

  const timeline = await cli(['case', 'timeline', caseId]);
  expect(timeline.out.join('\n')).toMatch(/case\.opened[\s\S]*case\.acknowledged/);
  const json = await cli(['--json', 'case', 'timeline', caseId]);
  expect(JSON.parse(json.out.join('\n')).items[0].type).toBe('case.opened');
});

test('watch prints events until the case is withdrawn', async () => {
  const caseId = await openCase();
  await projected(caseId);
  const watching = cli(['case', 'watch', caseId, '--interval', '100']);
  await new Promise((r) => setTimeout(r, 300));
  const withdrawn = await cli(['case', 'act', caseId, 'withdraw', '--set', 'reason=duplikat laporan'], 'supervisor:spv-95', ['95']);
  expect(withdrawn.code).toBe(0);
  const watched = await watching;
  expect(watched.code).toBe(0);
  expect(watched.out[0]).toMatch(/case\.opened/);
  expect(watched.out.at(-1)).toMatch(/case\.withdrawn/);
});

test('stats, escalations, usage errors, an unreachable API, and someone else\'s case', async () => {
  const stats = await cli(['stats', '--region', REGION]);
  expect(stats.code).toBe(0);
  expect(stats.out[0]).toMatch(/^open \d+ · overdue \d+ · escalated \d+$/);
  expect((await cli(['escalations', '--region', REGION], 'supervisor:spv-95', ['95'])).code).toBe(0);

  expect((await cli(['case', 'open', '--category', 'x'])).code).toBe(2); // required options missing
  expect((await cli(['case', 'list', '--limit', 'many'])).code).toBe(2);
  expect((await cli(['case', 'act', 'x', 'addNote', '--set', 'novalue'])).code).toBe(2);
  expect((await cli(['case', 'act', 'x', 'extendDeadline', '--set', 'hours:=many'])).code).toBe(2);

  const down = await runCli(['case', 'list'], { fetch, out: () => undefined, err: () => undefined, env: { SIGAP_API_URL: 'http://127.0.0.1:9', SIGAP_TOKEN: 'x' } });
  expect(down).toBe(3);

  const caseId = await openCase();
  const outsider = await cli(['--lang', 'en', 'case', 'show', caseId], 'case_manager:cm-11', ['11']);
  expect(outsider).toMatchObject({ code: 1, err: ['Case not found. [CASE_NOT_FOUND]'] });
});
