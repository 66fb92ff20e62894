// The operations CLI in-process against the real API (listening on a port), worker, Temporal and database.
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import { close, listen } from '../../api/listen';
import type { CliIo } from '../../cli/program';
import { runCli } from '../../cli/program';
import { COMMAND_TYPES } from '../../domain/steps/index';
import { freePort } from '../../temporal/free-port';
import { testApp, tokenFor } from '../helpers/api';
import type { DevWorker } from '../helpers/dev-worker';
import { startDevWorker } from '../helpers/dev-worker';

let dev: DevWorker;
let server: Server;
let apiUrl: string;

beforeAll(async () => {
  dev = await startDevWorker('cli');
  server = await listen(testApp(dev), '127.0.0.1', 0);
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  if (server) await close(server);
  await dev?.close();
});

// A region no other suite uses, so that lists and stats see only these cases.
const REGION = '95.01';
const ADMIN = 'admin:cli-admin';
const SUPERVISOR = 'supervisor:spv-95';

interface Run {
  code: number;
  out: string[];
  err: string[];
  /** Requests the CLI made, as "METHOD path". */
  calls: string[];
}

async function cli(args: string[], who = ADMIN, regions = ['*'], env: Record<string, string | undefined> = {}): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const calls: string[] = [];
  const io: CliIo = {
    fetch: (input, init) => {
      calls.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
      return fetch(input, init);
    },
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: { SIGAP_API_URL: apiUrl, SIGAP_TOKEN: tokenFor(who, regions), ...env },
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  };
  const code = await runCli(args, io);
  return { code, out, err, calls };
}

const json = (r: Run): unknown => JSON.parse(r.out.join('\n'));

async function openCase(key?: string): Promise<string> {
  const r = await cli(['case', 'open', '--category', 'odgj_terlantar', '--risk', 'high', '--region', REGION, '--channel', 'satpol_pp', '--name', 'Tanpa Nama', '--age', '40', ...(key ? ['--idempotency-key', key] : [])]);
  expect(r).toMatchObject({ code: 0, out: [expect.stringMatching(/^[0-9a-f-]{36}$/)] });
  return r.out[0]!;
}

/** Commands and the timeline go through the read model, which trails the workflow by one activity. */
async function projected(caseId: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const r = await cli(['--json', 'case', 'show', caseId]);
    if (r.code === 0 && (json(r) as { record: unknown }).record) return;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error('read model did not catch up');
}

