import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {
  addUsersAndWait,
  connectClient,
  createEntitlement,
  importUsers,
  readAdminCredentials,
} from './api.js';
import { freePort, startServer } from './children.js';
import { createPostgresDatabase, type Dialect, dropPostgresDatabase } from './databases.js';
import { BATCH_SIZE } from './inserts.js';
import { int, ratio } from './table.js';

export interface WebhooksResults {
  readonly size: number;
  /** add-manual-user, request → SUCCEEDED, no webhook: the mean of one run before and one after. */
  readonly baselineUsersPerSecond: number;
  /** The same add with one webhook subscribed to `grant.added`, request → SUCCEEDED. */
  readonly withWebhookUsersPerSecond: number;
  /** Grant events from the add's request to the last one received by the webhook, per second. */
  readonly eventsPerSecond: number;
  /** Deliveries that carried those grants (one per bulk-action batch). */
  readonly deliveries: number;
}

/** A receiver on loopback that counts the grants it is sent, and when the last arrived. */
async function startCountingReceiver() {
  const state = { grants: 0, deliveries: 0, lastAt: 0 };
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      if (body.type === 'grant.added') {
        state.grants += body.data.grants.length;
        state.deliveries++;
        state.lastAt = performance.now();
      }
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Webhooks during a large add: on a running Roster, the add without a webhook (before and after),
 * then with one webhook receiving `grant.added`. Figures: grant events per second from the request
 * to the last receipt, and the add's speed with the webhook as a ratio to without (its added cost).
 */
export async function webhooksRun(
  dialect: Dialect,
  size: number,
  progress: (message: string) => void,
): Promise<WebhooksResults> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'roster-bench-webhooks-'));
  // A database of its own: the bootstrap credentials are written only on a first start.
  const pgName = `roster_bench_webhooks_${process.pid}`;
  const databaseUrl = dialect === 'postgres' ? await createPostgresDatabase(pgName) : undefined;
  const port = await freePort();
  const server = await startServer(
    'src/main.ts',
    {
      ROSTER_DATA_DIR: dataDir,
      ROSTER_PORT: String(port),
      ROSTER_LOG_LEVEL: 'warn',
      ROSTER_BULK_BATCH_SIZE: String(BATCH_SIZE),
      ROSTER_WEBHOOK_ALLOW_PRIVATE: 'true',
      ROSTER_WEBHOOK_ALLOW_HTTP: 'true',
      ...(databaseUrl ? { ROSTER_DATABASE_URL: databaseUrl } : {}),
    },
    port,
  );
  const receiver = await startCountingReceiver();
  try {
    const client = await connectClient(server.url, await credentialsOf(dataDir));
    progress(`importing ${int(size)} users`);
    const userIds = await importUsers(client, size, `webhooks-${dialect}`);
    const addOnce = async (name: string) => {
      const target = await createEntitlement(client, name);
      const started = performance.now();
      const timing = await addUsersAndWait(client, target, userIds);
      return { started, usersPerSecond: size / (timing.totalMs / 1000) };
    };
    progress(`add of ${int(size)} users, no webhook`);
    const before = await addOnce('webhooks baseline before');

    await client.call('POST', '/roster/v1/webhooks', { url: receiver.url, eventTypes: ['grant.added'] });
    progress(`add of ${int(size)} users, one webhook`);
    const withWebhook = await addOnce('webhooks on');
    const deadline = performance.now() + 10 * 60_000;
    while (receiver.state.grants < size) {
      if (performance.now() > deadline)
        throw new Error(`only ${receiver.state.grants} of ${size} grants arrived`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const eventsPerSecond = size / ((receiver.state.lastAt - withWebhook.started) / 1000);
    const deliveries = receiver.state.deliveries;

    progress(`add of ${int(size)} users, webhook deleted`);
    const { list } = await client.call('GET', '/roster/v1/webhooks');
    for (const webhook of list) {
      const deleted = await fetch(`${client.url}/roster/v1/webhooks/${webhook.id}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${client.token}` },
      });
      if (!deleted.ok) throw new Error(`DELETE webhook: ${deleted.status}`);
    }
    const after = await addOnce('webhooks baseline after');
    return {
      size,
      baselineUsersPerSecond: (before.usersPerSecond + after.usersPerSecond) / 2,
      withWebhookUsersPerSecond: withWebhook.usersPerSecond,
      eventsPerSecond,
      deliveries,
    };
  } finally {
    await receiver.close();
    await server.stop();
    if (databaseUrl) await dropPostgresDatabase(pgName);
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

/** The bootstrap credentials, which the server writes just after it starts listening. */
async function credentialsOf(dataDir: string) {
  for (let i = 0; ; i++) {
    try {
      return await readAdminCredentials(dataDir);
    } catch (error) {
      if (i >= 300) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** The bench table's webhook rows (columns: label, then value and ratio per dialect). */
export function webhookRows(dialects: readonly Dialect[], of: (d: Dialect) => WebhooksResults): string[][] {
  const size = int(of(dialects[0] as Dialect).size);
  return [
    [
      `Webhooks: ${size}-user add, commit → receipt (ratio: to the add alone)`,
      ...dialects.flatMap((d) => {
        const r = of(d);
        return [`${int(r.eventsPerSecond)} events/s`, ratio(r.eventsPerSecond / r.baselineUsersPerSecond)];
      }),
    ],
    [
      `  that add with one webhook (ratio: to without; ${int(of(dialects[0] as Dialect).deliveries)} deliveries)`,
      ...dialects.flatMap((d) => {
        const r = of(d);
        return [
          `${int(r.withWebhookUsersPerSecond)} users/s`,
          ratio(r.withWebhookUsersPerSecond / r.baselineUsersPerSecond),
        ];
      }),
    ],
  ];
}
