import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  addUsersAndWait,
  connectClient,
  createEntitlement,
  importUsers,
  readAdminCredentials,
} from './api.js';
import { rssBytes, type ServerChild, sampleRss } from './children.js';
import { startRoster } from './server-run.js';

/** RSS of the server around one piece of big work: before it, its peak, and `settleMs` after it. */
export interface MemorySpan {
  readonly before: number;
  readonly peak: number;
  readonly after: number;
}

export interface MemoryResults {
  readonly import: MemorySpan;
  readonly add: MemorySpan;
}

/** How long the server rests after the work before its RSS is read again (the 10 s). */
const SETTLE_MS = 10_000;

async function span(server: ServerChild, work: () => Promise<unknown>): Promise<MemorySpan> {
  const before = (await rssBytes(server.pid)) ?? 0;
  const sampler = sampleRss(server.pid);
  await work();
  // The peak includes the settling time: memory freed late still counted while it was held.
  await sleep(SETTLE_MS);
  const peak = await sampler.stop();
  const after = (await rssBytes(server.pid)) ?? 0;
  return { before, peak, after };
}

/**
 * Memory that returns after big work (issue 21 goal 3): on a fresh server, a `users` import of
 * `size` users, then an add-manual-user of all of them to one entitlement, each with the RSS of the
 * whole server process before, at its peak and 10 s after.
 */
export async function memoryRun(
  databaseUrl: string | undefined,
  size: number,
  progress: (message: string) => void,
  extraNodeFlags: readonly string[] = [],
): Promise<MemoryResults> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'roster-bench-memory-'));
  try {
    const server = await startRoster(dataDir, databaseUrl, extraNodeFlags);
    try {
      const client = await connectClient(server.url, await readAdminCredentials(dataDir));
      const target = await createEntitlement(client, `memory ${size}`);
      // At rest after the set-up requests, as the big work finds it.
      await sleep(2_000);
      let userIds: string[] = [];
      progress(`importing ${size.toLocaleString('en-US')} users, RSS sampled`);
      const imported = await span(server, async () => {
        userIds = await importUsers(client, size, 'memory');
      });
      progress(`adding ${size.toLocaleString('en-US')} users, RSS sampled`);
      const added = await span(server, () => addUsersAndWait(client, target, userIds, 100));
      return { import: imported, add: added };
    } finally {
      await server.stop();
    }
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}
