// Request parsing: the field shapes every resource shares (from domain/ids.ts) and the one way a request
// is checked, with a 422 naming each bad field; messages never echo the submitted values.
import { z } from 'zod';
import { ATENSI_COMPONENTS, LEGACY_ATENSI_COMPONENTS } from '../../domain/atensi';
import { CATEGORIES, LEGACY_CATEGORIES } from '../../domain/categories';
import { CLOSURE_OUTCOMES, LEGACY_CLOSURE_OUTCOMES } from '../../domain/codes';
import { AGENCY_CODE, CASE_ID, REGION_CODE, STAFF_ID } from '../../domain/ids';
import type { FieldError } from './problem';
import { issueMessage, ownMessage } from './field-messages';
import { ProblemError } from './problem';

export const staffId = z.string().regex(STAFF_ID, 'expected an opaque staff id');
export const regionCode = z.string().regex(REGION_CODE, 'expected a Kemendagri region code such as "64" or "64.72"');
export const caseId = z.string().regex(CASE_ID);
export const agencyCode = z.string().regex(AGENCY_CODE, 'expected an opaque agency code');
export const text = (max: number) => z.string().trim().min(1).max(max);

// Scripts written before #13 send the old codes: they are still taken, marked deprecated in the OpenAPI
// document (the CLI lists only the current ones), and the API hands the current code on
// (api/cases/current-codes.ts), so nothing new is stored under an old one.
function withLegacy<C extends string, L extends string>(what: string, current: readonly [C, ...C[]], legacy: Record<L, C>) {
  const old = Object.keys(legacy) as [L, ...L[]];
  const deprecated = z.enum(old).meta({
    deprecated: true,
    description: `Codes from before #13, read as their current ones: ${old.map((code) => `${code} → ${legacy[code]}`).join(', ')}`,
  });
  return z.union([z.enum(current), deprecated], { error: `expected ${what}: one of ${current.join(', ')}` });
}
export const categoryCode = withLegacy('a PPKS category', CATEGORIES, LEGACY_CATEGORIES);
export const atensiComponent = withLegacy('an ATENSI component (Permensos 7/2021)', ATENSI_COMPONENTS, LEGACY_ATENSI_COMPONENTS);
export const closureOutcome = withLegacy('a closure outcome', CLOSURE_OUTCOMES, LEGACY_CLOSURE_OUTCOMES);
export const pageLimit = z.coerce.number().int().min(1).max(200).default(50);
export const cursor = z.string().max(500).optional();

export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const errors: FieldError[] = result.error.issues.flatMap((issue) => {
    const at = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({ field: at ? `${at}.${k}` : k, message: 'unknown field', messages: ownMessage('unknown field') }));
    }
    return [{ field: at || '(body)', message: issue.message, messages: issueMessage(issue) }];
  });
  throw ProblemError.of('VALIDATION_FAILED', errors);
}
