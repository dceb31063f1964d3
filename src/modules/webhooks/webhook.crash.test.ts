import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import { type Receiver, startReceiver, until } from '../../../test/webhook-receiver.js';

const WORKER = path.resolve(import.meta.dirname, '../../../test/workers/webhook-sender.ts');

function startSender(
  t: TestApp,
  env: Record<string, string>,
): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
    env: { ...process.env, ...t.database.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited };
}

describe.each(DIALECTS)('webhook deliveries survive SIGKILL on %s', (dialect) => {
  let t: TestApp;
  let receiver: Receiver;
  beforeAll(async () => {
    t = await startTestApp(dialect, {
      env: { ROSTER_WEBHOOK_ALLOW_PRIVATE: 'true', ROSTER_WEBHOOK_ALLOW_HTTP: 'true' },
    });
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  it('sends everything, in order, after the sender is killed while a receiver holds a request', async () => {
    const made = await t.request('POST', '/roster/v1/webhooks', {
      url: receiver.url,
      eventTypes: ['grant.added'],
    });
    const id = made.body.webhook.id as string;
    const queued: { messageId: string }[] = [];
    for (let i = 0; i < 12; i++)
      queued.push((await t.request('POST', `/roster/v1/webhooks/${id}/ping`, {})).body.delivery);

    // The fifth request is held open: the sender is killed while it waits for the answer.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    receiver.answer((_, index) => (index === 4 ? { status: 200, hold: held } : { status: 200 }));
    const first = startSender(t, { SENDER_OWNER: 'doomed', SENDER_LEASE_MS: '1000', SENDER_UNTIL: id });
    await until(() => receiver.received.length === 5, 'the fifth request to arrive');
    first.child.kill('SIGKILL');
    await first.exited;
    release();

    const second = startSender(t, { SENDER_OWNER: 'successor', SENDER_UNTIL: id });
    expect(await second.exited).toBe(0);

    const ids = receiver.received.map((r) => r.headers['webhook-id']);
    // At least once: the one in flight when the sender died is sent again, and nothing else is.
    expect(ids).toEqual([
      ...queued.slice(0, 5).map((d) => d.messageId),
      ...queued.slice(4).map((d) => d.messageId),
    ]);
    const rows = await t.db
      .selectFrom('webhook_deliveries')
      .select(['state', 'attempts'])
      .where('subscription_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(rows.every((r) => r.state === 'DELIVERED')).toBe(true);
    expect(rows.map((r) => r.attempts)).toEqual(Array(12).fill(1));
  });
});
