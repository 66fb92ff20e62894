// Simulasi kasus: a group's work scored from its case's own timeline against the scenario's model answer.
// The points, decided here so that a trainer can explain every one of them aloud:
//  - step: given (its event, the first one whose data match) earns the step's `points`; not given, 0.
//  - order: given before one of its `after` steps costs the step's points, once however many steps it
//    jumped (a step is worth its points "when given, and in order": model.ts). A prerequisite never given
//    is not counted again here: its own absence already costs.
//  - deadline (`withinHours`, simulated hours from the opening): met, 0; given late, minus the step's points
//    (a late step nets nothing, as the model answer says); never given, 0 — its absence already cost them.
//    Out of order and late are two faults, each explained, so such a step nets minus its points.
//  - escalation, deadline_missed, refusal: the model answer's penalty for each escalation.raised, each
//    deadline.missed and each refused command.
//  - time: always 0. Time taken breaks ties in rankGroups and nothing else: points for speed would reward
//    rushing a case, and a fraction of a point is hard to read aloud.
// `max` is the sum of the steps' points: every other item only takes away, so a total may fall below zero
// (kept, not clamped: it still ranks). Simulated time = real elapsed / timeScale (timeScale < 1 compresses).
// Reasons are read aloud: the scenario's words and the label catalogue's, simulated days, never a code.
import { assertNever } from '../exhaustive';
import type { Language, Words } from '../labels';
import { escalationSubjectWords, escalationWords, label } from '../labels';
import { isRuleCode, RULE_MESSAGES } from '../rule-codes';
import type { ExpectedStep, GroupRecord, GroupScore, ModelAnswer, ScoreItem, ScoreKind } from './model';
import { dayWords, durationWords, simulatedHours } from './sim-time';

export { dayWords, durationWords, simulatedHours } from './sim-time';

type TimelineEvent = GroupRecord['events'][number];

/** The rules above in words, for the debrief's reader. */
export const SCORING_RULES: Words = [
  'Nilai maksimum adalah jumlah poin langkah model jawaban. Langkah yang tidak berurutan atau yang melewati batas waktunya kehilangan poinnya (keduanya: dua kali); setiap eskalasi, batas waktu kasus yang terlewat dan perintah yang ditolak mengurangi nilai. Waktu pengerjaan tidak bernilai, hanya penentu bila nilai sama.',
  'The maximum is the sum of the model answer\'s step points. A step out of order or past its deadline loses its points (both: twice); every escalation, missed case deadline and refused command takes points away. Time taken is worth no points; it only breaks a tie.',
];

const both = (say: (lang: Language) => string): Words => [say('id'), say('en')];
const pick = (words: Words, lang: Language) => words[lang === 'id' ? 0 : 1];

/** A label, or nothing when the catalogue has none: a code is never read aloud. */
function known(list: 'command' | 'deadline', code: string, lang: Language): string | undefined {
  const words = label(list, code, lang);
  return words === code ? undefined : words;
}

const matches = (e: TimelineEvent, step: ExpectedStep) =>
  e.type === step.event && Object.entries(step.data ?? {}).every(([key, value]) => (e.data[key] ?? null) === value);

const commandWords = (command: string, lang: Language) => known('command', command, lang) ?? (lang === 'id' ? 'sebuah perintah' : 'a command');

function stepItem(step: ExpectedStep, given: TimelineEvent | undefined, at: (iso: string) => number): ScoreItem {
  const what = (lang: Language) => pick(step.words, lang);
  if (!given) {
    const reason = both((l) => (l === 'id' ? `Tidak dikerjakan: ${what(l)} (perintah "${commandWords(step.command, l)}").` : `Not done: ${what(l)} (the command "${commandWords(step.command, l)}").`));
    return { kind: 'step', stepId: step.id, points: 0, met: false, reason };
  }
  const h = at(given.at);
  const reason = both((l) => (l === 'id' ? `Dikerjakan pada ${dayWords(h, l)}: ${what(l)}.` : `Done on ${dayWords(h, l)}: ${what(l)}.`));
  return { kind: 'step', stepId: step.id, points: step.points, met: true, atHours: h, reason };
}

function orderItem(step: ExpectedStep, given: TimelineEvent, found: Map<string, TimelineEvent>, steps: Map<string, ExpectedStep>, at: (iso: string) => number): ScoreItem | undefined {
  const jumped = (step.after ?? []).filter((id) => {
    const before = found.get(id);
    return before !== undefined && before.seq > given.seq;
  });
  if (jumped.length === 0) return undefined;
  const h = at(given.at);
  const names = (l: Language) => jumped.map((id) => `"${pick(steps.get(id)!.words, l)}" (${dayWords(at(found.get(id)!.at), l)})`).join(l === 'id' ? ' dan ' : ' and ');
  const reason = both((l) =>
    l === 'id'
      ? `Tidak berurutan: ${pick(step.words, l)} dikerjakan pada ${dayWords(h, l)}, sebelum ${names(l)} yang seharusnya lebih dulu.`
      : `Out of order: ${pick(step.words, l)} was done on ${dayWords(h, l)}, before ${names(l)}, which should come first.`,
  );
  return { kind: 'order', stepId: step.id, points: 0 - step.points, atHours: h, reason };
}

