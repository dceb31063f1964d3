// `npm start`: builds only when a source changed since the last build (`npm install` builds once
// through `prepare`), then runs the server in this same process, so starting costs no compiler run
// and no second Node start-up.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildIsStale } from './build-stamp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
if (buildIsStale(root)) {
  process.stderr.write('roster: sources changed since the last build; building first\n');
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
}
await import(pathToFileURL(path.join(root, 'dist', 'main.js')).href);
