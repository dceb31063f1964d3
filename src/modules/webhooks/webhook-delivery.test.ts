import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import { createSignal } from '../../../test/wait.js';
import { type Receiver, startReceiver } from '../../../test/webhook-receiver.js';
import { manualClock, systemClock } from '../../lib/clock.js';
import { createWebhookWorker, retryDelay, type WebhookWorkerDeps } from './webhook-delivery.worker.js';
import { sendWebhook } from './webhook-sender.js';
import { guardedLookup } from './webhook-target.js';

const LOCAL = { ROSTER_WEBHOOK_ALLOW_PRIVATE: 'true', ROSTER_WEBHOOK_ALLOW_HTTP: 'true' };
const LOCAL_POLICY = { allowPrivate: true, allowHttp: true };

describe.each(DIALECTS)('webhook delivery on %s', (dialect) => {
  let t: TestApp;
  const receivers: Receiver[] = [];
  const workers: { stop(): Promise<void> }[] = [];
  beforeAll(async () => {
    t = await startTestApp(dialect, { env: LOCAL });
  });
  afterAll(async () => {
    for (const worker of workers) await worker.stop();
    await t.close();
    for (const receiver of receivers) await receiver.close();
  });

  const receiver = async () => {
    const made = await startReceiver();
    receivers.push(made);
    return made;
  };

  /** Each recorded attempt of any worker: tests wait for outcomes by checking after each. */
  const attempted = createSignal();

  /** A worker on real time with short pauses, so retries come within the test. */
  function worker(overrides: Partial<WebhookWorkerDeps> = {}) {
    const made = createWebhookWorker({
      db: t.db,
      dialect: t.container.dialect,
      clock: systemClock,
      systemLog: t.container.systemLog,
      logger: pino({ level: 'silent' }),
      policy: LOCAL_POLICY,
      retry: { baseMs: 20, maxMs: 100, disableAfterMs: 60_000 },
      pollMs: 20,
      afterAttempt: () => attempted.notify(),
      ...overrides,
    });
    workers.push(made);
    return made;
  }

  async function webhook(url: string): Promise<{ id: string; secret: string }> {
    const made = await t.request('POST', '/roster/v1/webhooks', { url, eventTypes: ['grant.added'] });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    return { id: made.body.webhook.id, secret: made.body.secret };
  }

  const ping = async (id: string) =>
    (await t.request('POST', `/roster/v1/webhooks/${id}/ping`, {})).body.delivery;

  const deliveries = (id: string) =>
    t.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('subscription_id', '=', id)
      .orderBy('seq')
      .execute();

  // First in this file: no webhook exists yet, so the sender has nothing to claim.
  it('takes no write lock while it has nothing to send, and claims once a delivery is due', async () => {
    // The sender's handle counts its transactions (each one a write lock on SQLite); the rest of
    // the handle is the test app's own.
    let transactions = 0;
    const db = new Proxy(t.db, {
      get(target, property) {
        if (property === 'transaction') transactions++;
        const value: unknown = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    let looks = 0;
    const looked = createSignal();
    const clock = {
      now: () => {
        looks++;
        looked.notify();
        return new Date();
      },
    };
    const sender = worker({ db, clock, pollMs: 5 });
    sender.start();
    await looked.until(async () => looks >= 40, { what: 'the sender to look for work 40 times' });
    expect(transactions).toBe(0);

    const ok = await receiver();
    const { id } = await webhook(ok.url);
    const due = await ping(id);
    await attempted.until(async () => (await deliveries(id)).every((d) => d.state === 'DELIVERED'), {
      what: 'the ping delivered',
    });
    await sender.stop();
    expect(ok.received.map((r) => r.headers['webhook-id'])).toEqual([due.messageId]);
    expect(transactions).toBeGreaterThan(0);
  });

  it('retries while the receiver is down, then delivers everything in order', async () => {
    const down = await receiver();
    let up = false;
    down.answer(() => (up ? { status: 200, body: 'ok' } : { status: 503, body: 'down for maintenance' }));
    const { id } = await webhook(down.url);
    const queued = [await ping(id), await ping(id), await ping(id)];
    const sender = worker();
    sender.start();
    await down.until(() => down.received.length >= 3, 'three failed attempts');
    up = true;
    await attempted.until(async () => (await deliveries(id)).every((d) => d.state === 'DELIVERED'), {
      what: 'all delivered',
    });
    await sender.stop();

    const ids = down.received.map((r) => r.headers['webhook-id']);
    // Only the head was tried while down: later ones wait behind it, so the order holds.
    const firstOk = ids.lastIndexOf(queued[0].messageId);
    expect(ids.slice(0, firstOk).every((m) => m === queued[0].messageId)).toBe(true);
    expect(ids.slice(firstOk)).toEqual(queued.map((d) => d.messageId));

    const head = await t.request('GET', `/roster/v1/webhooks/${id}/deliveries/${queued[0].id}`);
    expect(head.body.delivery.attempts).toBeGreaterThanOrEqual(4);
    expect(head.body.attempts.slice(0, 3)).toEqual(
      Array(3).fill(expect.objectContaining({ status: 503, responseExcerpt: 'down for maintenance' })),
    );
    expect(head.body.attempts.at(-1)).toMatchObject({ status: 200, error: null });
    expect((await t.request('GET', `/roster/v1/webhooks/${id}`)).body.webhook.state).toBe('ACTIVE');
  });

  it('does not let a slow receiver hold up another webhook', async () => {
    const slow = await receiver();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    slow.answer(() => ({ status: 200, hold: held }));
    const fast = await receiver();
    const a = await webhook(slow.url);
    const b = await webhook(fast.url);
    await ping(a.id);
    const quick = await ping(b.id);
    const sender = worker({ concurrency: 2 });
    sender.start();
    await slow.until(() => slow.received.length === 1, 'the slow receiver to be reached');
    await fast.until(() => fast.received.length === 1, 'the fast receiver to be reached');
    expect(fast.received[0]?.headers['webhook-id']).toBe(quick.messageId);
    expect((await deliveries(a.id))[0]?.state).toBe('PENDING');
    release();
    await attempted.until(async () => (await deliveries(a.id))[0]?.state === 'DELIVERED', {
      what: 'the slow one delivered',
    });
    await sender.stop();
  });

  it('disables a webhook that fails for too long, and says so in the system log', async () => {
    const broken = await receiver();
    broken.answer(() => ({ status: 500, body: 'boom' }));
    const { id } = await webhook(broken.url);
    await ping(id);
    // Time moves by attempts, not by the machine's speed: each attempt is 100 ms after the one before,
    // so the third failure (200 ms after the first) is past the 150 ms limit, however loaded the host.
    const clock = manualClock(new Date(Date.now() + 60_000));
    const sender = worker({
      clock,
      concurrency: 1,
      retry: { baseMs: 10, maxMs: 20, disableAfterMs: 150 },
      afterAttempt: () => {
        clock.advance(100);
        attempted.notify();
      },
    });
    sender.start();
    await attempted.until(
      async () => (await t.request('GET', `/roster/v1/webhooks/${id}`)).body.webhook.state === 'DISABLED',
      { what: 'the webhook to be disabled' },
    );
    await sender.stop();
    expect(broken.received).toHaveLength(3);
    const read = (await t.request('GET', `/roster/v1/webhooks/${id}`)).body.webhook;
    expect(read.disabledReason).toContain('500');
    const logged = await t.db
      .selectFrom('system_log_events')
      .selectAll()
      .where('target_id', '=', id)
      .where('activity', '=', 'webhook.disabled')
      .execute();
    expect(logged).toHaveLength(1);
    expect(logged[0]?.actor_user_id).toBeNull();
    // Resuming sends what is still queued at once, whatever back-off the last failure chose.
    broken.answer(() => ({ status: 204 }));
    expect((await t.request('POST', `/roster/v1/webhooks/${id}/resume`, {})).body.webhook.state).toBe(
      'ACTIVE',
    );
    await worker({ clock: t.clock }).runUntilIdle();
    expect((await deliveries(id))[0]?.state).toBe('DELIVERED');
    expect(broken.received).toHaveLength(4);
  });

  it('does not follow redirects and reads no more than 64 KiB of an answer', async () => {
    const odd = await receiver();
    odd.answer((_, index) =>
      index === 0
        ? { status: 302, headers: { location: 'http://169.254.169.254/' } }
        : { status: 200, body: `\0${'x'.repeat(1024 * 1024)}` },
    );
    const { id } = await webhook(odd.url);
    const sent = await ping(id);
    const sender = worker();
    sender.start();
    await attempted.until(async () => (await deliveries(id))[0]?.state === 'DELIVERED', {
      what: 'delivery after the redirect',
    });
    await sender.stop();
    expect(odd.received).toHaveLength(2);
    const detail = await t.request('GET', `/roster/v1/webhooks/${id}/deliveries/${sent.id}`);
    expect(detail.body.attempts[0]).toMatchObject({
      status: 302,
      error: expect.stringContaining('redirect'),
    });
    expect(detail.body.attempts[1].status).toBe(200);
    expect(detail.body.attempts[1].responseExcerpt.length).toBeLessThanOrEqual(1024);
    // A NUL cannot be stored in PostgreSQL text: it is kept as U+FFFD.
    expect(detail.body.attempts[1].responseExcerpt.startsWith('\uFFFDxxx')).toBe(true);
  });

  it('refuses a private address at connect time, after DNS, without the setting', async () => {
    const target = await receiver();
    const refused = await new Promise<NodeJS.ErrnoException | null>((resolve) =>
      guardedLookup(false)('localhost', {}, (error) => resolve(error)),
    );
    expect(refused?.code).toBe('EWEBHOOKADDRESS');
    const result = await sendWebhook(target.url, {}, '{}', { allowPrivate: false, allowHttp: true });
    expect(result.status).toBeUndefined();
    expect(result.error).toContain('private');
    expect(target.received).toHaveLength(0);
    const allowed = await new Promise<string | undefined>((resolve) =>
      guardedLookup(true)('localhost', {}, (error, address) => resolve(error ? undefined : String(address))),
    );
    expect(allowed).toBeDefined();
  });

  it('gives up on a receiver that does not answer in time', async () => {
    const silent = await receiver();
    silent.answer(() => ({ status: 200, hold: new Promise(() => undefined) }));
    const result = await sendWebhook(silent.url, {}, '{}', LOCAL_POLICY, {
      connectTimeoutMs: 1_000,
      totalTimeoutMs: 100,
      maxResponseBytes: 1024,
    });
    expect(result.status).toBeUndefined();
    expect(result.error).toContain('no complete answer');
  });

  it('backs off exponentially, with jitter, up to the cap', () => {
    const retry = { baseMs: 1_000, maxMs: 60_000, disableAfterMs: 1 };
    expect([1, 2, 3, 4].map((n) => retryDelay(n, retry, () => 0.999999))).toEqual([
      1_000, 2_000, 4_000, 8_000,
    ]);
    expect(retryDelay(3, retry, () => 0)).toBe(2_000);
    expect(retryDelay(30, retry, () => 0.999999)).toBe(60_000);
  });
});
