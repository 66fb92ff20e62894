// The OpenAPI 3.1 document, put together from each resource's own path registrations, which use the same
// zod schemas that validate requests. The committed copy (docs/openapi.json) is rewritten by
// `npm run openapi`; a test fails when either drifts from the routes.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { batchPaths } from '../batches/routes';
import { callbackPaths } from '../callbacks/routes';
import { casePaths } from '../cases/routes';
import { escalationPaths } from '../escalations/routes';
import { healthPaths } from '../health/routes';
import { reportPaths } from '../reports/routes';
import { staffPaths } from '../staff/routes';
import { statsPaths } from '../stats/routes';
import { trainingPaths } from '../training/routes';
import { transferPaths } from '../transfers/routes';

export function buildOpenApiDocument() {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  const secured = [{ [bearer.name]: [] }];
  const route: Parameters<typeof casePaths>[0] = (config) => registry.registerPath({ security: secured, ...config });
  casePaths(route);
  escalationPaths(route);
  staffPaths(route);
  statsPaths(route);
  reportPaths(route);
  transferPaths(route);
  callbackPaths(route);
  batchPaths(route);
  trainingPaths(route);
  healthPaths((config) => registry.registerPath(config));

  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Sigap case orchestration API',
      version: '1.0.0',
      description:
        'Operations staff open and move social-welfare cases; each case is a Temporal workflow. Errors are application/problem+json with a stable code and messages in Bahasa Indonesia and English.',
    },
    servers: [{ url: '/' }],
  });
}
