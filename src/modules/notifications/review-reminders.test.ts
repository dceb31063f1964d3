import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createEntitlement, createPolicies, createUser } from '../../../test/fixtures.js';
import { DIALECTS, PUBLIC_URL, startTestApp, type TestApp } from '../../../test/harness.js';
import { type Caller, createCaller, ROLES, requestToken } from '../../../test/identity-fixtures.js';
import { type SmtpReceiver, startSmtpReceiver } from '../../../test/smtp-receiver.js';
import { waitUntil } from '../../../test/wait.js';
import { reminderPointOf } from './review-reminders.js';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

describe('reminder points', () => {
  const due = new Date('2026-03-31T12:00:00.000Z');
  const at = (ms: number) => reminderPointOf(due, new Date(due.getTime() + ms));
  it('are 7, 3 and 1 days before the due date, then one per overdue day', () => {
    expect(at(-8 * DAY)).toBeUndefined();
    expect(at(-7 * DAY - 1)).toBeUndefined();
    expect(at(-7 * DAY)).toBe('7d');
    expect(at(-3 * DAY - 1)).toBe('7d');
    expect(at(-3 * DAY)).toBe('3d');
    expect(at(-DAY)).toBe('1d');
    expect(at(-1)).toBe('1d');
    expect(at(0)).toBe('overdue-1');
    expect(at(DAY - 1)).toBe('overdue-1');
    expect(at(DAY)).toBe('overdue-2');
    expect(at(9 * DAY + HOUR)).toBe('overdue-10');
  });
});

/**
 * Access-review reminders (CONTRACT.md §7.28) against a real SMTP server: campaigns made, started and
 * decided through HTTP, the test's clock moved to each reminder point, the notification loops run,
 * and what arrived and what the outbox stored checked.
 */