test('open (idempotently), list, show, act, timeline', async () => {
  const key = `cli-${Date.now()}`;
  const caseId = await openCase(key);
  const again = await cli(['case', 'open', '--category', 'odgj_terlantar', '--risk', 'high', '--region', REGION, '--channel', 'satpol_pp', '--name', 'Tanpa Nama', '--age', '40', '--idempotency-key', key]);
  expect(again.out).toEqual([caseId]);
  expect(again.err.join('\n')).toMatch(/Idempotency-Key yang sama/);
  await projected(caseId);
  // A second case, so that pages of one need --all to follow the cursor even on an empty database.
  await projected(await openCase(`${key}-second`));

  const list = await cli(['case', 'list', '--region', REGION, '--limit', '1', '--all']);
  expect(list.code).toBe(0);
  // Words and the region's own time (95.01, Papua Pegunungan: WIT); --json keeps the codes.
  expect(list.out[0]).toMatch(/^KASUS\s+TAHAP\s+KATEGORI\s+RISIKO\s+WILAYAH\s+ESKALASI\s+BATAS BERIKUTNYA$/);
  expect(list.out.find((l) => l.startsWith(caseId))).toMatch(new RegExp(`^${caseId}\\s+identifikasi\\s+ODGJ terlantar\\s+tinggi\\s+95\\.01\\s+0\\s+tanggapan pertama \\d+ \\w+ \\d{4} \\d\\d\\.\\d\\d WIT$`));
  expect((json(await cli(['--json', 'case', 'list', '--region', REGION])) as { items: object[] }).items).toContainEqual(
    expect.objectContaining({ caseId, stage: 'identification', category: 'odgj_terlantar', riskLevel: 'high', nextDeadline: { kind: 'first_response', dueAt: expect.stringMatching(/Z$/) } }),
  );
  expect(list.calls.filter((c) => c === 'GET /v1/cases').length).toBeGreaterThan(1); // --all followed nextCursor
  const filtered = await cli(['--json', 'case', 'list', '--region', REGION, '--stage', 'closed']);
  expect(json(filtered)).toEqual({ items: [], nextCursor: null });

  const show = await cli(['case', 'show', caseId]);
  expect(show.code).toBe(0);
  expect(show.out.join('\n')).toMatch(/status\s+berjalan · tahap identifikasi · jalur perawatan di RSJ/);
  expect(show.out.join('\n')).toMatch(/wilayah\s+95\.01 Papua Pegunungan \(WIT\)/);

  const acked = await cli(['case', 'act', caseId, 'acknowledge', '--set', 'assignedWorker=cm-1'], 'operator:op-95', ['95']);
  expect(acked).toMatchObject({ code: 0, out: ['tanggapi laporan (penjangkauan): berjalan · tahap asesmen'] });

  // Typed by the API's schema: a number, a boolean, and a region code that stays a string.
  const extended = await cli(['case', 'act', caseId, 'extendDeadline', '--set', 'hours=24', '--set', 'reason=menunggu keluarga'], SUPERVISOR, ['95']);
  expect(extended).toMatchObject({ code: 0, out: ['perpanjang batas waktu: berjalan · tahap asesmen'] });
  // A list of codes as a,b; an enum; a boolean.
  const rapid = await cli(
    ['case', 'act', caseId, 'recordRapidAssessment', '--set', 'danger=none', '--set', 'medicalEmergency=false', '--set', 'capacity=has_capacity', '--set', 'needs=food,shelter'],
    'case_manager:cm-1',
    ['95'],
  );
  expect(rapid).toMatchObject({ code: 0, out: ['catat asesmen cepat: berjalan · tahap asesmen'] });
  expect((await cli(['case', 'act', caseId, 'decidePathway', '--set', 'pathway=repatriation'], SUPERVISOR, ['95'])).code).toBe(0);
  const assessed = await cli(
    ['case', 'act', caseId, 'recordAssessment', '--set', 'consent=client', '--set', 'familyInvolved=false', '--set', 'originRegionCode=32.04'],
    'case_manager:cm-1',
    ['95'],
  );
  expect(assessed).toMatchObject({ code: 0, out: ['catat asesmen komprehensif: berjalan · tahap rujukan dan penghubungan'] });

  // Refused by a rule of the case: its message and code, exit 1, and the key to retry with.
  const refused = await cli(['--lang', 'en', 'case', 'act', caseId, 'decideClosure', '--set', 'approve=true'], SUPERVISOR, ['95']);
  expect(refused.code).toBe(1);
  expect(refused.err[0]).toMatch(/^\S.* \[[A-Z_]+\]$/);
  expect(refused.err.at(-1)).toMatch(/^Idempotency-Key: \S+ — to retry without doing it twice: --idempotency-key \S+$/);

  // Refused by the API's validation: each failing field.
  const invalid = await cli(['case', 'act', caseId, 'extendDeadline', '--set', 'hours=-3', '--set', 'reason=x'], SUPERVISOR, ['95']);
  expect(invalid.code).toBe(1);
  expect(invalid.err[0]).toBe('Data yang dikirim tidak valid. [VALIDATION_FAILED]');
  expect(invalid.err).toContainEqual(expect.stringMatching(/^ {2}hours: /));

  const timeline = await cli(['case', 'timeline', caseId]);
  expect(timeline.code).toBe(0);
  const text = timeline.out.join('\n');
  expect(text).toMatch(/^ {3}0 {2}\d+ \w+ \d{4} \d\d\.\d\d WIT +kasus dibuka +administrator cli-admin +\(identifikasi\) {2}saluran: Satpol PP · alur: perawatan di RSJ$/m);
  expect(text).toMatch(/laporan ditanggapi\s+petugas intake op-95/);
  expect(text).toMatch(/batas waktu diperpanjang .*jenis: asesmen cepat · jam: 24 · batas: \d+ \w+ \d{4} \d\d\.\d\d WIT$/m);
  expect(text).toMatch(/pindah tahap .*dari: identifikasi · ke: asesmen · alasan: tanggapan pertama diberikan$/m);
  expect(text).not.toMatch(/\b[a-z]+_[a-z_]+\b/);
  const page = json(await cli(['--json', 'case', 'timeline', caseId, '--after', '0', '--limit', '2'])) as { items: { seq: number }[]; nextAfter: number };
  expect(page.items.map((e) => e.seq)).toEqual([1, 2]);
  expect(page.nextAfter).toBe(2);

  const commands = await cli(['case', 'commands']);
  expect(commands.out).toHaveLength(COMMAND_TYPES.length);
  expect(commands.out).toContainEqual(expect.stringMatching(/^requestExtension\s+ajukan perpanjangan\s+days\* reason\*$/));
  expect((await cli(['case', 'commands', 'extendDeadline'])).out).toContainEqual(expect.stringMatching(/^\* hours\s+bilangan bulat 1–720$/));
  expect((await cli(['--lang', 'en', 'case', 'commands', 'extendDeadline'])).out).toContainEqual(expect.stringMatching(/^\* hours\s+whole number 1–720$/));
});

