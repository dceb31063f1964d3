import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(import.meta.dirname, '..', 'src');

/**
 * JSON text that is not a column: page tokens, an encoded client secret, the bootstrap credentials
 * file, and the system-log event, which is served as stored (the export streams its text, the list
 * answers its parse).
 */
const NOT_COLUMNS = [
  'http/pagination.ts',
  'modules/auth/bootstrap.ts',
  'modules/auth/client-secret.ts',
  'modules/audit/system-log.routes.ts',
];

describe('stored encodings', () => {
  it('are decoded in repositories only: JSON columns and 0/1 flags reach the code decoded', async () => {
    const files = (await readdir(SRC, { recursive: true })).filter(
      (file) =>
        file.endsWith('.ts') &&
        !file.endsWith('.test.ts') &&
        !file.endsWith('.repository.ts') &&
        // The command-line tools read files and HTTP answers, never a column.
        !file.startsWith(`cli${path.sep}`),
    );
    const offenders: string[] = [];
    for (const file of files) {
      const text = await readFile(path.join(SRC, file), 'utf8');
      const decodesJson =
        text.includes('JSON.parse(') && !NOT_COLUMNS.includes(file.split(path.sep).join('/'));
      // A flag column (snake_case) compared with 1 is a flag decoded outside its repository.
      const decodesFlag = /\.[a-z]+(?:_[a-z]+)+ === 1\b/.test(text);
      if (decodesJson || decodesFlag) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });
});
