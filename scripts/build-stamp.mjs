// Plain JavaScript on purpose: `npm start` runs this before anything is compiled, and loading a
// TypeScript loader would cost more than the check itself.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** What the build reads: a change to any of these makes `dist/` and `console/dist/` stale. */
const INPUT_DIRS = ['src', 'console'];
const INPUT_FILES = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json'];
/** Directories under the inputs that the build writes or that hold no build input. */
const SKIPPED = new Set(['dist', 'node_modules']);
/** Written by `npm run build` once both builds succeeded: the fingerprint of the inputs they read. */
export const STAMP_FILE = path.join('dist', '.build-stamp');

function listFiles(root, dir, out) {
  let entries;
  try {
    entries = fs.readdirSync(path.join(root, dir), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED.has(entry.name)) listFiles(root, relative, out);
    } else if (entry.isFile() && !entry.name.endsWith('.test.ts')) {
      out.push(relative);
    }
  }
}

/**
 * A fingerprint of every build input under `root`: each file's path, size and modification time.
 * Editing, adding, removing or renaming an input changes it; a checkout that was built and left
 * alone keeps it. Test files are left out (the build skips them).
 */
export function inputFingerprint(root) {
  const files = [];
  for (const dir of INPUT_DIRS) listFiles(root, dir, files);
  for (const file of INPUT_FILES) files.push(file);
  files.sort();
  const hash = createHash('sha256');
  for (const file of files) {
    let stat;
    try {
      stat = fs.statSync(path.join(root, file));
    } catch {
      continue;
    }
    hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/** True when the last build's stamp is missing or names other inputs than those on disk now. */
export function buildIsStale(root) {
  let stamp;
  try {
    stamp = fs.readFileSync(path.join(root, STAMP_FILE), 'utf8').trim();
  } catch {
    return true;
  }
  if (!fs.existsSync(path.join(root, 'dist', 'main.js'))) return true;
  return stamp !== inputFingerprint(root);
}

/** Records that the outputs match the inputs whose fingerprint was taken before the build ran. */
export function writeStamp(root, fingerprint) {
  fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
  fs.writeFileSync(path.join(root, STAMP_FILE), `${fingerprint}\n`);
}
