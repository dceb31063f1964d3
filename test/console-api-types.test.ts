import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, generateApiTypes } from '../scripts/openapi-types.js';

describe('the API types of the console and the CLI', () => {
  it('are those /openapi.json describes now (run `npm run console:api` after changing a route)', async () => {
    expect(await fs.readFile(API_TYPES_FILE, 'utf8')).toBe(await generateApiTypes());
  });
});
