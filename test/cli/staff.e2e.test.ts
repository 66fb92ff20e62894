// The staff registry commands (#14) in-process against the real API (listening on a port) and database:
// register, a refused registration, list, update, deactivate, show and caseload, as an admin of region 85.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { close, listen } from '../../api/listen';
import type { CliIo } from '../../cli/program';
import { runCli } from '../../cli/program';
import { testApp, tokenFor } from '../helpers/api';
import type { DevWorker } from '../helpers/dev-worker';
import { startDevWorker } from '../helpers/dev-worker';

let dev: DevWorker;
let server: Server;
let apiUrl: string;

beforeAll(async () => {
  dev = await startDevWorker('cli-staff');
  server = await listen(testApp(dev), '127.0.0.1', 0);
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  if (server) await close(server);
  await dev?.close();
});

// A region no other suite uses, and ids of this run only: a shared Postgres (CI) keeps earlier runs' records.
const REGION = '85.01';
const RUN = Date.now().toString(36);
const PENDAMPING = `pendamping-8501-${RUN}`;
const TKSK = `tksk-8501-${RUN}`;
const NEXT_YEAR = `${new Date().getUTCFullYear() + 1}-12-31`;
/** The same day as text reads it: a staff member's days hold through midnight in their own zone (85.01: WIT). */
const NEXT_YEAR_WORDS = `31 Des ${new Date().getUTCFullYear() + 1} WIT`;
const UNIT = ['--unit', 'DINSOS-8501', '--unit-kind', 'dinsos_kabkota', '--region', REGION, '--verified-until', NEXT_YEAR];

interface Run {
  code: number;
  out: string[];
  err: string[];
  /** Requests the CLI made, as "METHOD path". */
  calls: string[];
}

async function cli(args: string[], who = 'admin:cli-admin-85', regions = ['85']): Promise<Run> {
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
    env: { SIGAP_API_URL: apiUrl, SIGAP_TOKEN: tokenFor(who, regions) },
  };
  const code = await runCli(args, io);
  return { code, out, err, calls };
}

const json = (r: Run): unknown => JSON.parse(r.out.join('\n'));
const ids = (r: Run) => (json(r) as { items: { staffId: string }[] }).items.map((s) => s.staffId).filter((id) => id.endsWith(RUN));