describe.each(DIALECTS)('access review reminders on %s', (dialect) => {
  let receiver: SmtpReceiver;
  let t: TestApp;
  let ann: Caller;
  let ben: Caller;
  let review: { id: string; name: string; due: Date };
  let closedName: string;
  let undatedName: string;

  const mailEnv = (r: SmtpReceiver) => ({
    ROSTER_SMTP_URL: r.url,
    ROSTER_MAIL_FROM: 'Roster <roster@roster.test>',
  });
  const ok = (response: { status: number; body: any }) => {
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body;
  };
  const addMembers = async (appId: string, entitlementId: string, userIds: string[]) => {
    ok(
      await t.request('POST', `/api/v1/apps/${appId}/entitlements/${entitlementId}/add-manual-user`, {
        userIds,
      }),
    );
    await t.drainBulkActions();
  };
  const startedCampaign = async (
    name: string,
    scope: Array<{ appId: string; appEntitlementId: string }>,
    extra: Record<string, unknown>,
    policyId: string,
  ) => {
    const created = ok(
      await t.request('POST', '/api/v1/access_review', {
        displayName: name,
        ownerIds: [ann.user.id],
        policyId,
        ...extra,
      }),
    );
    const id = created.accessReview.accessReview.id as string;
    ok(
      await t.request('POST', `/api/v1/access_review/${id}/scope_and_entitlements`, { entitlements: scope }),
    );
    ok(await t.request('POST', `/roster/v1/access_reviews/${id}/start`, {}));
    await t.container.reviewRuns.runPending();
    return id;
  };
  /** A token valid at the clock's current time (the caller's first one expired as the clock moved). */
  const tokenOf = async (caller: Caller) =>
    (await requestToken(t, caller.client.clientId, caller.clientSecret)).body.access_token as string;

  const reminders = () =>
    t.db
      .selectFrom('mail_outbox')
      .select(['recipient_user_id', 'source_id', 'subject_id', 'state'])
      .where('kind', '=', 'access_review.reminder')
      .orderBy('created_at')
      .orderBy('recipient_user_id')
      .execute();
  /** Moves the clock to `ms` from the due date, runs the loops, and answers the mail that arrived. */
  const runAt = async (ms: number) => {
    t.clock.set(new Date(review.due.getTime() + ms));
    const before = receiver.received.length;
    const queuedBefore = (await reminders()).length;
    await t.container.notifications?.runUntilIdle();
    const queued = (await reminders()).length - queuedBefore;
    // The server accepts a message before the receiver has parsed it: wait for every one queued.
    await waitUntil(() => receiver.received.length >= before + queued, {
      what: `${queued} reminders received`,
      intervalMs: 20,
    });
    return receiver.received.slice(before);
  };
  const points = async () =>
    (await reminders()).map((r) => [r.recipient_user_id, r.source_id.split(':').at(-1), r.subject_id]);

  beforeAll(async () => {
    receiver = await startSmtpReceiver();
    t = await startTestApp(dialect, { env: mailEnv(receiver) });
    const policies = await createPolicies(t);
    ann = await createCaller(t, [ROLES.appAdmin]);
    ben = await createCaller(t, [ROLES.appAdmin]);
    const annApp = await createApp(t, { owners: [ann.user.id] });
    const benApp = await createApp(t, { owners: [ben.user.id] });
    const annEntitlement = await createEntitlement(t, annApp.id);
    const benEntitlement = await createEntitlement(t, benApp.id);
    const [p1, p2, p3] = [await createUser(t), await createUser(t), await createUser(t)];
    await addMembers(annApp.id, annEntitlement.id, [p1.id, p2.id]);
    await addMembers(benApp.id, benEntitlement.id, [p3.id]);
    const scope = [
      { appId: annApp.id, appEntitlementId: annEntitlement.id },
      { appId: benApp.id, appEntitlementId: benEntitlement.id },
    ];
    const due = new Date(t.clock.now().getTime() + 10 * DAY);
    review = {
      id: await startedCampaign('Q1 review', scope, { completionDate: due.toISOString() }, policies.certify),
      name: 'Q1 review',
      due,
    };
    // The same reviewers, in a campaign without a due date and in one closed before its due date.
    undatedName = 'Undated review';
    await startedCampaign(undatedName, scope, {}, policies.certify);
    closedName = 'Closed review';
    const closed = await startedCampaign(
      closedName,
      scope,
      { completionDate: due.toISOString() },
      policies.certify,
    );
    ok(await t.request('POST', `/roster/v1/access_reviews/${closed}/close`, { remaining: 'SKIP' }));
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  it('sends nothing more than 7 days before the due date', async () => {
    expect(await runAt(-8 * DAY)).toEqual([]);
    expect(await reminders()).toEqual([]);
  });

  it('tells each reviewer with open items once at 7 days, with their count, and nothing again when run twice', async () => {
    const sent = await runAt(-7 * DAY + HOUR);
    expect(sent.map((m) => m.envelopeTo).sort()).toEqual([[ann.user.email], [ben.user.email]].sort());
    const due = `${review.due.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
    const [toAnn] = receiver.to(ann.user.email);
    expect(toAnn?.subject).toBe(`Access review due ${due.slice(0, 10)}: Q1 review (2 items to review)`);
    expect(toAnn?.text).toContain('You have 2 items to review in the access review "Q1 review".');
    expect(toAnn?.text).toContain(`It is due ${due}.`);
    expect(toAnn?.text).toContain(`${PUBLIC_URL}/console/my-reviews?campaign=${review.id}`);
    expect(receiver.to(ben.user.email)[0]?.text).toContain('You have 1 item to review');
    // Neither the undated campaign nor the closed one reminds anyone.
    expect(
      receiver.received.filter((m) => m.text.includes(undatedName) || m.text.includes(closedName)),
    ).toEqual([]);

    expect(await runAt(-7 * DAY + 2 * HOUR)).toEqual([]);
    expect((await points()).map((p) => p.join(' ')).sort()).toEqual(
      [`${ann.user.id} 7d ${review.id}`, `${ben.user.id} 7d ${review.id}`].sort(),
    );
    expect((await reminders()).every((r) => r.state === 'SENT')).toBe(true);
  });

  it('skips a reviewer who decided all their items, and reminds the others at 3 and 1 days and each overdue day', async () => {
    const benTask = await t.db
      .selectFrom('tasks')
      .innerJoin('task_assignees', 'task_assignees.task_id', 'tasks.id')
      .select('tasks.id')
      .where('tasks.access_review_id', '=', review.id)
      .where('task_assignees.user_id', '=', ben.user.id)
      .executeTakeFirstOrThrow();
    t.clock.set(new Date(review.due.getTime() - 4 * DAY));
    const decided = ok(
      await t.request(
        'POST',
        `/roster/v1/access_reviews/${review.id}/decisions`,
        { decisions: [{ taskId: benTask.id, decision: 'CERTIFY', comment: '' }] },
        { token: await tokenOf(ben) },
      ),
    );
    expect(decided.results[0]).toMatchObject({ ok: true });

    for (const [at, point] of [
      [-3 * DAY, '3d'],
      [-DAY + HOUR, '1d'],
      [HOUR, 'overdue-1'],
      [DAY + HOUR, 'overdue-2'],
    ] as const) {
      const sent = await runAt(at);
      expect(
        sent.map((m) => m.envelopeTo),
        point,
      ).toEqual([[ann.user.email]]);
      // Again at the same point: nothing new.
      expect(await runAt(at + HOUR)).toEqual([]);
    }
    expect(receiver.to(ann.user.email).at(-1)?.subject).toBe(
      'Overdue access review: Q1 review (2 items to review)',
    );
    expect(receiver.to(ann.user.email).at(-1)?.text).toContain('It was due');
    expect((await points()).filter((p) => p[0] === ann.user.id).map((p) => p[1])).toEqual([
      '7d',
      '3d',
      '1d',
      'overdue-1',
      'overdue-2',
    ]);
    expect((await points()).filter((p) => p[0] === ben.user.id).map((p) => p[1])).toEqual(['7d']);
  });

  it('reminds nobody once the campaign is closed', async () => {
    ok(await t.request('POST', `/roster/v1/access_reviews/${review.id}/close`, { remaining: 'SKIP' }));
    const before = (await reminders()).length;
    expect(await runAt(2 * DAY + HOUR)).toEqual([]);
    expect(await reminders()).toHaveLength(before);
  });
});
