// A refused request names each bad field in the caller's language: Bahasa Indonesia by default, English
// on request, both in `messages` — for Sigap's own rules and the schema library's checks alike.
import express from 'express';
import request from 'supertest';
import { commandBody } from '../../api/cases/commands';
import { openCaseBody } from '../../api/cases/schemas';
import { parseBody } from '../../api/http/parse';
import { problemHandler } from '../../api/http/problem';
import { registerStaffBody } from '../../api/staff/schemas';

function appFor(schema: Parameters<typeof parseBody>[0]) {
  const app = express();
  app.use(express.json());
  app.post('/', (req, res) => {
    parseBody(schema, req.body);
    res.json({});
  });
  app.use(problemHandler(() => undefined));
  return app;
}

test('field messages come in Indonesian by default and in English when asked, with both beside them', async () => {
  const app = appFor(openCaseBody);
  const bad = { category: 'kucing', riskLevel: 'high', regionCode: '6472', report: { channel: 'tksk', reportedAt: '2999-01-01T00:00:00Z' }, subject: {}, extra: 1 };
  const id = (await request(app).post('/').send(bad).expect(422)).body;
  const en = (await request(app).post('/').set('Accept-Language', 'en').send(bad).expect(422)).body;
  const byField = (body: { errors: { field: string; message: string }[] }) => Object.fromEntries(body.errors.map((e) => [e.field, e.message]));
  expect(byField(id)).toMatchObject({
    regionCode: 'harus berupa kode wilayah Kemendagri, misalnya "64" atau "64.72"',
    'report.reportedAt': 'tidak boleh di masa depan',
    extra: 'kolom tidak dikenal',
  });
  expect(byField(en)).toMatchObject({ 'report.reportedAt': 'must not be in the future', extra: 'unknown field' });
  expect(id.errors.every((e: { messages: { id: string; en: string } }) => e.messages.id && e.messages.en)).toBe(true);
  expect(byField(id).category).toMatch(/^(bukan salah satu pilihan yang berlaku|pilih salah satu: )/);
});

test('Sigap\'s own rules have their Indonesian words; a missing field says it is required', async () => {
  const staff = (await request(appFor(registerStaffBody)).post('/').send({ staffId: 'Budi Santoso', role: 'tksk' }).expect(422)).body;
  const messages = Object.fromEntries(staff.errors.map((e: { field: string; message: string }) => [e.field, e.message]));
  expect(messages).toMatchObject({ staffId: 'harus berupa id petugas (bukan nama)', unitCode: 'wajib diisi', unitKind: 'wajib diisi' });
  const nik = (await request(appFor(commandBody)).post('/').send({ type: 'recordIdentity', nik: '123' }).expect(422)).body;
  expect(nik.errors[0]).toMatchObject({ field: 'nik', message: 'harus 16 angka', messages: { en: 'expected 16 digits' } });
  // The submitted values are never echoed.
  expect(JSON.stringify(staff)).not.toContain('Budi');
});