test('a transfer from the CLI to a Sentra in another province: it finds it in its queue, sees the case it decides on, accepts; the sender then only reads', async () => {
  const caseId = await openCase();
  await projected(caseId);
  const cm = (args: string[]) => cli(args, 'case_manager:cm-1', ['95.01']);
  expect((await cli(['case', 'act', caseId, 'recordRapidAssessment', '--set', 'danger=none', '--set', 'medicalEmergency=false', '--set', 'capacity=has_capacity', '--set', 'needs=shelter'], 'case_manager:cm-1', ['95.01'])).code).toBe(0);
  expect((await cli(['case', 'act', caseId, 'decidePathway', '--set', 'pathway=shelter'], 'supervisor:spv-9501', ['95.01'])).code).toBe(0);
  expect((await cm(['case', 'act', caseId, 'recordAssessment', '--set', 'consent=client', '--set', 'familyInvolved=false', '--set', 'familyReady=false', '--set', 'familyReason=unknown'])).code).toBe(0);
  expect((await cm(['case', 'act', caseId, 'requestTransfer', '--set', 'to=sentra_kemensos', '--set', 'unitCode=SENTRA-95', '--set', 'regionCode=96.01'])).code).toBe(0);

  const sentra = (args: string[]) => cli(args, 'supervisor:spv-sentra', ['96.01']);
  const queue = await (async () => {
    for (let i = 0; i < 100; i++) {
      const r = await sentra(['transfers']);
      if (r.out.some((l) => l.startsWith(caseId))) return r;
      await new Promise((res) => setTimeout(res, 100));
    }
    throw new Error('the transfer never reached the queue');
  })();
  expect(queue.out[0]).toMatch(/\bALIH KELOLA$/);
  expect(queue.out.find((l) => l.startsWith(caseId))).toMatch(/menunggu keputusan penerima → 96\.01$/);
  const seen = (await sentra(['case', 'show', caseId])).out.join('\n');
  expect(seen).toMatch(/akses\s+memutuskan alih kelola/);
  expect(seen).toMatch(/alih kelola\s+Sentra Kemensos SENTRA-95 \(96\.01\) · menunggu keputusan penerima/);
  expect((await sentra(['case', 'act', caseId, 'decideTransfer', '--set', 'accept=true', '--set', 'assignedWorker=cm-sentra'])).code).toBe(0);
  expect((await cli(['case', 'act', caseId, 'recordBast', '--set', 'ref=BAST/95/1'], 'case_manager:cm-sentra', ['96.01'])).code).toBe(0);
  const asSender = (await cm(['case', 'show', caseId])).out.join('\n');
  expect(asSender).toMatch(/akses\s+hanya baca/);
  const refused = await cm(['case', 'act', caseId, 'addNote', '--set', 'text=tanya kabar']);
  expect(refused.code).toBe(1);
  expect(refused.err[0]).toMatch(/\[READ_ONLY_ACCESS\]$/);
});

