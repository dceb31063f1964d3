import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The console's data layer is per domain (console/src/api/<domain>.ts: query keys, query options,
 * listings, mutation hooks); pages and components only use it, and a page never imports another.
 */
const SRC = fileURLToPath(new URL('../console/src/', import.meta.url));
const sources = (dir: string) =>
  fs
    .readdirSync(path.join(SRC, dir))
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => ({
      file: `${dir}/${f}`,
      lines: fs.readFileSync(path.join(SRC, dir, f), 'utf8').split('\n'),
    }));
const offending = (files: ReturnType<typeof sources>, pattern: RegExp) =>
  files.flatMap(({ file, lines }) => lines.flatMap((l, i) => (pattern.test(l) ? [`${file}:${i + 1}`] : [])));

describe('the console layout', () => {
  const pages = sources('pages');
  const both = [...pages, ...sources('components')];

  it('keeps query keys in the api modules', () => {
    expect(offending(both, /queryKey:\s*\[|QueryData\(\s*\[|useKeysetPages\(\s*\[/)).toEqual([]);
  });

  it('calls the API only from the api modules', () => {
    expect(offending(both, /import\s*\{[^}]*\bapi\b[^}]*\}\s*from '\.\.\/api\/client'/)).toEqual([]);
  });

  it('has no page import another page, nor a component import a page', () => {
    expect(offending(pages, /from '\.\//)).toEqual([]);
    expect(offending(both, /from '\.\.\/pages\//)).toEqual([]);
  });
});
