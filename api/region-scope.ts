import type { SQL } from 'drizzle-orm';
import { eq, inArray, or, sql } from 'drizzle-orm';
import { cases } from '../db/schema';
import type { Principal } from './principal';

/** The caller's region scope as a condition on the read model; undefined means every region. */
export function regionScope(principal: Principal): SQL | undefined {
  if (principal.regions.includes('*')) return undefined;
  const provinces = principal.regions.filter((r) => r.length === 2);
  const regencies = principal.regions.filter((r) => r.length > 2);
  return or(
    provinces.length ? inArray(cases.provinceCode, provinces) : undefined,
    regencies.length ? inArray(cases.regionCode, regencies) : undefined,
    sql`false`,
  );
}

/** A region filter asked for by the caller: a province code covers its kabupaten/kota. */
export function regionFilter(region: string | undefined): SQL | undefined {
  if (!region) return undefined;
  return region.length === 2 ? eq(cases.provinceCode, region) : eq(cases.regionCode, region);
}
