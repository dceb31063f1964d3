import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, generateApiTypes } from '../console/scripts/openapi-types.js';

describe('the console API types', () => {
  it('are those /openapi.json describes now (run `npm run console:api` after changing a route)', async () => {
    expect(await fs.readFile(API_TYPES_FILE, 'utf8')).toBe(await generateApiTypes());
  });
});