function deadlineItem(step: ExpectedStep, given: TimelineEvent | undefined, endHours: number, at: (iso: string) => number): ScoreItem | undefined {
  const due = step.withinHours;
  if (due === undefined) return undefined;
  const what = (l: Language) => pick(step.words, l);
  const limit = (l: Language) => (l === 'id' ? `batasnya ${durationWords(due, l)} sejak kasus dibuka` : `due within ${durationWords(due, l)} of the opening`);
  const item = { kind: 'deadline' as const, stepId: step.id, atHours: due };
  if (given) {
    const h = at(given.at);
    if (h <= due) return { ...item, points: 0, met: true, reason: both((l) => (l === 'id' ? `Tepat waktu: ${what(l)} pada ${dayWords(h, l)}, ${limit(l)}.` : `On time: ${what(l)} on ${dayWords(h, l)}, ${limit(l)}.`)) };
    const reason = both((l) =>
      l === 'id'
        ? `Terlambat ${durationWords(h - due, l)}: ${what(l)} baru dikerjakan pada ${dayWords(h, l)}, ${limit(l)}.`
        : `Late by ${durationWords(h - due, l)}: ${what(l)} was only done on ${dayWords(h, l)}, ${limit(l)}.`,
    );
    return { ...item, points: 0 - step.points, met: false, reason };
  }
  if (endHours > due) {
    const reason = both((l) =>
      l === 'id'
        ? `Batas terlewat pada ${dayWords(due, l)}: ${what(l)} tidak dikerjakan, ${limit(l)} (nilai langkah ini sudah tidak dihitung).`
        : `Deadline passed on ${dayWords(due, l)}: ${what(l)} was not done, ${limit(l)} (the step's points are already lost).`,
    );
    return { ...item, points: 0, met: false, reason };
  }
  return { ...item, points: 0, reason: both((l) => (l === 'id' ? `Belum jatuh tempo: ${what(l)}, ${limit(l)}.` : `Not yet due: ${what(l)}, ${limit(l)}.`)) };
}

function escalationItem(e: TimelineEvent, penalty: number, h: number): ScoreItem {
  const reason = String(e.data.reason ?? '');
  const subject = String(e.data.subject ?? '');
  const level = typeof e.data.level === 'number' ? e.data.level : undefined;
  const about = (l: Language) => {
    const what = escalationWords(reason, l).what;
    const detail = subject ? escalationSubjectWords(reason, subject, l) : '';
    const words = [what === reason ? '' : what, detail === subject ? '' : detail].filter(Boolean).join(' — ');
    return words ? `: ${words}` : '';
  };
  const text = both((l) =>
    l === 'id'
      ? `Eskalasi${level ? ` tingkat ${level}` : ''} pada ${dayWords(h, l)}${about(l)}.`
      : `Escalation${level ? ` to level ${level}` : ''} on ${dayWords(h, l)}${about(l)}.`,
  );
  return { kind: 'escalation', points: 0 - penalty, atHours: h, reason: text };
}

function deadlineMissedItem(e: TimelineEvent, penalty: number, h: number): ScoreItem {
  const kind = String(e.data.kind ?? '');
  const reason = both((l) => {
    const what = known('deadline', kind, l);
    if (l === 'id') return `Batas waktu kasus terlewat pada ${dayWords(h, l)}${what ? `: ${what}` : ''}.`;
    return `A case deadline passed on ${dayWords(h, l)}${what ? `: ${what}` : ''}.`;
  });
  return { kind: 'deadline_missed', points: 0 - penalty, atHours: h, reason };
}

function refusalItem(refusal: GroupRecord['refusals'][number], penalty: number, h: number): ScoreItem {
  const reason = both((l) => {
    const why = isRuleCode(refusal.code) ? RULE_MESSAGES[refusal.code][l] : l === 'id' ? 'tidak sesuai aturan kasus.' : 'it broke the case rules.';
    return l === 'id'
      ? `Perintah "${commandWords(refusal.command, l)}" ditolak pada ${dayWords(h, l)}: ${why}`
      : `The command "${commandWords(refusal.command, l)}" was refused on ${dayWords(h, l)}: ${why}`;
  });
  return { kind: 'refusal', points: 0 - penalty, atHours: h, reason };
}

function timeItem(record: GroupRecord, endHours: number): ScoreItem {
  const reason = both((l) => {
    const day = dayWords(endHours, l);
    const took = durationWords(endHours, l);
    if (record.finishedAt) {
      return l === 'id'
        ? `Selesai pada ${day}, ${took} sejak kasus dibuka (waktu simulasi); tanpa nilai, hanya penentu bila nilai sama.`
        : `Finished on ${day}, ${took} after the case opened (simulated time); no points, it only breaks a tie.`;
    }
    return l === 'id'
      ? `Belum menyatakan selesai; kegiatan terakhir pada ${day}, ${took} sejak kasus dibuka (waktu simulasi).`
      : `Not finished yet; last activity on ${day}, ${took} after the case opened (simulated time).`;
  });
  return { kind: 'time', points: 0, atHours: endHours, reason };
}

