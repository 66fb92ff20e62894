// What a Kasi sees in the real Temporal Web UI (the one embedded in the dev server from PyPI), driven in
// Debian's chromium: a case opened over the API is in the region's list view, and its page shows the
// Indonesian summary, the current details and the subject's name, which only the codec endpoint can decrypt.
//
// The embedded UI has no login, so it sends the codec no credentials: its decode calls carry no
// Authorization header, and with `requireAuth` on they get 401 and nothing is decrypted. That is why the
// suite serves the codec without auth (development's loopback-only mode). The compose stack needs the UI's
// OIDC login with TEMPORAL_CODEC_PASS_ACCESS_TOKEN=true, and the API's SIGAP_JWT_JWKS_URL pointing at the
// same identity provider, for a supervisor's token to reach /codec; the guard itself is checked over HTTP below.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import type { Express } from 'express';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import type { Database } from '../../db/client';
import { and, count, eq } from 'drizzle-orm';
import { cases } from '../../db/schema';
import { currentMonth } from '../../api/reports/monthly';
import { staticSummary } from '../../domain/case/ui-texts';
import { requireBinary } from '../../scripts/lib/temporal-binaries';
import type { DevServer } from '../../temporal/dev-server';
import { startDevServer } from '../../temporal/dev-server';
import { freePort } from '../../temporal/free-port';
import { ensureSearchAttributes } from '../../temporal/search-attributes';
import { uiLinks } from '../../temporal/ui-links';
import { caseWorkflowId } from '../../workflows/case/contract';
import { as, testApp } from '../helpers/api';
import { CHROMIUM_INSTALL_TIMEOUT_MS, launchChromium } from '../helpers/browser';
import { openTestDatabase } from '../helpers/database';
import { eventually } from '../helpers/eventually';
import { caseTestWorker, connectDevServer, testKeyRing, uniqueTaskQueue } from '../helpers/temporal';

// Region 77.01 is used by no other suite.
const REGION = '77.01';
const operator = as('operator:op-7701', [REGION]);
const supervisor = as('supervisor:spv-7701', [REGION]);
const intake = { category: 'odgj_terlantar', riskLevel: 'high', regionCode: REGION, report: { channel: 'satpol_pp' }, subject: { name: 'Budi Contoh' } } as const;
const summary = staticSummary({ ...intake, pathway: 'odgj' });
/** The UI renders and polls slowly on a busy 2-core machine: generous waits, never fixed sleeps. */
const UI_WAIT_MS = 45_000;

// Screenshots go to a temporary folder removed afterwards, or to SIGAP_UI_SCREENSHOTS, kept for a person to look at.
const keptShots = process.env.SIGAP_UI_SCREENSHOTS;
const shots = keptShots ? (fs.mkdirSync(keptShots, { recursive: true }), keptShots) : fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-temporal-ui-'));
let server: DevServer;
let client: Client;
let database: Database;
let taskQueue: string;
let browser: Browser;
/** The API behind the codec endpoint: the port must be known before the dev server starts, the app after. */
let app: Express | undefined;
let caseId: string;
const closers: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  // Chromium first: when it is missing, installing it is the slow part, and a failure there says so.
  browser = await launchChromium();
  closers.push(() => browser.close());
  const api = http.createServer((req, res) => (app ? app(req, res) : res.writeHead(503).end()));
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => api.close(resolve)));
  const codecEndpoint = `http://127.0.0.1:${(api.address() as AddressInfo).port}/codec`;
  server = await startDevServer({ cliPath: requireBinary('cli'), port: await freePort(), uiPort: await freePort(), codecEndpoint, startTimeoutMs: 120_000 });
  closers.push(() => server.stop());
  const temporal = await connectDevServer(server.address);
  client = temporal.client;
  closers.push(() => temporal.connection.close(), () => temporal.nativeConnection.close());
  await ensureSearchAttributes(temporal.connection, 'default');
  database = await openTestDatabase();
  closers.push(() => database.close());
  taskQueue = uniqueTaskQueue('temporal-ui');
  const worker = await caseTestWorker(temporal.nativeConnection, database, taskQueue);
  const running = worker.run();
  closers.push(async () => {
    worker.shutdown();
    await running;
  });
  app = sigapApi(false);

  const opened = await request(app).post('/v1/cases').set(operator).send(intake).expect(201);
  caseId = opened.body.caseId;
  await eventually(async () => {
    const list = await request(app!).get('/v1/cases').query({ region: REGION }).set(operator).expect(200);
    return (list.body.items as { caseId: string }[]).some((c) => c.caseId === caseId) ? true : undefined;
  }, `case ${caseId} in the list`);
}, CHROMIUM_INSTALL_TIMEOUT_MS + 180_000);

afterAll(async () => {
  // Last in, first out: the browser stops polling the UI before the servers go.
  for (const close of closers.reverse()) await close().catch(() => undefined);
  if (!keptShots) fs.rmSync(shots, { recursive: true, force: true });
}, 60_000);

