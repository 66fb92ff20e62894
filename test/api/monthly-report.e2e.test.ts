// The monthly report against the real stack: cases opened, moved on, escalated and withdrawn over the
// API in one kabupaten, and the report's CSV and page saying exactly what the read model holds — for
// supervisors and admins of the region only, and never for a month still to come.
import { randomUUID } from 'node:crypto';
import { and, count, eq, gte, inArray, lt } from 'drizzle-orm';
import request from 'supertest';
import { caseEvents, cases } from '../../db/schema';
import { localDay, localMonth } from '../../domain/local-time';
import type { DevWorker } from '../helpers/dev-worker';
import { startDevWorker } from '../helpers/dev-worker';
import { as, caller, caughtUp, testApp } from '../helpers/api';
import { eventually } from '../helpers/eventually';

let dev: DevWorker;
let app: ReturnType<typeof testApp>;
let fast: ReturnType<typeof testApp>;
beforeAll(async () => {
  dev = await startDevWorker('monthly-report');
  app = testApp(dev);
  // Deadlines a hundred thousand times faster: a high-risk case escalates within seconds.
  fast = testApp(dev, { policy: { timeScale: 1 / 100_000 } });
});
afterAll(() => dev?.close());

// A kabupaten no other suite uses (province 83: WIT, UTC+9).
const REGION = '83.01';
const OP = as('operator:op-8301', [REGION]);
const KASI = as('supervisor:kasi-8301', [REGION]);
const MONTH = localDay(new Date(), REGION).slice(0, 7);
const { start, end } = localMonth(MONTH, REGION);

const openCase = async (body: Record<string, unknown>, on = app) =>
  (
    await request(on)
      .post('/v1/cases')
      .set(OP)
      .set('idempotency-key', randomUUID())
      .send({ riskLevel: 'medium', regionCode: REGION, report: { channel: 'tksk' }, subject: {}, ...body })
      .expect(201)
  ).body.caseId as string;
const command = (caseId: string, who: Record<string, string>, body: Record<string, unknown>) => request(app).post(`/v1/cases/${caseId}/commands`).set(who).send(body);
const report = (format: 'csv' | 'html', who = KASI, month = MONTH) => request(app).get('/v1/reports/monthly').set(who).query({ region: REGION, month, format });

/** The CSV's rows of one section, as code → the number in the given column. */
function section(csv: string, key: string, column = 'jumlah'): Record<string, number> {
  const blocks = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n\r\n').map((b) => b.split('\r\n').map((l) => l.split(',')));
  const block = blocks.find((b) => b[1]?.[0] === key);
  if (!block) return {};
  const at = block[0]!.indexOf(column);
  return Object.fromEntries(block.slice(1).map((cells) => [cells[2]!, Number(cells[at])]));
}

const nonZero = (counts: Record<string, number>) => Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0));
const grouped = (rows: { key: unknown; n: number }[]) => Object.fromEntries(rows.map((r) => [String(r.key), Number(r.n)]));

let opened: string[] = [];

beforeAll(async () => {
  opened = [
    await openCase({ category: 'odgj_terlantar' }),
    await openCase({ category: 'lansia_terlantar' }),
    await openCase({ category: 'lansia_terlantar', pathway: 'shelter' }),
    await openCase({ category: 'orang_terlantar' }),
  ];
  // First responses: two stays in identification end this month.
  await command(opened[0]!, OP, { type: 'acknowledge', assignedWorker: 'cm-8301' }).expect(200);
  await command(opened[1]!, OP, { type: 'acknowledge', assignedWorker: 'cm-8301' }).expect(200);
  await command(opened[3]!, KASI, { type: 'withdraw', reason: 'laporan ganda' }).expect(200);
  // A high-risk case left unanswered escalates; withdrawn once it has, it raises no more.
  const late = await openCase({ category: 'tuna_sosial', riskLevel: 'high' }, fast);
  await eventually(async () => ((await caller(app).get(`/v1/cases/${late}`)).body.live?.escalationLevel >= 1 ? true : undefined), 'an escalation');
  await command(late, KASI, { type: 'withdraw', reason: 'uji eskalasi' }).expect(200);
  opened.push(late);
  for (const id of opened) await caughtUp(app, id);
});