test('watch prints events as they arrive and ends when the case is withdrawn', async () => {
  const caseId = await openCase();
  await projected(caseId);
  const watching = cli(['case', 'watch', caseId, '--interval', '100']);
  await new Promise((r) => setTimeout(r, 300));
  const withdrawn = await cli(['case', 'act', caseId, 'withdraw', '--set', 'reason=duplikat laporan'], SUPERVISOR, ['95']);
  expect(withdrawn).toMatchObject({ code: 0, out: ['batalkan kasus: dibatalkan · tahap identifikasi'] });
  const watched = await watching;
  expect(watched.code).toBe(0);
  expect(watched.out[0]).toMatch(/ WIT +kasus dibuka/);
  expect(watched.out.at(-1)).toMatch(/kasus dibatalkan\s+Kepala Seksi spv-95/);

  // A finished case: the history, then the watch ends at once; --json gives one event per line.
  const lines = (await cli(['--json', 'case', 'watch', caseId])).out.map((l) => JSON.parse(l) as { type: string });
  expect(lines.at(-1)!.type).toBe('case.withdrawn');
});

test('stats, escalations, --json and --lang', async () => {
  const stats = await cli(['stats', '--region', REGION, '--period-days', '7']);
  expect(stats.code).toBe(0);
  expect(stats.out[0]).toMatch(/^berjalan \d+ · lewat batas \d+ · dieskalasi \d+$/);
  expect(stats.out[1]).toMatch(/^dibuka [1-9]\d* · ditutup \d+ dalam 7 hari terakhir · wilayah 95\.01 Papua Pegunungan \(WIT\)$/);
  expect((await cli(['--lang', 'en', 'stats', '--region', REGION])).out[0]).toMatch(/^open \d+ · overdue \d+ · escalated \d+$/);
  expect(json(await cli(['--json', 'stats', '--region', REGION]))).toMatchObject({ region: REGION, periodDays: 30 });

  const escalations = await cli(['escalations', '--view', 'overdue', '--region', REGION], SUPERVISOR, ['95']);
  expect(escalations.code).toBe(0);
  expect(json(await cli(['--json', 'escalations', '--region', REGION], SUPERVISOR, ['95']))).toMatchObject({ items: expect.any(Array) });

  const caseId = await openCase();
  const outsider = ['case', 'show', caseId];
  expect(await cli(['--lang', 'en', ...outsider], 'case_manager:cm-11', ['11'])).toMatchObject({ code: 1, out: [], err: ['Case not found. [CASE_NOT_FOUND]'] });
  expect(await cli(outsider, 'case_manager:cm-11', ['11'])).toMatchObject({ code: 1, err: ['Kasus tidak ditemukan. [CASE_NOT_FOUND]'] });
  // Operators do not see escalations: the API's 403, exit 1.
  expect(await cli(['escalations'], 'operator:op-95', ['95'])).toMatchObject({ code: 1, err: [expect.stringMatching(/\[FORBIDDEN\]$/)] });
});