test('register a pendamping and a TKSK, refuse a TKSK without a kecamatan, list, change, deactivate, show, caseload', async () => {
  const pendamping = await cli(['staff', 'register', '--id', PENDAMPING, ...UNIT, '--role', 'pendamping_sosial']);
  expect(pendamping).toMatchObject({ code: 0, calls: ['POST /v1/staff'] });
  expect(pendamping.out).toEqual([
    `petugas     ${PENDAMPING} · pendamping sosial · aktif`,
    'unit        DINSOS-8501 (Dinas Sosial kabupaten/kota) · wilayah 85.01 (WIT)',
    `verifikasi  berlaku s.d. ${NEXT_YEAR_WORDS}`,
    'status      dapat bertugas',
  ]);
  const tksk = [...UNIT, '--id', TKSK, '--role', 'tksk', '--kecamatan', '85.01.03', '--idempotency-key', `staff-${RUN}`];
  expect((await cli(['staff', 'register', ...tksk])).code).toBe(0);
  const again = await cli(['staff', 'register', ...tksk]);
  expect(again.code).toBe(0);
  expect(again.err.join('\n')).toMatch(/Idempotency-Key yang sama/);

  // The API's own message in Bahasa Indonesia, each failing field, exit 1, the key to retry with; no record.
  const bad = `tksk-8501-nokec-${RUN}`;
  const refused = await cli(['staff', 'register', '--id', bad, ...UNIT, '--role', 'tksk']);
  expect(refused.code).toBe(1);
  expect(refused.out).toEqual([]);
  expect(refused.err[0]).toBe('Data yang dikirim tidak valid. [VALIDATION_FAILED]');
  expect(refused.err).toContain('  kecamatanCode: TKSK atau PSM bertugas di satu kecamatan: isi kecamatanCode');
  expect(refused.err.at(-1)).toMatch(/^Idempotency-Key: [0-9a-f-]{36} — untuk mengulang/);
  expect((await cli(['--lang', 'en', 'staff', 'register', '--id', bad, ...UNIT, '--role', 'tksk'])).err[0]).toBe('The request data is invalid. [VALIDATION_FAILED]');
  expect(await cli(['staff', 'show', bad])).toMatchObject({ code: 1, err: ['Data petugas tidak ditemukan. [STAFF_NOT_FOUND]'] });

  const list = await cli(['staff', 'list', '--region', REGION, '--limit', '1', '--all']);
  expect(list.code).toBe(0);
  expect(list.out[0]).toMatch(/^PETUGAS\s+PERAN\s+UNIT\s+WILAYAH\s+KECAMATAN\s+VERIFIKASI S\.D\.\s+SERTIFIKASI S\.D\.\s+STATUS$/);
  expect(list.out.find((l) => l.startsWith(PENDAMPING))).toMatch(new RegExp(`^${PENDAMPING}\\s+pendamping sosial\\s+DINSOS-8501\\s+85\\.01\\s+-\\s+${NEXT_YEAR_WORDS}\\s+-\\s+dapat bertugas$`));
  expect(list.out.find((l) => l.startsWith(TKSK))).toMatch(new RegExp(`^${TKSK}\\s+TKSK\\s+DINSOS-8501\\s+85\\.01\\s+85\\.01\\.03\\s+${NEXT_YEAR_WORDS}\\s+-\\s+dapat bertugas$`));
  expect(list.out.some((l) => l.startsWith(bad))).toBe(false);
  expect(list.calls.filter((c) => c === 'GET /v1/staff').length).toBeGreaterThan(1); // --all followed nextCursor
  expect(ids(await cli(['--json', 'staff', 'list', '--region', REGION, '--role', 'tksk']))).toEqual([TKSK]);

  const later = `${new Date().getUTCFullYear() + 2}-06-30`;
  expect((await cli(['staff', 'update', PENDAMPING, '--verified-until', later])).out).toContain(`verifikasi  berlaku s.d. 30 Jun ${new Date().getUTCFullYear() + 2} WIT`);
  expect((await cli(['--lang', 'en', 'staff', 'show', PENDAMPING])).out).toContain(`verified    until 30 Jun ${new Date().getUTCFullYear() + 2} WIT`);
  expect(await cli(['staff', 'update', PENDAMPING])).toMatchObject({ code: 2, calls: [] });

  const off = await cli(['staff', 'deactivate', TKSK]);
  expect(off).toMatchObject({ code: 0, calls: [`PATCH /v1/staff/${TKSK}`] });
  const shown = await cli(['staff', 'show', TKSK]);
  expect(shown.code).toBe(0);
  expect(shown.out).toContain(`petugas     ${TKSK} · TKSK · nonaktif`);
  expect(shown.out).toContain('status      dinonaktifkan');
  expect(json(await cli(['--json', 'staff', 'show', TKSK]))).toMatchObject({ role: 'tksk', standing: 'STAFF_INACTIVE', verifiedUntil: NEXT_YEAR });
  expect(ids(await cli(['--json', 'staff', 'list', '--region', REGION, '--active', 'false']))).toEqual([TKSK]);
  expect((await cli(['staff', 'reactivate', TKSK])).out).toContain('status      dapat bertugas');
  // A TKSK who becomes a pendamping leaves the kecamatan behind.
  const moved = json(await cli(['--json', 'staff', 'update', TKSK, '--role', 'pendamping_sosial', '--no-kecamatan']));
  expect(moved).toMatchObject({ staffId: TKSK, role: 'pendamping_sosial', kecamatanCode: null, active: true });

  const load = await cli(['staff', 'caseload', PENDAMPING]);
  expect(load).toMatchObject({ code: 0, out: [expect.stringMatching(new RegExp(`^${PENDAMPING} · 0 kasus berjalan · ambang \\d+$`))] });
  expect(json(await cli(['--json', 'staff', 'caseload', PENDAMPING]))).toMatchObject({ staffId: PENDAMPING, open: 0, over: false });
});

test('usage errors exit 2 before anything is sent', async () => {
  const usage = [
    ['staff', 'register', '--id', 'x-1', ...UNIT], // no --role
    ['staff', 'register', '--id', 'x-1', ...UNIT, '--role', 'juru_kunci'],
    ['staff', 'register', '--id', 'x-1', ...UNIT, '--role', 'tksk', '--unit-kind', 'kantor'],
    ['staff', 'register', '--id', 'x-1', ...UNIT, '--role', 'relawan', '--certified-until', '31-12-2027'],
    ['staff', 'register', '--id', 'x/1', ...UNIT, '--role', 'relawan'],
    ['staff', 'update', 'x-1', '--verified-until', '2027-02-30'],
    ['staff', 'list', '--active', 'maybe'],
    ['staff', 'list', '--lapsing-within', 'soon'],
    ['staff', 'show', 'x y'],
  ];
  for (const args of usage) {
    const r = await cli(args);
    expect({ args, code: r.code, calls: r.calls }).toEqual({ args, code: 2, calls: [] });
  }
});
