// Command fields from the command line. `--set key=value` takes its type from the API's own OpenAPI
// document: `days=7` is sent as a number and `approve=true` as a boolean because the schema says so, while
// `originRegionCode=32.04` or `facilityCode=0012` stay strings. Guessing from the text would get those
// wrong. `key:=json` (as in HTTPie) sends a JSON value as it is.
import { z } from 'zod';
import type { Lang } from './messages';
import { UsageError, say } from './messages';

/** The slice of JSON Schema that zod-to-openapi emits for the command bodies. */
export interface JsonSchema {
  type?: string | string[] | undefined;
  enum?: unknown[] | undefined;
  const?: unknown;
  items?: JsonSchema | undefined;
  properties?: Record<string, JsonSchema> | undefined;
  required?: string[] | undefined;
  oneOf?: JsonSchema[] | undefined;
  anyOf?: JsonSchema[] | undefined;
  $ref?: string | undefined;
  minimum?: number | undefined;
  maximum?: number | undefined;
  minLength?: number | undefined;
  maxLength?: number | undefined;
  pattern?: string | undefined;
  deprecated?: boolean | undefined;
}

const jsonSchema: z.ZodType<JsonSchema> = z.lazy(() =>
  z.object({
    type: z.union([z.string(), z.array(z.string())]).optional(),
    enum: z.array(z.unknown()).optional(),
    const: z.unknown().optional(),
    items: jsonSchema.optional(),
    properties: z.record(z.string(), jsonSchema).optional(),
    required: z.array(z.string()).optional(),
    oneOf: z.array(jsonSchema).optional(),
    anyOf: z.array(jsonSchema).optional(),
    $ref: z.string().optional(),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    minLength: z.number().optional(),
    maxLength: z.number().optional(),
    pattern: z.string().optional(),
    deprecated: z.boolean().optional(),
  }),
);

/** Just enough of an OpenAPI document to find the command body. Anything else in it is ignored. */
export const openApiDocument = z.object({
  paths: z.record(z.string(), z.record(z.string(), z.unknown())),
  components: z.object({ schemas: z.record(z.string(), z.unknown()).optional() }).optional(),
});
type OpenApiDocument = z.infer<typeof openApiDocument>;

const requestBody = z.object({ requestBody: z.object({ content: z.record(z.string(), z.object({ schema: jsonSchema })) }) });

export interface FieldSpec {
  name: string;
  required: boolean;
  schema: JsonSchema;
}
export interface CommandSpec {
  type: string;
  fields: FieldSpec[];
}

export const COMMANDS_PATH = '/v1/cases/{caseId}/commands';

