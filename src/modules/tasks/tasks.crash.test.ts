import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createEntitlement, createUser } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import { type Caller, createCaller, ROLES } from '../../../test/identity-fixtures.js';
import { createSignal, logRecord, onLines } from '../../../test/wait.js';

const MAIN = path.resolve(import.meta.dirname, '../../main.ts');
const LISTENING = /^Server listening at (http:\/\/127\.0\.0\.1:\d+)$/;

interface Server {
  readonly child: ChildProcess;
  readonly url: string;
  readonly exited: Promise<unknown>;
  /** A bearer token this server issued to the caller's API client. */
  tokenOf(caller: Caller): Promise<string>;
  call(token: string, method: 'GET' | 'POST', route: string, body?: unknown): Promise<Response>;
}

/** Roster as `npm start` runs it, in its own process, on the test app's database. */
async function startServer(t: TestApp): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: {
      ...process.env,
      ...t.database.env,
      ROSTER_HOST: '127.0.0.1',
      ROSTER_PORT: '0',
      ROSTER_LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  let url: string | undefined;
  const happened = createSignal();
  onLines(child.stdout as NonNullable<ChildProcess['stdout']>, (line) => {
    url ??= LISTENING.exec(logRecord(line)?.msg ?? '')?.[1];
    happened.notify();
  });
  const exited = new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      happened.notify();
      resolve(code ?? signal);
    }),
  );
  await happened.until(() => url !== undefined || child.exitCode !== null, { what: 'Roster to listen' });
  if (url === undefined) throw new Error(`Roster exited: ${stderr}`);
  const base = url;
  const call = (token: string, method: 'GET' | 'POST', route: string, body?: unknown) =>
    fetch(`${base}${route}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    child,
    url: base,
    exited,
    call,
    async tokenOf(caller) {
      const response = await fetch(`${base}/auth/v1/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: caller.client.clientId,
          client_secret: caller.clientSecret,
        }).toString(),
      });
      const body = (await response.json()) as { access_token?: string };
      if (!body.access_token) throw new Error(`token: ${response.status} ${JSON.stringify(body)}`);
      return body.access_token;
    },
  };
}

async function kill(server: Server): Promise<void> {
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
  await server.exited;
}

/**
 * A grant task's final approve against a real server process killed with SIGKILL: right after the
 * 200, and while approvals are still in flight. After a restart on the same database the task and
 * the grant agree: a closed, granted task has exactly one live grant and one history entry naming
 * it; an open task has neither, and can still be approved once.
 */
