// Times as a person in the case's region reads them: "12 Des 2026 14.00 WITA". Data stays in UTC; every
// text a person reads is in the region's zone — WIB (UTC+7), WITA (UTC+8) or WIT (UTC+9) — by province.
import type { Language } from './language';

export type ZoneAbbr = 'WIB' | 'WITA' | 'WIT';

/** Asia/Jakarta, Asia/Makassar, Asia/Jayapura: hours ahead of UTC. */
const ZONES: Record<ZoneAbbr, { offsetHours: number }> = {
  WIB: { offsetHours: 7 },
  WITA: { offsetHours: 8 },
  WIT: { offsetHours: 9 },
};

/** Bali, Nusa Tenggara, South/East/North Kalimantan and Sulawesi keep WITA; Maluku and Papua WIT; the rest WIB. */
const WITA_PROVINCES = ['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76'];

export function zoneOf(regionCode: string): ZoneAbbr {
  const province = regionCode.slice(0, 2);
  if (WITA_PROVINCES.includes(province)) return 'WITA';
  return province >= '81' ? 'WIT' : 'WIB';
}

const MONTHS: Record<Language, readonly string[]> = {
  id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
};

const two = (n: number) => String(n).padStart(2, '0');

/**
 * A moment in the region's zone. Indonesian zones keep no daylight saving, so a fixed offset is exact —
 * and needs no time zone database (the workflow sandbox formats these too).
 */
export function localTime(iso: string | Date, regionCode: string, lang: Language = 'id'): string {
  const zone = zoneOf(regionCode);
  const t = new Date(new Date(iso).getTime() + ZONES[zone].offsetHours * 3_600_000);
  const clock = lang === 'id' ? `${two(t.getUTCHours())}.${two(t.getUTCMinutes())}` : `${two(t.getUTCHours())}:${two(t.getUTCMinutes())}`;
  return `${t.getUTCDate()} ${MONTHS[lang][t.getUTCMonth()]} ${t.getUTCFullYear()} ${clock} ${zone}`;
}

/**
 * A calendar day ("2027-12-31") as a person reads it, with the zone whose midnight ends it: a staff member's
 * verification holds through its last day in their own zone, so "31 Des 2027 WIT".
 */
export function localDate(day: string, regionCode: string, lang: Language = 'id'): string {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(day);
  const month = m ? MONTHS[lang][Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]} ${zoneOf(regionCode)}` : day;
}

/** The calendar day in the region's zone ("2026-12-12"), for reports counted by local day or month. */
export function localDay(iso: string | Date, regionCode: string): string {
  const t = new Date(new Date(iso).getTime() + ZONES[zoneOf(regionCode)].offsetHours * 3_600_000);
  return t.toISOString().slice(0, 10);
}


const MONTH_NAMES: Record<Language, readonly string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

/** "Januari 2026" for "2026-01". */
export function monthWords(month: string, lang: Language = 'id'): string {
  const [year, m] = month.split('-').map(Number);
  return `${MONTH_NAMES[lang][m! - 1] ?? month} ${year}`;
}

/** The calendar month ("2026-01") in the region's zone, as instants: its first moment and the next month's. */
export function localMonth(month: string, regionCode: string): { start: Date; end: Date } {
  const [year, m] = month.split('-').map(Number);
  const offset = ZONES[zoneOf(regionCode)].offsetHours * 3_600_000;
  return { start: new Date(Date.UTC(year!, m! - 1, 1) - offset), end: new Date(Date.UTC(year!, m!, 1) - offset) };
}
