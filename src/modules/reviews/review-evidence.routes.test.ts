import { createHash } from 'node:crypto';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appUserIdOf,
  createApp,
  createEntitlement,
  createPolicies,
  expectError,
} from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import { type Caller, createCaller, ROLES } from '../../../test/identity-fixtures.js';
import { CSV_COLUMNS, INNER_DIGEST_MEMBER } from './evidence.js';

/**
 * The evidence pack of an access review (issue 20, CONTRACT.md §7.28) through HTTP: what it says
 * about each item (checked against what is stored), who may read it, and for a closed campaign the
 * same bytes on every read with their SHA-256 in Repr-Digest and inside the JSON.
 */
describe.each(DIALECTS)('access review evidence on %s', (dialect) => {
  let t: TestApp;
  let policies: { grant: string; revoke: string; certify: string };
  let owner: Caller;
  let appOwner: Caller;
  let bob: Caller;
  let carol: Caller;
  let dave: Caller;
  let app: any;
  let entitlement: any;
  let reviewId: string;

  const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest();
  /** The raw reply: the exact bytes sent, and the headers. */
  const evidence = async (id: string, options: { format?: string; caller?: Caller } = {}) => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/roster/v1/access_reviews/${id}/evidence${options.format ? `?format=${options.format}` : ''}`,
      headers: { authorization: `Bearer ${options.caller?.token ?? (await t.issueAdminToken())}` },
    });
    return { status: response.statusCode, headers: response.headers, bytes: response.rawPayload };
  };
  /** The inner digest: the SHA-256 (hex) of every byte before the last member, `"sha256":`. */
  const innerDigestHolds = (bytes: Buffer) => {
    const text = bytes.toString('utf8');
    const cut = text.lastIndexOf(INNER_DIGEST_MEMBER);
    const prefix = Buffer.from(text.slice(0, cut), 'utf8');
    return JSON.parse(text).sha256 === createHash('sha256').update(prefix).digest('hex');
  };
  const appUserOf = (userId: string) => appUserIdOf(t, app.id, userId);
  const taskOf = async (userId: string) =>
    t.db
      .selectFrom('tasks')
      .selectAll()
      .where('access_review_id', '=', reviewId)
      .where('app_user_id', '=', await appUserOf(userId))
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await startTestApp(dialect);
    policies = await createPolicies(t);
    owner = await createCaller(t, []);
    appOwner = await createCaller(t, [ROLES.appAdmin]);
    bob = await createCaller(t, []);
    carol = await createCaller(t, []);
    dave = await createCaller(t, []);
    app = await createApp(t, { owners: [appOwner.user.id] });
    entitlement = await createEntitlement(t, app.id);
    const added = await t.request(
      'POST',
      `/api/v1/apps/${app.id}/entitlements/${entitlement.id}/add-manual-user`,
      { userIds: [appOwner.user.id, bob.user.id, carol.user.id, dave.user.id] },
    );
    expect(added.status, JSON.stringify(added.body)).toBe(200);
    await t.drainBulkActions();
  });
  afterAll(() => t.close());

  it('refuses a draft (no population yet), an unknown campaign and a caller who may not read it', async () => {
    const created = await t.request('POST', '/api/v1/access_review', {
      displayName: 'Evidence, review "Q3", with commas',
      ownerIds: [owner.user.id],
      policyId: policies.certify,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    reviewId = created.body.accessReview.accessReview.id;
    const scoped = await t.request('POST', `/api/v1/access_review/${reviewId}/scope_and_entitlements`, {
      entitlements: [{ appId: app.id, appEntitlementId: entitlement.id }],
    });
    expect(scoped.status, JSON.stringify(scoped.body)).toBe(200);

    const draft = await evidence(reviewId, { caller: owner });
    expectError(
      { status: draft.status, body: JSON.parse(draft.bytes.toString()) },
      400,
      9,
      'ACCESS_REVIEW_NOT_STARTED',
    );
    const unknown = await evidence('NoSuchReview');
    expectError(
      { status: unknown.status, body: JSON.parse(unknown.bytes.toString()) },
      404,
      5,
      'ACCESS_REVIEW_NOT_FOUND',
    );
    const bad = await evidence(reviewId, { format: 'xml' });
    expect(bad.status).toBe(400);

    const started = await t.request(
      'POST',
      `/roster/v1/access_reviews/${reviewId}/start`,
      {},
      { token: owner.token },
    );
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    await t.container.reviewRuns.runPending();
    // bob holds a grant under review, but neither owns the campaign nor administers anything.
    const hidden = await evidence(reviewId, { caller: bob });
    expectError(
      { status: hidden.status, body: JSON.parse(hidden.bytes.toString()) },
      404,
      5,
      'ACCESS_REVIEW_NOT_FOUND',
    );
  });

  it("finds a reviewer's queue of one campaign through task search (accessReviewIds)", async () => {
    const queue = () =>
      t.request(
        'POST',
        '/api/v1/search/tasks',
        {
          accessReviewIds: [reviewId],
          taskTypes: [{ certify: {} }],
          taskStates: ['TASK_STATE_OPEN'],
          myWorkUserIds: [appOwner.user.id],
        },
        { token: appOwner.token },
      );
    const first = await queue();
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const ids = first.body.list.map((v: any) => v.task.id);
    // The app owner reviews bob's, carol's and dave's grants; their own goes to the campaign's owner.
    const expected = await t.db
      .selectFrom('tasks')
      .select('id')
      .where('access_review_id', '=', reviewId)
      .where('identity_user_id', '<>', appOwner.user.id)
      .orderBy('id', 'desc')
      .execute();
    expect(ids).toEqual(expected.map((row) => row.id));
    expect(first.body.nextPageToken).toBe('');
    const other = await t.request('POST', '/api/v1/search/tasks', { accessReviewIds: ['NoSuchReview'] });
    expect(other.body.list).toEqual([]);
  });

  it('gives an open campaign as not final, with no Repr-Digest; its inner digest holds', async () => {
    const open = await evidence(reviewId, { caller: owner });
    expect(open.status, open.bytes.toString()).toBe(200);
    expect(open.headers['content-type']).toMatch(/^application\/json/);
    expect(open.headers['repr-digest']).toBeUndefined();
    expect(open.headers['content-disposition']).toBe(`attachment; filename="access-review-${reviewId}.json"`);
    const csv = await evidence(reviewId, { caller: owner, format: 'csv' });
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="access-review-${reviewId}.csv"`);
    const pack = JSON.parse(open.bytes.toString());
    expect(pack.accessReview).toMatchObject({
      id: reviewId,
      state: 'ACCESS_REVIEW_STATE_OPEN',
      final: false,
    });
    expect(pack.population).toMatchObject({ size: 4, position: expect.stringMatching(/^c1\./) });
    expect(pack.items).toHaveLength(4);
    expect(new Set(pack.items.map((i: any) => i.decision))).toEqual(new Set(['OPEN']));
    expect(innerDigestHolds(open.bytes)).toBe(true);
  });

  it('gives a closed campaign the same bytes on every read, with their SHA-256, and what each item was', async () => {
    t.clock.advance(90_000);
    const bobTask = await taskOf(bob.user.id);
    const carolTask = await taskOf(carol.user.id);
    const daveTask = await taskOf(dave.user.id);
    // dave's grant is removed after the start, before anyone decides it.
    const removedNow = await t.request(
      'DELETE',
      `/api/v1/apps/${app.id}/entitlements/${entitlement.id}/remove-membership`,
      { appUserId: await appUserOf(dave.user.id) },
    );
    expect(removedNow.status, JSON.stringify(removedNow.body)).toBe(200);
    const decided = await t.request(
      'POST',
      `/roster/v1/access_reviews/${reviewId}/decisions`,
      {
        decisions: [
          { taskId: bobTask.id, decision: 'CERTIFY', comment: 'still needed, "on call"' },
          { taskId: carolTask.id, decision: 'DECERTIFY', comment: 'left the team' },
          { taskId: daveTask.id, decision: 'DECERTIFY', comment: 'gone' },
        ],
      },
      { token: appOwner.token },
    );
    expect(decided.body.results.map((r: any) => r.ok)).toEqual([true, true, true]);
    // The app owner's own grant waits for the campaign's owner, who closes instead: SKIP cancels it.
    const closed = await t.request(
      'POST',
      `/roster/v1/access_reviews/${reviewId}/close`,
      { remaining: 'SKIP' },
      { token: owner.token },
    );
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);

    // Two first reads at once: both write the pack, one is recorded, both send its bytes.
    const [first, second] = await Promise.all([
      evidence(reviewId, { caller: owner }),
      evidence(reviewId, { caller: owner }),
    ]);
    expect(first.status, first.bytes.toString()).toBe(200);
    expect(second.bytes.equals(first.bytes)).toBe(true);
    const generations = await t.db
      .selectFrom('access_review_evidence_chunks')
      .select('generation')
      .distinct()
      .where('access_review_id', '=', reviewId)
      .where('format', '=', 'json')
      .execute();
    expect(generations).toHaveLength(1);

    // Names change after the close; the pack does not.
    await t.db
      .updateTable('users')
      .set({ display_name: 'Renamed' })
      .where('id', '=', carol.user.id)
      .execute();
    const again = await evidence(reviewId);
    expect(again.bytes.equals(first.bytes)).toBe(true);
    expect(first.headers['repr-digest']).toBe(`sha-256=:${sha256(first.bytes).toString('base64')}:`);
    expect(again.headers['repr-digest']).toBe(first.headers['repr-digest']);
    expect(innerDigestHolds(first.bytes)).toBe(true);

    const pack = JSON.parse(first.bytes.toString());
    const review = await t.db
      .selectFrom('access_reviews')
      .selectAll()
      .where('id', '=', reviewId)
      .executeTakeFirstOrThrow();
    expect(pack.accessReview).toMatchObject({
      id: reviewId,
      displayName: 'Evidence, review "Q3", with commas',
      state: 'ACCESS_REVIEW_STATE_CLOSED',
      final: true,
      owners: [{ id: owner.user.id, email: owner.user.email, displayName: owner.user.displayName }],
      policy: { id: policies.certify, displayName: 'CERTIFY policy' },
      scope: [
        { appId: app.id, appEntitlementId: entitlement.id, entitlementDisplayName: entitlement.displayName },
      ],
      startedAt: review.started_at,
      closedAt: review.closed_at,
      closeRemaining: 'SKIP',
    });
    expect(pack.population).toEqual({
      size: 4,
      position: review.population_position,
      frozenAt: review.started_at,
    });
    const byPerson = new Map(pack.items.map((i: any) => [i.person.id, i]));
    const reviewer = {
      id: appOwner.user.id,
      email: appOwner.user.email,
      displayName: appOwner.user.displayName,
    };
    expect(byPerson.get(bob.user.id)).toMatchObject({
      person: { id: bob.user.id, email: bob.user.email },
      app: { id: app.id, displayName: app.displayName },
      entitlement: { id: entitlement.id },
      taskId: bobTask.id,
      decision: 'CERTIFIED',
      outcome: 'CERTIFY_OUTCOME_CERTIFIED',
      decidedBy: reviewer,
      reason: 'still needed, "on call"',
      secondsToDecision: 90,
      reviewers: [{ ...reviewer, decision: 'approved', comment: 'still needed, "on call"' }],
      removal: null,
      alreadyRemoved: false,
    });
    // carol's removal is the grant-history entry naming her task, at its change-stream position.
    const carolEvents = await t.db
      .selectFrom('grant_events')
      .selectAll()
      .where('ticket_id', '=', carolTask.id)
      .execute();
    expect(carolEvents).toHaveLength(1);
    const carolItem: any = byPerson.get(carol.user.id);
    expect(carolItem).toMatchObject({
      person: { displayName: carol.user.displayName },
      decision: 'DECERTIFIED',
      reason: 'left the team',
      alreadyRemoved: false,
      removal: {
        eventId: carolEvents[0]?.id,
        ticketId: carolTask.id,
        occurredAt: carolEvents[0]?.occurred_at,
        position: expect.stringMatching(/^c1\./),
      },
    });
    // dave's grant was gone already: recorded so, with the removal that did it.
    const daveEvents = await t.db
      .selectFrom('grant_events')
      .selectAll()
      .where('grant_id', '=', (byPerson.get(dave.user.id) as any).grantId)
      .where('event_type', '=', 'GRANT_EVENT_TYPE_REMOVED')
      .execute();
    expect(byPerson.get(dave.user.id)).toMatchObject({
      decision: 'DECERTIFIED',
      alreadyRemoved: true,
      removal: { eventId: daveEvents[0]?.id, ticketId: '' },
    });
    expect(byPerson.get(appOwner.user.id)).toMatchObject({
      decision: 'CANCELLED',
      decidedBy: null,
      closedWithCampaign: true,
      removal: null,
    });
    expect(pack.totals).toEqual({
      items: 4,
      byDecision: { CERTIFIED: 1, DECERTIFIED: 2, CANCELLED: 1, OPEN: 0, NO_TASK: 0 },
      removed: 2,
      alreadyRemoved: 1,
      closedWithCampaign: 1,
      byReviewer: [{ reviewer, certified: 1, decertified: 2 }],
    });
    // Items come in grant ID order.
    const grantIds = pack.items.map((i: any) => i.grantId);
    expect(grantIds).toEqual([...grantIds].sort());
  });

  it('gives the CSV the same way: one row per item, parsed back, its bytes fixed with their SHA-256', async () => {
    const first = await evidence(reviewId, { format: 'csv', caller: owner });
    expect(first.status, first.bytes.toString()).toBe(200);
    expect(first.headers['content-type']).toMatch(/^text\/csv/);
    const again = await evidence(reviewId, { format: 'csv' });
    expect(again.bytes.equals(first.bytes)).toBe(true);
    expect(first.headers['repr-digest']).toBe(`sha-256=:${sha256(first.bytes).toString('base64')}:`);

    const rows: Record<string, string>[] = parseCsv(first.bytes.toString('utf8'), { columns: true });
    expect(Object.keys(rows[0] ?? {})).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(4);
    const json = JSON.parse((await evidence(reviewId)).bytes.toString());
    // Row by row, the CSV says what the JSON says.
    expect(
      rows.map((r) => [
        r.grantId,
        r.personEmail,
        r.decision,
        r.decidedByEmail,
        r.reason,
        r.removalPosition,
        r.alreadyRemoved,
      ]),
    ).toEqual(
      json.items.map((i: any) => [
        i.grantId,
        i.person.email,
        i.decision,
        i.decidedBy?.email ?? '',
        i.reason,
        i.removal?.position ?? '',
        String(i.alreadyRemoved),
      ]),
    );
    expect(rows.find((r) => r.personId === bob.user.id)?.reason).toBe('still needed, "on call"');
  });
});
