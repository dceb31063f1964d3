import { createHash, randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { readJson, writePrivateJson } from './profiles.js';

/** `$XDG_STATE_HOME/roster`, else `~/.local/state/roster` (XDG Base Directory Specification). */
export function stateDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_STATE_HOME || path.join(os.homedir(), '.local', 'state');
  return path.join(base, 'roster');
}

interface JournalFile {
  /** Names the run in its Idempotency-Keys: kept while the run is unfinished, new for the next run. */
  runId: string;
  /** What the run does, for a person reading the folder. */
  command: string;
  startedAt: string;
  /** Set once every request of the run was answered and followed to its end. */
  finishedAt?: string;
}

/**
 * A change made of several requests, recorded in the state folder so that running the same command
 * again after a crash or Ctrl-C resumes it with the same Idempotency-Keys (the server answers what
 * it already did, nothing is doubled), while running it again after it finished is a new run with new
 * keys: the server does the work now and answers what is true now.
 */
export interface RunJournal {
  readonly runId: string;
  /** True when an unfinished run of the same command was found and is being resumed. */
  readonly resumed: boolean;
  /** Marks the run finished: the next run of the same command starts afresh. */
  finish(): Promise<void>;
}

/**
 * The journal of the run that `identity` names (everything that makes two runs "the same command":
 * server, client, input, target, chunking). Its file is kept, 0600, under stateDir()/runs; one that is
 * not JSON is refused with a line naming it.
 */
export async function openJournal(identity: readonly string[], command: string): Promise<RunJournal> {
  const name = createHash('sha256').update(identity.join('\n')).digest('hex');
  const file = path.join(stateDir(), 'runs', `${name}.json`);
  const found = await readJson<JournalFile | undefined>(file, undefined);
  const resumed = found !== undefined && found.finishedAt === undefined;
  const entry: JournalFile = resumed
    ? found
    : { runId: randomUUID(), command, startedAt: new Date().toISOString() };
  // Written (atomically) before the first request, so a crash at any later point leaves a run to resume.
  if (!resumed) await writePrivateJson(file, entry);
  return {
    runId: entry.runId,
    resumed,
    finish: () => writePrivateJson(file, { ...entry, finishedAt: new Date().toISOString() }),
  };
}