test('usage errors exit 2 before anything is sent', async () => {
  const usage = [
    ['case', 'open', '--category', 'odgj_terlantar'], // required options missing
    ['case', 'open', '--category', 'odgj_terlantar', '--risk', 'extreme', '--region', REGION, '--channel', 'police'],
    ['case', 'list', '--limit', 'many'],
    ['--lang', 'fr', 'stats'],
    ['--api-url', 'not a url', 'stats'],
    ['case', 'show', 'not-a-case-id'],
    ['case', 'frobnicate'],
    ['case', 'act', '00000000-0000-4000-8000-000000000000', 'addNote', '--data', '[1]'],
  ];
  for (const args of usage) {
    const r = await cli(args);
    expect({ args, code: r.code, calls: r.calls }).toEqual({ args, code: 2, calls: [] });
  }
  const some = '00000000-0000-4000-8000-000000000000';
  // These need the command schema from /openapi.json, but never reach the command route.
  for (const set of ['novalue', 'hours=many', 'hours:=many', 'hourz=3']) {
    const r = await cli(['case', 'act', some, 'extendDeadline', '--set', set]);
    expect({ set, code: r.code, calls: r.calls }).toEqual({ set, code: 2, calls: ['GET /openapi.json'] });
  }
  const unknown = await cli(['--lang', 'en', 'case', 'act', some, 'frobnicate']);
  expect(unknown.code).toBe(2);
  expect(unknown.err[0]).toMatch(/^The API has no command "frobnicate"\. It has: acknowledge, .*recordRapidAssessment, .*recordAssessment, /);

  const help = await cli(['case', 'open', '--help']);
  expect(help.code).toBe(0);
  expect(help.out.join('\n')).toMatch(/--channel <channel>/);
});

test('an unreachable API exits 3, names it, and gives the key to retry a write with', async () => {
  const port = await freePort(); // nothing listens there
  const url = `http://127.0.0.1:${port}`;
  const down = await cli(['--lang', 'en', 'case', 'open', '--category', 'orang_terlantar', '--risk', 'low', '--region', REGION, '--channel', 'public'], ADMIN, ['*'], { SIGAP_API_URL: url });
  expect(down.code).toBe(3);
  expect(down.err[0]).toBe(`Cannot reach the Sigap API at ${url} (ECONNREFUSED).`);
  expect(down.err[1]).toMatch(/^Idempotency-Key: [0-9a-f-]{36} — to retry/);
  expect((await cli(['--api-url', url, 'case', 'list'])).code).toBe(3);
  const secret = await cli(['--api-url', 'http://ops:s3cret@127.0.0.1:1', 'stats']);
  expect(secret.code).toBe(2);
  expect(secret.err.join('\n')).not.toContain('s3cret');
});

test('the token: from the data directory, missing, rejected, and never printed', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-cli-'));
  try {
    const token = tokenFor('supervisor:spv-file', ['95']);
    fs.writeFileSync(path.join(dir, 'dev-token.txt'), `${token}\n`);
    const fromFile = await cli(['--json', 'stats', '--region', REGION], ADMIN, ['*'], { SIGAP_TOKEN: undefined, SIGAP_DATA_DIR: dir });
    expect(fromFile.code).toBe(0);

    fs.rmSync(path.join(dir, 'dev-token.txt'));
    const none = await cli(['--lang', 'en', 'stats'], ADMIN, ['*'], { SIGAP_TOKEN: undefined, SIGAP_DATA_DIR: dir });
    expect(none.code).toBe(1);
    expect(none.err).toEqual([expect.stringMatching(/\[UNAUTHENTICATED\]$/), expect.stringContaining(`No token: pass --token or set SIGAP_TOKEN, or run npm start (it writes ${path.join(dir, 'dev-token.txt')})`)]);

    const rejected = await cli(['--token', `${token}x`, 'stats']);
    expect(rejected.code).toBe(1);
    expect(rejected.err[1]).toMatch(/^Token dari --token ditolak/);
    for (const line of [...rejected.out, ...rejected.err, ...fromFile.out, ...fromFile.err]) expect(line).not.toContain(token.slice(-20));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
