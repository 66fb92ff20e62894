// What the list benchmark asks: the filters a Kasi, a worker, a Kabid and a national admin use every day, on
// the region with the most cases (the worst case for a region's list), its busiest worker and its province.
import type { Pool } from 'pg';
import type { TokenClaims } from '../../api/auth/tokens';

export const CALLER_NAMES = ['kasi', 'worker', 'kabid', 'admin'] as const;
export type CallerName = (typeof CALLER_NAMES)[number];

export interface Scene {
  region: string;
  province: string;
  regionCases: number;
  regionOpen: number;
  worker: string;
  workerOpen: number;
  stage: string;
}

export interface ListFilter {
  name: string;
  caller: CallerName;
  /** The request path; `page2` takes page one's cursor. */
  path: string;
  page2?: boolean;
}

export function callers(scene: Scene): Record<CallerName, TokenClaims> {
  return {
    kasi: { sub: `kasi-${scene.region.replace('.', '')}`, role: 'supervisor', regions: [scene.region] },
    worker: { sub: scene.worker, role: 'case_manager', regions: [scene.region] },
    kabid: { sub: `kabid-${scene.province}`, role: 'supervisor', regions: [scene.province] },
    admin: { sub: 'admin-national', role: 'admin', regions: ['*'] },
  };
}

export function listFilters(s: Scene): ListFilter[] {
  const r = encodeURIComponent(s.region);
  return [
    { name: 'region only', caller: 'kasi', path: `/v1/cases?region=${r}` },
    { name: 'region + stage', caller: 'kasi', path: `/v1/cases?region=${r}&stage=${s.stage}` },
    { name: 'region + risk + status', caller: 'kasi', path: `/v1/cases?region=${r}&risk=high&status=open` },
    { name: 'escalation level ≥ 2 in region', caller: 'kasi', path: `/v1/escalations?region=${r}&minLevel=2` },
    { name: "a worker's own open cases", caller: 'worker', path: `/v1/cases?assignee=${encodeURIComponent(s.worker)}&status=open` },
    { name: 'region only, page 2 (cursor)', caller: 'kasi', path: `/v1/cases?region=${r}`, page2: true },
    { name: 'escalations in region, page 2 (cursor)', caller: 'kasi', path: `/v1/escalations?region=${r}`, page2: true },
    { name: 'overdue in region', caller: 'kasi', path: `/v1/escalations?region=${r}&view=overdue` },
    { name: 'province: all its cases', caller: 'kabid', path: `/v1/cases?region=${s.province}` },
    { name: 'province: escalations', caller: 'kabid', path: `/v1/escalations?region=${s.province}` },
    { name: 'province: overdue', caller: 'kabid', path: `/v1/escalations?region=${s.province}&view=overdue` },
    { name: "national: a province's open cases", caller: 'admin', path: `/v1/cases?region=${s.province}&status=open` },
    { name: 'national: escalation level ≥ 2', caller: 'admin', path: '/v1/escalations?minLevel=2' },
    { name: 'national: overdue', caller: 'admin', path: '/v1/escalations?view=overdue' },
  ];
}

/** The region with the most cases, and its worker with the most open cases. */
export async function findScene(pool: Pool): Promise<Scene> {
  const region = (
    await pool.query<{ region_code: string; province_code: string; n: number; open: number }>(`
      select region_code, min(province_code) as province_code, count(*)::int as n, (count(*) filter (where status = 'open'))::int as open
      from cases group by region_code order by n desc, region_code limit 1`)
  ).rows[0];
  if (!region) throw new Error('the read model is empty: run npm run bench:generate-read-model first');
  const worker = (
    await pool.query<{ assigned_worker: string; open: number }>(
      `select assigned_worker, count(*)::int as open from cases
       where region_code = $1 and status = 'open' and assigned_worker is not null
       group by assigned_worker order by open desc, assigned_worker limit 1`,
      [region.region_code],
    )
  ).rows[0];
  if (!worker) throw new Error(`region ${region.region_code} has no assigned open case`);
  return {
    region: region.region_code,
    province: region.province_code,
    regionCases: region.n,
    regionOpen: region.open,
    worker: worker.assigned_worker,
    workerOpen: worker.open,
    stage: 'assessment',
  };
}
