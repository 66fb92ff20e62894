// The debrief of a Simulasi kasus session: one printable page comparing the groups side by side — the
// score table, every group's case on one timeline, and each point explained — so that the trainer can pick
// the best answer with the room, as the seed's training does. Like the monthly report's page (api/reports/),
// every style and chart is inline, no script and nothing fetched: it reads the same offline and on paper.
// Group names are typed by the trainer, so every text is escaped.
import type { Language, Words } from '../../domain/labels';
import { DAY, HOUR, MINUTE } from '../../domain/time';
import type { GroupRecord, GroupScore } from '../../domain/training/model';
import { durationWords, rankGroups, SCORING_RULES, scoreKindWords, tally } from '../../domain/training/score';
import { escapeXml as esc } from '../reports/svg';
import { TIMELINE_STYLE, timelineSvg } from './debrief-svg';

export interface DebriefInput {
  session: { id: string; scenarioTitle: Words; timeScale: number; startedAt: string };
  groups: Array<{ record: GroupRecord; score: GroupScore }>;
  lang: Language;
}

const WORDS = {
  title: ['Pembahasan Simulasi kasus', 'Case simulation debrief'],
  scenario: ['Skenario', 'Scenario'],
  session: ['Sesi', 'Session'],
  started: ['Dimulai', 'Started'],
  scale: ['Skala waktu', 'Time scale'],
  groups: ['Kelompok', 'Groups'],
  ranking: ['Peringkat kelompok', 'Ranking'],
  rank: ['Peringkat', 'Rank'],
  group: ['Kelompok', 'Group'],
  score: ['Nilai', 'Score'],
  steps: ['Langkah', 'Steps'],
  onTime: ['Tepat waktu', 'On time'],
  caseDeadlines: ['Batas kasus terlewat', 'Case deadlines missed'],
  escalations: ['Eskalasi', 'Escalations'],
  refusals: ['Perintah ditolak', 'Refused'],
  time: ['Waktu (simulasi)', 'Time (simulated)'],
  outOfOrder: ['tidak berurutan', 'out of order'],
  unfinished: ['belum selesai', 'not finished'],
  finished: ['selesai', 'finished'],
  timeline: ['Linimasa', 'Timeline'],
  details: ['Rincian nilai tiap kelompok', 'Each group\'s points explained'],
  points: ['Poin', 'Points'],
  kind: ['Jenis', 'Kind'],
  why: ['Penjelasan', 'Why'],
  caseId: ['kasus', 'case'],
  none: ['Belum ada kelompok dalam sesi ini.', 'This session has no groups yet.'],
  tie: ['Bila nilai sama: lebih sedikit perintah ditolak, lalu lebih sedikit eskalasi, lalu waktu lebih singkat.', 'On equal scores: fewer refused commands, then fewer escalations, then less time.'],
} satisfies Record<string, Words>;

const say = (key: keyof typeof WORDS, lang: Language) => WORDS[key][lang === 'id' ? 0 : 1];
const pick = (words: Words, lang: Language) => words[lang === 'id' ? 0 : 1];

/** 2,5 in Indonesian, 2.5 in English; whole numbers without decimals. */
function numberWords(n: number, lang: Language): string {
  const r = Math.round(n * 10) / 10;
  const text = Number.isInteger(r) ? String(r) : r.toFixed(1);
  return lang === 'id' ? text.replace('.', ',') : text;
}

/** "+10", "−5", "0": the sign is what the trainer reads first. */
export const pointsWords = (n: number, lang: Language) => (n > 0 ? `+${numberWords(n, lang)}` : n < 0 ? `−${numberWords(-n, lang)}` : '0');

const REAL_UNITS: ReadonlyArray<readonly [ms: number, id: string, one: string, many: string]> = [
  [DAY, 'hari', 'day', 'days'],
  [HOUR, 'jam', 'hour', 'hours'],
  [MINUTE, 'menit', 'minute', 'minutes'],
  [1000, 'detik', 'second', 'seconds'],
  [1, 'milidetik', 'millisecond', 'milliseconds'],
];

/** "1 hari = 2 detik": how long a simulated day lasts in real time (simulated = real / timeScale). */
export function timeScaleWords(timeScale: number, lang: Language): string {
  const real = DAY * (timeScale > 0 ? timeScale : 1);
  const [unit, id, one, many] = REAL_UNITS.find(([size]) => real >= size) ?? REAL_UNITS[REAL_UNITS.length - 1]!;
  const n = numberWords(real / unit, lang);
  return lang === 'id' ? `1 hari = ${n} ${id}` : `1 day = ${n} ${n === '1' ? one : many}`;
}

/** A session's start in UTC: the session belongs to no region whose zone it could be read in. */
function startedWords(iso: string, lang: Language): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const clock = d.toISOString().slice(11, 16);
  return `${d.toISOString().slice(0, 10)} ${lang === 'id' ? clock.replace(':', '.') : clock} UTC`;
}

