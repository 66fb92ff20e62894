// The debrief's one timeline: every group's case on the same simulated-time axis, a lane per group, so the
// trainer sees side by side who did what when. Drawn on the server as inline SVG like the monthly report's
// charts (api/reports/svg.ts): no script, nothing fetched, and it prints. Shapes differ as well as colours,
// so a black-and-white print still tells the marks apart.
import { assertNever } from '../../domain/exhaustive';
import type { Language, Words } from '../../domain/labels';
import type { GroupScore, ScoreItem } from '../../domain/training/model';
import { escapeXml as esc } from '../reports/svg';

const WIDTH = 760;
const LABEL = 170;
const RIGHT = 24;
const TOP = 30;
const LANE = 40;
/** What fits in the lane's label column at 12px. */
const NAME_CHARS = 20;
/** Day ticks far enough apart to read: the first step that keeps them to about fifteen. */
const TICK_DAYS = [1, 2, 5, 7, 10, 14, 30, 60, 90, 180, 365];

const WORDS = {
  axis: ['hari ke-', 'day'],
  title: ['Linimasa kasus tiap kelompok (waktu simulasi)', 'Each group\'s case on one timeline (simulated time)'],
  step: ['langkah model jawaban dikerjakan', 'model-answer step done'],
  order: ['langkah tidak berurutan', 'step out of order'],
  missed: ['batas waktu terlewat', 'deadline missed'],
  escalation: ['eskalasi', 'escalation'],
  refusal: ['perintah ditolak', 'command refused'],
  due: ['batas waktu model jawaban', 'model-answer deadline'],
  end: ['selesai / kegiatan terakhir', 'finished / last activity'],
} satisfies Record<string, Words>;

type Mark = 'step' | 'order' | 'missed' | 'escalation' | 'refusal' | 'due' | 'end';
const say = (key: keyof typeof WORDS, lang: Language) => WORDS[key][lang === 'id' ? 0 : 1];
const shorten = (text: string) => (text.length > NAME_CHARS ? `${text.slice(0, NAME_CHARS - 1)}…` : text);
const round = (n: number) => Math.round(n * 10) / 10;

/** A mark's shape, centred on (x, y). */
function shape(kind: Mark, x: number, y: number): string {
  switch (kind) {
    case 'step':
      return `<circle cx="${x}" cy="${y}" r="6" class="m-step"/>`;
    case 'order':
      return `<circle cx="${x}" cy="${y}" r="5" class="m-order"/>`;
    case 'missed':
      return `<path d="M${x} ${y - 7}L${x + 7} ${y}L${x} ${y + 7}L${x - 7} ${y}Z" class="m-missed"/>`;
    case 'escalation':
      return `<path d="M${x} ${y - 7}L${x + 7} ${y + 6}L${x - 7} ${y + 6}Z" class="m-escalation"/>`;
    case 'refusal':
      return `<path d="M${x - 6} ${y - 6}L${x + 6} ${y + 6}M${x + 6} ${y - 6}L${x - 6} ${y + 6}" class="m-refusal"/>`;
    case 'due':
      return `<line x1="${x}" y1="${y - 9}" x2="${x}" y2="${y + 9}" class="m-due"/>`;
    case 'end':
      return `<line x1="${x}" y1="${y - 12}" x2="${x}" y2="${y + 12}" class="m-end"/>`;
    default:
      return assertNever(kind);
  }
}

/** Which mark an item gets, if any; steps never given and deadlines met leave the lane empty. */
function markOf(item: ScoreItem, outOfOrder: Set<string>): Mark | undefined {
  switch (item.kind) {
    case 'step':
      return item.met ? (item.stepId && outOfOrder.has(item.stepId) ? 'order' : 'step') : undefined;
    case 'deadline':
      return item.met === false ? 'missed' : undefined;
    case 'deadline_missed':
      return 'missed';
    case 'escalation':
      return 'escalation';
    case 'refusal':
      return 'refusal';
    case 'time':
      return 'end';
    case 'order':
      return undefined;
    default:
      return assertNever(item.kind);
  }
}

/** The axis's length: the latest thing on any lane, in whole days, at least one. */
export function spanHours(scores: GroupScore[]): number {
  const latest = Math.max(0, ...scores.flatMap((s) => s.items.map((i) => i.atHours ?? 0)));
  return Math.max(1, Math.ceil(latest / 24)) * 24;
}

function ticks(span: number, x: (h: number) => number, bottom: number, lang: Language): string[] {
  const days = span / 24;
  const every = TICK_DAYS.find((d) => days / d <= 15) ?? Math.ceil(days / 15);
  const out = [`<text x="${LABEL - 8}" y="${TOP - 12}" text-anchor="end" class="tick">${esc(say('axis', lang))}</text>`];
  for (let day = 0; day <= days; day += every) {
    const tx = round(x(day * 24));
    out.push(`<line x1="${tx}" y1="${TOP - 6}" x2="${tx}" y2="${bottom}" class="grid"/>`);
    if (day < days) out.push(`<text x="${tx + 2}" y="${TOP - 12}" class="tick">${day + 1}</text>`);
  }
  return out;
}

