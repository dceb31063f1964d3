import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  addUsersAndWait,
  connectClient,
  createEntitlement,
  importUsers,
  readAdminCredentials,
} from './api.js';
import { ROOT, sampleRss } from './children.js';
import { createPostgresDatabase, type Dialect, dropPostgresDatabase } from './databases.js';
import { startRoster } from './server-run.js';

export interface CliAddResult {
  /** The same add as one API request, request → SUCCEEDED. */
  readonly apiUsersPerSecond: number;
  /** `roster members add --file` from start to exit: read, send in chunks, follow, write the report. */
  readonly cliUsersPerSecond: number;
  readonly cliPeakRss: number;
}

const CLI = path.join(ROOT, 'dist/cli/roster/main.js');

/**
 * The `roster` CLI adding `size` people from a CSV file of user IDs with `--report`, end to end, and
 * the same people added with one API request, on a fresh Roster of the dialect.
 */
export async function cliAddRun(
  dialect: Dialect,
  size: number,
  progress: (message: string) => void,
): Promise<CliAddResult> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'roster-bench-cli-'));
  // A database of its own: the bootstrap credentials are written only on a first start.
  const pgName = `roster_bench_cli_${process.pid}`;
  const databaseUrl = dialect === 'postgres' ? await createPostgresDatabase(pgName) : undefined;
  const server = await startRoster(dataDir, databaseUrl);
  try {
    const credentials = await readAdminCredentials(dataDir);
    const client = await connectClient(server.url, credentials);
    progress(`CLI: importing ${size.toLocaleString('en-US')} users`);
    const userIds = await importUsers(client, size, `cli-${dialect}`);

    progress(`CLI: the same add as one API request`);
    const api = await addUsersAndWait(client, await createEntitlement(client, 'api add'), userIds);

    const file = path.join(dataDir, 'people.csv');
    await fs.writeFile(file, `userId\n${userIds.join('\n')}\n`);
    const report = path.join(dataDir, 'report.csv');
    const target = await createEntitlement(client, 'cli add');
    progress(`CLI: roster members add --file of ${size.toLocaleString('en-US')} lines`);
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [
        CLI,
        'members',
        'add',
        target.appId,
        target.entitlementId,
        '--file',
        file,
        '--yes',
        '--report',
        report,
      ],
      {
        env: {
          PATH: process.env.PATH,
          XDG_CONFIG_HOME: dataDir,
          ROSTER_SERVER: server.url,
          ROSTER_CLIENT_ID: credentials.clientId,
          ROSTER_CLIENT_SECRET: credentials.clientSecret,
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
    const sampler = sampleRss(child.pid as number);
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      stderr = (stderr + d.toString('utf8')).slice(-2000);
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    const cliMs = performance.now() - started;
    const cliPeakRss = await sampler.stop();
    if (code !== 0) throw new Error(`roster members add exited ${code}: ${stderr}`);
    return {
      apiUsersPerSecond: size / (api.totalMs / 1000),
      cliUsersPerSecond: size / (cliMs / 1000),
      cliPeakRss,
    };
  } finally {
    await server.stop();
    if (databaseUrl) await dropPostgresDatabase(pgName);
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}
