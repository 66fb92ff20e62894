// How the CLI prints a training session (simulasi kasus) in words: the scenarios to choose from, the
// groups ranked with their scores and every point explained, and a watch's new events per group, with
// simulated days ("hari ke-3") rather than clock times — the session's time is compressed.
import { eventWords } from '../domain/labels/timeline';
import { dayWords, simulatedHours } from '../domain/training/sim-time';
import { table, tr } from './format';
import type { Lang } from './messages';
import type { ScenarioList, StartedSession, TrainingEvent, TrainingSession } from './training-responses';

const pick = (w: readonly [string, string], lang: Lang) => w[lang === 'id' ? 0 : 1];
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

export function scenarioLines(list: ScenarioList, lang: Lang): string[] {
  const t = tr(lang);
  if (!list.items.length) return [t('(tidak ada skenario)', '(no scenarios)')];
  return list.items.flatMap((s) => [
    `${s.id} (v${s.version}) — ${pick(s.title, lang)}`,
    `  ${t('wilayah', 'region')} ${s.regionCode} · ${s.steps} ${t('langkah', 'steps')} · ${t('nilai maksimum', 'maximum')} ${s.maxPoints} · ${s.scriptedReports} ${t('laporan mitra terjadwal', 'scripted partner reports')}`,
    `  ${pick(s.summary, lang)}`,
    ...s.notes.map((n) => `  ${t('catatan', 'note')}: ${pick(n, lang)}`),
  ]);
}

export function startedLines(s: StartedSession, lang: Lang): string[] {
  const t = tr(lang);
  return [
    `${t('sesi latihan', 'training session')} ${s.sessionId} (${s.scenario.id} v${s.scenario.version})`,
    ...table(s.groups.map((g) => [t('kelompok', 'group'), g.name, t('kasus', 'case'), g.caseId])),
    `${t('pembahasan', 'debrief')}: ${s.links.debrief}`,
  ];
}

/** The ranking, then each group's points explained in words. */
export function sessionLines(v: TrainingSession, lang: Lang): string[] {
  const t = tr(lang);
  const s = v.session;
  const state = s.endedAt ? t('selesai', 'ended') : t('berjalan', 'running');
  const head = [
    `${pick(s.scenario.title, lang)} — ${t('sesi', 'session')} ${s.sessionId} (${state}, ${dayWords(s.simulatedHours, lang)})`,
    ...table([
      [t('PERINGKAT', 'RANK'), t('KELOMPOK', 'GROUP'), t('NILAI', 'SCORE'), t('ESKALASI', 'ESCALATIONS'), t('DITOLAK', 'REFUSED'), t('KASUS', 'CASE')],
      ...v.groups.map((g) => [
        String(g.rank),
        g.name,
        `${g.score.total}/${g.score.max}`,
        String(g.score.items.filter((i) => i.kind === 'escalation').length),
        String(g.record.refusals.length),
        g.caseId,
      ]),
    ]),
  ];
  const details = v.groups.flatMap((g) => [
    '',
    `${g.rank}. ${t('kelompok', 'group')} ${g.name} — ${g.score.total}/${g.score.max}`,
    ...g.score.items.filter((i) => i.points !== 0 || i.kind === 'time').map((i) => `   ${signed(i.points).padStart(4)}  ${pick(i.reason, lang)}`),
  ]);
  return [...head, ...details];
}

/** One new event of a group's case, on the session's simulated clock. */
export function groupEventLine(group: string, openedAt: string, timeScale: number, e: TrainingEvent, lang: Lang): string {
  const day = dayWords(simulatedHours({ openedAt, timeScale }, e.at), lang);
  return `${group.padEnd(12)} ${day.padEnd(10)} ${eventWords(e.type, lang)}`;
}
