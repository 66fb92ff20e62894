// Simulated time as a trainer reads it: a session runs compressed (simulated = real elapsed / timeScale, so
// timeScale < 1 compresses: 30 days in a minute is 60_000 / (30 * 24 * 3_600_000)), and every time in a
// debrief is a simulated day ("hari ke-3") or a simulated duration ("2 hari 3 jam"), never a real clock.
import type { Language } from '../labels';
import { HOUR, ms } from '../time';
import type { GroupRecord } from './model';

type Clock = Pick<GroupRecord, 'openedAt' | 'timeScale'>;

/** Simulated hours from the case's opening to `at`. */
export function simulatedHours(clock: Clock, at: string): number {
  const scale = clock.timeScale > 0 ? clock.timeScale : 1;
  return Math.max(0, (ms(at) - ms(clock.openedAt)) / scale / HOUR);
}

/** "hari ke-3": the simulated day a moment falls on, the opening's day being the first. */
export const dayWords = (hours: number, lang: Language) => {
  const day = Math.floor(Math.max(0, hours) / 24) + 1;
  return lang === 'id' ? `hari ke-${day}` : `day ${day}`;
};

const UNITS: Record<Language, ReadonlyArray<readonly [one: string, many: string]>> = {
  id: [['hari', 'hari'], ['jam', 'jam'], ['menit', 'menit']],
  en: [['day', 'days'], ['hour', 'hours'], ['minute', 'minutes']],
};

/** "2 hari 3 jam": the two largest units, to the minute; a trainer needs no seconds. */
export function durationWords(hours: number, lang: Language): string {
  const minutes = Math.round(Math.abs(hours) * 60);
  if (minutes === 0) return lang === 'id' ? 'kurang dari 1 menit' : 'less than a minute';
  const amounts = [Math.floor(minutes / 1440), Math.floor((minutes % 1440) / 60), minutes % 60];
  const first = amounts.findIndex((n) => n > 0);
  const parts: string[] = [];
  for (let i = first; i < Math.min(first + 2, amounts.length); i++) {
    const n = amounts[i]!;
    const [one, many] = UNITS[lang][i]!;
    if (n > 0) parts.push(`${n} ${n === 1 ? one : many}`);
  }
  return parts.join(' ');
}
