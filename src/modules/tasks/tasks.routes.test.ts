import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createEntitlement, expectError } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import { type Caller, createCaller, ROLES } from '../../../test/identity-fixtures.js';

/**
 * Access requests (issue 19) through HTTP, as the people who make and decide them: a requester with
 * no role at all, the app's owner, named approvers and provisioners, an outsider and a Read-Only
 * Admin. Each case checks what was stored: the task, its audit trail, the grant and its history.
 */
describe.each(DIALECTS)('tasks on %s', (dialect) => {
  let t: TestApp;
  let requester: Caller;
  let owner: Caller;
  let outsider: Caller;
  let readOnly: Caller;
  let app: any;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    requester = await createCaller(t, []);
    owner = await createCaller(t, [ROLES.appAdmin]);
    outsider = await createCaller(t, []);
    readOnly = await createCaller(t, [ROLES.readOnlyAdmin]);
    app = await createApp(t, { owners: [owner.user.id] });
  });
  afterAll(() => t.close());

  const as = (caller: Caller) => ({ token: caller.token });
  const request = (caller: Caller, entitlementId: string, extra: Record<string, unknown> = {}) =>
    t.request(
      'POST',
      '/api/v1/task/grant',
      { appId: app.id, appEntitlementId: entitlementId, ...extra },
      as(caller),
    );
  const taskRow = (id: string) =>
    t.db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const liveGrants = async (entitlementId: string) =>
    t.db
      .selectFrom('grants')
      .innerJoin('app_users', 'app_users.id', 'grants.app_user_id')
      .select(['app_users.identity_user_id', 'grants.deprovision_at', 'grants.created_at'])
      .where('grants.app_entitlement_id', '=', entitlementId)
      .where('grants.deleted_at', 'is', null)
      .execute();
  const history = (entitlementId: string) =>
    t.db
      .selectFrom('grant_events')
      .select(['event_type', 'ticket_id', 'actor_user_id'])
      .where('app_entitlement_id', '=', entitlementId)
      .orderBy('id')
      .execute();
  const audits = async (caller: Caller, taskId: string) =>
    (await t.request('POST', '/api/v1/task/audits', { taskId }, as(caller))).body.list as any[];
  const act = (caller: Caller, taskId: string, action: string, body: Record<string, unknown>) =>
    t.request('POST', `/api/v1/tasks/${taskId}/action/${action}`, body, as(caller));
  const policy = async (steps: unknown[]) => {
    const made = await t.request('POST', '/api/v1/policies', {
      displayName: 'Test policy',
      policyType: 'POLICY_TYPE_GRANT',
      policySteps: { grant: { steps } },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    return made.body.policy.id as string;
  };

  it('runs a request through the default policy: the app owner approves, and the grant exists with the task as its ticket', async () => {
    const entitlement = await createEntitlement(t, app.id);
    const opened = await request(requester, entitlement.id, { description: 'Quarter-end close' });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    const task = opened.body.taskView.task;
    expect(task).toMatchObject({
      state: 'TASK_STATE_OPEN',
      userId: requester.user.id,
      createdByUserId: requester.user.id,
      description: 'Quarter-end close',
      stepApproverIds: [owner.user.id],
      numericId: expect.stringMatching(/^[1-9][0-9]*$/),
      actions: [
        'TASK_ACTION_TYPE_COMMENT',
        'TASK_ACTION_TYPE_CLOSE',
        'TASK_ACTION_TYPE_RESTART',
        'TASK_ACTION_TYPE_UPDATE_REQUEST_DATA',
      ],
      type: { grant: { appEntitlementId: entitlement.id, outcome: 'GRANT_OUTCOME_UNSPECIFIED' } },
    });
    expect(task.policy.policy.systemBuiltin).toBe(true);
    const stepId = task.policy.current.id;
    expect(task.policy.current.approval.state).toBe('APPROVAL_INSTANCE_STATE_WAITING');
    expect(await liveGrants(entitlement.id)).toEqual([]);

    // The owner sees it in their approvals, and may approve; the requester may not.
    const inbox = await t.request(
      'POST',
      '/api/v1/search/tasks',
      { myWorkUserIds: [owner.user.id] },
      as(owner),
    );
    expect(inbox.body.list.map((v: any) => v.task.id)).toContain(task.id);
    expectError(
      await act(requester, task.id, 'approve', { policyStepId: stepId }),
      403,
      7,
      'PERMISSION_DENIED',
    );

    const approved = await act(owner, task.id, 'approve', {
      policyStepId: stepId,
      comment: 'Needed for close',
    });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.taskView.task).toMatchObject({
      state: 'TASK_STATE_CLOSED',
      type: { grant: { outcome: 'GRANT_OUTCOME_GRANTED', outcomeTime: expect.any(String) } },
      commentCount: 1,
    });
    expect(approved.body.taskView.task.policy.history[0].approval.approved.userId).toBe(owner.user.id);
    expect((await liveGrants(entitlement.id)).map((g) => g.identity_user_id)).toEqual([requester.user.id]);
    expect(await history(entitlement.id)).toEqual([
      { event_type: 'GRANT_EVENT_TYPE_ADDED', ticket_id: task.id, actor_user_id: owner.user.id },
    ]);
    const feed = await t.request('POST', '/api/v1/grants/feed', { appEntitlementIds: [entitlement.id] });
    expect(feed.body.list.map((e: any) => e.feed.ticketId)).toEqual([task.id]);

    const trail = await audits(requester, task.id);
    const kinds = trail.map((a) =>
      Object.keys(a).find(
        (k) =>
          ![
            'id',
            'ticketId',
            'created',
            'userId',
            'eventType',
            'source',
            'currentState',
            'workflowStep',
            'metadata',
          ].includes(k),
      ),
    );
    expect(kinds).toEqual([
      'taskCreated',
      'policyEvaluationStep',
      'approvalInstanceChange',
      'comment',
      'grantOutcome',
      'stateChange',
    ]);
    expect(trail[3].comment.comment).toBe('Needed for close');
    expect(trail[2].userId).toBe(owner.user.id);
    const logged = await t.db
      .selectFrom('system_log_events')
      .select('activity')
      .where('target_id', '=', task.id)
      .execute();
    expect(logged.map((e) => e.activity).sort()).toEqual([
      'task.approved',
      'task.assigned',
      'task.closed',
      'task.created',
    ]);

    // Closed means closed.
    expectError(await act(owner, task.id, 'deny', { policyStepId: stepId }), 400, 9, 'TASK_CLOSED');
  });

  it('shows a task to those it concerns and to Read-Only Admins, and to nobody else', async () => {
    const entitlement = await createEntitlement(t, app.id);
    const task = (await request(requester, entitlement.id)).body.taskView.task;
    for (const caller of [requester, owner, readOnly]) {
      expect((await t.request('GET', `/api/v1/tasks/${task.id}`, undefined, as(caller))).status).toBe(200);
    }
    expect(
      (await t.request('GET', `/api/v1/tasks/${task.numericId}`, undefined, as(owner))).body.taskView.task.id,
    ).toBe(task.id);
    expectError(
      await t.request('GET', `/api/v1/tasks/${task.id}`, undefined, as(outsider)),
      404,
      5,
      'TASK_NOT_FOUND',
    );
    expectError(await act(outsider, task.id, 'comment', { comment: 'hi' }), 404, 5, 'TASK_NOT_FOUND');
    const theirs = await t.request('POST', '/api/v1/search/tasks', {}, as(outsider));
    expect(theirs.body.list.map((v: any) => v.task.id)).not.toContain(task.id);
    // Asking for someone else needs more than being signed in.
    const before = (await t.db.selectFrom('tasks').select('id').execute()).length;
    expectError(
      await request(outsider, entitlement.id, { identityUserId: requester.user.id }),
      403,
      7,
      'PERMISSION_DENIED',
    );
    expect((await t.db.selectFrom('tasks').select('id').execute()).length).toBe(before);
  });

  it('lets an App Admin ask for someone else in the apps it owns, and only there', async () => {
    const entitlement = await createEntitlement(t, app.id);
    const forOther = await request(owner, entitlement.id, { identityUserId: requester.user.id });
    expect(forOther.status, JSON.stringify(forOther.body)).toBe(200);
    expect(forOther.body.taskView.task).toMatchObject({
      userId: requester.user.id,
      createdByUserId: owner.user.id,
    });
    const otherAdmin = await createCaller(t, [ROLES.appAdmin]);
    expectError(
      await request(otherAdmin, entitlement.id, { identityUserId: requester.user.id }),
      403,
      7,
      'PERMISSION_DENIED',
    );
  });

  it('never lets a requester approve their own request: an owner asking for themself falls back to the Super Admins', async () => {
    const entitlement = await createEntitlement(t, app.id);
    const opened = await request(owner, entitlement.id);
    const task = opened.body.taskView.task;
    expect(task.stepApproverIds).not.toContain(owner.user.id);
    expect(task.stepApproverIds.length).toBeGreaterThan(0);
    expectError(
      await act(owner, task.id, 'approve', { policyStepId: task.policy.current.id }),
      403,
      7,
      'PERMISSION_DENIED',
    );
    const trail = await audits(owner, task.id);
    expect(
      trail.some((a) => /Fell back to the Super Admins/.test(a.policyEvaluationStep?.stepComment ?? '')),
    ).toBe(true);
    expect((await taskRow(task.id)).state).toBe('TASK_STATE_OPEN');
  });

  it('refuses a denial without the reason the policy requires, then denies with one and grants nothing', async () => {
    const approver = await createCaller(t, []);
    const entitlement = await createEntitlement(t, app.id, {
      grantPolicyId: await policy([
        { approval: { users: { userIds: [approver.user.id] }, requireDenialReason: true } },
      ]),
    });
    const task = (await request(requester, entitlement.id)).body.taskView.task;
    const stepId = task.policy.current.id;
    const stored = await taskRow(task.id);
    expectError(await act(approver, task.id, 'deny', { policyStepId: stepId }), 400, 3, 'REASON_REQUIRED');
    expectError(
      await act(approver, task.id, 'deny', { policyStepId: 'not-the-step' }),
      400,
      9,
      'TASK_STEP_NOT_CURRENT',
    );
    expect(await taskRow(task.id)).toEqual(stored);
    const denied = await act(approver, task.id, 'deny', { policyStepId: stepId, comment: 'Not your team' });
    expect(denied.status).toBe(200);
    expect(denied.body.taskView.task.type.grant.outcome).toBe('GRANT_OUTCOME_DENIED');
    expect(await liveGrants(entitlement.id)).toEqual([]);
    expect((await audits(requester, task.id)).find((a) => a.comment)?.comment.comment).toBe('Not your team');
  });

  it('waits for the named provisioner after approval, then grants for the requested time from approval, within the entitlement maximum', async () => {
    const approver = await createCaller(t, []);
    const provisioner = await createCaller(t, []);
    const entitlement = await createEntitlement(t, app.id, {
      durationGrant: '1800s',
      grantPolicyId: await policy([
        { approval: { users: { userIds: [approver.user.id] } } },
        {
          provision: {
            provisionPolicy: { manual: { instructions: 'Make the account', userIds: [provisioner.user.id] } },
          },
        },
      ]),
    });
    const task = (await request(requester, entitlement.id, { grantDuration: '3600s' })).body.taskView.task;
    t.clock.advance(10 * 60_000);
    const approved = (await act(approver, task.id, 'approve', { policyStepId: task.policy.current.id })).body
      .taskView.task;
    expect(approved.state).toBe('TASK_STATE_OPEN');
    expect(approved.stepApproverIds).toEqual([provisioner.user.id]);
    expect(approved.policy.current.provision.state).toBe('PROVISION_INSTANCE_STATE_WAITING');
    expect(await liveGrants(entitlement.id)).toEqual([]);
    // The approver of the first step is not the provisioner.
    expectError(
      await act(approver, task.id, 'approve', { policyStepId: approved.policy.current.id }),
      403,
      7,
      'PERMISSION_DENIED',
    );

    t.clock.advance(5 * 60_000);
    const provisionedAt = t.clock.now();
    const done = await act(provisioner, task.id, 'approve', { policyStepId: approved.policy.current.id });
    expect(done.body.taskView.task.type.grant.outcome).toBe('GRANT_OUTCOME_GRANTED');
    const [grant] = await liveGrants(entitlement.id);
    // 3,600 s asked, capped at the entitlement's 1,800 s, counted from the last approval.
    expect(grant?.deprovision_at).toBe(new Date(provisionedAt.getTime() + 1_800_000).toISOString());
  });

  it('keeps distinct approvers distinct across steps', async () => {
    const [a, b] = [await createCaller(t, []), await createCaller(t, [])];
    const both = { users: { userIds: [a.user.id, b.user.id] }, requireDistinctApprovers: true };
    const entitlement = await createEntitlement(t, app.id, {
      grantPolicyId: await policy([{ approval: both }, { approval: both }]),
    });
    const task = (await request(requester, entitlement.id)).body.taskView.task;
    const second = (await act(a, task.id, 'approve', { policyStepId: task.policy.current.id })).body.taskView
      .task;
    expect(second.stepApproverIds).toEqual([b.user.id]);
    expectError(
      await act(a, task.id, 'approve', { policyStepId: second.policy.current.id }),
      403,
      7,
      'PERMISSION_DENIED',
    );
    const done = await act(b, task.id, 'approve', { policyStepId: second.policy.current.id });
    expect(done.body.taskView.task.type.grant.outcome).toBe('GRANT_OUTCOME_GRANTED');
  });

  it('ends twenty simultaneous approvals in one transition, one grant and one history entry', async () => {
    const approvers = await Promise.all(Array.from({ length: 20 }, () => createCaller(t, [])));
    const entitlement = await createEntitlement(t, app.id, {
      grantPolicyId: await policy([{ approval: { users: { userIds: approvers.map((c) => c.user.id) } } }]),
    });
    const task = (await request(requester, entitlement.id)).body.taskView.task;
    const stepId = task.policy.current.id;
    const answers = await Promise.all(
      approvers.map((c) => act(c, task.id, 'approve', { policyStepId: stepId })),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    for (const refused of answers.filter((r) => r.status !== 200)) {
      expect(refused.body.details[0].reason).toBe('TASK_CLOSED');
    }
    expect(await liveGrants(entitlement.id)).toHaveLength(1);
    expect(await history(entitlement.id)).toHaveLength(1);
    const approvals = (await audits(requester, task.id)).filter((a) => a.approvalInstanceChange);
    expect(approvals).toHaveLength(1);
  });

  it('revokes at once when the entitlement names no revoke policy, naming the task in the history', async () => {
    const entitlement = await createEntitlement(t, app.id);
    const granted = (await request(requester, entitlement.id)).body.taskView.task;
    await act(owner, granted.id, 'approve', { policyStepId: granted.policy.current.id });
    const revoke = await t.request(
      'POST',
      '/api/v1/task/revoke',
      { appId: app.id, appEntitlementId: entitlement.id, description: 'Left the team' },
      as(requester),
    );
    expect(revoke.status, JSON.stringify(revoke.body)).toBe(200);
    expect(revoke.body.taskView.task).toMatchObject({
      state: 'TASK_STATE_CLOSED',
      type: { revoke: { outcome: 'REVOKE_OUTCOME_REVOKED' } },
    });
    expect(await liveGrants(entitlement.id)).toEqual([]);
    expect((await history(entitlement.id)).map((e) => [e.event_type, e.ticket_id])).toEqual([
      ['GRANT_EVENT_TYPE_ADDED', granted.id],
      ['GRANT_EVENT_TYPE_REMOVED', revoke.body.taskView.task.id],
    ]);
  });

  it('lets the requester close their request, and nobody act on it afterwards', async () => {
    const entitlement = await createEntitlement(t, app.id);
    const task = (await request(requester, entitlement.id)).body.taskView.task;
    expectError(await act(outsider, task.id, 'close', {}), 404, 5, 'TASK_NOT_FOUND');
    const closed = await act(requester, task.id, 'close', { comment: 'No longer needed' });
    expect(closed.body.taskView.task).toMatchObject({
      state: 'TASK_STATE_CLOSED',
      type: { grant: { outcome: 'GRANT_OUTCOME_CANCELLED' } },
    });
    expectError(
      await act(owner, task.id, 'approve', { policyStepId: task.policy.current.id }),
      400,
      9,
      'TASK_CLOSED',
    );
    expect(await liveGrants(entitlement.id)).toEqual([]);
  });

  it('reassigns a step only as its approval allows, to live users it allows, never to the requester, and audits it', async () => {
    const [approver, deputy, stranger, gone] = [
      await createCaller(t, []),
      await createCaller(t, []),
      await createCaller(t, []),
      await createCaller(t, []),
    ];
    // Disabled in the directory (SCIM writes the status; the API has no route for it).
    await t.db.updateTable('users').set({ status: 'DISABLED' }).where('id', '=', gone.user.id).execute();
    const entitlement = await createEntitlement(t, app.id, {
      grantPolicyId: await policy([
        {
          approval: {
            users: { userIds: [approver.user.id] },
            allowReassignment: true,
            allowedReassignees: [approver.user.id, deputy.user.id, requester.user.id, gone.user.id],
            requireReassignmentReason: true,
          },
        },
      ]),
    });
    const task = (await request(requester, entitlement.id)).body.taskView.task;
    const stepId = task.policy.current.id;
    expect(task.actions).not.toContain('TASK_ACTION_TYPE_REASSIGN');
    const asApprover = (await t.request('GET', `/api/v1/tasks/${task.id}`, undefined, as(approver))).body
      .taskView.task;
    expect(asApprover.actions).toContain('TASK_ACTION_TYPE_REASSIGN');
    const stored = await taskRow(task.id);
    const reassign = (caller: Caller, body: Record<string, unknown>) =>
      act(caller, task.id, 'reassign', { policyStepId: stepId, comment: 'On leave', ...body });

    expectError(await reassign(requester, { newStepUserIds: [deputy.user.id] }), 403, 7, 'PERMISSION_DENIED');
    expectError(
      await reassign(approver, { newStepUserIds: [deputy.user.id], comment: '' }),
      400,
      3,
      'REASON_REQUIRED',
    );
    for (const refused of [stranger, requester, gone]) {
      const answer = await reassign(approver, { newStepUserIds: [refused.user.id] });
      expectError(answer, 400, 3, 'REASSIGNEE_NOT_ALLOWED');
      expect(answer.body.details[0].metadata.userId).toBe(refused.user.id);
    }
    expectError(await reassign(approver, { newStepUserIds: [] }), 400, 3, 'INVALID_ARGUMENT');
    expectError(
      await reassign(approver, { newStepUserIds: [approver.user.id] }),
      400,
      9,
      'REASSIGNMENT_UNCHANGED',
    );
    expect(await taskRow(task.id)).toEqual(stored);

    const moved = await reassign(approver, { newStepUserIds: [deputy.user.id] });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const after = moved.body.taskView.task;
    expect(after.stepApproverIds).toEqual([deputy.user.id]);
    expect(after.policy.current.id).not.toBe(stepId);
    expect(after.commentCount).toBe(1);
    const assignees = await t.db
      .selectFrom('task_assignees')
      .select('user_id')
      .where('task_id', '=', task.id)
      .execute();
    expect(assignees.map((a) => a.user_id)).toEqual([deputy.user.id]);
    const trail = await audits(requester, task.id);
    const entry = trail.find((a) => a.approvalReassigned);
    expect(entry).toMatchObject({
      userId: approver.user.id,
      approvalReassigned: {
        oldPolicyStepId: stepId,
        newPolicyStepId: after.policy.current.id,
        newUsers: [deputy.user.id],
      },
    });
    const logged = await t.db
      .selectFrom('system_log_events')
      .select(['activity', 'actor_user_id'])
      .where('target_id', '=', task.id)
      .where('activity', 'in', ['task.reassigned', 'task.assigned'])
      .orderBy('tx_id')
      .orderBy('seq')
      .execute();
    expect(logged).toEqual([
      { activity: 'task.assigned', actor_user_id: requester.user.id },
      { activity: 'task.reassigned', actor_user_id: approver.user.id },
      { activity: 'task.assigned', actor_user_id: approver.user.id },
    ]);

    // The old approver and the old step ID no longer decide anything; the deputy does.
    expectError(
      await act(approver, task.id, 'approve', { policyStepId: after.policy.current.id }),
      403,
      7,
      'PERMISSION_DENIED',
    );
    expectError(
      await act(deputy, task.id, 'approve', { policyStepId: stepId }),
      400,
      9,
      'TASK_STEP_NOT_CURRENT',
    );
    const done = await act(deputy, task.id, 'approve', { policyStepId: after.policy.current.id });
    expect(done.body.taskView.task.type.grant.outcome).toBe('GRANT_OUTCOME_GRANTED');
    expect((await liveGrants(entitlement.id)).map((g) => g.identity_user_id)).toEqual([requester.user.id]);
  });

  it('refuses reassignment where the approval does not allow it, except to a Super Admin', async () => {
    const [approver, deputy] = [await createCaller(t, []), await createCaller(t, [])];
    const entitlement = await createEntitlement(t, app.id, {
      grantPolicyId: await policy([{ approval: { users: { userIds: [approver.user.id] } } }]),
    });
    const task = (await request(requester, entitlement.id)).body.taskView.task;
    const body = { policyStepId: task.policy.current.id, newStepUserIds: [deputy.user.id] };
    expectError(await act(approver, task.id, 'reassign', body), 400, 9, 'REASSIGNMENT_NOT_ALLOWED');
    expect((await taskRow(task.id)).step_approver_ids).toBe(JSON.stringify([approver.user.id]));
    // The test app's own caller is a Super Admin.
    const moved = await t.request('POST', `/api/v1/tasks/${task.id}/action/reassign`, body);
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect((await taskRow(task.id)).step_approver_ids).toBe(JSON.stringify([deputy.user.id]));
  });

  it('offboards a person: every grant they hold in every app revoked at once, each naming the task, for Super Admins only', async () => {
    const leaver = await createCaller(t, []);
    const otherApp = await createApp(t, { owners: [owner.user.id] });
    const here = await createEntitlement(t, app.id);
    const there = await createEntitlement(t, otherApp.id);
    const expired = await createEntitlement(t, app.id);
    for (const [appId, entitlementId] of [
      [app.id, here.id],
      [otherApp.id, there.id],
    ]) {
      const opened = (
        await t.request('POST', '/api/v1/task/grant', { appId, appEntitlementId: entitlementId }, as(leaver))
      ).body.taskView.task;
      await act(owner, opened.id, 'approve', { policyStepId: opened.policy.current.id });
    }
    const short = (
      await t.request(
        'POST',
        '/api/v1/task/grant',
        { appId: app.id, appEntitlementId: expired.id, grantDuration: '60s' },
        as(leaver),
      )
    ).body.taskView.task;
    await act(owner, short.id, 'approve', { policyStepId: short.policy.current.id });
    t.clock.advance(120_000);

    const offboard = (caller?: Caller) =>
      t.request(
        'POST',
        '/api/v1/task/offboarding',
        { subjectUserId: leaver.user.id, description: 'Left the company' },
        caller ? as(caller) : undefined,
      );
    expectError(await offboard(owner), 403, 7, 'PERMISSION_DENIED');
    expect((await liveGrants(here.id)).length).toBe(1);

    const done = await offboard();
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const task = done.body.taskView.task;
    expect(task).toMatchObject({
      state: 'TASK_STATE_CLOSED',
      userId: leaver.user.id,
      description: 'Left the company',
      type: { offboarding: { subjectUserId: leaver.user.id, outcome: 'OFFBOARDING_OUTCOME_DONE' } },
    });
    expect(await liveGrants(here.id)).toEqual([]);
    expect(await liveGrants(there.id)).toEqual([]);
    for (const entitlement of [here, there]) {
      expect((await history(entitlement.id)).at(-1)).toEqual({
        event_type: 'GRANT_EVENT_TYPE_REMOVED',
        ticket_id: task.id,
        actor_user_id: expect.any(String),
      });
    }
    // The grant that had already expired is the sweeper's, not the offboarding's.
    expect((await history(expired.id)).map((e) => e.ticket_id)).toEqual([short.id]);
    const found = await t.request('POST', '/api/v1/search/tasks', { taskTypes: [{ offboarding: {} }] });
    expect(found.body.list.map((v: any) => v.task.id)).toEqual([task.id]);

    // Nothing left to revoke: refused, and no task says otherwise.
    const before = (await t.db.selectFrom('tasks').select('id').execute()).length;
    expectError(await offboard(), 404, 5, 'GRANT_NOT_FOUND');
    expect((await t.db.selectFrom('tasks').select('id').execute()).length).toBe(before);
  });
});