/** The API as the test serves it, its codec with or without the supervisor-only guard. */
function sigapApi(requireAuth: boolean): Express {
  return testApp({ client, database, taskQueue }, { codec: { ring: testKeyRing, corsOrigins: [uiUrl()], requireAuth } });
}

function uiUrl(): string {
  if (!server.uiUrl) throw new Error('the dev server was started without its Web UI');
  return server.uiUrl;
}

/** The case's page in the UI (add /timeline, /history, /user-metadata). */
async function casePage(): Promise<string> {
  const { runId } = await client.workflow.getHandle(caseWorkflowId(caseId)).describe();
  return `${uiUrl()}/namespaces/default/workflows/${caseWorkflowId(caseId)}/${runId}`;
}

/** The case's workflow input as the history holds it (encrypted), in the codec's JSON form. */
async function sealedInput(): Promise<{ metadata: Record<string, string>; data: string }> {
  const history = await client.workflow.getHandle(caseWorkflowId(caseId)).fetchHistory();
  const input = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  if (!input?.data) throw new Error('the case has no recorded input');
  const b64 = (v: Uint8Array | null | undefined) => Buffer.from(v ?? new Uint8Array()).toString('base64');
  return { metadata: Object.fromEntries(Object.entries(input.metadata ?? {}).map(([k, v]) => [k, b64(v)])), data: b64(input.data) };
}

/** What the page and its frames show now, as text. */
async function pageText(page: Page): Promise<string> {
  return (await Promise.all(page.frames().map((f) => f.locator('body').innerText({ timeout: 5_000 }).catch(() => '')))).join('\n');
}

/** Waits until `text` is visible in the page or in one of its frames (the UI renders markdown in iframes). */
async function seen(page: Page, text: string): Promise<string> {
  try {
    return await eventually(
      async () => {
        for (const frame of page.frames()) {
          if (await frame.getByText(text).filter({ visible: true }).first().isVisible().catch(() => false)) return frame === page.mainFrame() ? 'page' : `iframe#${await (await frame.frameElement()).getAttribute('id')}`;
        }
        return undefined;
      },
      `"${text}" on ${page.url()}`,
      UI_WAIT_MS,
    );
  } catch (err) {
    // What the UI showed instead says more than the timeout; the version of the UI may have changed.
    throw new Error(`${(err as Error).message}; the page showed:\n${(await pageText(page)).replace(/\s+\n/g, '\n').slice(0, 3_000)}`);
  }
}

/** Whether `text` is anywhere in the page or its frames right now. */
async function shows(page: Page, text: string): Promise<boolean> {
  return (await pageText(page)).includes(text);
}

