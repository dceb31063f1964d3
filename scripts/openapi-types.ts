import fs from 'node:fs/promises';
import openapiTS, { astToString } from 'openapi-typescript';
import { startTestApp } from '../test/harness.js';

/**
 * The API's types, generated from the /openapi.json a fresh Roster serves: the console and the
 * `roster` CLI both call the API through them (with openapi-fetch).
 */
export const API_TYPES_FILE = new URL('../src/api-types/schema.d.ts', import.meta.url);

const HEADER = '// Generated from /openapi.json by `npm run console:api`; do not edit.\n';

export async function generateApiTypes(): Promise<string> {
  const t = await startTestApp('sqlite');
  try {
    const response = await t.app.inject({ method: 'GET', url: '/openapi.json' });
    const document = JSON.parse(response.body) as Parameters<typeof openapiTS>[0];
    return HEADER + astToString(await openapiTS(document, { alphabetize: true }));
  } finally {
    await t.close();
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  await fs.writeFile(API_TYPES_FILE, await generateApiTypes());
  process.stdout.write(`wrote ${API_TYPES_FILE.pathname}\n`);
}
