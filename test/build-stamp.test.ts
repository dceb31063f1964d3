import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildIsStale, inputFingerprint, writeStamp } from '../scripts/build-stamp.mjs';

/** `npm start` rebuilds only when a build input changed since the stamp `npm run build` wrote. */
describe('the start-up build check', () => {
  let root: string;
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  const built = () => {
    write('dist/main.js', '// built');
    writeStamp(root, inputFingerprint(root));
  };

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'roster-build-stamp-'));
    write('package.json', '{}');
    write('src/main.ts', 'export {};');
    write('console/src/App.tsx', 'export {};');
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('is stale before the first build and fresh right after it', () => {
    expect(buildIsStale(root)).toBe(true);
    built();
    expect(buildIsStale(root)).toBe(false);
  });

  it('is stale when the compiled server is missing even though the stamp is there', () => {
    built();
    fs.rmSync(path.join(root, 'dist/main.js'));
    expect(buildIsStale(root)).toBe(true);
  });

  it('is stale after a source is edited, added or removed, in the server or the console', () => {
    built();
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(path.join(root, 'src/main.ts'), later, later);
    expect(buildIsStale(root)).toBe(true);
    built();
    write('src/extra.ts', 'export {};');
    expect(buildIsStale(root)).toBe(true);
    built();
    fs.rmSync(path.join(root, 'console/src/App.tsx'));
    expect(buildIsStale(root)).toBe(true);
    built();
    write('package.json', '{"name":"x"}');
    expect(buildIsStale(root)).toBe(true);
  });

  it('stays fresh when only outputs, dependencies or test files change', () => {
    built();
    write('dist/app.js', '// another output');
    write('console/dist/index.html', '<html></html>');
    write('node_modules/x/index.js', '');
    write('src/main.test.ts', 'export {};');
    expect(buildIsStale(root)).toBe(false);
  });
});
