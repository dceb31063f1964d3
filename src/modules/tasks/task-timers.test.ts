import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createEntitlement, expectError } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import { type Caller, createCaller, ROLES } from '../../../test/identity-fixtures.js';

const HOUR = 3_600_000;

/**
 * Task timers and policy actions (CONTRACT.md §7.26) through HTTP: wait steps that hold a grant until
 * the clock passes their end, escalations that replace approvers, and ProcessNow, SkipStep, Restart,
 * EscalateToEmergencyAccess and UpdateRequestData. The timer loop is run by calling it; the clock is
 * the test's. Each case checks what was stored: the task, its audit trail, grants and the system log;
 * each refusal changes nothing.
 */
describe.each(DIALECTS)('task timers and policy actions on %s', (dialect) => {
  let t: TestApp;
  let requester: Caller;
  let approver: Caller;
  let deputy: Caller;
  let admin: Caller;
  let outsider: Caller;
  let app: any;
  beforeAll(async () => {
    // Tokens outlive the clock's moves here (a week), so callers keep their first one.
    t = await startTestApp(dialect, { env: { ROSTER_TOKEN_TTL_SECONDS: String(7 * 24 * 3600) } });
    requester = await createCaller(t, []);
    approver = await createCaller(t, []);
    deputy = await createCaller(t, []);
    outsider = await createCaller(t, []);
    admin = await createCaller(t, [ROLES.superAdmin]);
    app = await createApp(t, { owners: [approver.user.id] });
  });
  afterAll(() => t.close());

  const as = (caller: Caller) => ({ token: caller.token });
  const runTimers = () => t.container.tasks.runDueTimers();
  const policy = async (steps: unknown[]) => {
    const made = await t.request('POST', '/api/v1/policies', {
      displayName: 'Timer policy',
      policyType: 'POLICY_TYPE_GRANT',
      policySteps: { grant: { steps } },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    return made.body.policy.id as string;
  };
  const users = (...callers: Caller[]) => ({
    approval: { users: { userIds: callers.map((c) => c.user.id) } },
  });
  /** An entitlement whose grant policy has `steps`, and a task requesting it. */
  const requestWith = async (steps: unknown[], extra: Record<string, unknown> = {}) => {
    const entitlement = await createEntitlement(t, app.id, { grantPolicyId: await policy(steps) });
    const opened = await t.request(
      'POST',
      '/api/v1/task/grant',
      { appId: app.id, appEntitlementId: entitlement.id, ...extra },
      as(requester),
    );
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    return { entitlement, task: opened.body.taskView.task };
  };
  const act = (caller: Caller, taskId: string, action: string, body: Record<string, unknown> = {}) =>
    t.request('POST', `/api/v1/tasks/${taskId}/action/${action}`, body, as(caller));
  const get = async (caller: Caller, taskId: string) =>
    (await t.request('GET', `/api/v1/tasks/${taskId}`, undefined, as(caller))).body.taskView.task;
  const taskRow = (id: string) =>
    t.db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const audits = async (taskId: string) =>
    (await t.request('POST', '/api/v1/task/audits', { taskId }, as(admin))).body.list as any[];
  const grantHistory = (entitlementId: string) =>
    t.db
      .selectFrom('grant_events')
      .select(['event_type', 'ticket_id', 'actor_user_id'])
      .where('app_entitlement_id', '=', entitlementId)
      .orderBy('id')
      .execute();
  const liveGrants = (entitlementId: string) =>
    t.db
      .selectFrom('grants')
      .innerJoin('app_users', 'app_users.id', 'grants.app_user_id')
      .select('app_users.identity_user_id')
      .where('grants.app_entitlement_id', '=', entitlementId)
      .where('grants.deleted_at', 'is', null)
      .execute();
  const logged = (taskId: string) =>
    t.db
      .selectFrom('system_log_events')
      .select(['activity', 'actor_user_id'])
      .where('target_id', '=', taskId)
      .orderBy('tx_id')
      .orderBy('seq')
      .execute();
  /** Everything stored about a task, to show a refused action changed nothing. */
  const stored = async (taskId: string, entitlementId: string) => ({
    task: await taskRow(taskId),
    audits: await audits(taskId),
    log: await logged(taskId),
    grants: await grantHistory(entitlementId),
    assignees: await t.db.selectFrom('task_assignees').selectAll().where('task_id', '=', taskId).execute(),
  });

  it('holds a grant behind a wait step until the clock passes its end, then the loop grants it as the system', async () => {
    const started = t.clock.now();
    const { entitlement, task } = await requestWith([
      {
        wait: {
          timeoutDuration: '3600s',
          commentOnFirstWait: 'Cooling off',
          commentOnTimeout: 'Done waiting',
        },
      },
    ]);
    expect(task.state).toBe('TASK_STATE_OPEN');
    expect(task.stepApproverIds).toEqual([]);
    expect(task.policy.current).toMatchObject({
      state: 'POLICY_STEP_STATE_ACTIVE',
      wait: {
        state: 'WAIT_INSTANCE_STATE_WAITING',
        startedWaitingAt: started.toISOString(),
        timeout: new Date(started.getTime() + HOUR).toISOString(),
        timeoutDuration: '3600s',
        commentOnFirstWait: 'Cooling off',
      },
    });
    expect((await taskRow(task.id)).due_at).toBe(new Date(started.getTime() + HOUR).toISOString());

    // Before its end the loop leaves it alone.
    t.clock.advance(HOUR - 1000);
    expect(await runTimers()).toBe(0);
    expect((await taskRow(task.id)).state).toBe('TASK_STATE_OPEN');
    expect(await liveGrants(entitlement.id)).toEqual([]);

    t.clock.advance(1000);
    expect(await runTimers()).toBe(1);
    const row = await taskRow(task.id);
    expect(row).toMatchObject({
      state: 'TASK_STATE_CLOSED',
      outcome: 'GRANT_OUTCOME_GRANTED',
      due_at: null,
      comment_count: 2,
    });
    expect(await liveGrants(entitlement.id)).toEqual([{ identity_user_id: requester.user.id }]);
    expect(await grantHistory(entitlement.id)).toEqual([
      { event_type: 'GRANT_EVENT_TYPE_ADDED', ticket_id: task.id, actor_user_id: null },
    ]);
    const closed = await get(requester, task.id);
    expect(closed.policy.history[0].wait).toMatchObject({
      state: 'WAIT_INSTANCE_STATE_TIMED_OUT',
      timedOut: { timedOutAt: t.clock.now().toISOString() },
    });
    const trail = await audits(task.id);
    expect(trail.find((a) => a.waitStepWaiting)?.waitStepWaiting.stepId).toBe(task.policy.current.id);
    expect(trail.find((a) => a.waitStepTimedOut)).toMatchObject({ userId: '' });
    expect(trail.filter((a) => a.comment).map((a) => a.comment.comment)).toEqual([
      'Cooling off',
      'Done waiting',
    ]);
    expect((await logged(task.id)).map((e) => e.activity)).toEqual([
      'task.created',
      'task.wait_ended',
      'task.closed',
    ]);
    expect((await logged(task.id)).at(-1)?.actor_user_id ?? '').toBe('');
    // Nothing is due any more.
    expect(await runTimers()).toBe(0);
  });

  it('moves a due task once when two loop runs race', async () => {
    const { entitlement, task } = await requestWith([{ wait: { timeoutDuration: '60s' } }]);
    t.clock.advance(60_000);
    const moved = await Promise.all([runTimers(), runTimers(), runTimers()]);
    expect(moved.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await grantHistory(entitlement.id)).toEqual([
      { event_type: 'GRANT_EVENT_TYPE_ADDED', ticket_id: task.id, actor_user_id: null },
    ]);
    expect((await logged(task.id)).filter((e) => e.activity === 'task.wait_ended')).toHaveLength(1);
    expect((await audits(task.id)).filter((a) => a.grantOutcome)).toHaveLength(1);
  });

  it('escalates an undecided approval to the escalation’s approvers; the old approver is refused, the new one grants', async () => {
    const started = t.clock.now();
    const { entitlement, task } = await requestWith([
      {
        approval: {
          users: { userIds: [approver.user.id] },
          escalationEnabled: true,
          escalation: {
            escalationComment: 'Nobody answered',
            expiration: '30',
            reassignToApprovers: { approverIds: [deputy.user.id] },
          },
        },
      },
    ]);
    const firstStep = task.policy.current.id;
    expect(task.policy.current.approval.escalationInstance).toEqual({
      alreadyEscalated: false,
      escalationComment: 'Nobody answered',
      expiresAt: new Date(started.getTime() + 30 * 60_000).toISOString(),
      reassignToApprovers: { approverIds: [deputy.user.id] },
    });
    t.clock.advance(29 * 60_000);
    expect(await runTimers()).toBe(0);
    t.clock.advance(60_000);
    expect(await runTimers()).toBe(1);

    const escalated = await get(requester, task.id);
    expect(escalated.stepApproverIds).toEqual([deputy.user.id]);
    expect(escalated.policy.current.id).not.toBe(firstStep);
    expect(escalated.policy.current.approval.escalationInstance.alreadyEscalated).toBe(true);
    const row = await taskRow(task.id);
    expect(row.due_at).toBeNull();
    expect(JSON.parse(row.step_approver_ids)).toEqual([deputy.user.id]);
    expect(
      (
        await t.db.selectFrom('task_assignees').select('user_id').where('task_id', '=', task.id).execute()
      ).map((a) => a.user_id),
    ).toEqual([deputy.user.id]);
    expect((await audits(task.id)).find((a) => a.slaEscalation)).toMatchObject({
      userId: '',
      slaEscalation: { message: 'Nobody answered' },
    });
    expect((await logged(task.id)).map((e) => e.activity)).toEqual([
      'task.created',
      'task.assigned',
      'task.escalated',
      'task.assigned',
    ]);
    // Escalated once: another run does nothing.
    expect(await runTimers()).toBe(0);

    const before = await stored(task.id, entitlement.id);
    // The old approver is no longer asked (nor, never having acted, sees the task); the old step ID
    // is no longer current for anyone.
    expectError(
      await act(deputy, task.id, 'approve', { policyStepId: firstStep }),
      400,
      9,
      'TASK_STEP_NOT_CURRENT',
    );
    expectError(
      await act(approver, task.id, 'approve', { policyStepId: escalated.policy.current.id }),
      404,
      5,
      'TASK_NOT_FOUND',
    );
    expect(await stored(task.id, entitlement.id)).toEqual(before);

    const approved = await act(deputy, task.id, 'approve', { policyStepId: escalated.policy.current.id });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.taskView.task.type.grant.outcome).toBe('GRANT_OUTCOME_GRANTED');
    expect(await liveGrants(entitlement.id)).toEqual([{ identity_user_id: requester.user.id }]);
  });

  it('escalates to a replacement policy, which runs from its first step', async () => {
    const replacement = await policy([users(deputy)]);
    const { entitlement, task } = await requestWith([
      {
        approval: {
          users: { userIds: [approver.user.id] },
          escalationEnabled: true,
          escalation: { expiration: '5', replacePolicy: { policyId: replacement } },
        },
      },
    ]);
    t.clock.advance(5 * 60_000);
    expect(await runTimers()).toBe(1);
    const view = await get(requester, task.id);
    expect(view.stepApproverIds).toEqual([deputy.user.id]);
    expect(view.policy.history[0].approval).toMatchObject({
      reassigned: { newPolicyStepId: view.policy.current.id, userId: '' },
      escalationInstance: { alreadyEscalated: true, replacePolicy: { policyId: replacement } },
    });
    expect(await taskRow(task.id)).toMatchObject({ policy_id: replacement, step_base: 1, due_at: null });
    expect((await logged(task.id)).slice(-2).map((e) => e.activity)).toEqual([
      'task.escalated',
      'task.assigned',
    ]);
    const approved = await act(deputy, task.id, 'approve', { policyStepId: view.policy.current.id });
    expect(approved.body.taskView.task.type.grant.outcome).toBe('GRANT_OUTCOME_GRANTED');
    expect(await liveGrants(entitlement.id)).toEqual([{ identity_user_id: requester.user.id }]);
  });

  it('processes a wait or an escalation now for a Super Admin, and refuses everyone and everything else', async () => {
    const { entitlement, task } = await requestWith([{ wait: { timeoutDuration: '86400s' } }]);
    expect((await get(admin, task.id)).actions).toContain('TASK_ACTION_TYPE_PROCESS_NOW');
    expect((await get(requester, task.id)).actions).not.toContain('TASK_ACTION_TYPE_PROCESS_NOW');
    const before = await stored(task.id, entitlement.id);
    expectError(await act(requester, task.id, 'process'), 403, 7, 'PERMISSION_DENIED');
    expect(await stored(task.id, entitlement.id)).toEqual(before);

    const processed = await act(admin, task.id, 'process');
    expect(processed.status, JSON.stringify(processed.body)).toBe(200);
    expect(processed.body.taskView.task.state).toBe('TASK_STATE_CLOSED');
    expect(processed.body.taskView.task.policy.history[0].wait).toMatchObject({
      state: 'WAIT_INSTANCE_STATE_COMPLETED',
      succeeded: { succeededAt: t.clock.now().toISOString() },
    });
    expect(await grantHistory(entitlement.id)).toEqual([
      { event_type: 'GRANT_EVENT_TYPE_ADDED', ticket_id: task.id, actor_user_id: admin.user.id },
    ]);
    expect((await logged(task.id)).map((e) => [e.activity, e.actor_user_id])).toEqual([
      ['task.created', requester.user.id],
      ['task.processed', admin.user.id],
      ['task.closed', admin.user.id],
    ]);
    // Closed: refused, nothing changed.
    const closed = await stored(task.id, entitlement.id);
    expectError(await act(admin, task.id, 'process'), 400, 9, 'TASK_CLOSED');
    expect(await stored(task.id, entitlement.id)).toEqual(closed);

    // An approval with no escalation has nothing to process.
    const plain = await requestWith([users(approver)]);
    const plainBefore = await stored(plain.task.id, plain.entitlement.id);
    expect((await get(admin, plain.task.id)).actions).not.toContain('TASK_ACTION_TYPE_PROCESS_NOW');
    expectError(await act(admin, plain.task.id, 'process'), 400, 9, 'TASK_NOTHING_TO_PROCESS');
    expect(await stored(plain.task.id, plain.entitlement.id)).toEqual(plainBefore);

    // An escalation escalates now.
    const escalating = await requestWith([
      {
        approval: {
          users: { userIds: [approver.user.id] },
          escalationEnabled: true,
          escalation: { expiration: '600', reassignToApprovers: { approverIds: [deputy.user.id] } },
        },
      },
    ]);
    const now = await act(admin, escalating.task.id, 'process');
    expect(now.status, JSON.stringify(now.body)).toBe(200);
    expect(now.body.taskView.task.stepApproverIds).toEqual([deputy.user.id]);
    expect((await taskRow(escalating.task.id)).due_at).toBeNull();
  });

  it('skips the current step for a Super Admin, then the policy goes on and the last skip grants', async () => {
    const { entitlement, task } = await requestWith([users(approver), users(deputy)]);
    const first = task.policy.current.id;
    const before = await stored(task.id, entitlement.id);
    expectError(
      await act(approver, task.id, 'skip-step', { policyStepId: first }),
      403,
      7,
      'PERMISSION_DENIED',
    );
    expectError(
      await act(admin, task.id, 'skip-step', { policyStepId: 'nope' }),
      400,
      9,
      'TASK_STEP_NOT_CURRENT',
    );
    expect(await stored(task.id, entitlement.id)).toEqual(before);
    expect((await get(admin, task.id)).actions).toContain('TASK_ACTION_TYPE_SKIP_STEP');
    expect((await get(approver, task.id)).actions).not.toContain('TASK_ACTION_TYPE_SKIP_STEP');

    const skipped = await act(admin, task.id, 'skip-step', { policyStepId: first, comment: 'Known good' });
    expect(skipped.status, JSON.stringify(skipped.body)).toBe(200);
    const view = skipped.body.taskView.task;
    expect(view.stepApproverIds).toEqual([deputy.user.id]);
    expect(view.policy.history[0].approval.skipped).toEqual({
      skippedAt: t.clock.now().toISOString(),
      userId: admin.user.id,
      newPolicyStepId: view.policy.current.id,
    });
    expect((await audits(task.id)).find((a) => a.stepSkipped)).toMatchObject({
      userId: admin.user.id,
      stepSkipped: { skippedBy: admin.user.id },
    });

    const last = await act(admin, task.id, 'skip-step', { policyStepId: view.policy.current.id });
    expect(last.body.taskView.task.type.grant.outcome).toBe('GRANT_OUTCOME_GRANTED');
    expect(await grantHistory(entitlement.id)).toEqual([
      { event_type: 'GRANT_EVENT_TYPE_ADDED', ticket_id: task.id, actor_user_id: admin.user.id },
    ]);
    expect((await logged(task.id)).map((e) => e.activity)).toEqual([
      'task.created',
      'task.assigned',
      'task.step_skipped',
      'task.assigned',
      'task.step_skipped',
      'task.closed',
    ]);
  });

  it('restarts an open task’s policy from its first step for the requester, and refuses a closed one', async () => {
    // Approvals of the run before a restart do not count against requireDistinctApprovers.
    const distinct = (caller: Caller) => ({
      approval: { users: { userIds: [caller.user.id] }, requireDistinctApprovers: true },
    });
    const { entitlement, task } = await requestWith([distinct(approver), distinct(deputy)]);
    const first = task.policy.current.id;
    const approved = await act(approver, task.id, 'approve', { policyStepId: first });
    const second = approved.body.taskView.task.policy.current.id;

    const before = await stored(task.id, entitlement.id);
    expectError(await act(outsider, task.id, 'restart'), 404, 5, 'TASK_NOT_FOUND');
    expectError(await act(approver, task.id, 'restart'), 403, 7, 'PERMISSION_DENIED');
    expectError(
      await act(requester, task.id, 'restart', { policyStepId: first }),
      400,
      9,
      'TASK_STEP_NOT_CURRENT',
    );
    expect(await stored(task.id, entitlement.id)).toEqual(before);

    const restarted = await act(requester, task.id, 'restart', { policyStepId: second });
    expect(restarted.status, JSON.stringify(restarted.body)).toBe(200);
    const view = restarted.body.taskView.task;
    expect(view.stepApproverIds).toEqual([approver.user.id]);
    expect(view.policy.current.id).not.toBe(first);
    expect(
      view.policy.history.map((h: any) =>
        Object.keys(h.approval).filter((k) => ['approved', 'restarted'].includes(k)),
      ),
    ).toEqual([['approved'], ['restarted']]);
    expect(view.policy.history[1].approval.restarted).toMatchObject({
      oldPolicyStepId: second,
      userId: requester.user.id,
    });
    expect(view.policy.next).toHaveLength(1);
    expect((await taskRow(task.id)).step_base).toBe(2);
    expect((await audits(task.id)).find((a) => a.taskRestarted)?.taskRestarted).toEqual({
      oldPolicyStepId: second,
    });
    expect((await logged(task.id)).slice(-2).map((e) => e.activity)).toEqual([
      'task.restarted',
      'task.assigned',
    ]);
    expect(await liveGrants(entitlement.id)).toEqual([]);

    await act(approver, task.id, 'approve', { policyStepId: view.policy.current.id });
    const done = await act(deputy, task.id, 'approve', {
      policyStepId: (await get(deputy, task.id)).policy.current.id,
    });
    expect(done.body.taskView.task.type.grant.outcome).toBe('GRANT_OUTCOME_GRANTED');
    expect(done.body.taskView.task.actions).not.toContain('TASK_ACTION_TYPE_RESTART');

    const closed = await stored(task.id, entitlement.id);
    expectError(await act(requester, task.id, 'restart'), 400, 9, 'TASK_CLOSED');
    expect(await stored(task.id, entitlement.id)).toEqual(closed);
  });

  it('escalates a grant task to the entitlement’s emergency grant policy for the requester', async () => {
    const emergency = await policy([users(deputy)]);
    const normal = await policy([users(approver)]);
    const entitlement = await createEntitlement(t, app.id, {
      grantPolicyId: normal,
      emergencyGrantPolicyId: emergency,
    });
    const opened = await t.request(
      'POST',
      '/api/v1/task/grant',
      { appId: app.id, appEntitlementId: entitlement.id },
      as(requester),
    );
    const task = opened.body.taskView.task;
    expect(task.actions).toContain('TASK_ACTION_TYPE_ESCALATE_TO_EMERGENCY_ACCESS');
    expect(task.emergencyAccess).toBe(false);

    const before = await stored(task.id, entitlement.id);
    expectError(await act(approver, task.id, 'escalate'), 403, 7, 'PERMISSION_DENIED');
    expect(await stored(task.id, entitlement.id)).toEqual(before);

    const escalated = await act(requester, task.id, 'escalate', { comment: 'Outage' });
    expect(escalated.status, JSON.stringify(escalated.body)).toBe(200);
    const view = escalated.body.taskView.task;
    expect(view).toMatchObject({ emergencyAccess: true, stepApproverIds: [deputy.user.id] });
    expect(view.actions).not.toContain('TASK_ACTION_TYPE_ESCALATE_TO_EMERGENCY_ACCESS');
    expect(await taskRow(task.id)).toMatchObject({ policy_id: emergency, emergency_access: 1 });
    expect((await audits(task.id)).find((a) => a.taskEscalated)?.taskEscalated).toEqual({
      oldPolicyId: normal,
      oldPolicyStepId: task.policy.current.id,
    });
    expect((await logged(task.id)).slice(-2).map((e) => e.activity)).toEqual([
      'task.escalated_to_emergency',
      'task.assigned',
    ]);

    // Once is enough; an entitlement without an emergency policy has none to escalate to.
    const again = await stored(task.id, entitlement.id);
    expectError(await act(requester, task.id, 'escalate'), 400, 9, 'EMERGENCY_ACCESS_UNAVAILABLE');
    expect(await stored(task.id, entitlement.id)).toEqual(again);
    const plain = await requestWith([users(approver)]);
    expect(plain.task.actions).not.toContain('TASK_ACTION_TYPE_ESCALATE_TO_EMERGENCY_ACCESS');
    const plainBefore = await stored(plain.task.id, plain.entitlement.id);
    expectError(await act(requester, plain.task.id, 'escalate'), 400, 9, 'EMERGENCY_ACCESS_UNAVAILABLE');
    expect(await stored(plain.task.id, plain.entitlement.id)).toEqual(plainBefore);

    const approved = await act(deputy, task.id, 'approve', { policyStepId: view.policy.current.id });
    expect(approved.body.taskView.task.type.grant.outcome).toBe('GRANT_OUTCOME_GRANTED');
    expect(await liveGrants(entitlement.id)).toEqual([{ identity_user_id: requester.user.id }]);
  });

  it('keeps a grant task’s request data, which the requester or a Super Admin replaces while it is open', async () => {
    const { entitlement, task } = await requestWith([users(approver)], { requestData: { ticket: 'CHG-1' } });
    expect(task.data).toEqual({ ticket: 'CHG-1' });
    const before = await stored(task.id, entitlement.id);
    expectError(
      await act(approver, task.id, 'update-request-data', { data: { x: 1 } }),
      403,
      7,
      'PERMISSION_DENIED',
    );
    expectError(
      await act(outsider, task.id, 'update-request-data', { data: { x: 1 } }),
      404,
      5,
      'TASK_NOT_FOUND',
    );
    expect(await stored(task.id, entitlement.id)).toEqual(before);

    const updated = await act(requester, task.id, 'update-request-data', {
      data: { ticket: 'CHG-2', rows: [1, 2] },
    });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body.taskView.task.data).toEqual({ ticket: 'CHG-2', rows: [1, 2] });
    expect(JSON.parse((await taskRow(task.id)).request_data ?? 'null')).toEqual({
      ticket: 'CHG-2',
      rows: [1, 2],
    });
    expect((await logged(task.id)).at(-1)).toEqual({
      activity: 'task.request_data_updated',
      actor_user_id: requester.user.id,
    });

    await act(requester, task.id, 'close');
    const closed = await stored(task.id, entitlement.id);
    expectError(await act(admin, task.id, 'update-request-data', { data: {} }), 400, 9, 'TASK_CLOSED');
    expect(await stored(task.id, entitlement.id)).toEqual(closed);
  });
});
