// What a newcomer does: `npm start` with nothing configured. Runs the real entry point as a child
// process (embedded dev server with UI, PGlite, worker, API), then stops it with Ctrl-C and starts it
// again on the same data directory.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { freePort } from '../../temporal/free-port';

const ROOT = path.join(__dirname, '..', '..');
let dataDir: string;
let ports: { api: number; temporal: number; ui: number; sdkMetrics: number; partners: number };

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-start-'));
  ports = { api: await freePort(), temporal: await freePort(), ui: await freePort(), sdkMetrics: await freePort(), partners: await freePort() };
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function start(): { child: ChildProcess; output: string[] } {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SIGAP_DATA_DIR: dataDir,
    PORT: String(ports.api),
    TEMPORAL_DEV_PORT: String(ports.temporal),
    TEMPORAL_UI_PORT: String(ports.ui),
    TEMPORAL_METRICS_ADDRESS: `127.0.0.1:${ports.sdkMetrics}`,
    PARTNER_SIM_PORT: String(ports.partners),
    LOG_LEVEL: 'warn',
  };
  // The newcomer's path: no database or cluster configured.
  delete env.DATABASE_URL;
  delete env.TEMPORAL_ADDRESS;
  const child = spawn(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/start-all.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (d: Buffer) => output.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => output.push(d.toString()));
  return { child, output };
}

async function waitReady(output: string[]): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < 60_000) {
    try {
      const res = await fetch(`http://127.0.0.1:${ports.api}/readyz`);
      if (res.status === 200) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`not ready within 60 s:\n${output.join('')}`);
}

async function stop(child: ChildProcess): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  return exited;
}

/** Calls the API with the development token that `npm start` leaves for the newcomer. */
const api = (p: string, init: RequestInit = {}) => {
  const token = fs.readFileSync(path.join(dataDir, 'dev-token.txt'), 'utf8').trim();
  return fetch(`http://127.0.0.1:${ports.api}${p}`, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${token}` } });
};

test('npm start serves the API, the Web UI and registered search attributes, and resumes after Ctrl-C', async () => {
  const first = start();
  try {
    const readyMs = await waitReady(first.output);
    expect(readyMs).toBeLessThan(60_000);

    const body = {
      category: 'orang_terlantar',
      riskLevel: 'medium',
      regionCode: '32.73',
      report: { channel: 'call_centre' },
      subject: { name: 'Asep Contoh' },
    };
    const post = () =>
      api('/v1/cases', { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'start-test-1' }, body: JSON.stringify(body) });
    const created = await post();
    expect(created.status).toBe(201);
    const { caseId, workflowId } = (await created.json()) as { caseId: string; workflowId: string };
    expect(((await (await post()).json()) as { caseId: string }).caseId).toBe(caseId);

    // The partner simulators run too, and the case reached them: the origin Dinsos is asked on request.
    expect((await fetch(`http://127.0.0.1:${ports.partners}/healthz`)).status).toBe(200);
    const ui = await fetch(`http://127.0.0.1:${ports.ui}/`);
    expect(ui.status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${ports.api}/v1/cases`)).status).toBe(401);
    const docs = await fetch(`http://127.0.0.1:${ports.api}/docs/`);
    expect(docs.status).toBe(200);

    // Visible to supervisors by its search attributes; and its payloads are ciphertext at rest.
    const connection = await Connection.connect({ address: `127.0.0.1:${ports.temporal}` });
    try {
      const raw = new Client({ connection });
      let found = 0;
      for (let i = 0; i < 50 && found === 0; i++) {
        found = (await raw.workflow.count(`SigapRegion = '32.73' AND SigapPathway = 'repatriation' AND WorkflowId = '${workflowId}'`)).count;
        if (!found) await new Promise((r) => setTimeout(r, 200));
      }
      expect(found).toBe(1);
      const history = await raw.workflow.getHandle(workflowId).fetchHistory();
      const input = history.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads![0]!;
      expect(Buffer.from(input.data!).toString('latin1')).not.toContain('Asep');
      // The codec endpoint the Web UI is pointed at turns it back into the case input.
      const toB64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
      const decoded = await api('/codec/decode', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          payloads: [{ metadata: Object.fromEntries(Object.entries(input.metadata!).map(([k, v]) => [k, toB64(v)])), data: toB64(input.data!) }],
        }),
      });
      const [plain] = ((await decoded.json()) as { payloads: { data: string }[] }).payloads;
      expect(JSON.parse(Buffer.from(plain!.data, 'base64').toString())).toMatchObject({ caseId, subject: { name: 'Asep Contoh' } });
    } finally {
      await connection.close();
    }

    let record: unknown = null;
    for (let i = 0; i < 50 && !record; i++) {
      record = ((await (await api(`/v1/cases/${caseId}`)).json()) as { record: unknown }).record;
      if (!record) await new Promise((r) => setTimeout(r, 200));
    }
    expect(record).toMatchObject({ stage: 'identification', pathway: 'repatriation' });
    // One /metrics shows the API's HTTP metrics and the worker's Temporal SDK metrics.
    const metrics = await (await fetch(`http://127.0.0.1:${ports.api}/metrics`)).text();
    expect(metrics).toContain('sigap_http_request_duration_seconds_bucket');
    expect(metrics).toMatch(/temporal_workflow_task_execution_latency_seconds_bucket|temporal_workflow_completed_total|temporal_activity_execution_latency/);
    expect(await stop(first.child)).toBe(0);

    const second = start();
    try {
      await waitReady(second.output);
      const again = await api(`/v1/cases/${caseId}`);
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ projection: 'current', live: { caseId, stage: 'identification' } });
    } finally {
      expect(await stop(second.child)).toBe(0);
    }
  } finally {
    if (first.child.exitCode === null) first.child.kill('SIGKILL');
  }
});
