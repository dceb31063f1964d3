// `npm run build`: the server (tsc) and the console (Vite), then the stamp that lets `npm start`
// skip both next time. The fingerprint is taken before building, so an edit made while the build
// runs leaves the stamp stale and the next start builds again.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inputFingerprint, writeStamp } from './build-stamp.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const fingerprint = inputFingerprint(root);
const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: 'inherit' });
run(bin('tsc'), ['-p', 'tsconfig.build.json']);
run(bin('vite'), ['build', '--config', 'console/vite.config.ts']);
writeStamp(root, fingerprint);
