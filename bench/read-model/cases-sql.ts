// The one INSERT … SELECT that generates the `cases` rows inside PostgreSQL (no rows cross the wire).
// Every draw is a hash of the case number and the seed (pg_temp.u), so a seed always gives the same rows
// whatever the plan's order. Codes only, as the real read model: there is no personal data to invent.
import { ESCALATION_REASONS } from '../../domain/codes';
import { OPEN_PER_WORKER, OPEN_SHARE } from './regions';

type Weights = readonly (readonly [string | number, number])[];

/** A weighted choice as a CASE on a uniform draw; the values are this file's constants. */
function pick(draw: string, weights: Weights): string {
  const total = weights.reduce((a, [, w]) => a + w, 0);
  let cumulative = 0;
  const literal = (v: string | number) => (typeof v === 'number' ? String(v) : `'${v}'`);
  const arms = weights.slice(0, -1).map(([value, w]) => {
    cumulative += w / total;
    return `WHEN ${draw} < ${cumulative.toFixed(6)} THEN ${literal(value)}`;
  });
  return `(CASE ${arms.join(' ')} ELSE ${literal(weights.at(-1)![0])} END)`;
}

const OPEN_STAGES: Weights = [['identification', 20], ['assessment', 20], ['planning', 12], ['linking', 12], ['implementation', 18], ['monitoring', 13], ['evaluation', 5]];
const WITHDRAWN_STAGES: Weights = [['identification', 50], ['assessment', 30], ['planning', 10], ['linking', 10]];
const CATEGORIES: Weights = [
  ['odgj_terlantar', 25], ['orang_terlantar', 22], ['lansia_terlantar', 12], ['anak_terlantar', 10], ['disabilitas_terlantar', 9],
  ['tuna_sosial', 8], ['korban_napza', 5], ['korban_perdagangan_orang', 4], ['korban_bencana_dan_kedaruratan', 5],
];
const OTHER_PATHWAYS: Weights = [['shelter', 40], ['medical', 35], ['repatriation', 15], ['atensi', 10]];
const RISKS: Weights = [['high', 20], ['medium', 45], ['low', 35]];
/** Open cases by escalation level: most are on time. */
const LEVELS: Weights = [[3, 1], [2, 4], [1, 9], [0, 86]];
const DEADLINE_KINDS: Weights = [['first_response', 15], ['rapid_assessment', 15], ['pathway_decision', 15], ['assessment', 25], ['plan_approval', 15], ['referral_acceptance', 15]];
const REASONS: Weights = ESCALATION_REASONS.map((r, i) => [r, i === 0 ? 40 : i === 1 ? 15 : 3] as const);

/** The pathway a category takes by default (domain/categories.ts defaultPathway). */
const DEFAULT_PATHWAY = `(CASE category WHEN 'odgj_terlantar' THEN 'odgj' WHEN 'orang_terlantar' THEN 'repatriation' ELSE 'atensi' END)`;

/**
 * A worker's share of the region's open cases: density rising linearly from 0.55 to 1.45 of the mean
 * (the inverse of its distribution function), so a region's workers carry about 30 to 80 open cases each.
 */
const OPEN_WORKER = `least(workers, 1 + floor(workers * (sqrt(0.3025 + 1.8 * u(i, 12)) - 0.55) / 0.9))::int`;
/** Closed cases were carried by the workers of their years: some have left since (numbers above today's). */
const PAST_WORKER = `1 + floor(u(i, 12) * workers * 1.5)::int`;
const workerId = (k: string) => `'ps-' || replace(region_code, '.', '') || '-' || lpad((${k})::text, 3, '0')`;
const iso = (t: string) => `to_char((${t}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/** Defines pg_temp.u(case number, salt) ∈ [0, 1), a hash of the case number and the seed. */
export function drawFunction(seed: number): string {
  return `CREATE OR REPLACE FUNCTION pg_temp.u(i bigint, salt int) RETURNS float8 LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
    $$ SELECT (hashint8extended(i, ${seed * 1000} + salt) & 9007199254740991)::float8 / 9007199254740992 $$`;
}

/** $1: the moment the rows are generated at (the newest opened_at and updated_at). */
export function insertCasesSql(seed: number): string {
  // Draws are written u(i, k) with the function's schema added below, to keep the arms short.
  const body = `