async function screenshot(page: Page, name: string): Promise<void> {
  const file = path.join(shots, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  expect(fs.readFileSync(file).subarray(1, 4).toString()).toBe('PNG');
}

/** The list view of the region's open cases, reloaded until the new case's row is there; opens the case. */
async function openFromList(page: Page): Promise<void> {
  const view = uiLinks(uiUrl(), 'default', REGION, new Date()).find((l) => l.title === 'Semua kasus terbuka di wilayah ini');
  if (!view) throw new Error('ui-links has no view of all open cases in a region');
  const row = page.getByRole('link', { name: caseWorkflowId(caseId) }).first();
  await eventually(async () => {
    await page.goto(view.url);
    return (await row.waitFor({ timeout: 10_000 }).then(() => true).catch(() => false)) || undefined;
  }, `the row of ${caseWorkflowId(caseId)} in "${view.title}"`, UI_WAIT_MS);
  // The UI shows the list's query as filter chips.
  await seen(page, `SigapRegion = "${REGION}"`);
  await screenshot(page, 'list');
  await row.click();
  await page.waitForURL(new RegExp(`/workflows/${caseWorkflowId(caseId)}/`), { timeout: UI_WAIT_MS });
}

test('a Kasi finds the case in the region list and reads its summary, current details and decrypted input', async () => {
  const page = await browser.newPage();
  const decodes: { status: number; authorization?: string }[] = [];
  page.on('response', (r) => {
    if (r.url().includes('/codec/decode') && r.request().method() === 'POST') decodes.push({ status: r.status(), authorization: r.request().headers().authorization });
  });
  await openFromList(page);

  // The case page opens on its timeline, with the workflow input decoded by the codec.
  expect(await seen(page, 'Budi Contoh')).toBe('page');
  await seen(page, '"satpol_pp"');
  await screenshot(page, 'case');

  await page.getByRole('tab', { name: 'User Metadata' }).click();
  // UI 2.54 renders each as markdown in an iframe of its own (#user-metadata-summary, …).
  expect(await seen(page, summary)).toMatch(/summary/);
  expect(await seen(page, 'tahap identifikasi')).toMatch(/current-details/);
  expect(await seen(page, 'menunggu batas waktu tanggapan pertama')).toMatch(/current-details/);
  expect(await seen(page, 'Dilaporkan oleh: Satpol PP')).toMatch(/[^t]-details$/);
  await screenshot(page, 'user-metadata');

  // Every decode went through Sigap's codec and succeeded; the embedded UI sent no credentials with them.
  expect(decodes.length).toBeGreaterThan(0);
  expect(decodes.every((d) => d.status === 200 && d.authorization === undefined)).toBe(true);
  await page.close();
}, 120_000);

test('without the codec endpoint the UI shows neither the name nor the summary', async () => {
  // The same UI as a browser sees it when no codec endpoint is configured: its settings say so.
  const context = await browser.newContext();
  let codecCalls = 0;
  context.on('request', (r) => {
    if (r.url().includes('/codec/')) codecCalls++;
  });
  await context.route('**/api/v1/settings**', async (route) => {
    const response = await route.fetch();
    const settings = await response.json();
    await route.fulfill({ response, json: { ...settings, Codec: { ...settings.Codec, Endpoint: '' } } });
  });
  const page = await context.newPage();
  await page.goto(`${await casePage()}/timeline`);
  // The input is there, still sealed: the UI shows the ciphertext.
  expect(await seen(page, (await sealedInput()).data.slice(0, 40))).toBe('page');
  expect(await shows(page, 'Budi Contoh')).toBe(false);
  await page.goto(`${await casePage()}/user-metadata`);
  await seen(page, 'No summary available');
  expect(await shows(page, summary)).toBe(false);
  expect(await shows(page, 'tahap identifikasi')).toBe(false);
  await screenshot(page, 'no-codec');
  expect(codecCalls).toBe(0);
  await context.close();
}, 120_000);

test('with the codec guarded, the embedded UI (no login) sends no token and decrypts nothing', async () => {
  app = sigapApi(true);
  try {
    const page = await browser.newPage();
    const decodes: { status: number; authorization?: string }[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/codec/decode') && r.request().method() === 'POST') decodes.push({ status: r.status(), authorization: r.request().headers().authorization });
    });
    await page.goto(`${await casePage()}/timeline`);
    expect(await seen(page, (await sealedInput()).data.slice(0, 40))).toBe('page');
    await eventually(async () => (decodes.length > 0 ? true : undefined), 'a decode call from the UI', UI_WAIT_MS);
    await seen(page, 'Codec Server could not connect');
    expect(await shows(page, 'Budi Contoh')).toBe(false);
    expect(decodes.every((d) => d.status === 401 && d.authorization === undefined)).toBe(true);
    await screenshot(page, 'guarded-codec');
    await page.close();
  } finally {
    app = sigapApi(false);
  }
}, 120_000);

test('over HTTP, the guarded codec decrypts the case input for a supervisor only', async () => {
  const guarded = sigapApi(true);
  const input = await sealedInput();
  const sealed = { payloads: [input] };
  expect(Buffer.from(input.data, 'base64').toString('latin1')).not.toContain('Budi Contoh');

  await request(guarded).post('/codec/decode').send(sealed).expect(401);
  await request(guarded).post('/codec/decode').set(operator).send(sealed).expect(403);
  const res = await request(guarded).post('/codec/decode').set(supervisor).send(sealed).expect(200);
  const decoded = res.body.payloads[0] as { metadata: { encoding: string }; data: string };
  expect(Buffer.from(decoded.metadata.encoding, 'base64').toString()).toBe('json/plain');
  expect(JSON.parse(Buffer.from(decoded.data, 'base64').toString()).subject).toEqual({ name: 'Budi Contoh' });
}, 60_000);

test('the monthly report is a printable page whose figures are the read model\'s own counts', async () => {
  const month = currentMonth(new Date(), REGION);
  const query = { region: REGION, month };
  const html = await request(app!).get('/v1/reports/monthly').query({ ...query, format: 'html' }).set(supervisor).expect(200);
  const csv = (await request(app!).get('/v1/reports/monthly').query({ ...query, format: 'csv' }).set(supervisor).expect(200)).text;
  const page = await browser.newPage({ viewport: { width: 1240, height: 1754 } });
  try {
    await page.setContent(html.text);
    await seen(page, 'Kasus dibuka menurut kategori PPKS');
    await screenshot(page, 'monthly-report');
    expect(await page.locator('svg').count()).toBeGreaterThan(0);
  } finally {
    await page.close();
  }
  // The ODGJ cases opened in the region this month, as the report counts them and as the read model holds them.
  const row = csv.split('\r\n').find((l) => l.startsWith('opened_by_category,') && l.includes(',odgj_terlantar,'));
  const [counted] = await database.db
    .select({ n: count() })
    .from(cases)
    .where(and(eq(cases.regionCode, REGION), eq(cases.category, 'odgj_terlantar')));
  const n = counted?.n ?? 0;
  expect(Number(row?.split(',').at(-1))).toBe(n);
  expect(n).toBeGreaterThanOrEqual(1);
});
