import { z } from 'zod';
import { exportFile } from './format';

/** The JSON Schema of the export format, generated from the Zod schemas (kept in schema/). */
export function exportJsonSchema(): string {
  return `${JSON.stringify(z.toJSONSchema(exportFile, { target: 'draft-2020-12' }), null, 2)}\n`;
}

export const EXPORT_SCHEMA_PATH = 'schema/touchtrail-export-v1.schema.json';
