// `npm run openapi`: rewrites the committed docs/openapi.json from the zod schemas.
import fs from 'node:fs';
import path from 'node:path';
import { buildOpenApiDocument } from '../api/docs/document';

const file = path.join(__dirname, '..', 'docs', 'openapi.json');
fs.writeFileSync(file, `${JSON.stringify(buildOpenApiDocument(), null, 2)}\n`);
process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
