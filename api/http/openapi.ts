// What every resource needs to describe its routes in the OpenAPI document: response helpers, the
// common headers and errors, and the signature of a resource's path registration.
import type { RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';

const bilingual = z.object({ id: z.string(), en: z.string() });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string().meta({ description: 'Stable machine-readable code, e.g. CASE_NOT_FOUND or STAGE_MISMATCH' }),
    detail: z.string(),
    messages: bilingual.meta({ description: 'The message in Bahasa Indonesia (id) and English (en)' }),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    instance: z.string(),
    requestId: z.string(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details (application/problem+json)' });

type Responses = RouteConfig['responses'];

/** Registers one authenticated route (the document adds the bearer requirement). */
export type RegisterRoute = (config: RouteConfig) => void;

export const json = (schema: z.ZodType, description: string) => ({ description, content: { 'application/json': { schema } } });
export const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: problemSchema } } });
export const jsonBody = (schema: z.ZodType) => ({ required: true, content: { 'application/json': { schema } } });

const idempotencyKey = z
  .string()
  .min(1)
  .max(200)
  .optional()
  .meta({ description: 'Retries with the same key (and body) return the first result instead of acting twice.' });
const acceptLanguage = z.string().optional().meta({ description: '"id" (default) or "en": the language of error titles' });

/** Request headers: the language always, the Idempotency-Key on writes. */
export const headers = (post: boolean) => z.object({ 'accept-language': acceptLanguage, ...(post ? { 'idempotency-key': idempotencyKey } : {}) });

/** The errors every authenticated route can answer with. */
export const common = (extra: Responses = {}): Responses => ({
  401: problem('No valid bearer token (UNAUTHENTICATED)'),
  403: problem('The role may not use this route (FORBIDDEN)'),
  422: problem('Invalid request (VALIDATION_FAILED), with the failing fields'),
  429: problem('Too many requests (RATE_LIMITED)'),
  503: problem('A part Sigap needs did not answer in time (TEMPORAL_UNAVAILABLE, DATABASE_UNAVAILABLE, COMMAND_NOT_CONFIRMED); repeat after Retry-After with the same Idempotency-Key'),
  ...extra,
});

export const deadlineSchema = z.object({ kind: z.string(), dueAt: z.string().nullable() }).nullable();