describe.each(DIALECTS)('task approvals survive SIGKILL on %s', (dialect) => {
  let t: TestApp;
  let owner: Caller;
  let secondOwner: Caller;
  let admin: Caller;
  let app: any;
  const servers: Server[] = [];
  beforeAll(async () => {
    t = await startTestApp(dialect);
    owner = await createCaller(t, [ROLES.appAdmin]);
    secondOwner = await createCaller(t, [ROLES.appAdmin]);
    admin = await createCaller(t, [ROLES.superAdmin]);
    app = await createApp(t, { owners: [owner.user.id, secondOwner.user.id] });
  });
  afterAll(async () => {
    for (const server of servers) await kill(server);
    await t.close();
  });

  const start = async () => {
    const server = await startServer(t);
    servers.push(server);
    return server;
  };
  /** A grant task for a new user, opened by the admin in the test app: the app's two owners may approve it. */
  const openTask = async (entitlementId: string) => {
    const subject = await createUser(t);
    const opened = await t.request('POST', '/api/v1/task/grant', {
      appId: app.id,
      appEntitlementId: entitlementId,
      identityUserId: subject.id,
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    const task = opened.body.taskView.task;
    expect(task.state).toBe('TASK_STATE_OPEN');
    return { id: task.id as string, stepId: task.policy.current.id as string, userId: subject.id as string };
  };
  const approve = (server: Server, token: string, task: { id: string; stepId: string }) =>
    server.call(token, 'POST', `/api/v1/tasks/${task.id}/action/approve`, { policyStepId: task.stepId });

  /** What the database holds about the task and the user's membership. */
  const stored = async (task: { id: string; userId: string }, entitlementId: string) => {
    const row = await t.db
      .selectFrom('tasks')
      .select(['state', 'outcome'])
      .where('id', '=', task.id)
      .executeTakeFirstOrThrow();
    const grants = await t.db
      .selectFrom('grants')
      .innerJoin('app_users', 'app_users.id', 'grants.app_user_id')
      .select(['grants.id'])
      .where('grants.app_entitlement_id', '=', entitlementId)
      .where('app_users.identity_user_id', '=', task.userId)
      .where('grants.deleted_at', 'is', null)
      .execute();
    const events = await t.db
      .selectFrom('grant_events')
      .innerJoin('app_users', 'app_users.id', 'grant_events.app_user_id')
      .select(['grant_events.event_type', 'grant_events.ticket_id'])
      .where('grant_events.app_entitlement_id', '=', entitlementId)
      .where('app_users.identity_user_id', '=', task.userId)
      .execute();
    return { state: row.state, outcome: row.outcome, grants: grants.length, events };
  };
  /** Either still open with nothing granted, or closed, granted, with one grant and one entry. */
  const consistent = async (task: { id: string; userId: string }, entitlementId: string) => {
    const now = await stored(task, entitlementId);
    if (now.state === 'TASK_STATE_OPEN') {
      expect(now).toEqual({
        state: 'TASK_STATE_OPEN',
        outcome: 'GRANT_OUTCOME_UNSPECIFIED',
        grants: 0,
        events: [],
      });
    } else {
      expect(now).toEqual({
        state: 'TASK_STATE_CLOSED',
        outcome: 'GRANT_OUTCOME_GRANTED',
        grants: 1,
        events: [{ event_type: 'GRANT_EVENT_TYPE_ADDED', ticket_id: task.id }],
      });
    }
    return now.state;
  };

  it('a final approve answered 200 just before SIGKILL is there after the restart: the task closed, one grant, one history entry naming it', async () => {
    const entitlement = await createEntitlement(t, app.id);
    const task = await openTask(entitlement.id);
    const first = await start();
    const approved = await approve(first, await first.tokenOf(owner), task);
    // Killed the moment the answer is in: nothing after the 200 gets to run.
    first.child.kill('SIGKILL');
    expect(approved.status).toBe(200);
    expect(((await approved.json()) as any).taskView.task.state).toBe('TASK_STATE_CLOSED');
    await first.exited;

    const second = await start();
    expect(await stored(task, entitlement.id)).toEqual({
      state: 'TASK_STATE_CLOSED',
      outcome: 'GRANT_OUTCOME_GRANTED',
      grants: 1,
      events: [{ event_type: 'GRANT_EVENT_TYPE_ADDED', ticket_id: task.id }],
    });
    // The restarted server says the same: the task, the grant feed and the members page.
    const adminToken = await second.tokenOf(admin);
    const read = await second.call(adminToken, 'GET', `/api/v1/tasks/${task.id}`);
    expect(((await read.json()) as any).taskView.task).toMatchObject({
      state: 'TASK_STATE_CLOSED',
      type: { grant: { outcome: 'GRANT_OUTCOME_GRANTED' } },
    });
    const feed = (await (
      await second.call(adminToken, 'POST', '/api/v1/grants/feed', { appEntitlementIds: [entitlement.id] })
    ).json()) as any;
    expect(feed.list.map((e: any) => [e.feed.eventType, e.feed.ticketId])).toEqual([
      ['GRANT_EVENT_TYPE_ADDED', task.id],
    ]);
    const members = (await (
      await second.call(adminToken, 'GET', `/api/v1/apps/${app.id}/entitlements/${entitlement.id}/users`)
    ).json()) as any;
    expect(members.list.map((m: any) => m.appUser.appUser.identityUserId)).toEqual([task.userId]);
    // Approving again changes nothing: the task is closed.
    const again = await approve(second, await second.tokenOf(owner), task);
    expect(again.status).toBe(400);
    expect((await stored(task, entitlement.id)).grants).toBe(1);
    await kill(second);
  });

  it('approvals racing when the process is killed leave each task open without a grant or closed with exactly one', async () => {
    const entitlement = await createEntitlement(t, app.id);
    const tasks = [];
    for (let i = 0; i < 8; i++) tasks.push(await openTask(entitlement.id));
    const first = await start();
    const tokens = [await first.tokenOf(owner), await first.tokenOf(secondOwner)];
    // Both owners approve every task at once; the process is killed as soon as one approval is
    // answered 200, the others still in flight (or not yet read).
    const answers = tasks.flatMap((task) =>
      tokens.map((token) =>
        approve(first, token, task).then(
          (response) => response.status,
          () => 'no answer',
        ),
      ),
    );
    await new Promise<void>((resolve) => {
      for (const answer of answers) void answer.then((s) => s === 200 && resolve());
      void Promise.all(answers).then(() => resolve());
    });
    first.child.kill('SIGKILL');
    await first.exited;
    const statuses = await Promise.all(answers);
    expect(
      statuses.some((s) => s === 200),
      JSON.stringify(statuses),
    ).toBe(true);

    const second = await start();
    const states = [];
    for (const task of tasks) states.push(await consistent(task, entitlement.id));
    expect(states).toContain('TASK_STATE_CLOSED');
    // A task left open was not left half-done: approving it now grants once.
    const token = await second.tokenOf(owner);
    for (const [i, task] of tasks.entries()) {
      if (states[i] !== 'TASK_STATE_OPEN') continue;
      expect((await approve(second, token, task)).status).toBe(200);
      expect(await consistent(task, entitlement.id)).toBe('TASK_STATE_CLOSED');
    }
    const live = await t.db
      .selectFrom('grants')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('app_entitlement_id', '=', entitlement.id)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    expect(Number(live.n)).toBe(tasks.length);
    await kill(second);
  });

  it('a kill the moment the approve is sent, before any answer, leaves the task consistent either way', async () => {
    const entitlement = await createEntitlement(t, app.id);
    const task = await openTask(entitlement.id);
    const first = await start();
    const token = await first.tokenOf(owner);
    const sent = approve(first, token, task).then(
      (response) => response.status,
      () => 'no answer',
    );
    // Fired, not awaited: killed once the request has left this process.
    await new Promise((resolve) => setImmediate(resolve));
    first.child.kill('SIGKILL');
    await first.exited;
    const status = await sent;
    await start();
    const state = await consistent(task, entitlement.id);
    // An answered 200 means the approval is stored.
    if (status === 200) expect(state).toBe('TASK_STATE_CLOSED');
  });
});