/** The group's score against the model answer; pure, so the debrief and a workflow compute the same. */
export function scoreGroup(answer: ModelAnswer, record: GroupRecord): GroupScore {
  const at = (iso: string) => simulatedHours(record, iso);
  const events = [...record.events].sort((a, b) => a.seq - b.seq);
  const last = events[events.length - 1];
  const endHours = at(record.finishedAt ?? last?.at ?? record.openedAt);
  const steps = new Map(answer.steps.map((s) => [s.id, s]));
  const found = new Map<string, TimelineEvent>();
  for (const step of answer.steps) {
    const given = events.find((e) => matches(e, step));
    if (given) found.set(step.id, given);
  }
  const items: ScoreItem[] = [];
  for (const step of answer.steps) {
    const given = found.get(step.id);
    items.push(stepItem(step, given, at));
    const order = given && orderItem(step, given, found, steps, at);
    if (order) items.push(order);
    const deadline = deadlineItem(step, given, endHours, at);
    if (deadline) items.push(deadline);
  }
  // Penalties in the order they happened, so the debrief reads like the case did.
  const penalties: ScoreItem[] = [];
  for (const e of events) {
    if (e.type === 'escalation.raised') penalties.push(escalationItem(e, answer.penalties.escalation, at(e.at)));
    if (e.type === 'deadline.missed') penalties.push(deadlineMissedItem(e, answer.penalties.deadlineMissed, at(e.at)));
  }
  for (const refusal of record.refusals) penalties.push(refusalItem(refusal, answer.penalties.refusal, at(refusal.at)));
  penalties.sort((a, b) => (a.atHours ?? 0) - (b.atHours ?? 0));
  items.push(...penalties, timeItem(record, endHours));
  const total = items.reduce((sum, item) => sum + item.points, 0);
  const max = answer.steps.reduce((sum, step) => sum + step.points, 0);
  return { group: record.group, total, max, items };
}

export interface Tally {
  steps: number;
  stepsDone: number;
  outOfOrder: number;
  deadlines: number;
  deadlinesMet: number;
  /** The case's own deadlines that passed (deadline.missed), apart from the model answer's. */
  caseDeadlinesMissed: number;
  escalations: number;
  refusals: number;
  /** Simulated hours taken, or null when the score has no time item. */
  hours: number | null;
}

/** What a score's items add up to, kind by kind: the debrief's table and the ranking's tie-breakers. */
export function tally(score: GroupScore): Tally {
  const t: Tally = { steps: 0, stepsDone: 0, outOfOrder: 0, deadlines: 0, deadlinesMet: 0, caseDeadlinesMissed: 0, escalations: 0, refusals: 0, hours: null };
  for (const item of score.items) {
    switch (item.kind) {
      case 'step':
        t.steps++;
        if (item.met) t.stepsDone++;
        break;
      case 'order':
        t.outOfOrder++;
        break;
      case 'deadline':
        t.deadlines++;
        if (item.met) t.deadlinesMet++;
        break;
      case 'deadline_missed':
        t.caseDeadlinesMissed++;
        break;
      case 'escalation':
        t.escalations++;
        break;
      case 'refusal':
        t.refusals++;
        break;
      case 'time':
        t.hours = item.atHours ?? null;
        break;
      default:
        assertNever(item.kind);
    }
  }
  return t;
}

/** What each kind of item is called in the debrief. */
export function scoreKindWords(kind: ScoreKind): Words {
  switch (kind) {
    case 'step':
      return ['langkah', 'step'];
    case 'order':
      return ['urutan', 'order'];
    case 'deadline':
      return ['batas waktu langkah', 'step deadline'];
    case 'deadline_missed':
      return ['batas waktu kasus', 'case deadline'];
    case 'escalation':
      return ['eskalasi', 'escalation'];
    case 'refusal':
      return ['perintah ditolak', 'refused command'];
    case 'time':
      return ['waktu pengerjaan', 'time taken'];
    default:
      return assertNever(kind);
  }
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const hoursOr = (h: number | null) => h ?? Number.POSITIVE_INFINITY;

/** Best first: the higher total, then fewer refusals, fewer escalations, less time, and the name. */
export function rankGroups(scores: GroupScore[]): GroupScore[] {
  const keyed = scores.map((score) => ({ score, t: tally(score) }));
  keyed.sort(
    (a, b) =>
      b.score.total - a.score.total ||
      a.t.refusals - b.t.refusals ||
      a.t.escalations - b.t.escalations ||
      (hoursOr(a.t.hours) === hoursOr(b.t.hours) ? 0 : hoursOr(a.t.hours) - hoursOr(b.t.hours)) ||
      byName(a.score.group, b.score.group),
  );
  return keyed.map((k) => k.score);
}
