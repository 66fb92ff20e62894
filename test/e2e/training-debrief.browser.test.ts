// The Simulasi kasus debrief page as a trainer's browser shows and prints it: Debian's chromium renders
// it with no console error and no request (the page must work offline), the timeline has a lane per group,
// the hostile group name stays text, and the page prints. A screenshot is kept only when
// SIGAP_UI_SCREENSHOTS names a folder, for a person to look at.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { renderDebriefHtml } from '../../api/training/debrief';
import { scoreGroup } from '../../domain/training/score';
import { CHROMIUM_INSTALL_TIMEOUT_MS, launchChromium } from '../helpers/browser';
import { groupA, groupB, groupC, ODGJ_ANSWER, TIME_SCALE } from '../fixtures/training-odgj';

const HOSTILE = '<img src=x onerror="window.__hit = 1">Kelompok Bougenville';
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
}, CHROMIUM_INSTALL_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
});

test('the debrief renders offline without errors, a lane per group, and prints', async () => {
  const records = [groupA, { ...groupB, group: HOSTILE }, groupC];
  const html = renderDebriefHtml({
    session: { id: 'latihan-2026-12', scenarioTitle: ['ODGJ tanpa identitas dengan RSJ penuh', 'ODGJ without identity, mental hospital full'], timeScale: TIME_SCALE, startedAt: '2026-12-01T00:00:00.000Z' },
    groups: records.map((record) => ({ record, score: scoreGroup(ODGJ_ANSWER, record) })),
    lang: 'id',
  });
  const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
  const problems: string[] = [];
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => !r.url().startsWith('data:') && r.url() !== 'about:blank' && problems.push(`request ${r.url()}`));
  await page.setContent(html, { waitUntil: 'load' });
  expect(problems).toEqual([]);
  expect(await page.evaluate('window.__hit')).toBeUndefined();
  await expect(page.locator('table.scores tbody tr').allInnerTexts()).resolves.toEqual([
    expect.stringMatching(/^1\tKelompok Anggrek\t100\/100/),
    expect.stringContaining(HOSTILE),
    expect.stringMatching(/^3\tKelompok Cempaka\t65\/100/),
  ]);
  const svg = page.locator('svg.timeline');
  const box = await svg.boundingBox();
  expect(box!.width).toBeGreaterThan(600);
  expect(await svg.locator('g.lane').count()).toBe(3);
  // Lane names, shortened, fit their column: none is cut off at the left edge.
  const nameLeft = await svg.locator('text.name').evaluateAll((names) => Math.min(...names.map((n) => (n as unknown as { getBBox(): { x: number } }).getBBox().x)));
  expect(nameLeft).toBeGreaterThanOrEqual(0);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
  const kept = process.env.SIGAP_UI_SCREENSHOTS;
  if (kept) {
    fs.mkdirSync(kept, { recursive: true });
    await page.screenshot({ path: path.join(kept, 'training-debrief.png'), fullPage: true });
  }
  await page.close();
});
