// The debrief page of a Simulasi kasus session: groups ranked best first with their scores, one timeline
// with a lane per group on a simulated-day axis, each point explained, in the trainer's language; a page
// that prints and works offline (nothing fetched, no script), with the trainer's group names escaped.
import { pointsWords, renderDebriefHtml, timeScaleWords } from '../../api/training/debrief';
import type { DebriefInput } from '../../api/training/debrief';
import type { GroupRecord } from '../../domain/training/model';
import { scoreGroup } from '../../domain/training/score';
import { groupA, groupB, groupC, ODGJ_ANSWER, TIME_SCALE } from '../fixtures/training-odgj';

const HOSTILE = '<script>alert("x")</script> & Co';
const named = (record: GroupRecord, group: string) => ({ ...record, group });
const records = [groupC, named(groupB, HOSTILE), groupA];
const input = (lang: DebriefInput['lang']): DebriefInput => ({
  session: { id: 'latihan-2026-12', scenarioTitle: ['ODGJ tanpa identitas dengan RSJ penuh', 'ODGJ without identity, mental hospital full'], timeScale: TIME_SCALE, startedAt: '2026-12-01T00:00:00.000Z' },
  groups: records.map((record) => ({ record, score: scoreGroup(ODGJ_ANSWER, record) })),
  lang,
});

/** The text a reader sees: the page without its tags, styles and tooltips. */
const visible = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<title>[\s\S]*?<\/title>/g, '')
    .replace(/<[^>]+>/g, ' ');

test('the page ranks the groups with their scores, escapes their names and needs nothing else', () => {
  const html = renderDebriefHtml(input('id'));
  expect(html).toContain('<html lang="id">');
  expect(html).toContain('<title>Pembahasan Simulasi kasus — ODGJ tanpa identitas dengan RSJ penuh</title>');
  expect(html).toContain('@page { size: A4;');
  expect(html).toContain('<dt>Skala waktu</dt><dd>1 hari = 2 detik</dd>');
  expect(html).toContain('2026-12-01 00.00 UTC');
  const escaped = '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co';
  expect(html).not.toMatch(/<script|https?:\/\/|@import|url\(|<link|<img/i);
  expect(html).toContain(escaped);
  const rows = html.slice(html.indexOf('<table class="scores">'), html.indexOf('</table>'));
  const order = ['Kelompok Anggrek', escaped, 'Kelompok Cempaka'].map((name) => rows.indexOf(`<td>${name}</td>`));
  expect(order.every((i) => i > 0)).toBe(true);
  expect([...order].sort((x, y) => x - y)).toEqual(order);
  for (const score of ['100/100', '75/100', '65/100']) expect(rows).toContain(score);
  expect(rows).toContain('<td class="num">6/6</td><td class="num">3/3</td>');
  expect(rows).toContain('6/6<span class="sub">1 tidak berurutan</span>');
  expect(html).toContain(`<h2>2. ${escaped} — 75/100</h2>`);
  expect(html).toContain('Terlambat 2 hari 3 jam: penjemputan dari RSJ');
  expect(html).toContain('>−25<');
  expect(visible(html)).not.toMatch(/[a-z]+_[a-z_]+/);
});

test('one timeline, a lane per group on a simulated-day axis, with every kind of mark and its legend', () => {
  const html = renderDebriefHtml(input('id'));
  expect(html.match(/<svg /g)).toHaveLength(1);
  const svg = html.slice(html.indexOf('<svg '), html.indexOf('</svg>'));
  expect(svg.match(/<g class="lane">/g)).toHaveLength(3);
  expect(svg).toContain('<title>1. Kelompok Anggrek</title>');
  expect(svg).toContain(`<title>2. &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co</title>`);
  expect(svg).toContain('>hari ke-</text>');
  // Group B worked 18 simulated days: ticks every two days, labelled 1, 3, … 17.
  expect(svg.match(/class="tick">\d+<\/text>/g)).toHaveLength(9);
  for (const mark of ['m-step', 'm-order', 'm-missed', 'm-escalation', 'm-refusal', 'm-due', 'm-end']) expect(svg).toContain(`class="${mark}"`);
  for (const legend of ['langkah model jawaban dikerjakan', 'langkah tidak berurutan', 'batas waktu terlewat', 'eskalasi', 'perintah ditolak']) expect(svg).toContain(`>${legend}</text>`);
  // Each mark says what it is when pointed at.
  expect(svg).toContain('<title>Eskalasi tingkat 1 pada hari ke-11: pasien belum dijemput.</title>');
});

test('in English the page says everything in English', () => {
  const html = renderDebriefHtml(input('en'));
  expect(html).toContain('<html lang="en">');
  expect(html).toContain('<title>Case simulation debrief — ODGJ without identity, mental hospital full</title>');
  expect(html).toContain('<dd>1 day = 2 seconds</dd>');
  expect(html).toContain('Late by 2 days 3 hours: the pick-up from the hospital');
  expect(html).toContain('>day</text>');
  expect(html).not.toContain('Terlambat');
});

test('time scales and points in words', () => {
  expect(timeScaleWords(1, 'id')).toBe('1 hari = 1 hari');
  expect(timeScaleWords(1 / 24, 'en')).toBe('1 day = 1 hour');
  expect(timeScaleWords(1 / 96, 'id')).toBe('1 hari = 15 menit');
  expect(timeScaleWords(60_000 / (30 * 24 * 3_600_000) / 4, 'id')).toBe('1 hari = 500 milidetik');
  expect(timeScaleWords(1.5 / 86_400, 'id')).toBe('1 hari = 1,5 detik');
  expect(pointsWords(10, 'id')).toBe('+10');
  expect(pointsWords(-2.5, 'id')).toBe('−2,5');
  expect(pointsWords(0, 'en')).toBe('0');
});

test('a session without groups says so', () => {
  const html = renderDebriefHtml({ ...input('id'), groups: [] });
  expect(html).toContain('Belum ada kelompok dalam sesi ini.');
  expect(html).not.toContain('<svg');
});
