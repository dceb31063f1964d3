import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appUserIdOf,
  createApp,
  createEntitlement,
  createPolicies,
  expectError,
  insertGrant,
  revokeInsertedGrant,
} from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import { type Caller, createCaller, ROLES } from '../../../test/identity-fixtures.js';
import { WEBHOOK_EVENT_TYPES } from '../../lib/vocabulary.js';

/**
 * Running a campaign (issue 20) through HTTP: start freezes the population, the start job makes one
 * certify task per frozen grant, reviewers decide (alone and in bulk), decertifying revokes, and
 * close (asked for or automatic) ends every open task. Each case checks what was stored.
 */
describe.each(DIALECTS)('running access reviews on %s', (dialect) => {
  let t: TestApp;
  let policies: { grant: string; revoke: string; certify: string };
  let owner: Caller;
  let appOwner: Caller;
  let bob: Caller;
  let carol: Caller;
  let dave: Caller;
  let app: any;
  let first: any;
  let second: any;
  let outside: any;

  const as = (caller: Caller | undefined) => (caller ? { token: caller.token } : undefined);
  const addMembers = async (entitlementId: string, userIds: string[]) => {
    const response = await t.request(
      'POST',
      `/api/v1/apps/${app.id}/entitlements/${entitlementId}/add-manual-user`,
      { userIds },
    );
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    await t.drainBulkActions();
  };
  const newCampaign = async (entitlements: any[], extra: Record<string, unknown> = {}) => {
    const created = await t.request('POST', '/api/v1/access_review', {
      displayName: 'Quarterly review',
      ownerIds: [owner.user.id],
      policyId: policies.certify,
      scopeType: 'ACCESS_REVIEW_SCOPE_TYPE_BY_ENTITLEMENTS',
      ...extra,
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const id = created.body.accessReview.accessReview.id as string;
    const scoped = await t.request('POST', `/api/v1/access_review/${id}/scope_and_entitlements`, {
      entitlements: entitlements.map((e) => ({ appId: app.id, appEntitlementId: e.id })),
    });
    expect(scoped.status, JSON.stringify(scoped.body)).toBe(200);
    return id;
  };
  const start = (id: string, caller?: Caller) =>
    t.request('POST', `/roster/v1/access_reviews/${id}/start`, {}, as(caller));
  const close = (id: string, remaining: string, caller?: Caller) =>
    t.request('POST', `/roster/v1/access_reviews/${id}/close`, { remaining }, as(caller));
  const decide = (id: string, decisions: unknown[], caller?: Caller) =>
    t.request('POST', `/roster/v1/access_reviews/${id}/decisions`, { decisions }, as(caller));
  const progress = async (id: string) =>
    (await t.request('GET', `/roster/v1/access_reviews/${id}/progress`)).body.progress;
  const certifyTasks = (id: string) =>
    t.db.selectFrom('tasks').selectAll().where('access_review_id', '=', id).orderBy('id').execute();
  const appUserOf = (userId: string) => appUserIdOf(t, app.id, userId);
  const taskFor = async (id: string, entitlementId: string, appUserId: string) =>
    t.db
      .selectFrom('tasks')
      .selectAll()
      .where('access_review_id', '=', id)
      .where('app_entitlement_id', '=', entitlementId)
      .where('app_user_id', '=', appUserId)
      .executeTakeFirstOrThrow();
  const liveGrant = (entitlementId: string, appUserId: string) =>
    t.db
      .selectFrom('grants')
      .select('id')
      .where('app_entitlement_id', '=', entitlementId)
      .where('app_user_id', '=', appUserId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();

  beforeAll(async () => {
    t = await startTestApp(dialect);
    policies = await createPolicies(t);
    owner = await createCaller(t, []);
    appOwner = await createCaller(t, [ROLES.appAdmin]);
    bob = await createCaller(t, []);
    carol = await createCaller(t, []);
    dave = await createCaller(t, []);
    app = await createApp(t, { owners: [appOwner.user.id] });
    first = await createEntitlement(t, app.id);
    second = await createEntitlement(t, app.id);
    outside = await createEntitlement(t, app.id);
    await addMembers(first.id, [appOwner.user.id, bob.user.id]);
    await addMembers(second.id, [carol.user.id]);
    await addMembers(outside.id, [bob.user.id]);
  });
  afterAll(() => t.close());

  let reviewId: string;
  let removed: { appUserId: string; grantId: string };

  it('starts a campaign over two entitlements: the grants of that moment are in, later ones are not, removed ones stay', async () => {
    removed = await insertGrant(t, app.id, first.id);
    reviewId = await newCampaign([first, second]);
    // Someone who neither owns the campaign nor administers anything does not see it.
    expect((await start(reviewId, bob)).status).toBe(404);

    const started = await start(reviewId, owner);
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    expect(started.body.accessReview.accessReview).toMatchObject({
      state: 'ACCESS_REVIEW_STATE_OPEN',
      startedAt: expect.any(String),
      expectedTicketCount: 4,
    });
    expect(await progress(reviewId)).toMatchObject({ populationSize: 4, populated: false, tasksCreated: 0 });
    // A second start is refused: only a draft starts.
    expectError(await start(reviewId, owner), 400, 9, 'ACCESS_REVIEW_NOT_DRAFT');

    // After the start: a new member, and a member removed.
    await addMembers(first.id, [dave.user.id]);
    await revokeInsertedGrant(t, removed.grantId);

    // Closing before the start job is done is refused.
    expectError(await close(reviewId, 'SKIP', owner), 400, 9, 'ACCESS_REVIEW_POPULATING');
    await t.container.reviewRuns.runPending();

    const shown = await progress(reviewId);
    expect(shown).toMatchObject({ populationSize: 4, populated: true, tasksCreated: 4, open: 4, decided: 0 });
    expect(shown.populationPosition).toMatch(/^c1\./);
    const tasks = await certifyTasks(reviewId);
    expect(tasks).toHaveLength(4);
    const appUsers = new Set(tasks.map((task) => `${task.app_entitlement_id}/${task.app_user_id}`));
    expect(appUsers).toEqual(
      new Set([
        `${first.id}/${await appUserOf(appOwner.user.id)}`,
        `${first.id}/${await appUserOf(bob.user.id)}`,
        `${first.id}/${removed.appUserId}`,
        `${second.id}/${await appUserOf(carol.user.id)}`,
      ]),
    );
    // Each task is a certify task in the official shape, waiting for the app's owner.
    const bobTask = await taskFor(reviewId, first.id, await appUserOf(bob.user.id));
    const view = await t.request('GET', `/api/v1/tasks/${bobTask.id}`);
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    expect(view.body.taskView.task).toMatchObject({
      state: 'TASK_STATE_OPEN',
      userId: bob.user.id,
      stepApproverIds: [appOwner.user.id],
      type: {
        certify: {
          accessReviewId: reviewId,
          appId: app.id,
          appEntitlementId: first.id,
          appUserId: await appUserOf(bob.user.id),
          identityUserId: bob.user.id,
          outcome: 'CERTIFY_OUTCOME_UNSPECIFIED',
        },
      },
    });
    // Nobody reviews their own access: the app owner's own grant falls back to the campaign's owner.
    const ownTask = await taskFor(reviewId, first.id, await appUserOf(appOwner.user.id));
    expect(JSON.parse(ownTask.step_approver_ids)).toEqual([owner.user.id]);
    const audits = await t.db
      .selectFrom('task_audits')
      .select('kind')
      .where('task_id', '=', ownTask.id)
      .orderBy('id')
      .execute();
    expect(audits.map((a) => a.kind)).toEqual(['created', 'step_fallback', 'step_started']);
    const assignees = await t.db
      .selectFrom('task_assignees')
      .select('user_id')
      .where('task_id', '=', ownTask.id)
      .execute();
    expect(assignees.map((a) => a.user_id)).toEqual([owner.user.id]);
    const log = await t.db
      .selectFrom('system_log_events')
      .select('activity')
      .where('target_id', '=', reviewId)
      .orderBy('id')
      .execute();
    expect(log.map((e) => e.activity)).toContain('access_review.started');
  });

  it('decides in bulk: each decision answered, refusals do not stop the others, decertifying revokes with the task as ticket', async () => {
    const bobTask = await taskFor(reviewId, first.id, await appUserOf(bob.user.id));
    const carolAppUser = await appUserOf(carol.user.id);
    const carolTask = await taskFor(reviewId, second.id, carolAppUser);
    const ownTask = await taskFor(reviewId, first.id, await appUserOf(appOwner.user.id));

    const answer = await decide(
      reviewId,
      [
        { taskId: bobTask.id, decision: 'CERTIFY', comment: 'still needed' },
        { taskId: ownTask.id, decision: 'CERTIFY' },
        { taskId: carolTask.id, decision: 'DECERTIFY' },
        { taskId: carolTask.id, decision: 'DECERTIFY', comment: 'left the team' },
        { taskId: 'NoSuchTask', decision: 'CERTIFY' },
      ],
      appOwner,
    );
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    const results = answer.body.results;
    expect(results.map((r: any) => r.ok)).toEqual([true, false, false, true, false]);
    expect(results[0]).toMatchObject({ state: 'TASK_STATE_CLOSED', outcome: 'CERTIFY_OUTCOME_CERTIFIED' });
    expect(results[1].error.details[0].reason).toBe('PERMISSION_DENIED');
    expect(results[2].error.details[0].reason).toBe('REASON_REQUIRED');
    expect(results[3]).toMatchObject({ outcome: 'CERTIFY_OUTCOME_DECERTIFIED' });
    expect(results[4].error.details[0].reason).toBe('TASK_NOT_FOUND');

    // The app owner's own task is untouched; carol's grant is revoked, the history naming the task.
    expect((await taskFor(reviewId, first.id, await appUserOf(appOwner.user.id))).state).toBe(
      'TASK_STATE_OPEN',
    );
    expect(await liveGrant(second.id, carolAppUser)).toBeUndefined();
    const removal = await t.db
      .selectFrom('grant_events')
      .selectAll()
      .where('app_entitlement_id', '=', second.id)
      .where('app_user_id', '=', carolAppUser)
      .where('event_type', '=', 'GRANT_EVENT_TYPE_REMOVED')
      .execute();
    expect(removal.map((e) => e.ticket_id)).toEqual([carolTask.id]);
    const feed = await t.request('POST', '/api/v1/grants/feed', { appEntitlementIds: [second.id] });
    expect(JSON.stringify(feed.body)).toContain(carolTask.id);
  });

  it('refuses a reviewee and a non-reviewer, and lets the campaign owner decide the fallback task', async () => {
    const ownTask = await taskFor(reviewId, first.id, await appUserOf(appOwner.user.id));
    const step = JSON.parse(ownTask.step_instances).at(-1).id;
    // The person whose access it is, through the ordinary task action.
    expectError(
      await t.request(
        'POST',
        `/api/v1/tasks/${ownTask.id}/action/approve`,
        { policyStepId: step },
        as(appOwner),
      ),
      403,
      7,
      'PERMISSION_DENIED',
    );
    // Someone else entirely: bob sees his own task only.
    const refused = await decide(reviewId, [{ taskId: ownTask.id, decision: 'CERTIFY' }], bob);
    expect(refused.body.results[0].ok).toBe(false);
    expect((await taskFor(reviewId, first.id, await appUserOf(appOwner.user.id))).state).toBe(
      'TASK_STATE_OPEN',
    );

    const done = await t.request(
      'POST',
      `/api/v1/tasks/${ownTask.id}/action/approve`,
      { policyStepId: step, comment: 'reviewed' },
      as(owner),
    );
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.taskView.task.type.certify.outcome).toBe('CERTIFY_OUTCOME_CERTIFIED');
  });

  it('closes with REVOKE: what is still open is decertified, a grant already removed is recorded so; then every decision is refused', async () => {
    const removedTask = await taskFor(reviewId, first.id, removed.appUserId);
    expect(removedTask.state).toBe('TASK_STATE_OPEN');
    expectError(await close(reviewId, 'REVOKE', bob), 404, 5, 'ACCESS_REVIEW_NOT_FOUND');
    const closed = await close(reviewId, 'REVOKE', owner);
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.accessReview.accessReview).toMatchObject({
      state: 'ACCESS_REVIEW_STATE_CLOSED',
      closedAt: expect.any(String),
    });
    const after = await taskFor(reviewId, first.id, removed.appUserId);
    expect(after).toMatchObject({ state: 'TASK_STATE_CLOSED', outcome: 'CERTIFY_OUTCOME_DECERTIFIED' });
    const kinds = await t.db
      .selectFrom('task_audits')
      .select(['kind', 'details'])
      .where('task_id', '=', removedTask.id)
      .orderBy('id')
      .execute();
    expect(kinds.map((k) => k.kind)).toContain('already_removed');
    expect(await progress(reviewId)).toMatchObject({ open: 0, decided: 4, certified: 2, decertified: 2 });

    const before = await certifyTasks(reviewId);
    const bobTask = await taskFor(reviewId, first.id, await appUserOf(bob.user.id));
    expectError(
      await decide(reviewId, [{ taskId: bobTask.id, decision: 'DECERTIFY', comment: 'x' }], appOwner),
      400,
      9,
      'ACCESS_REVIEW_CLOSED',
    );
    expectError(
      await t.request(
        'POST',
        `/api/v1/tasks/${bobTask.id}/action/deny`,
        { policyStepId: 'x', comment: 'x' },
        as(appOwner),
      ),
      400,
      9,
      'TASK_CLOSED',
    );
    expectError(await close(reviewId, 'SKIP', owner), 400, 9, 'ACCESS_REVIEW_CLOSED');
    expect(await certifyTasks(reviewId)).toEqual(before);
    expect(await liveGrant(first.id, await appUserOf(bob.user.id))).toBeDefined();
  });

  it('closes with SKIP: open tasks are cancelled and every grant stays', async () => {
    const id = await newCampaign([first]);
    expect((await start(id)).status).toBe(200);
    await t.container.reviewRuns.runPending();
    // bob, the app owner and dave hold the first entitlement now.
    expect(await certifyTasks(id)).toHaveLength(3);
    const closed = await close(id, 'SKIP');
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const tasks = await certifyTasks(id);
    expect(new Set(tasks.map((task) => task.outcome))).toEqual(new Set(['CERTIFY_OUTCOME_CANCELLED']));
    for (const userId of [bob.user.id, appOwner.user.id, dave.user.id]) {
      expect(await liveGrant(first.id, await appUserOf(userId))).toBeDefined();
    }
    const log = await t.db.selectFrom('system_log_events').selectAll().where('target_id', '=', id).execute();
    expect(log.map((e) => e.activity)).toContain('access_review.closed');
    // Both campaign events are webhook event types of their name (the dispatcher maps the system log).
    expect(WEBHOOK_EVENT_TYPES).toEqual(
      expect.arrayContaining(['access_review.started', 'access_review.closed']),
    );
    expect(log.map((e) => e.activity)).toContain('access_review.started');
  });

  it('decertifying a grant removed and granted again since the start revokes nothing: the frozen grant is already gone', async () => {
    const third = await createEntitlement(t, app.id);
    await addMembers(third.id, [dave.user.id]);
    const id = await newCampaign([third]);
    expect((await start(id)).status).toBe(200);
    await t.container.reviewRuns.runPending();
    const daveAppUser = await appUserOf(dave.user.id);
    const base = `/api/v1/apps/${app.id}/entitlements/${third.id}`;
    const removedNow = await t.request('DELETE', `${base}/remove-membership`, { appUserId: daveAppUser });
    expect(removedNow.status, JSON.stringify(removedNow.body)).toBe(200);
    await addMembers(third.id, [dave.user.id]);
    const regranted = await liveGrant(third.id, daveAppUser);
    expect(regranted).toBeDefined();

    const task = await taskFor(id, third.id, daveAppUser);
    const answer = await decide(id, [{ taskId: task.id, decision: 'DECERTIFY', comment: 'gone' }], appOwner);
    expect(answer.body.results[0]).toMatchObject({ ok: true, outcome: 'CERTIFY_OUTCOME_DECERTIFIED' });
    expect(await liveGrant(third.id, daveAppUser)).toEqual(regranted);
    const audits = await t.db
      .selectFrom('task_audits')
      .select(['kind', 'details'])
      .where('task_id', '=', task.id)
      .orderBy('id')
      .execute();
    expect(audits.map((a) => a.kind)).toContain('already_removed');
    const outcome = audits.find((a) => a.kind === 'certify_outcome');
    expect(JSON.parse(outcome?.details ?? '{}')).toMatchObject({ alreadyRemoved: true, revoked: false });
  });

  it("takes reviewers from the policy's approval, per batch: entitlement owners, managers; a decertification without reason when the policy says so", async () => {
    const certifyPolicy = async (approval: Record<string, unknown>) => {
      const made = await t.request('POST', '/api/v1/policies', {
        displayName: 'Certify by step',
        policyType: 'POLICY_TYPE_CERTIFY',
        policySteps: { certify: { steps: [{ approval }] } },
      });
      expect(made.status, JSON.stringify(made.body)).toBe(200);
      return made.body.policy.id as string;
    };
    const fourth = await createEntitlement(t, app.id);
    const owned = await t.request('POST', `/api/v1/apps/${app.id}/entitlements/${fourth.id}/owners`, {
      userId: carol.user.id,
    });
    expect(owned.status, JSON.stringify(owned.body)).toBe(200);
    await addMembers(fourth.id, [bob.user.id, carol.user.id]);

    const byOwners = await newCampaign([fourth], {
      policyId: await certifyPolicy({ entitlementOwners: {}, requireDenialReason: false }),
    });
    expect((await start(byOwners)).status).toBe(200);
    await t.container.reviewRuns.runPending();
    const bobTask = await taskFor(byOwners, fourth.id, await appUserOf(bob.user.id));
    const carolTask = await taskFor(byOwners, fourth.id, await appUserOf(carol.user.id));
    expect(JSON.parse(bobTask.step_approver_ids)).toEqual([carol.user.id]);
    // Carol owns the entitlement but does not review her own grant: the campaign's owner does.
    expect(JSON.parse(carolTask.step_approver_ids)).toEqual([owner.user.id]);
    const answer = await decide(byOwners, [{ taskId: bobTask.id, decision: 'DECERTIFY' }], carol);
    expect(answer.body.results[0]).toMatchObject({ ok: true, outcome: 'CERTIFY_OUTCOME_DECERTIFIED' });
    expect(await liveGrant(fourth.id, await appUserOf(bob.user.id))).toBeUndefined();

    // Managers come from the directory (SCIM); written straight in, as a sync would store them.
    await t.db
      .updateTable('users')
      .set({ manager_ids: JSON.stringify([dave.user.id]) })
      .where('id', '=', carol.user.id)
      .execute();
    const byManager = await newCampaign([fourth], { policyId: await certifyPolicy({ manager: {} }) });
    expect((await start(byManager)).status).toBe(200);
    await t.container.reviewRuns.runPending();
    const managerTask = await taskFor(byManager, fourth.id, await appUserOf(carol.user.id));
    expect(JSON.parse(managerTask.step_approver_ids)).toEqual([dave.user.id]);
  });

  it("finds a campaign's certify tasks by accessReviewIds, each saying when its grant was made and by which request", async () => {
    const fifth = await createEntitlement(t, app.id);
    await addMembers(fifth.id, [bob.user.id]);
    // Dave asks for it and the app's owner approves: that grant's ticket is the request.
    const asked = await t.request(
      'POST',
      '/api/v1/task/grant',
      { appId: app.id, appEntitlementId: fifth.id },
      as(dave),
    );
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    const request = asked.body.taskView.task;
    const approved = await t.request(
      'POST',
      `/api/v1/tasks/${request.id}/action/approve`,
      { policyStepId: request.policy.current.id },
      as(appOwner),
    );
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const id = await newCampaign([fifth]);
    expect((await start(id)).status).toBe(200);
    await t.container.reviewRuns.runPending();

    const search = (body: Record<string, unknown>, caller?: Caller) =>
      t.request('POST', '/api/v1/search/tasks', { taskTypes: [{ certify: {} }], ...body }, as(caller));
    const found = await search({ accessReviewIds: [id], myWorkUserIds: [appOwner.user.id] }, appOwner);
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    const grants = await t.db
      .selectFrom('grants')
      .select(['id', 'app_user_id', 'created_at', 'ticket_id'])
      .where('app_entitlement_id', '=', fifth.id)
      .execute();
    const byAppUser = new Map(grants.map((g) => [g.app_user_id, g]));
    const daveGrant = byAppUser.get(await appUserOf(dave.user.id));
    const bobGrant = byAppUser.get(await appUserOf(bob.user.id));
    expect(daveGrant?.ticket_id).toBe(request.id);
    const data = found.body.list.map((view: any) => view.task.data);
    expect(data).toEqual(
      expect.arrayContaining([
        {
          grantId: daveGrant?.id,
          grantedAt: daveGrant?.created_at,
          originatingTicketId: request.id,
          originatingTicketNumericId: request.numericId,
        },
        {
          grantId: bobGrant?.id,
          grantedAt: bobGrant?.created_at,
          originatingTicketId: '',
          originatingTicketNumericId: '',
        },
      ]),
    );
    expect(found.body.list).toHaveLength(2);
    expect(found.body.list.every((view: any) => view.task.type.certify.accessReviewId === id)).toBe(true);
    // Another campaign's tasks are not among them, nor tasks of no campaign.
    const other = await search({ accessReviewIds: [reviewId] });
    expect(other.body.list.length).toBeGreaterThan(0);
    expect(other.body.list.every((view: any) => view.task.type.certify.accessReviewId === reviewId)).toBe(
      true,
    );
    const none = await t.request('POST', '/api/v1/search/tasks', {
      accessReviewIds: [id],
      taskTypes: [{ grant: {} }],
    });
    expect(none.body.list).toEqual([]);
  });

  it('closes itself at its completion date when autoCloseCampaign is set, revoking what is left', async () => {
    const completionDate = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
    const id = await newCampaign([first], { completionDate });
    const set = await t.request('POST', `/api/v1/access_review/${id}`, {
      accessReview: { autoCloseCampaign: true, autoCloseDecision: 'CLOSE_DECISION_REVOKED' },
      updateMask: 'autoCloseCampaign,autoCloseDecision',
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect((await start(id)).status).toBe(200);
    expect(await t.container.reviewRuns.runPending()).toMatchObject({ closed: 0 });
    expect(await progress(id)).toMatchObject({ state: 'ACCESS_REVIEW_STATE_OPEN', open: 3 });

    t.clock.advance(2 * 86_400_000);
    expect(await t.container.reviewRuns.runPending()).toMatchObject({ closed: 1 });
    expect(await progress(id)).toMatchObject({
      state: 'ACCESS_REVIEW_STATE_CLOSED',
      open: 0,
      decertified: 3,
    });
    expect(await liveGrant(first.id, await appUserOf(bob.user.id))).toBeUndefined();
  });
});
