import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';

/** The lock: a small SQLite database of its own, so the main database stays shareable. */
export const LOCK_FILE = 'roster.lock';
/** The pid of the Roster holding the lock, for the message of the one it refuses. */
export const PID_FILE = 'roster.pid';

export interface DataDirLock {
  release(): void;
}

export type LockResult = { readonly held: DataDirLock } | { readonly heldBy: number | undefined };

/**
 * Takes the data folder for this process, or says who has it. The lock is SQLite's own file lock,
 * held by a connection in EXCLUSIVE locking mode: the operating system drops it when the process
 * ends however it ends (SIGKILL, a crash), so no stale lock blocks the next start and no pid is
 * trusted to still mean the same process. The pid file only names the holder in the refusal.
 */
export function lockDataDir(dataDir: string): LockResult {
  fs.mkdirSync(dataDir, { recursive: true });
  // timeout 0: a held lock answers SQLITE_BUSY at once instead of after SQLite's busy wait.
  const lock = new SQLite(path.join(dataDir, LOCK_FILE), { timeout: 0 });
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    // The first write takes the exclusive lock; in EXCLUSIVE mode it is kept until the connection closes.
    lock.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL)');
    lock.prepare('DELETE FROM holder').run();
    lock.prepare('INSERT INTO holder (pid) VALUES (?)').run(process.pid);
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return { heldBy: readPid(dataDir) };
    throw error;
  }
  const pidFile = path.join(dataDir, PID_FILE);
  fs.writeFileSync(pidFile, `${process.pid}\n`);
  return {
    held: {
      release() {
        fs.rmSync(pidFile, { force: true });
        lock.close();
      },
    },
  };
}

function readPid(dataDir: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(path.join(dataDir, PID_FILE), 'utf8'), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}
