import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The API's version (apps/api/package.json, one level above both src/ and dist/). */
export const API_VERSION: string = (JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')) as { version: string }).version;
