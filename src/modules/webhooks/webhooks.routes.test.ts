import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, expectError } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import { createCaller, ROLES } from '../../../test/identity-fixtures.js';
import { type Receiver, startReceiver } from '../../../test/webhook-receiver.js';

const LOCAL = { ROSTER_WEBHOOK_ALLOW_PRIVATE: 'true', ROSTER_WEBHOOK_ALLOW_HTTP: 'true' };

describe.each(DIALECTS)('webhook routes on %s', (dialect) => {
  let t: TestApp;
  let receiver: Receiver;
  beforeAll(async () => {
    t = await startTestApp(dialect, { env: LOCAL });
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  const systemLog = (targetId: string) =>
    t.db
      .selectFrom('system_log_events')
      .select('activity')
      .where('target_id', '=', targetId)
      .orderBy('id')
      .execute()
      .then((rows) => rows.map((r) => r.activity));

  it('creates a webhook and shows its secret only in the create answer', async () => {
    const made = await t.request('POST', '/roster/v1/webhooks', {
      url: receiver.url,
      description: 'audit sink',
      eventTypes: ['grant.added', 'grant.removed', 'grant.added'],
    });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    expect(made.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(made.body.webhook).toMatchObject({
      url: receiver.url,
      description: 'audit sink',
      eventTypes: ['grant.added', 'grant.removed'],
      appIds: [],
      state: 'ACTIVE',
      disabledReason: null,
    });
    const id = made.body.webhook.id as string;
    const read = await t.request('GET', `/roster/v1/webhooks/${id}`);
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body)).not.toContain(made.body.secret);
    expect(read.body).not.toHaveProperty('secret');
    const listed = await t.request('GET', '/roster/v1/webhooks');
    expect(listed.body.list.map((w: any) => w.id)).toContain(id);
    expect(JSON.stringify(listed.body)).not.toContain(made.body.secret);
    const row = await t.db
      .selectFrom('webhook_subscriptions')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.secret).toBe(made.body.secret);
    expect(await systemLog(id)).toEqual(['webhook.created']);
  });

  it('updates, pauses, resumes and deletes, each recorded in the system log', async () => {
    const made = await t.request('POST', '/roster/v1/webhooks', {
      url: receiver.url,
      eventTypes: ['user.created'],
    });
    const id = made.body.webhook.id as string;
    const updated = await t.request('POST', `/roster/v1/webhooks/${id}`, {
      eventTypes: ['user.created', 'user.deleted'],
      description: 'people',
    });
    expect(updated.status).toBe(200);
    expect(updated.body.webhook).toMatchObject({
      eventTypes: ['user.created', 'user.deleted'],
      description: 'people',
    });
    expect((await t.request('POST', `/roster/v1/webhooks/${id}/pause`, {})).body.webhook.state).toBe(
      'PAUSED',
    );
    expect((await t.request('POST', `/roster/v1/webhooks/${id}/resume`, {})).body.webhook.state).toBe(
      'ACTIVE',
    );
    expect((await t.request('DELETE', `/roster/v1/webhooks/${id}`, {})).status).toBe(200);
    expectError(await t.request('GET', `/roster/v1/webhooks/${id}`), 404, 5, 'WEBHOOK_NOT_FOUND');
    expect(await systemLog(id)).toEqual([
      'webhook.created',
      'webhook.updated',
      'webhook.paused',
      'webhook.resumed',
      'webhook.deleted',
    ]);
  });

  it('refuses unknown event types and an empty list', async () => {
    const bad = await t.request('POST', '/roster/v1/webhooks', {
      url: receiver.url,
      eventTypes: ['grant.exploded'],
    });
    expectError(bad, 400, 3, 'INVALID_REQUEST');
    const empty = await t.request('POST', '/roster/v1/webhooks', { url: receiver.url, eventTypes: [] });
    expectError(empty, 400, 3, 'INVALID_REQUEST');
  });

  it('sends a signed ping that the standardwebhooks package verifies, and records the attempt', async () => {
    const made = await t.request('POST', '/roster/v1/webhooks', {
      url: receiver.url,
      eventTypes: ['grant.added'],
    });
    const id = made.body.webhook.id as string;
    const ping = await t.request('POST', `/roster/v1/webhooks/${id}/ping`, {});
    expect(ping.status).toBe(200);
    expect(ping.body.delivery).toMatchObject({ eventType: 'webhook.ping', state: 'PENDING', seq: 1 });
    receiver.answer(() => ({ status: 200, body: 'thanks' }));
    const before = receiver.received.length;
    await t.container.webhookWorker.runUntilIdle();
    const got = receiver.received.slice(before);
    expect(got).toHaveLength(1);
    const request = got[0] as (typeof got)[number];
    const verified = new Webhook(made.body.secret).verify(request.body, request.headers) as any;
    expect(verified).toMatchObject({ type: 'webhook.ping', data: { webhookId: id } });
    expect(request.headers['webhook-id']).toBe(ping.body.delivery.messageId);
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(32, 1).toString('base64')}`).verify(request.body, request.headers),
    ).toThrow();

    const detail = await t.request('GET', `/roster/v1/webhooks/${id}/deliveries/${ping.body.delivery.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body.delivery).toMatchObject({ state: 'DELIVERED', attempts: 1, lastStatus: 200 });
    expect(detail.body.payload).toEqual(verified);
    expect(detail.body.attempts).toEqual([
      expect.objectContaining({ status: 200, responseExcerpt: 'thanks', error: null }),
    ]);
    const list = await t.request('GET', `/roster/v1/webhooks/${id}/deliveries`);
    expect(list.body.list.map((d: any) => d.id)).toEqual([ping.body.delivery.id]);
  });

  it('rotates the signing secret: shown once, stored, recorded, and the old one no longer signs', async () => {
    const made = await t.request('POST', '/roster/v1/webhooks', {
      url: receiver.url,
      eventTypes: ['grant.added'],
    });
    const id = made.body.webhook.id as string;
    const rotated = await t.request('POST', `/roster/v1/webhooks/${id}/secret`, {});
    expect(rotated.status, JSON.stringify(rotated.body)).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(rotated.body.secret).not.toBe(made.body.secret);
    expect(rotated.body.webhook).toMatchObject({ id, state: 'ACTIVE' });
    const row = await t.db
      .selectFrom('webhook_subscriptions')
      .select('secret')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.secret).toBe(rotated.body.secret);
    expect(JSON.stringify((await t.request('GET', `/roster/v1/webhooks/${id}`)).body)).not.toContain(
      rotated.body.secret,
    );
    expect(await systemLog(id)).toEqual(['webhook.created', 'webhook.secret_rotated']);

    await t.request('POST', `/roster/v1/webhooks/${id}/ping`, {});
    receiver.answer(() => ({ status: 200 }));
    const before = receiver.received.length;
    await t.container.webhookWorker.runUntilIdle();
    const request = receiver.received[before] as (typeof receiver.received)[number];
    expect(new Webhook(rotated.body.secret).verify(request.body, request.headers)).toMatchObject({
      type: 'webhook.ping',
    });
    expect(() => new Webhook(made.body.secret).verify(request.body, request.headers)).toThrow();

    await t.request('DELETE', `/roster/v1/webhooks/${id}`, {});
    expectError(await t.request('POST', `/roster/v1/webhooks/${id}/secret`, {}), 404, 5, 'WEBHOOK_NOT_FOUND');
  });

  it('redelivers one delivery, and everything since a time, with the original message IDs', async () => {
    const made = await t.request('POST', '/roster/v1/webhooks', {
      url: receiver.url,
      eventTypes: ['grant.added'],
    });
    const id = made.body.webhook.id as string;
    const first = (await t.request('POST', `/roster/v1/webhooks/${id}/ping`, {})).body.delivery;
    const second = (await t.request('POST', `/roster/v1/webhooks/${id}/ping`, {})).body.delivery;
    await t.container.webhookWorker.runUntilIdle();
    const again = await t.request('POST', `/roster/v1/webhooks/${id}/deliveries/${first.id}/redeliver`, {});
    expect(again.status).toBe(200);
    expect(again.body.delivery).toMatchObject({ messageId: first.messageId, redeliveryOf: first.id, seq: 3 });
    const before = receiver.received.length;
    await t.container.webhookWorker.runUntilIdle();
    expect(receiver.received.slice(before).map((r) => r.headers['webhook-id'])).toEqual([first.messageId]);
    // Pings are not replayed by "since"; only events are. Nothing but pings was sent here.
    const since = await t.request('POST', `/roster/v1/webhooks/${id}/redeliver`, { since: first.createdAt });
    expect(since.body).toEqual({ queued: 0 });
    expect(second.seq).toBe(2);
    expectError(
      await t.request('POST', `/roster/v1/webhooks/${id}/deliveries/${made.body.webhook.id}/redeliver`, {}),
      404,
      5,
      'WEBHOOK_DELIVERY_NOT_FOUND',
    );
  });

  it('limits an App Admin to webhooks of apps they own, and lets a Read-Only Admin read', async () => {
    const appAdmin = await createCaller(t, [ROLES.appAdmin]);
    const readOnly = await createCaller(t, [ROLES.readOnlyAdmin]);
    const own = await createApp(t, { owners: [appAdmin.user.id] });
    const other = await createApp(t);
    const as = { token: appAdmin.token };

    const unlimited = await t.request(
      'POST',
      '/roster/v1/webhooks',
      { url: receiver.url, eventTypes: ['grant.added'] },
      as,
    );
    expectError(unlimited, 403, 7, 'PERMISSION_DENIED');
    const foreign = await t.request(
      'POST',
      '/roster/v1/webhooks',
      { url: receiver.url, eventTypes: ['grant.added'], appIds: [other.id] },
      as,
    );
    expectError(foreign, 403, 7, 'PERMISSION_DENIED');
    const mine = await t.request(
      'POST',
      '/roster/v1/webhooks',
      { url: receiver.url, eventTypes: ['grant.added'], appIds: [own.id] },
      as,
    );
    expect(mine.status, JSON.stringify(mine.body)).toBe(200);
    const id = mine.body.webhook.id as string;

    const adminsOwn = await t.request('POST', '/roster/v1/webhooks', {
      url: receiver.url,
      eventTypes: ['grant.added'],
    });
    const listed = await t.request('GET', '/roster/v1/webhooks?page_size=100', undefined, as);
    expect(listed.body.list.map((w: any) => w.id)).toEqual([id]);
    expectError(
      await t.request('GET', `/roster/v1/webhooks/${adminsOwn.body.webhook.id}`, undefined, as),
      404,
      5,
      'WEBHOOK_NOT_FOUND',
    );
    expectError(
      await t.request('DELETE', `/roster/v1/webhooks/${adminsOwn.body.webhook.id}`, {}, as),
      404,
      5,
      'WEBHOOK_NOT_FOUND',
    );
    expectError(
      await t.request('POST', `/roster/v1/webhooks/${id}`, { appIds: [own.id, other.id] }, as),
      403,
      7,
      'PERMISSION_DENIED',
    );
    expect((await t.request('POST', `/roster/v1/webhooks/${id}/pause`, {}, as)).status).toBe(200);

    const ro = { token: readOnly.token };
    const all = await t.request('GET', '/roster/v1/webhooks?page_size=100', undefined, ro);
    expect(all.body.list.map((w: any) => w.id)).toEqual(
      expect.arrayContaining([id, adminsOwn.body.webhook.id]),
    );
    expectError(
      await t.request('POST', '/roster/v1/webhooks', { url: receiver.url, eventTypes: ['grant.added'] }, ro),
      403,
      7,
      'PERMISSION_DENIED',
    );
  });
});

describe.each(DIALECTS)('webhook targets without the private-address setting on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  it.each([
    'http://hooks.example.com/x',
    'https://127.0.0.1/x',
    'https://10.1.2.3/x',
    'https://169.254.169.254/latest/meta-data',
    'https://[::1]/x',
    'https://[::ffff:192.168.0.1]/x',
    'https://localhost:8443/x',
    'https://user:pw@hooks.example.com/x',
  ])('refuses %s', async (url) => {
    const response = await t.request('POST', '/roster/v1/webhooks', { url, eventTypes: ['grant.added'] });
    expectError(response, 400, 3, 'WEBHOOK_URL_REFUSED');
    expect(await t.db.selectFrom('webhook_subscriptions').select('id').execute()).toEqual([]);
  });

  it('accepts a public https URL', async () => {
    const response = await t.request('POST', '/roster/v1/webhooks', {
      url: 'https://hooks.example.com/roster',
      eventTypes: ['grant.added'],
    });
    expect(response.status).toBe(200);
  });
});