function lane(score: GroupScore, rank: number, y: number, x: (h: number) => number, lang: Language): string {
  const outOfOrder = new Set(score.items.filter((i) => i.kind === 'order' && i.stepId).map((i) => i.stepId!));
  const mid = y + LANE / 2;
  const marks = score.items.flatMap((item) => {
    const kind = markOf(item, outOfOrder);
    if (!kind || item.atHours === undefined) return [];
    // Steps above the lane's middle, what went wrong below it: they overlap less.
    const my = kind === 'step' || kind === 'order' || kind === 'end' ? mid - 7 : mid + 8;
    return [`<g><title>${esc(item.reason[lang === 'id' ? 0 : 1])}</title>${shape(kind, round(x(item.atHours)), my)}</g>`];
  });
  const name = `${rank}. ${score.group}`;
  return [
    `<g class="lane"><title>${esc(name)}</title>`,
    `<rect x="0" y="${y}" width="${WIDTH}" height="${LANE}" class="${rank % 2 ? 'odd' : 'even'}"/>`,
    `<text x="${LABEL - 8}" y="${mid + 4}" text-anchor="end" class="name">${esc(shorten(name))}</text></g>`,
    ...marks,
  ].join('');
}

/** The legend's rows: entries side by side, as wide as their words, wrapping at the chart's width. */
function legend(y: number, lang: Language): { svg: string; height: number } {
  const keys: Mark[] = ['step', 'order', 'missed', 'escalation', 'refusal', 'due', 'end'];
  let lx = 12;
  let ly = y + 14;
  const entries = keys.map((key) => {
    // About 6.2px a character at 11px: enough to keep entries apart without measuring text.
    const width = 34 + say(key, lang).length * 6.2;
    if (lx + width > WIDTH) [lx, ly] = [12, ly + 20];
    const entry = `<g class="legend">${shape(key, lx, ly)}<text x="${lx + 12}" y="${ly + 4}">${esc(say(key, lang))}</text></g>`;
    lx += width;
    return entry;
  });
  return { svg: entries.join(''), height: ly - y + 16 };
}

/** The model answer's own deadlines, once each, as dashed lines across every lane. */
function dueLines(scores: GroupScore[], x: (h: number) => number, bottom: number): string[] {
  const hours = new Set(scores.flatMap((s) => s.items.filter((i) => i.kind === 'deadline' && i.atHours !== undefined).map((i) => i.atHours!)));
  return [...hours].sort((a, b) => a - b).map((h) => `<line x1="${round(x(h))}" y1="${TOP - 6}" x2="${round(x(h))}" y2="${bottom}" class="m-due"/>`);
}

/** Ranked scores (best first), each on its lane; the lane's number is its rank. */
export function timelineSvg(ranked: GroupScore[], lang: Language): string {
  const span = spanHours(ranked);
  const x = (h: number) => LABEL + (Math.min(h, span) / span) * (WIDTH - LABEL - RIGHT);
  const bottom = TOP + ranked.length * LANE;
  const key = legend(bottom + 6, lang);
  const height = bottom + 6 + key.height;
  const title = say('title', lang);
  return [
    `<svg viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${esc(title)}" class="timeline">`,
    ...ranked.map((score, i) => lane(score, i + 1, TOP + i * LANE, x, lang)),
    ...ticks(span, x, bottom, lang),
    ...dueLines(ranked, x, bottom),
    key.svg,
    '</svg>',
  ].join('\n');
}

/** The timeline's styles, for the page's one style sheet. */
export const TIMELINE_STYLE = `
.timeline .odd { fill: #f4f7f9; } .timeline .even { fill: #ffffff; }
.timeline .name { font-size: 12px; fill: #1d2a33; font-weight: 600; }
.timeline .tick, .timeline .legend text { font-size: 11px; fill: #52616b; }
.timeline .grid { stroke: #d5dde2; stroke-width: 1; }
.timeline .m-step { fill: #2e7d4f; }
.timeline .m-order { fill: #ffffff; stroke: #2e7d4f; stroke-width: 2.5; }
.timeline .m-missed { fill: #c0392b; }
.timeline .m-escalation { fill: #e08e0b; }
.timeline .m-refusal { stroke: #1d2a33; stroke-width: 2.5; fill: none; }
.timeline .m-due { stroke: #c0392b; stroke-width: 1.5; stroke-dasharray: 4 3; }
.timeline .m-end { stroke: #2f6f8f; stroke-width: 3; }`;
