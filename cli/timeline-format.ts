// `case timeline` and `case watch`: one event per line — when (in the case's region's zone), what, who,
// at which stage, and its fields in words. A watch prints each line as it comes, so the columns are padded
// to fixed widths rather than aligned over a page.
import { label } from '../domain/labels';
import { eventDetails, eventWords } from '../domain/labels/timeline';
import { timeIn } from './format';
import type { Lang } from './messages';
import type { TimelineEvent } from './responses';

/** The system acts under one name; a person by role and opaque id. */
const actorWords = (a: TimelineEvent['actor'], lang: Lang) => (a.role === 'system' ? label('role', 'system', lang) : `${label('role', a.role, lang)} ${a.id}`);

export function eventLine(e: TimelineEvent, regionCode: string | undefined, lang: Lang = 'id'): string {
  const at = timeIn(regionCode, lang);
  const details = eventDetails(e.type, e.data, lang, at).join(' · ');
  return [
    String(e.seq).padStart(4),
    at(e.at).padEnd(22),
    eventWords(e.type, lang).padEnd(32),
    actorWords(e.actor, lang).padEnd(26),
    `(${label('stage', e.stage, lang)})`,
    ...(details ? [details] : []),
  ].join('  ');
}
