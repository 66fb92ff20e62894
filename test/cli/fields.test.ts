// `--set` against the API's real OpenAPI document: each value typed as the command's schema says.
import { buildOpenApiDocument } from '../../api/docs/document';
import { COMMAND_TYPES } from '../../domain/steps/index';
import type { CommandSpec } from '../../cli/fields';
import { commandSpecs, describeField, openApiDocument, parseAssignment } from '../../cli/fields';
import { UsageError } from '../../cli/messages';

const specs = commandSpecs(openApiDocument.parse(JSON.parse(JSON.stringify(buildOpenApiDocument()))))!;
const spec = (type: string): CommandSpec => specs.get(type)!;

test('every command type of the API, with its fields', () => {
  expect([...specs.keys()]).toEqual(COMMAND_TYPES);
  expect(spec('requestExtension').fields.map((f) => [f.name, f.required])).toEqual([
    ['days', true],
    ['reason', true],
  ]);
  expect(spec('resumeDeadline').fields).toEqual([]);
});

test('key=value takes the schema\'s type', () => {
  expect(parseAssignment('days=7', spec('requestExtension'))).toEqual(['days', 7]);
  expect(parseAssignment('reason=a=b c', spec('requestExtension'))).toEqual(['reason', 'a=b c']);
  expect(parseAssignment('approve=true', spec('decideClosure'))).toEqual(['approve', true]);
  expect(parseAssignment('approve=tidak', spec('decideClosure'))).toEqual(['approve', false]);
  // Strings that look like numbers stay strings where the schema wants a string.
  expect(parseAssignment('originRegionCode=32.04', spec('recordAssessment'))).toEqual(['originRegionCode', '32.04']);
  expect(parseAssignment('originRegionCode=32', spec('recordAssessment'))).toEqual(['originRegionCode', '32']);
  expect(parseAssignment('facilityCode=0012', spec('requestReferral'))).toEqual(['facilityCode', '0012']);
  // Lists of codes as a,b; anything as JSON.
  expect(parseAssignment('components=terapi_fisik, dukungan_keluarga', spec('submitPlan'))).toEqual(['components', ['terapi_fisik', 'dukungan_keluarga']]);
  expect(parseAssignment('services=[{"component":"terapi_fisik","dueInDays":30}]', spec('submitPlan'))).toEqual(['services', [{ component: 'terapi_fisik', dueInDays: 30 }]]);
});

test('key:=json sends JSON as it is; without a schema, key=value is a string', () => {
  expect(parseAssignment('days:="7"', spec('requestExtension'))).toEqual(['days', '7']);
  expect(parseAssignment('hours:=-3', spec('extendDeadline'))).toEqual(['hours', -3]);
  expect(parseAssignment('days=7', undefined)).toEqual(['days', '7']);
  expect(parseAssignment('x:=null', undefined)).toEqual(['x', null]);
});

test('what cannot be a field\'s value is a usage error, before anything is sent', () => {
  for (const [text, type] of [
    ['days=seven', 'requestExtension'],
    ['days=7.5', 'requestExtension'],
    ['approve=maybe', 'decideClosure'],
    ['services=terapi_fisik', 'submitPlan'],
    ['days:=seven', 'requestExtension'],
    ['dayz=7', 'requestExtension'],
    ['=7', 'requestExtension'],
    ['days', 'requestExtension'],
  ] as const) {
    expect(() => parseAssignment(text, spec(type))).toThrow(UsageError);
  }
});

test('fields described for `case commands`, in the operator\'s language', () => {
  expect(spec('extendDeadline').fields.map((f) => describeField(f, 'en'))).toEqual([
    '* hours              whole number 1–720',
    '* reason             text 1–2000 chars',
  ]);
  expect(spec('extendDeadline').fields.map((f) => describeField(f))).toEqual([
    '* hours              bilangan bulat 1–720',
    '* reason             teks 1–2000 karakter',
  ]);
  expect(describeField(spec('decidePlan').fields[0]!)).toBe('* approve            true | false');
});

test('old codes the API still takes (deprecated in the document) are not offered, but typed like the current ones', () => {
  const field = (type: string, name: string) => spec(type).fields.find((f) => f.name === name)!;
  expect(describeField(field('submitPlan', 'components'))).toContain('pembinaan_kewirausahaan');
  expect(describeField(field('submitPlan', 'components'))).not.toMatch(/[ |]kewirausahaan\b/);
  expect(describeField(field('decidePathway', 'category'))).toMatch(/\| korban_bencana_dan_kedaruratan$/);
  expect(describeField(field('decidePathway', 'category'))).not.toMatch(/korban_bencana( |$)/);
  expect(parseAssignment('components=bantuan_sosial,terapi_fisik', spec('submitPlan'))).toEqual(['components', ['bantuan_sosial', 'terapi_fisik']]);
});

test('a document without the command route gives no specs', () => {
  expect(commandSpecs({ paths: {} })).toBeUndefined();
});
