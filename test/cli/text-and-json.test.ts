// The whole CLI on scripted API answers: text is words and local time, --json is the API's own body, codes
// and UTC untouched (data stays data), and the timeline's text asks for the case's region while --json
// does not.
import type { CliIo } from '../../cli/program';
import { runCli } from '../../cli/program';

const RAW_CODE = /\b[a-z]+_[a-z_]+\b/;
const CASE = '1f0c2a4e-0000-4000-8000-000000000001';

const summary = {
  caseId: CASE,
  status: 'open',
  stage: 'implementation',
  pathway: 'odgj',
  category: 'korban_perdagangan_orang',
  riskLevel: 'high',
  regionCode: '64.72',
  jurisdiction: 'kabkota',
  assignedWorker: 'cm-1',
  escalationLevel: 2,
  escalations: [{ reason: 'facility_silent', subject: 'RSJ-ATMA-HUSADA', level: 2, since: '2026-12-11T00:00:00Z', acknowledged: false }],
  nextDeadline: { kind: 'facility_visit_interval', dueAt: '2026-12-20T01:00:00Z' },
  transfer: null,
  openedAt: '2026-12-01T00:00:00Z',
  updatedAt: '2026-12-11T00:00:00Z',
};
const timeline = {
  items: [
    { seq: 0, type: 'case.opened', at: '2026-12-01T00:00:00Z', actor: { id: 'op-64', role: 'operator' }, stage: 'identification', data: { channel: 'call_centre', pathway: 'odgj' } },
    { seq: 1, type: 'deadline.missed', at: '2026-12-02T00:00:00Z', actor: { id: 'sigap', role: 'system' }, stage: 'identification', data: { kind: 'first_response', dueAt: '2026-12-02T00:00:00Z', level: 1 } },
  ],
  nextAfter: null,
};
const staff = {
  items: [{ staffId: 'psm-9171-02', unitCode: 'DINSOS-9171', unitKind: 'dinsos_kabkota', regionCode: '91.71', kecamatanCode: '91.71.02', role: 'psm', certificationNo: null, certifiedUntil: null, verifiedUntil: '2027-06-30', active: true, standing: 'STAFF_UNVERIFIED' }],
  nextCursor: null,
};

const ANSWERS: Record<string, unknown> = {
  '/v1/cases': { items: [summary], nextCursor: null },
  [`/v1/cases/${CASE}`]: { caseId: CASE, projection: 'current', record: summary, live: null },
  [`/v1/cases/${CASE}/timeline`]: timeline,
  '/v1/staff': staff,
};

async function cli(args: string[]) {
  const out: string[] = [];
  const calls: string[] = [];
  const io: CliIo = {
    fetch: async (input) => {
      const path = new URL(String(input)).pathname;
      calls.push(path);
      return new Response(JSON.stringify(ANSWERS[path]), { status: 200, headers: { 'content-type': 'application/json' } });
    },
    out: (l) => out.push(l),
    err: () => undefined,
    env: { SIGAP_API_URL: 'http://api.test', SIGAP_TOKEN: 'token' },
  };
  const code = await runCli(args, io);
  return { code, out, calls, text: out.join('\n') };
}

test.each([
  [['case', 'list'], /korban perdagangan orang .* kunjungan ke RSJ 20 Des 2026 09\.00 WITA/],
  [['case', 'show', CASE], /RSJ belum memberi kabar \(RSJ-ATMA-HUSADA\) · sejak 11 Des 2026 08\.00 WITA/],
  [['case', 'timeline', CASE], /batas waktu terlewat .* sistem Sigap .* jenis: tanggapan pertama · tingkat: 1 · batas: 2 Des 2026 08\.00 WITA/],
  [['staff', 'list'], /PSM .* 30 Jun 2027 WIT .* verifikasi \(verivali\) kedaluwarsa/],
])('%j prints words and local time; with --json the API\'s codes and UTC', async (args, words) => {
  const text = await cli(args);
  expect(text.code).toBe(0);
  expect(text.text).toMatch(words);
  expect(text.out.filter((l) => RAW_CODE.test(l))).toEqual([]);
  expect(text.text).not.toMatch(/\d\d:\d\dZ|T\d\d:\d\d/);

  const json = await cli(['--json', ...args]);
  expect(json.code).toBe(0);
  const path = new URL(`http://api.test${json.calls.at(-1)}`).pathname;
  expect(JSON.parse(json.text)).toEqual(ANSWERS[path]);
  expect(json.text).toMatch(/"(korban_perdagangan_orang|deadline\.missed|STAFF_UNVERIFIED)"/);
});

test('the timeline\'s text also asks for the case, for its region; --json only for the timeline', async () => {
  expect((await cli(['case', 'timeline', CASE])).calls).toEqual([`/v1/cases/${CASE}/timeline`, `/v1/cases/${CASE}`]);
  expect((await cli(['--json', 'case', 'timeline', CASE])).calls).toEqual([`/v1/cases/${CASE}/timeline`]);
  const en = await cli(['--lang', 'en', 'case', 'timeline', CASE]);
  expect(en.text).toMatch(/deadline missed .* Sigap .* kind: first response · level: 1 · due: 2 Dec 2026 08:00 WITA/);
});
