// Regenerates schema/touchtrail-export-v1.schema.json from the Zod schemas: `npm run schema`.
import { writeFileSync } from 'node:fs';
import { EXPORT_SCHEMA_PATH, exportJsonSchema } from '../lib/export/json-schema';

writeFileSync(EXPORT_SCHEMA_PATH, exportJsonSchema());
console.log(`Wrote ${EXPORT_SCHEMA_PATH}`);
