// The CLI's HTTP client on scripted answers: what becomes which error, and what it sends.
import { z } from 'zod';
import { ApiError, BadResponse, Interrupted, Unreachable, createApiClient } from '../../cli/api-client';

type Fetch = typeof fetch;
const client = (f: Fetch, extra: { signal?: AbortSignal; base?: string } = {}) =>
  createApiClient({ baseUrl: new URL(extra.base ?? 'http://api.test'), token: 'tok', language: 'en', fetch: f, timeoutMs: 50, ...(extra.signal ? { signal: extra.signal } : {}) });
const answer = (status: number, body: string, type = 'application/json'): Fetch => async () => new Response(body, { status, headers: { 'content-type': type } });
/** Answers only when aborted, as a hung server would. */
const hang: Fetch = (_input, init) =>
  new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));

test('sends the token, language and key, under the base URL\'s path', async () => {
  let seen: { url: string; headers: Headers; body: unknown } | undefined;
  const f: Fetch = async (input, init) => {
    seen = { url: String(input), headers: new Headers(init?.headers), body: init?.body };
    return new Response('{"caseId":"c"}', { status: 201, headers: { 'content-type': 'application/json', 'idempotent-replayed': 'true' } });
  };
  const reply = await client(f, { base: 'https://host/sigap/' }).post('/v1/cases', { a: 1 }, z.object({ caseId: z.string() }), 'k-1');
  expect(reply).toEqual({ body: { caseId: 'c' }, raw: { caseId: 'c' }, replayed: true });
  expect(seen!.url).toBe('https://host/sigap/v1/cases');
  expect(Object.fromEntries(seen!.headers)).toMatchObject({ authorization: 'Bearer tok', 'accept-language': 'en', 'idempotency-key': 'k-1', 'content-type': 'application/json' });
  expect(seen!.body).toBe('{"a":1}');
});

test('a problem, a proxy\'s HTML error and a foreign answer', async () => {
  const problem = { type: 'x', title: 'Case not found.', status: 404, code: 'CASE_NOT_FOUND', messages: { id: 'Kasus tidak ditemukan.', en: 'Case not found.' } };
  await expect(client(answer(404, JSON.stringify(problem), 'application/problem+json')).get('/v1/cases/x', z.unknown())).rejects.toMatchObject({
    status: 404,
    problem: { code: 'CASE_NOT_FOUND', messages: problem.messages },
  });
  const html = client(answer(502, '<html>Bad gateway</html>', 'text/html')).get('/v1/stats', z.unknown());
  await expect(html).rejects.toBeInstanceOf(ApiError);
  await expect(html).rejects.toMatchObject({ problem: { code: 'HTTP_502' } });
  await expect(client(answer(200, '<html>a web page</html>', 'text/html')).get('/v1/stats', z.object({ open: z.number() }))).rejects.toBeInstanceOf(BadResponse);
  await expect(client(answer(200, '{"other":1}')).get('/v1/stats', z.object({ open: z.number() }))).rejects.toBeInstanceOf(BadResponse);
});

test('no answer in time, and Ctrl-C, keep the Idempotency-Key of a write', async () => {
  const slow = client(hang).post('/v1/cases', {}, z.unknown(), 'k-2');
  await expect(slow).rejects.toBeInstanceOf(Unreachable);
  await expect(slow).rejects.toMatchObject({ url: 'http://api.test', timeoutSeconds: 0.05, idempotencyKey: 'k-2' });

  const stop = new AbortController();
  const stopped = client(hang, { signal: stop.signal }).post('/v1/cases', {}, z.unknown(), 'k-3');
  stop.abort();
  await expect(stopped).rejects.toBeInstanceOf(Interrupted);
  await expect(stopped).rejects.toMatchObject({ idempotencyKey: 'k-3' });
});