/** The command types and their fields, or undefined when the document does not describe them. */
export function commandSpecs(doc: OpenApiDocument): Map<string, CommandSpec> | undefined {
  const op = requestBody.safeParse(doc.paths[COMMANDS_PATH]?.post);
  const body = op.success ? op.data.requestBody.content['application/json']?.schema : undefined;
  if (!body) return undefined;
  const resolve = (s: JsonSchema): JsonSchema => {
    const name = s.$ref?.replace(/^#\/components\/schemas\//, '');
    const target = name === undefined ? undefined : jsonSchema.safeParse(doc.components?.schemas?.[name]);
    return target?.success ? resolve(target.data) : s;
  };
  const top = resolve(body);
  const specs = new Map<string, CommandSpec>();
  for (const variant of (top.oneOf ?? top.anyOf ?? [top]).map(resolve)) {
    const typeSchema = variant.properties?.type;
    const type = typeSchema?.const ?? typeSchema?.enum?.[0];
    if (typeof type !== 'string') continue;
    const required = new Set(variant.required ?? []);
    const fields = Object.entries(variant.properties ?? {})
      .filter(([name]) => name !== 'type')
      .map(([name, schema]) => ({ name, required: required.has(name), schema: plain(resolve(schema), resolve) }));
    specs.set(type, { type, fields });
  }
  return specs.size ? specs : undefined;
}

/**
 * A nullable or optional wrapper (anyOf [X, null]) stands for X, and so does X with deprecated codes beside
 * it (old codes the API still takes): the CLI offers only the current ones.
 */
function plain(s: JsonSchema, resolve: (s: JsonSchema) => JsonSchema): JsonSchema {
  const alternatives = (s.anyOf ?? s.oneOf)?.map(resolve).filter((a) => a.type !== 'null' && !a.deprecated);
  if (alternatives?.length === 1) return plain(alternatives[0]!, resolve);
  return s.items ? { ...s, items: plain(resolve(s.items), resolve) } : s;
}

type Kind = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'object' | 'unknown';
function kindOf(s: JsonSchema): Kind {
  const type = (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type) ?? (s.enum?.every((v) => typeof v === 'string') ? 'string' : undefined);
  return type === 'string' || type === 'integer' || type === 'number' || type === 'boolean' || type === 'array' || type === 'object' ? type : 'unknown';
}

const TRUE = new Set(['true', 'yes', 'ya']);
const FALSE = new Set(['false', 'no', 'tidak']);

function coerce(field: FieldSpec, raw: string): unknown {
  const bad = (expected: string) => new UsageError(say.badValue(field.name, expected));
  switch (kindOf(field.schema)) {
    case 'boolean':
      if (TRUE.has(raw.toLowerCase())) return true;
      if (FALSE.has(raw.toLowerCase())) return false;
      throw bad('true/false');
    case 'integer':
      if (!/^-?\d+$/.test(raw)) throw bad('a whole number');
      return Number(raw);
    case 'number':
      if (!/^-?\d+(\.\d+)?$/.test(raw)) throw bad('a number');
      return Number(raw);
    case 'array': {
      if (raw.trimStart().startsWith('[')) return jsonOf(field.name, raw);
      // A list of codes reads naturally as a,b,c; a list of objects has to be JSON.
      if (field.schema.items && kindOf(field.schema.items) === 'string') return raw.split(',').map((v) => v.trim()).filter(Boolean);
      throw bad('a JSON list');
    }
    case 'object':
      return jsonOf(field.name, raw);
    default:
      return raw;
  }
}

function jsonOf(key: string, text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new UsageError(say.badJson(key));
  }
}

/**
 * One `--set`: `key:=json` as JSON; `key=value` typed by the command's schema when the API described it,
 * else as a string.
 */
export function parseAssignment(text: string, spec: CommandSpec | undefined): [string, unknown] {
  const typed = /^([^:=]+):=(.*)$/s.exec(text);
  const key = typed ? typed[1]! : text.slice(0, Math.max(text.indexOf('='), 0));
  if (!key) throw new UsageError(say.badAssignment(text));
  const field = spec?.fields.find((f) => f.name === key);
  if (spec && !field) throw new UsageError(say.unknownField(spec.type, key, spec.fields.map((f) => f.name)));
  if (typed) return [key, jsonOf(key, typed[2]!)];
  const raw = text.slice(key.length + 1);
  return [key, field ? coerce(field, raw) : raw];
}

/**
 * One line per field for `case commands <type>`: what it takes and whether it must be given. The codes a
 * field takes stay codes: they are what one types after --set.
 */
export function describeField(f: FieldSpec, lang: Lang = 'id'): string {
  return `${f.required ? '*' : ' '} ${f.name.padEnd(18)} ${describe(f.schema, lang)}`;
}

function describe(s: JsonSchema, lang: Lang): string {
  const t = (id: string, en: string) => (lang === 'id' ? id : en);
  const range = (lo: number | undefined, hi: number | undefined, unit = '') =>
    lo !== undefined || hi !== undefined ? ` ${lo ?? ''}–${hi ?? ''}${unit}` : '';
  if (s.enum) return `${t('salah satu dari', 'one of')} ${s.enum.map(String).join(' | ')}`;
  switch (kindOf(s)) {
    case 'boolean':
      return 'true | false';
    case 'integer':
      return `${t('bilangan bulat', 'whole number')}${range(s.minimum, s.maximum)}`;
    case 'number':
      return `${t('bilangan', 'number')}${range(s.minimum, s.maximum)}`;
    case 'array':
      return `${t('daftar', 'list of')} ${s.items ? describe(s.items, lang) : t('nilai', 'values')}${s.items?.properties ? t(' (JSON, lewat --data)', ' (JSON, via --data)') : ''}`;
    case 'object':
      return `{ ${Object.keys(s.properties ?? {}).join(', ')} }`;
    case 'string':
      return s.pattern ? `${t('teks sesuai pola', 'text matching')} ${s.pattern}` : `${t('teks', 'text')}${range(s.minLength, s.maxLength, t(' karakter', ' chars'))}`;
    default:
      return t('JSON apa saja', 'any JSON');
  }
}