const STYLE = `
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1d2a33; margin: 24px auto; max-width: 820px; font-size: 13px; line-height: 1.45; }
h1 { font-size: 20px; margin: 0 0 6px; }
h2 { font-size: 15px; margin: 0 0 8px; border-bottom: 1px solid #c9d3da; padding-bottom: 3px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0 0 18px; }
dl.facts dt { color: #52616b; } dl.facts dd { margin: 0; }
section { margin: 0 0 20px; }
section.group { break-inside: avoid; page-break-inside: avoid; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #e1e7eb; padding: 4px 6px; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
.sub { display: block; font-size: 11px; color: #52616b; font-weight: normal; }
tr.best td { font-weight: 600; }
td.plus { color: #2e7d4f; } td.minus { color: #c0392b; }
.meta, .note, .empty { color: #52616b; } .note { font-size: 11.5px; } .empty { font-style: italic; }
@media print { body { margin: 0; max-width: none; } * { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
${TIMELINE_STYLE}`;

function factsSection(input: DebriefInput): string {
  const { session, lang } = input;
  const facts: Array<[string, string]> = [
    [say('scenario', lang), pick(session.scenarioTitle, lang)],
    [say('session', lang), session.id],
    [say('started', lang), startedWords(session.startedAt, lang)],
    [say('scale', lang), timeScaleWords(session.timeScale, lang)],
    [say('groups', lang), String(input.groups.length)],
  ];
  return `<dl class="facts">${facts.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`;
}

function timeCell(score: GroupScore, record: GroupRecord | undefined, lang: Language): string {
  const hours = tally(score).hours;
  if (hours === null) return '';
  return `${durationWords(hours, lang)}${record && !record.finishedAt ? ` (${say('unfinished', lang)})` : ''}`;
}

function tableSection(ranked: GroupScore[], records: Map<GroupScore, GroupRecord>, lang: Language): string {
  const heads = ['rank', 'group', 'score', 'steps', 'onTime', 'caseDeadlines', 'escalations', 'refusals', 'time'] as const;
  const numeric = new Set<string>(['rank', 'score', 'steps', 'onTime', 'caseDeadlines', 'escalations', 'refusals']);
  const head = heads.map((h) => `<th${numeric.has(h) ? ' class="num"' : ''}>${esc(say(h, lang))}</th>`).join('');
  const rows = ranked.map((score, i) => {
    const t = tally(score);
    const jumped = t.outOfOrder ? `<span class="sub">${esc(`${t.outOfOrder} ${say('outOfOrder', lang)}`)}</span>` : '';
    const cells = [
      String(i + 1),
      `${numberWords(score.total, lang)}/${numberWords(score.max, lang)}`,
      `${t.stepsDone}/${t.steps}`,
      `${t.deadlinesMet}/${t.deadlines}`,
      String(t.caseDeadlinesMissed),
      String(t.escalations),
      String(t.refusals),
    ].map((c) => `<td class="num">${esc(c)}</td>`);
    cells[2] = cells[2]!.replace('</td>', `${jumped}</td>`);
    cells.splice(1, 0, `<td>${esc(score.group)}</td>`);
    cells.push(`<td>${esc(timeCell(score, records.get(score), lang))}</td>`);
    return `<tr${i === 0 ? ' class="best"' : ''}>${cells.join('')}</tr>`;
  });
  return [
    `<section><h2>${esc(say('ranking', lang))}</h2>`,
    `<table class="scores"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`,
    `<p class="note">${esc(say('tie', lang))}</p></section>`,
  ].join('');
}

function groupSection(score: GroupScore, rank: number, record: GroupRecord | undefined, lang: Language): string {
  const items = score.items.map((item) => {
    const sign = item.points > 0 ? 'plus' : item.points < 0 ? 'minus' : '';
    return [
      `<tr><td class="num ${sign}">${esc(pointsWords(item.points, lang))}</td>`,
      `<td>${esc(pick(scoreKindWords(item.kind), lang))}</td>`,
      `<td>${esc(pick(item.reason, lang))}</td></tr>`,
    ].join('');
  });
  const state = record ? `${say('caseId', lang)} ${record.caseId} · ${say(record.finishedAt ? 'finished' : 'unfinished', lang)}` : '';
  return [
    `<section class="group"><h2>${rank}. ${esc(score.group)} — ${esc(numberWords(score.total, lang))}/${esc(numberWords(score.max, lang))}</h2>`,
    state ? `<p class="meta">${esc(state)}</p>` : '',
    `<table class="items"><thead><tr><th class="num">${esc(say('points', lang))}</th><th>${esc(say('kind', lang))}</th><th>${esc(say('why', lang))}</th></tr></thead>`,
    `<tbody>${items.join('')}</tbody></table></section>`,
  ].join('');
}

/** The whole page, in the chosen language, groups best first (rankGroups). */
export function renderDebriefHtml(input: DebriefInput): string {
  const { lang } = input;
  const records = new Map(input.groups.map((g) => [g.score, g.record]));
  const ranked = rankGroups(input.groups.map((g) => g.score));
  const title = `${say('title', lang)} — ${pick(input.session.scenarioTitle, lang)}`;
  const body =
    ranked.length === 0
      ? [`<p class="empty">${esc(say('none', lang))}</p>`]
      : [
          tableSection(ranked, records, lang),
          `<section><h2>${esc(say('timeline', lang))}</h2>${timelineSvg(ranked, lang)}</section>`,
          `<h2>${esc(say('details', lang))}</h2>`,
          ...ranked.map((score, i) => groupSection(score, i + 1, records.get(score), lang)),
        ];
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${esc(title)}</h1>${factsSection(input)}</header>`,
    ...body,
    `<footer><p class="note">${esc(pick(SCORING_RULES, lang))}</p></footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
