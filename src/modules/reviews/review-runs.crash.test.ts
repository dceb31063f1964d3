import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createEntitlement, createPolicies } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import { type Caller, createCaller, ROLES } from '../../../test/identity-fixtures.js';
import { createSignal, logRecord, onLines } from '../../../test/wait.js';
import { newId } from '../../lib/ids.js';

const MAIN = path.resolve(import.meta.dirname, '../../main.ts');
const LISTENING = /^Server listening at (http:\/\/127\.0\.0\.1:\d+)$/;
const GRANTS = 20_000;

/**
 * The start job of a 20,000-grant campaign in a real server process, killed with SIGKILL once its
 * first batch has committed (the server logs each batch). After the restart the job resumes where
 * its last committed batch left it: every frozen grant has exactly one certify task.
 */
describe.each(DIALECTS)('the start job survives SIGKILL on %s', (dialect) => {
  let t: TestApp;
  let admin: Caller;
  let owner: Caller;
  let child: ChildProcess | undefined;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    admin = await createCaller(t, [ROLES.superAdmin]);
    owner = await createCaller(t, []);
  });
  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await t.close();
  });

  /** `count` live grants of the entitlement, each to a new app user, written in multi-row statements. */
  async function insertGrants(appId: string, entitlementId: string, count: number) {
    const at = t.clock.now().toISOString();
    for (let start = 0; start < count; start += 500) {
      const appUsers = [];
      const grants = [];
      for (let i = start; i < Math.min(count, start + 500); i++) {
        const appUserId = newId();
        appUsers.push({
          id: appUserId,
          app_id: appId,
          identity_user_id: '',
          display_name: `App user ${i}`,
          email: '',
          username: '',
          app_user_type: 'APP_USER_TYPE_USER',
          status: 'STATUS_ENABLED',
          created_at: at,
          updated_at: at,
          deleted_at: null,
        });
        grants.push({
          id: newId(),
          app_id: appId,
          app_entitlement_id: entitlementId,
          app_user_id: appUserId,
          source: 'MANUAL',
          bulk_action_id: null,
          created_at: at,
          deprovision_at: null,
          deleted_at: null,
        });
      }
      await t.db.insertInto('app_users').values(appUsers).execute();
      await t.db.insertInto('grants').values(grants).execute();
    }
  }

  it('leaves every frozen grant with exactly one certify task after a kill mid-way and a restart', async () => {
    const policies = await createPolicies(t);
    const app = await createApp(t, { owners: [owner.user.id] });
    const entitlement = await createEntitlement(t, app.id);
    await insertGrants(app.id, entitlement.id, GRANTS);
    const created = await t.request('POST', '/api/v1/access_review', {
      displayName: 'Large review',
      ownerIds: [owner.user.id],
      policyId: policies.certify,
    });
    const id = created.body.accessReview.accessReview.id as string;
    await t.request('POST', `/api/v1/access_review/${id}/scope_and_entitlements`, {
      entitlements: [{ appId: app.id, appEntitlementId: entitlement.id }],
    });

    child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
      env: {
        ...process.env,
        ...t.database.env,
        ROSTER_HOST: '127.0.0.1',
        ROSTER_PORT: '0',
        ROSTER_LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = child;
    let url: string | undefined;
    let batches = 0;
    const happened = createSignal();
    onLines(server.stdout as NonNullable<ChildProcess['stdout']>, (line) => {
      const record = logRecord(line);
      url ??= LISTENING.exec(record?.msg ?? '')?.[1];
      if (record?.msg === 'access review start batch committed' && record.accessReviewId === id) batches++;
      happened.notify();
    });
    const exited = new Promise((resolve) => server.on('exit', resolve));
    await happened.until(() => url !== undefined || server.exitCode !== null, { what: 'Roster to listen' });
    expect(url).toBeDefined();
    const token = await fetch(`${url}/auth/v1/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: admin.client.clientId,
        client_secret: admin.clientSecret,
      }).toString(),
    }).then(async (r) => ((await r.json()) as { access_token: string }).access_token);
    const started = await fetch(`${url}/roster/v1/access_reviews/${id}/start`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(started.status).toBe(200);

    // Killed as soon as the server says a batch has committed (its log, or its progress, whichever
    // comes first); a batch or two more may commit before the signal lands.
    for (;;) {
      if (batches > 0) break;
      const progress = await fetch(`${url}/roster/v1/access_reviews/${id}/progress`, {
        headers: { authorization: `Bearer ${token}` },
      }).then(async (r) => ((await r.json()) as { progress: { tasksCreated: number } }).progress);
      if (progress.tasksCreated > 0) break;
    }
    server.kill('SIGKILL');
    await exited;

    const review = await t.db
      .selectFrom('access_reviews')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(review.population_size).toBe(GRANTS);
    expect(review.tasks_created).toBeGreaterThan(0);
    expect(review.tasks_created).toBeLessThan(GRANTS);
    const countTasks = async () =>
      Number(
        (
          await t.db
            .selectFrom('tasks')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('access_review_id', '=', id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    // What committed is whole: the tasks stored are those the job's cursor counts.
    expect(await countTasks()).toBe(review.tasks_created);

    // The restart: this process's container runs the job on from its cursor.
    await t.container.reviewRuns.runPending();
    expect(await countTasks()).toBe(GRANTS);
    const missing = await t.db
      .selectFrom('access_review_items')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('access_review_items.access_review_id', '=', id)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('tasks')
              .select('tasks.id')
              .whereRef('tasks.access_review_id', '=', 'access_review_items.access_review_id')
              .whereRef('tasks.app_entitlement_id', '=', 'access_review_items.app_entitlement_id')
              .whereRef('tasks.app_user_id', '=', 'access_review_items.app_user_id'),
          ),
        ),
      )
      .executeTakeFirstOrThrow();
    expect(Number(missing.n)).toBe(0);
    const distinct = await t.db
      .selectFrom('tasks')
      .select((eb) => eb.fn.count('app_user_id').distinct().as('n'))
      .where('access_review_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Number(distinct.n)).toBe(GRANTS);
    const progress = await t.request('GET', `/roster/v1/access_reviews/${id}/progress`);
    expect(progress.body.progress).toMatchObject({
      populationSize: GRANTS,
      populated: true,
      tasksCreated: GRANTS,
      open: GRANTS,
    });
    // Each task waits for the app's owner, with its audits, once.
    const audits = await t.db
      .selectFrom('task_audits')
      .innerJoin('tasks', 'tasks.id', 'task_audits.task_id')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('tasks.access_review_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Number(audits.n)).toBe(2 * GRANTS);
  }, 180_000);
});
