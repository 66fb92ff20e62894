import type { SQL } from 'drizzle-orm';
import { eq, inArray, or, sql } from 'drizzle-orm';
import type { batches, staff } from '../../db/schema';
import { cases } from '../../db/schema';
import type { Principal } from './principal';

type Located = {
  provinceCode: typeof cases.provinceCode | typeof batches.provinceCode | typeof staff.provinceCode;
  regionCode: typeof cases.regionCode | typeof batches.regionCode | typeof staff.regionCode;
};

/** The caller's region scope as a condition on a read-model table; undefined means every region. */
export function regionScope(principal: Principal, table: Located = cases): SQL | undefined {
  if (principal.regions.includes('*')) return undefined;
  const provinces = principal.regions.filter((r) => r.length === 2);
  const regencies = principal.regions.filter((r) => r.length > 2);
  return or(
    provinces.length ? inArray(table.provinceCode, provinces) : undefined,
    regencies.length ? inArray(table.regionCode, regencies) : undefined,
    sql`false`,
  );
}

/** A region filter asked for by the caller: a province code covers its kabupaten/kota. */
export function regionFilter(region: string | undefined, table: Located = cases): SQL | undefined {
  if (!region) return undefined;
  return region.length === 2 ? eq(table.provinceCode, region) : eq(table.regionCode, region);
}
