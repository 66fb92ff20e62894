// The OpenAPI document must describe exactly the routes the app serves, and the committed copy must be
// what the zod schemas generate today. Run `npm run openapi` after changing a route or a schema.
import fs from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import type { Express } from 'express';
import { createApp } from '../../api/app';
import { buildOpenApiDocument } from '../../api/docs/document';
import { createLogger } from '../../config/logger';
import type { Db } from '../../db/client';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every (method, path) the app routes, found by walking Express's router stack. */
function servedRoutes(app: Express): string[] {
  const found: string[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) found.push(`${method.toUpperCase()} ${layer.route.path}`);
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return found;
}

const documented = (doc: ReturnType<typeof buildOpenApiDocument>) =>
  Object.entries(doc.paths ?? {}).flatMap(([p, item]) =>
    Object.keys(item as object)
      .filter((k) => ['get', 'post', 'put', 'patch', 'delete'].includes(k))
      .map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`),
  );

// Routes that are not part of the API contract: interactive docs, the document itself, metrics, and the
// Web UI's codec endpoint.
const INFRASTRUCTURE = /^(GET \/openapi\.json|GET \/metrics|(GET|POST) \/codec\/)/;

test('the document lists exactly the routes the app serves', () => {
  const app = createApp({
    client: {} as Client,
    db: {} as Db,
    taskQueue: 'unused',
    policy: {},
    logger: createLogger('silent'),
    checks: {},
    verifyToken: () => Promise.reject(new Error('unused')),
    codec: { ring: { currentId: 'x', keys: new Map() }, corsOrigins: [] },
  });
  const served = servedRoutes(app).filter((r) => !INFRASTRUCTURE.test(r));
  expect(served.length).toBeGreaterThan(5);
  expect(new Set(served)).toEqual(new Set(documented(buildOpenApiDocument())));
});

test('the committed docs/openapi.json is what the schemas generate (run `npm run openapi`)', () => {
  const committed: unknown = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'openapi.json'), 'utf8'));
  expect(committed).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
});

test('every staff command type appears in the document', () => {
  const doc = JSON.stringify(buildOpenApiDocument());
  for (const type of ['recordAssessment', 'decideClosure', 'extendDeadline', 'reopen', 'withdraw']) expect(doc).toContain(`"${type}"`);
});