WITH numbered AS (
  SELECT r.region_code, r.province_code, r.workers, r.first_i + g AS i
  FROM bench_regions r CROSS JOIN LATERAL generate_series(0, r.n - 1) g
), stated AS (
  SELECT numbered.*, ${pick('u(i, 1)', [['open', OPEN_SHARE * 100], ['closed', 76], ['withdrawn', 100 - 76 - OPEN_SHARE * 100]])} AS status,
    ${pick('u(i, 3)', CATEGORIES)} AS category
  FROM numbered
), shaped AS (
  SELECT stated.*,
    CASE status WHEN 'open' THEN ${pick('u(i, 2)', OPEN_STAGES)} WHEN 'closed' THEN 'closed' ELSE ${pick('u(i, 2)', WITHDRAWN_STAGES)} END AS stage,
    CASE WHEN status = 'open' THEN ${pick('u(i, 5)', LEVELS)} ELSE 0 END AS level,
    ${pick('u(i, 8)', DEADLINE_KINDS)} AS deadline_kind,
    -- Open cases are mostly recent (exponential, mean 60 days); closed ones spread over five years.
    CASE WHEN status = 'open' THEN $1::timestamptz - least(-ln(1 - u(i, 6)) * 60, 1000) * interval '1 day'
         ELSE $1::timestamptz - (30 + u(i, 6) * 1800) * interval '1 day' END AS opened_at
  FROM stated
)
INSERT INTO cases (case_id, workflow_id, status, stage, pathway, category, risk_level, region_code, province_code,
  jurisdiction, assigned_worker, escalation_level, escalations, next_deadline_kind, next_deadline_at, policy_version,
  opened_at, updated_at, last_seq, access, transfer_status, transfer_to_region)
SELECT
  md5('${seed}:' || i)::uuid::text,
  'case-' || md5('${seed}:' || i)::uuid::text,
  status, stage,
  CASE WHEN u(i, 10) < 0.85 THEN ${DEFAULT_PATHWAY} ELSE ${pick('u(i, 11)', OTHER_PATHWAYS)} END,
  category,
  ${pick('u(i, 4)', RISKS)},
  region_code, province_code,
  CASE WHEN u(i, 13) < 0.02 THEN 'province' ELSE 'kabkota' END,
  CASE WHEN status <> 'open' THEN ${workerId(PAST_WORKER)}
       WHEN stage = 'identification' AND u(i, 14) < 0.4 THEN NULL
       ELSE ${workerId(OPEN_WORKER)} END,
  level,
  CASE WHEN level > 0 THEN jsonb_build_array(jsonb_build_object('reason', ${pick('u(i, 15)', REASONS)}, 'subject', deadline_kind,
    'level', level, 'since', ${iso(`$1::timestamptz - u(i, 16) * interval '10 days'`)}, 'acknowledged', u(i, 17) < 0.4)) ELSE '[]'::jsonb END,
  CASE WHEN status = 'open' THEN deadline_kind END,
  -- A fifth of open cases are past their next deadline.
  CASE WHEN status = 'open' THEN $1::timestamptz + (u(i, 9) * 25 - 5) * interval '1 day' END,
  CASE WHEN opened_at < $1::timestamptz - interval '200 days' THEN '2026.1' ELSE '2026.2' END,
  opened_at,
  opened_at + ($1::timestamptz - opened_at) * u(i, 18),
  CASE WHEN status = 'open' THEN 2 + floor(u(i, 19) * 30)::int ELSE 15 + floor(u(i, 19) * 60)::int END,
  '[]'::jsonb,
  CASE WHEN status = 'open' AND u(i, 20) < 0.003 THEN 'requested' END,
  CASE WHEN status = 'open' AND u(i, 20) < 0.003 THEN province_code || '.01' END
FROM shaped`;
  return body.replace(/\bu\(i, /g, 'pg_temp.u(i, ');
}

/** What the rows hold, for the report: the mean open cases per worker it aims at. */
export const GENERATED_SHAPE = `${OPEN_SHARE * 100} % open (stages identification … evaluation), 76 % closed, the rest withdrawn; ${OPEN_PER_WORKER} open cases per worker on average (30–80); 14 % of open cases escalated (4 % at level 2, 1 % at level 3)`;
