import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createEntitlement, createUser } from '../../../test/fixtures.js';
import { DIALECTS, openTestDatabase, PUBLIC_URL, startTestApp, type TestApp } from '../../../test/harness.js';
import { type Caller, createCaller, ROLES, requestToken } from '../../../test/identity-fixtures.js';
import { type SmtpReceiver, startSmtpReceiver } from '../../../test/smtp-receiver.js';
import { waitUntil } from '../../../test/wait.js';
import { backoffMs, DEFAULT_MAX_ATTEMPTS } from './mail-sender.js';

const FROM = 'Roster <roster@roster.test>';
const mailEnv = (receiver: SmtpReceiver) => ({
  ROSTER_SMTP_URL: receiver.url,
  ROSTER_MAIL_FROM: FROM,
  ROSTER_MAIL_POLL_MS: '20',
});

/**
 * Task mail (CONTRACT.md §7.27) against a real SMTP server: requests made and decided through HTTP,
 * the server's background loops running, and what arrived and what the outbox stored checked.
 */
describe.each(DIALECTS)('task mail on %s', (dialect) => {
  let receiver: SmtpReceiver;
  let t: TestApp;
  let requester: Caller;
  let owner: Caller;
  let app: any;
  beforeAll(async () => {
    receiver = await startSmtpReceiver();
    t = await startTestApp(dialect, { env: mailEnv(receiver) });
    requester = await createCaller(t, []);
    owner = await createCaller(t, [ROLES.appAdmin]);
    app = await createApp(t, { owners: [owner.user.id] });
    t.container.background.start();
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  const as = (caller: Caller) => ({ token: caller.token });
  const open = async (caller: Caller, entitlementId: string, extra: Record<string, unknown> = {}) => {
    const opened = await t.request(
      'POST',
      '/api/v1/task/grant',
      { appId: app.id, appEntitlementId: entitlementId, ...extra },
      as(caller),
    );
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    return opened.body.taskView.task;
  };
  const act = async (caller: Caller, task: any, action: string, comment = '') => {
    const done = await t.request(
      'POST',
      `/api/v1/tasks/${task.id}/action/${action}`,
      { policyStepId: task.policy.current.id, comment },
      as(caller),
    );
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    return done.body.taskView.task;
  };
  const about = (taskId: string) => receiver.received.filter((m) => m.text.includes(taskId));
  const arrive = (what: string, check: () => boolean | Promise<boolean>) =>
    waitUntil(check, { what, intervalMs: 20 });
  const outbox = (taskId: string) =>
    t.db
      .selectFrom('mail_outbox')
      .select(['kind', 'recipient_user_id', 'to_address', 'state', 'attempts', 'last_error'])
      .where('subject_id', '=', taskId)
      .orderBy('created_at')
      .orderBy('kind')
      .execute();

  /** The task's messages once none is pending (the server accepts a message before it is marked sent). */
  const settled = async (taskId: string) => {
    await arrive('the outbox settled', async () =>
      (await outbox(taskId)).every((row) => row.state !== 'PENDING'),
    );
    return outbox(taskId);
  };

  it('tells the approver a request waits for them, once, and the requester that it was granted', async () => {
    const entitlement = await createEntitlement(t, app.id);
    const task = await open(requester, entitlement.id, { description: 'Quarter-end close' });
    await arrive('the approver’s mail', () => about(task.id).length >= 1);
    const [asked] = about(task.id);
    expect(asked).toMatchObject({
      from: { address: 'roster@roster.test', name: 'Roster' },
      to: owner.user.email,
      envelopeTo: [owner.user.email],
    });
    expect(asked?.subject).toBe(
      `To approve: ${requester.user.displayName} asks for ${entitlement.displayName} in ${app.displayName} (request ${task.numericId})`,
    );
    expect(asked?.text).toContain(
      `${requester.user.displayName} asks for ${entitlement.displayName} in ${app.displayName}.`,
    );
    expect(asked?.text).toContain('Reason: Quarter-end close');
    expect(asked?.text).toContain(`${PUBLIC_URL}/console/requests/${task.id}`);
    expect(asked?.messageId).toMatch(/@roster\.test>$/);

    await act(owner, task, 'approve', 'Needed for close');
    await arrive('the requester’s mail', () => about(task.id).length >= 2);
    const told = about(task.id).filter((m) => m.envelopeTo.includes(requester.user.email));
    expect(told).toHaveLength(1);
    expect(told[0]?.subject).toBe(
      `Request ${task.numericId} granted: ${entitlement.displayName} in ${app.displayName}`,
    );
    expect(told[0]?.text).toContain(
      `Your request for ${entitlement.displayName} in ${app.displayName} was granted by ${owner.user.displayName}.`,
    );
    expect(told[0]?.text).toContain('Reason: Needed for close');
    // The approver decided: they are not told what they did.
    expect(about(task.id)).toHaveLength(2);
    expect(await settled(task.id)).toEqual([
      {
        kind: 'task.assigned',
        recipient_user_id: owner.user.id,
        to_address: owner.user.email,
        state: 'SENT',
        attempts: 1,
        last_error: null,
      },
      {
        kind: 'task.closed',
        recipient_user_id: requester.user.id,
        to_address: requester.user.email,
        state: 'SENT',
        attempts: 1,
        last_error: null,
      },
    ]);
  });

  it('tells the requester a denial and its reason', async () => {
    const entitlement = await createEntitlement(t, app.id);
    const task = await open(requester, entitlement.id);
    await arrive('the approver’s mail', () => about(task.id).length >= 1);
    expect(about(task.id)[0]?.text).toContain('Reason: (none given)');
    await act(owner, task, 'deny', 'Not for contractors');
    await arrive('the requester’s mail', () => about(task.id).length >= 2);
    const [told] = about(task.id).filter((m) => m.envelopeTo.includes(requester.user.email));
    expect(told?.subject).toBe(
      `Request ${task.numericId} denied: ${entitlement.displayName} in ${app.displayName}`,
    );
    expect(told?.text).toContain(`was denied by ${owner.user.displayName}.`);
    expect(told?.text).toContain('Reason: Not for contractors');
    expect(about(task.id)).toHaveLength(2);
  });

  it('skips a person without an email address, and tells the one who asked for them', async () => {
    const entitlement = await createEntitlement(t, app.id);
    // People from a directory may have no address; the API asks for one, so it is cleared here.
    const subject = await createUser(t);
    await t.db.updateTable('users').set({ email: '' }).where('id', '=', subject.id).execute();
    const opened = await t.request('POST', '/api/v1/task/grant', {
      appId: app.id,
      appEntitlementId: entitlement.id,
      identityUserId: subject.id,
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    const task = opened.body.taskView.task;
    await arrive('the approver’s mail', () => about(task.id).length >= 1);
    expect(about(task.id)[0]?.subject).toContain(
      `asks for ${entitlement.displayName} in ${app.displayName} for ${subject.displayName}`,
    );
    await act(owner, task, 'approve');
    await arrive('the admin’s mail', () => about(task.id).length >= 2);
    const rows = await settled(task.id);
    expect(rows.map((r) => [r.kind, r.recipient_user_id === subject.id])).toEqual([
      ['task.assigned', false],
      ['task.closed', false],
    ]);
    expect(about(task.id)[1]?.text).toContain(
      `Your request for ${entitlement.displayName} in ${app.displayName} for ${subject.displayName} was granted`,
    );
  });

  it('retries a refused message after its backoff and delivers it once, and gives up on a permanent refusal', async () => {
    const entitlement = await createEntitlement(t, app.id);
    receiver.state.refuse = { code: 451, message: 'Try again later' };
    const refusalsBefore = receiver.state.refusals;
    const task = await open(requester, entitlement.id);
    await arrive('a refused attempt', async () => (await outbox(task.id))[0]?.attempts === 1);
    expect(await outbox(task.id)).toEqual([
      expect.objectContaining({ state: 'PENDING', attempts: 1, last_error: expect.stringContaining('451') }),
    ]);
    expect(about(task.id)).toEqual([]);
    // Nothing is retried before its backoff has passed, however often the loop looks.
    expect(receiver.state.refusals).toBe(refusalsBefore + 1);

    receiver.state.refuse = undefined;
    t.clock.advance(backoffMs(1));
    await arrive('the retried mail', () => about(task.id).length >= 1);
    expect(about(task.id)).toHaveLength(1);
    expect(await settled(task.id)).toEqual([
      expect.objectContaining({ state: 'SENT', attempts: 2, last_error: null }),
    ]);

    // A 5xx is final: the message is FAILED at once, and counted.
    receiver.state.refuse = { code: 550, message: 'No such mailbox' };
    await act(owner, task, 'approve');
    await arrive('a failed mail', async () => (await outbox(task.id))[1]?.state === 'FAILED');
    expect((await outbox(task.id))[1]).toMatchObject({ kind: 'task.closed', attempts: 1 });
    receiver.state.refuse = undefined;
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
    const sample = (outcome: string) =>
      Number(
        new RegExp(`^roster_mail_messages_total\\{outcome="${outcome}"\\} (\\d+)$`, 'm').exec(
          metrics.body,
        )?.[1],
      );
    const stored = await t.db.selectFrom('mail_outbox').select(['state']).execute();
    expect(sample('sent')).toBe(stored.filter((r) => r.state === 'SENT').length);
    expect(sample('failed')).toBe(1);
  });

  it('gives a message up after its last transient failure', async () => {
    const entitlement = await createEntitlement(t, app.id);
    receiver.state.refuse = { code: 421, message: 'Service not available' };
    const task = await open(requester, entitlement.id);
    for (let attempt = 1; attempt < DEFAULT_MAX_ATTEMPTS; attempt++) {
      await arrive(`attempt ${attempt}`, async () => (await outbox(task.id))[0]?.attempts === attempt);
      t.clock.advance(backoffMs(attempt));
    }
    await arrive('the last attempt', async () => (await outbox(task.id))[0]?.state === 'FAILED');
    expect((await outbox(task.id))[0]).toMatchObject({ attempts: DEFAULT_MAX_ATTEMPTS });
    receiver.state.refuse = undefined;
    expect(about(task.id)).toEqual([]);
  });
});

describe.each(DIALECTS)('task mail across a restart on %s', (dialect) => {
  it('sends nothing twice when the server starts again on the same database', async () => {
    const receiver = await startSmtpReceiver();
    const database = await openTestDatabase(dialect);
    try {
      const first = await startTestApp(dialect, { env: mailEnv(receiver), database });
      const requester = await createCaller(first, []);
      const owner = await createCaller(first, [ROLES.appAdmin]);
      const app = await createApp(first, { owners: [owner.user.id] });
      const entitlement = await createEntitlement(first, app.id);
      first.container.background.start();
      const opened = await first.request(
        'POST',
        '/api/v1/task/grant',
        { appId: app.id, appEntitlementId: entitlement.id },
        { token: requester.token },
      );
      const task = opened.body.taskView.task;
      await waitUntil(() => receiver.received.length >= 1, { what: 'the approver’s mail' });
      await first.close();

      const second = await startTestApp(dialect, { env: mailEnv(receiver), database });
      second.container.background.start();
      const token = (await requestToken(second, owner.client.clientId, owner.clientSecret)).body.access_token;
      const approved = await second.request(
        'POST',
        `/api/v1/tasks/${task.id}/action/approve`,
        { policyStepId: task.policy.current.id },
        { token },
      );
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);
      await waitUntil(() => receiver.received.length >= 2, { what: 'the requester’s mail' });
      // Both loops have read everything there is and stopped; nothing more may arrive.
      await second.container.notifications?.runUntilIdle();
      await second.close();
      expect(receiver.received.map((m) => m.envelopeTo)).toEqual([
        [owner.user.email],
        [requester.user.email],
      ]);
      const rows = await database.handle.db.selectFrom('mail_outbox').select(['state']).execute();
      expect(rows.map((r) => r.state)).toEqual(['SENT', 'SENT']);
    } finally {
      await database.drop();
      await receiver.close();
    }
  });
});

describe.each(DIALECTS)('a sender that dies mid-send on %s', (dialect) => {
  it('leaves its message to another sender once its claim lapses, sent once more', async () => {
    const receiver = await startSmtpReceiver();
    const t = await startTestApp(dialect, { env: mailEnv(receiver) });
    try {
      const requester = await createCaller(t, []);
      const owner = await createCaller(t, [ROLES.appAdmin]);
      const app = await createApp(t, { owners: [owner.user.id] });
      const entitlement = await createEntitlement(t, app.id);
      const notifications = t.container.notifications;
      if (!notifications) throw new Error('mail is configured');
      await t.request(
        'POST',
        '/api/v1/task/grant',
        { appId: app.id, appEntitlementId: entitlement.id },
        { token: requester.token },
      );
      // The loops are not started: the test runs them, one step at a time.
      const queued = () => t.db.selectFrom('mail_outbox').selectAll().execute();
      await waitUntil(
        async () => {
          await notifications.notifier.runUntilIdle();
          return (await queued()).length === 1;
        },
        { what: 'the approver’s message queued' },
      );
      // A sender claimed it and died before marking it: its claim is a next attempt 10 minutes on.
      const [row] = await queued();
      const claimedUntil = new Date(t.clock.now().getTime() + 10 * 60_000).toISOString();
      await t.db.updateTable('mail_outbox').set({ next_attempt_at: claimedUntil }).execute();
      await notifications.sender.runUntilIdle();
      expect(receiver.received).toEqual([]);
      t.clock.advance(10 * 60_000);
      await notifications.sender.runUntilIdle();
      await notifications.sender.runUntilIdle();
      expect(receiver.received.map((m) => [m.envelopeTo, m.messageId])).toEqual([
        [[owner.user.email], `<${row?.id}@roster.test>`],
      ]);
      expect(await queued()).toEqual([expect.objectContaining({ state: 'SENT', attempts: 1 })]);
    } finally {
      await t.close();
      await receiver.close();
    }
  });
});

describe.each(DIALECTS)('without ROSTER_SMTP_URL on %s', (dialect) => {
  it('stores nothing and sends nothing', async () => {
    const t = await startTestApp(dialect);
    try {
      expect(t.container.notifications).toBeUndefined();
      const requester = await createCaller(t, []);
      const owner = await createCaller(t, [ROLES.appAdmin]);
      const app = await createApp(t, { owners: [owner.user.id] });
      const entitlement = await createEntitlement(t, app.id);
      t.container.background.start();
      const opened = await t.request(
        'POST',
        '/api/v1/task/grant',
        { appId: app.id, appEntitlementId: entitlement.id },
        { token: requester.token },
      );
      const task = opened.body.taskView.task;
      const approved = await t.request(
        'POST',
        `/api/v1/tasks/${task.id}/action/approve`,
        { policyStepId: task.policy.current.id },
        { token: owner.token },
      );
      expect(approved.status).toBe(200);
      await t.container.background.stop();
      expect(await t.db.selectFrom('mail_outbox').selectAll().execute()).toEqual([]);
      expect(await t.db.selectFrom('notification_cursor').selectAll().execute()).toEqual([]);
    } finally {
      await t.close();
    }
  });
});
