// The 514 kabupaten/kota of Indonesia's 38 provinces (Kemendagri province codes, kabupaten numbered from
// 01 and kota from 71 as Kemendagri does), each with its share of the generated cases and its workers.
// The shares are skewed as caseloads are: kota see more street cases, and regions differ widely.

/** Province code and its number of kabupaten/kota (2024). */
const PROVINCES: readonly [string, number][] = [
  ['11', 23], ['12', 33], ['13', 19], ['14', 12], ['15', 11], ['16', 17], ['17', 10], ['18', 15], ['19', 7],
  ['21', 7], ['31', 6], ['32', 27], ['33', 35], ['34', 5], ['35', 38], ['36', 8], ['51', 9], ['52', 10],
  ['53', 22], ['61', 14], ['62', 14], ['63', 13], ['64', 10], ['65', 5], ['71', 15], ['72', 13], ['73', 24],
  ['74', 17], ['75', 6], ['76', 6], ['81', 11], ['82', 10], ['91', 9], ['92', 7], ['93', 4], ['94', 8],
  ['95', 8], ['96', 6],
];

/** Open cases one worker carries on average (the generator spreads 30–80 around it). */
export const OPEN_PER_WORKER = 55;
/** Share of generated cases still open; the rest closed (most) or withdrawn. */
export const OPEN_SHARE = 0.18;

export interface Region {
  regionCode: string;
  provinceCode: string;
  /** Cases generated in the region, and the first case number (cases are numbered 0 … rows-1). */
  n: number;
  first: number;
  /** Workers carrying the region's open cases. */
  workers: number;
}

/** A small seeded generator (mulberry32): the same seed gives the same regions. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function regionCodes(): { regionCode: string; provinceCode: string; kota: boolean }[] {
  return PROVINCES.flatMap(([province, count]) => {
    const kota = Math.max(1, Math.round(count * 0.18));
    return Array.from({ length: count }, (_, k) => {
      const isKota = k >= count - kota;
      const number = isKota ? 71 + (k - (count - kota)) : k + 1;
      return { regionCode: `${province}.${String(number).padStart(2, '0')}`, provinceCode: province, kota: isKota };
    });
  });
}

export function regions(rows: number, seed: number): Region[] {
  const next = random(seed);
  // Log-normal spread (σ 0.6) around a weight of 1 for a kabupaten and 2.5 for a kota.
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  const weighted = regionCodes().map((r) => ({ ...r, weight: (r.kota ? 2.5 : 1) * Math.exp(0.6 * normal()) }));
  const total = weighted.reduce((a, r) => a + r.weight, 0);
  const counts = weighted.map((r) => Math.floor((r.weight / total) * rows));
  // Rounding down leaves a few rows over: the largest regions take them, so the total is exact.
  let left = rows - counts.reduce((a, b) => a + b, 0);
  const byWeight = weighted.map((_, i) => i).sort((a, b) => weighted[b]!.weight - weighted[a]!.weight);
  for (let k = 0; left > 0; k = (k + 1) % byWeight.length, left--) counts[byWeight[k]!]! += 1;
  let first = 0;
  return weighted.map((r, i) => {
    const n = counts[i]!;
    const region = { regionCode: r.regionCode, provinceCode: r.provinceCode, n, first, workers: Math.max(1, Math.round((n * OPEN_SHARE) / OPEN_PER_WORKER)) };
    first += n;
    return region;
  });
}
