import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import { type Receiver, startReceiver } from '../../../test/webhook-receiver.js';

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

  it('sends every change, queued once, in order, after the pipeline is killed while a receiver holds a request', async () => {
    // The test clock stands still: move it, so the users made before the webhook stay before it.
    t.clock.advance(1_000);
    const made = await t.request('POST', '/roster/v1/webhooks', {
      url: receiver.url,
      eventTypes: ['user.created'],
    });
    const id = made.body.webhook.id as string;
    const users: string[] = [];
    for (let i = 0; i < 12; i++) users.push((await createUser(t)).id);

    // The fifth request is held open: the process is killed while it waits for the answer.
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    receiver.answer((_, index) => (index === 4 ? { status: 200, hold: held } : { status: 200 }));
    const first = startSender(t, {
      SENDER_OWNER: 'doomed',
      SENDER_LEASE_MS: '1000',
      SENDER_UNTIL: id,
      SENDER_EXPECT: '12',
    });
    await receiver.until(() => receiver.received.length === 5, 'the fifth request to arrive');
    first.child.kill('SIGKILL');
    await first.exited;
    release();

    const second = startSender(t, { SENDER_OWNER: 'successor', SENDER_UNTIL: id, SENDER_EXPECT: '12' });
    expect(await second.exited).toBe(0);

    const targets = receiver.received.map((r) => JSON.parse(r.body).data.targetId);
    // At least once: the one in flight when the process died is sent again, and nothing else is;
    // every user's event came, in the order the users were made.
    expect(targets).toEqual([...users.slice(0, 5), ...users.slice(4)]);
    const ids = receiver.received.map((r) => r.headers['webhook-id']);
    expect(ids[4]).toBe(ids[5]);
    const rows = await t.db
      .selectFrom('webhook_deliveries')
      .select(['state', 'attempts'])
      .where('subscription_id', '=', id)
      .orderBy('seq')
      .execute();
    // Each change was queued once (the dispatcher's cursor moved with the deliveries it made).
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => r.state === 'DELIVERED')).toBe(true);
    expect(rows.map((r) => r.attempts)).toEqual(Array(12).fill(1));
  });
});