test('the CSV counts what the read model holds for the region and month', async () => {
  const res = await report('csv').expect(200);
  expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  expect(res.headers['content-disposition']).toBe(`attachment; filename="sigap-laporan-${REGION}-${MONTH}.csv"`);
  const csv = res.text;
  expect(csv.charCodeAt(0)).toBe(0xfeff);

  const db = dev.database.db;
  const inMonth = and(eq(cases.regionCode, REGION), gte(cases.openedAt, start), lt(cases.openedAt, end));
  const byCategory = grouped(await db.select({ key: cases.category, n: count() }).from(cases).where(inMonth).groupBy(cases.category));
  const byPathway = grouped(await db.select({ key: cases.pathway, n: count() }).from(cases).where(inMonth).groupBy(cases.pathway));
  expect(byCategory).toEqual({ odgj_terlantar: 1, lansia_terlantar: 2, orang_terlantar: 1, tuna_sosial: 1 });
  expect(nonZero(section(csv, 'opened_by_category'))).toEqual(byCategory);
  expect(nonZero(section(csv, 'opened_by_pathway'))).toEqual(byPathway);
  expect(byPathway.shelter).toBe(1);

  const events = (types: string[]) =>
    db
      .select({ type: caseEvents.type, data: caseEvents.data })
      .from(caseEvents)
      .innerJoin(cases, eq(cases.caseId, caseEvents.caseId))
      .where(and(eq(cases.regionCode, REGION), inArray(caseEvents.type, types), gte(caseEvents.at, start), lt(caseEvents.at, end)));
  const withdrawn = (await events(['case.withdrawn'])).length;
  const raised = await events(['escalation.raised']);
  const tally = (values: unknown[]) => values.reduce<Record<string, number>>((t, v) => ({ ...t, [String(v)]: (t[String(v)] ?? 0) + 1 }), {});
  expect(withdrawn).toBe(2);
  expect(raised.length).toBeGreaterThan(0);
  const overdue = await db
    .select({ n: count() })
    .from(cases)
    .where(and(eq(cases.regionCode, REGION), eq(cases.status, 'open'), lt(cases.nextDeadlineAt, new Date())));

  expect(section(csv, 'summary')).toEqual({
    opened: 5,
    closed: 0,
    withdrawn,
    overdue: Number(overdue[0]!.n),
    escalations_raised: raised.length,
  });
  expect(nonZero(section(csv, 'closed_by_outcome'))).toEqual({});
  expect(nonZero(section(csv, 'escalations_by_level'))).toEqual(tally(raised.map((e) => e.data.level)));
  expect(section(csv, 'escalations_by_reason')).toEqual(tally(raised.map((e) => e.data.reason)));

  const leftIdentification = await db
    .select({ n: count() })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.caseId, caseEvents.caseId))
    .where(and(eq(cases.regionCode, REGION), eq(caseEvents.type, 'stage.changed'), gte(caseEvents.at, start), lt(caseEvents.at, end)));
  expect(section(csv, 'median_days_by_stage', 'jumlah_tahap_selesai')).toEqual({ identification: Number(leftIdentification[0]!.n) });
  // Minutes after opening: the median stay rounds to no days at all.
  expect(section(csv, 'median_days_by_stage', 'median_hari')).toEqual({ identification: 0 });
  // Labels beside the codes.
  expect(csv).toContain('opened_by_category,Kasus dibuka menurut kategori PPKS,odgj_terlantar,ODGJ terlantar,1');
});

test('the page is a self-contained Indonesian report with charts and no codes in its text', async () => {
  const res = await report('html').expect(200);
  expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
  expect(res.headers['content-security-policy']).toContain("default-src 'none'");
  const html = res.text;
  expect(html).toMatch(/<title>Laporan Bulanan Penanganan Kasus — 83\.01 \(WIT\) — \w+ \d{4}<\/title>/);
  expect(html).toContain('<svg ');
  for (const words of ['ODGJ terlantar', 'lanjut usia terlantar', 'orang terlantar', 'rumah singgah', 'identifikasi', 'kasus dibatalkan']) expect(html).toContain(words);
  expect(html).toMatch(/Dibuat \d{1,2} \w{3} \d{4} \d{2}\.\d{2} WIT /);
  expect(html).not.toMatch(/<script|https?:\/\//i);
  const text = html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<title>[\s\S]*?<\/title>/g, '').replace(/<[^>]+>/g, ' ');
  expect(text).not.toMatch(/odgj_terlantar|lansia_terlantar|[a-z]+_[a-z_]+/);
});

test('only supervisors and admins of the region, and never for a month still to come', async () => {
  expect((await report('csv', as('operator:op-8301', [REGION])).expect(403)).body.code).toBe('FORBIDDEN');
  expect((await report('csv', as('case_manager:cm-8301', [REGION])).expect(403)).body.code).toBe('FORBIDDEN');
  expect((await report('html', as('supervisor:kasi-6472', ['64.72'])).expect(403)).body.code).toBe('REGION_NOT_ALLOWED');
  await report('html', as('admin:adm-83', ['83'])).expect(200);
  const future = await report('csv', KASI, '2999-01').expect(422);
  expect(future.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'month' }] });
  const malformed = await request(app).get('/v1/reports/monthly').set(KASI).query({ region: REGION, month: '2026-13', format: 'pdf' }).expect(422);
  expect(malformed.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['format', 'month']);
});
