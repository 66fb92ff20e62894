// Request values generated from the OpenAPI document's JSON Schemas with fast-check: mostly valid values
// (so requests get past validation and reach Temporal and the database), with a share of wrong types,
// junk strings, missing and unknown fields, so the error paths are exercised too.
import fc from 'fast-check';

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  $ref?: string;
}

const junkOf = (huge: boolean) => fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant('\u0000'),
  fc.constant('🙂'.repeat(5)),
  fc.constant("'; drop table cases; --"),
  // Bigger than the body limit; URLs never get it (Node itself answers 431 to oversized request lines).
  fc.constant(huge ? 'x'.repeat(70_000) : 'x'.repeat(600)),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
);

export interface GenerateOptions {
  /** Whether junk may include a value larger than the request body limit. */
  huge: boolean;
}

/** A value for `schema`; with probability 1/16 at each level it is deliberately wrong. */
export function valueFor(schema: JsonSchema, resolve: (ref: string) => JsonSchema, opts: GenerateOptions): fc.Arbitrary<unknown> {
  if (schema.$ref) return valueFor(resolve(schema.$ref), resolve, opts);
  const valid = validFor(schema, resolve, opts);
  return fc.oneof({ arbitrary: valid, weight: 15 }, { arbitrary: junkOf(opts.huge), weight: 1 });
}

function validFor(schema: JsonSchema, resolve: (ref: string) => JsonSchema, opts: GenerateOptions): fc.Arbitrary<unknown> {
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants) return fc.oneof(...variants.map((v) => valueFor(v, resolve, opts)));
  if (schema.enum) return fc.constantFrom(...schema.enum);
  if (schema.const !== undefined) return fc.constant(schema.const);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
      if (schema.format === 'date-time') return fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
      return fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 40) });
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'array':
      return fc.array(valueFor(schema.items ?? {}, resolve, opts), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 4, 4) });
    case 'object': {
      const props = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const record = fc.record(
        Object.fromEntries(Object.entries(props).map(([k, s]) => [k, valueFor(s, resolve, opts)])),
        { requiredKeys: Object.keys(props).filter((k) => required.has(k)) },
      );
      // Now and then a required field goes missing or an unknown one appears.
      return fc.tuple(record, fc.nat(31), fc.string({ minLength: 1, maxLength: 8 })).map(([value, roll, extra]) => {
        const v = { ...(value as Record<string, unknown>) };
        if (roll === 0 && required.size) delete v[[...required][0]!];
        if (roll === 1) v[`x_${extra}`] = extra;
        return v;
      });
    }
    default:
      return junkOf(opts.huge);
  }
}
