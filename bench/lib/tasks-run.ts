import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { connectDatabase } from '../../src/db/connect.js';
import { APP_ADMIN_ROLE } from '../../src/lib/roles.js';
import {
  addUsersAndWait,
  connectClient,
  createEntitlementOf,
  importUsers,
  type RosterClient,
  readAdminCredentials,
} from './api.js';
import type { Dialect } from './databases.js';
import { startRoster } from './server-run.js';
import { median } from './table.js';

// biome-ignore lint/suspicious/noExplicitAny: the bench writes rows as the tables hold them, untyped.
type AnyDb = Kysely<any>;
// biome-ignore lint/suspicious/noExplicitAny: wire objects are checked where the bench relies on them.
type Wire = any;

export interface TaskSizes {
  /** Tasks in the table for the first and the second set of searches. */
  readonly small: number;
  readonly large: number;
  /** Timed requests of each search at each size (after two warm-ups). */
  readonly searchRequests: number;
  /** Approvals (and single-user adds) timed for approve → member listed. */
  readonly approvals: number;
}

export interface SearchFigure {
  readonly label: string;
  /** Median ms of one page of 100 over `small` and over `large` tasks. */
  readonly smallMs: number;
  readonly largeMs: number;
}

export interface ListedTiming {
  /** The request's 200 → the first members page listing the user, median and p95 in ms. */
  readonly medianMs: number;
  readonly p95Ms: number;
  /** Request sent → listed, median ms. */
  readonly totalMedianMs: number;
}

export interface TasksResults {
  readonly searches: SearchFigure[];
  /** The final approve of a grant task → the member on the entitlement's members page. */
  readonly approve: ListedTiming;
  /** add-manual-user of one user → the member listed: the baseline of `approve`. */
  readonly addOne: ListedTiming;
}

const p95 = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] as number;
};

/** Words task descriptions are made of; a `query` for one matches an eighth of the tasks. */
const PROJECTS = ['aurora', 'borealis', 'cirrus', 'delta', 'ember', 'fjord', 'granite', 'harbor'];
const APPS = 10;
const ENTITLEMENTS_PER_APP = 5;
const USERS = 2_000;

interface Seeding {
  readonly entitlements: readonly { appId: string; entitlementId: string }[];
  readonly subjects: readonly string[];
  /** The requester who asks most often (one task in five is theirs). */
  readonly frequentSubject: string;
  /** Each open task waits on two of these three. */
  readonly approvers: readonly string[];
  /** Rows of a task the server opened (and of one it closed), to copy. */
  readonly openTemplate: Record<string, unknown>;
  readonly closedTemplate: Record<string, unknown>;
  readonly openAudits: readonly Record<string, unknown>[];
  readonly closedAudits: readonly Record<string, unknown>[];
}

const seededTaskId = (n: number) => `0${String(n).padStart(26, '0')}`;
const seededAuditId = (n: number, k: number) => `0${String(n * 10 + k).padStart(26, '0')}`;
const BASE_TIME = Date.parse('2026-01-01T00:00:00Z');

/**
 * Tasks `first`..`last` straight into the tables, in statements of 500 rows: about a third open
 * (each waiting on two of the three approvers), the rest closed with an outcome; two tasks in five are
 * for the popular entitlement, the rest spread over 49; one task in five is the frequent requester's;
 * an eighth of the descriptions name each project. Audits as the server writes them, copied.
 */
async function seedTasks(db: AnyDb, dialect: Dialect, s: Seeding, first: number, last: number) {
  const tasks: Record<string, unknown>[] = [];
  const assignees: { task_id: string; user_id: string }[] = [];
  const audits: Record<string, unknown>[] = [];
  const flush = async (force: boolean) => {
    if (!force && tasks.length < 500) return;
    await db.transaction().execute(async (trx) => {
      if (tasks.length) await trx.insertInto('tasks').values(tasks.splice(0)).execute();
      while (assignees.length)
        await trx.insertInto('task_assignees').values(assignees.splice(0, 1000)).execute();
      while (audits.length) await trx.insertInto('task_audits').values(audits.splice(0, 500)).execute();
    });
  };
  for (let i = first; i <= last; i++) {
    const k = (i * 7919) % 1000;
    const open = (i * 31) % 10 < 3;
    const type = k % 7 === 0 ? 'revoke' : 'grant';
    const target = (k < 400 ? s.entitlements[0] : s.entitlements[k % s.entitlements.length]) as {
      appId: string;
      entitlementId: string;
    };
    const subject =
      (i * 13) % 1000 < 200 ? s.frequentSubject : (s.subjects[(i * 104_729) % s.subjects.length] as string);
    const created = new Date(BASE_TIME + i * 1000).toISOString();
    const outcomeKind = (i * 17) % 10 < 7 ? 'DONE' : (i * 17) % 10 < 9 ? 'DENIED' : 'CANCELLED';
    const outcome = open
      ? `${type.toUpperCase()}_OUTCOME_UNSPECIFIED`
      : outcomeKind === 'DONE'
        ? `${type.toUpperCase()}_OUTCOME_${type === 'grant' ? 'GRANTED' : 'REVOKED'}`
        : `${type.toUpperCase()}_OUTCOME_${outcomeKind}`;
    const waitingOn = [s.approvers[i % 3] as string, s.approvers[(i + 1) % 3] as string];
    const template = open ? s.openTemplate : s.closedTemplate;
    const id = seededTaskId(i);
    tasks.push({
      ...template,
      id,
      numeric_id: 1_000 + i,
      task_type: type,
      state: open ? 'TASK_STATE_OPEN' : 'TASK_STATE_CLOSED',
      outcome,
      outcome_time: open ? null : new Date(BASE_TIME + i * 1000 + 3_600_000).toISOString(),
      app_id: target.appId,
      app_entitlement_id: target.entitlementId,
      app_user_id: '',
      identity_user_id: subject,
      created_by_user_id: subject,
      description: `Access for project ${PROJECTS[i % PROJECTS.length]}, request ${i}`,
      step_approver_ids: open ? JSON.stringify(waitingOn) : '[]',
      created_at: created,
      updated_at: created,
      deleted_at: null,
    });
    if (open) for (const user_id of waitingOn) assignees.push({ task_id: id, user_id });
    (open ? s.openAudits : s.closedAudits).forEach((audit, n) => {
      audits.push({
        ...audit,
        id: seededAuditId(i, n),
        task_id: id,
        actor_user_id: audit.actor_user_id === null ? null : n === 0 ? subject : waitingOn[0],
        created_at: created,
      });
    });
    await flush(false);
  }
  await flush(true);
  // What autovacuum would do soon after a load this size; SQLite is left without statistics, as
  // Roster leaves it.
  if (dialect === 'postgres') {
    const { sql } = await import('kysely');
    await sql`analyze tasks; analyze task_assignees; analyze task_audits`.execute(db);
  }
}

export async function userClient(admin: RosterClient, userId: string): Promise<RosterClient> {
  const made = await admin.call('POST', `/roster/v1/users/${userId}/personal_clients`, {
    displayName: 'bench client',
  });
  return connectClient(admin.url, { clientId: made.client.clientId, clientSecret: made.clientSecret });
}

export async function newUser(admin: RosterClient, name: string, roleIds: string[] = []) {
  return (
    await admin.call('POST', '/roster/v1/users', {
      displayName: `Bench ${name}`,
      email: `bench.${name.replace(/\W+/g, '.').toLowerCase()}@example.test`,
      roleIds,
    })
  ).user as { id: string };
}

/** Polls the entitlement's first members page until it lists `userId`; returns when it did. */
async function listedAt(
  client: RosterClient,
  target: { appId: string; entitlementId: string },
  userId: string,
) {
  const route = `/api/v1/apps/${target.appId}/entitlements/${target.entitlementId}/users?page_size=100`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const page = await client.call('GET', route);
    if (page.list.some((v: Wire) => JSON.stringify(v).includes(userId))) return performance.now();
    if (Date.now() > deadline) throw new Error(`user ${userId} was never listed on ${route}`);
    await sleep(2);
  }
}

const timing = (afterOk: number[], total: number[]): ListedTiming => ({
  medianMs: median(afterOk),
  p95Ms: p95(afterOk),
  totalMedianMs: median(total),
});

interface Search {
  readonly label: string;
  readonly client: RosterClient;
  readonly body: Record<string, unknown>;
}

/** One Roster with its users, apps and tasks: the bench runs two, 1,000 and 100,000 tasks. */
interface World {
  readonly admin: RosterClient;
  readonly searches: Search[];
  readonly users: readonly string[];
  readonly entitlements: readonly { appId: string; entitlementId: string }[];
  open(subject: string, on: { appId: string; entitlementId: string }): Promise<Wire>;
  approve(task: Wire): Promise<Wire>;
  seed(first: number, last: number): Promise<void>;
  close(): Promise<void>;
}

async function startWorld(dialect: Dialect, databaseUrl: string | undefined): Promise<World> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'roster-bench-tasks-'));
  const server = await startRoster(dataDir, databaseUrl);
  const handle = connectDatabase(
    databaseUrl === undefined
      ? { sqlitePath: path.join(dataDir, 'roster.db') }
      : { postgresUrl: databaseUrl, postgresPoolSize: 1 },
  );
  const db = handle.db as AnyDb;
  const close = async () => {
    await handle.close();
    await server.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  };
  try {
    const admin = await connectClient(server.url, await readAdminCredentials(dataDir));
    const users = await importUsers(admin, USERS, `tasks-${dialect}`);
    const owner = await newUser(admin, `tasks owner ${dialect}`, [APP_ADMIN_ROLE.id]);
    const ownerClient = await userClient(admin, owner.id);
    const approvers = await Promise.all(
      [1, 2, 3].map((n) => newUser(admin, `tasks approver ${n} ${dialect}`)),
    );
    const approverClient = await userClient(admin, (approvers[0] as { id: string }).id);
    const entitlements: { appId: string; entitlementId: string }[] = [];
    for (let a = 0; a < APPS; a++) {
      const app = (
        await admin.call('POST', '/api/v1/apps', { displayName: `Bench tasks app ${a}`, owners: [owner.id] })
      ).app;
      for (let e = 0; e < ENTITLEMENTS_PER_APP; e++) {
        entitlements.push(await createEntitlementOf(admin, app.id, `tasks ${a}.${e}`));
      }
    }

    // Two tasks the server opens through the default policy (the app owner approves); one is approved.
    const open = async (subject: string, on: { appId: string; entitlementId: string }) =>
      (
        await admin.call('POST', '/api/v1/task/grant', {
          appId: on.appId,
          appEntitlementId: on.entitlementId,
          identityUserId: subject,
          description: 'Bench task',
        })
      ).taskView.task;
    const approve = (task: Wire) =>
      ownerClient.call('POST', `/api/v1/tasks/${task.id}/action/approve`, {
        policyStepId: task.policy.current.id,
      });
    const templateEntitlement = entitlements.at(-1) as { appId: string; entitlementId: string };
    const openTask = await open(users[0] as string, templateEntitlement);
    const closedTask = await open(users[1] as string, templateEntitlement);
    await approve(closedTask);
    const row = async (id: string) =>
      db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const auditsOf = (id: string) =>
      db.selectFrom('task_audits').selectAll().where('task_id', '=', id).orderBy('id').execute();
    const seeding: Seeding = {
      entitlements: entitlements.slice(0, -1),
      subjects: users.slice(2),
      frequentSubject: users[2] as string,
      approvers: approvers.map((a) => a.id),
      openTemplate: await row(openTask.id),
      closedTemplate: await row(closedTask.id),
      openAudits: await auditsOf(openTask.id),
      closedAudits: await auditsOf(closedTask.id),
    };

    const searches: Search[] = [
      {
        label: "approver's inbox, as them: myWorkUserIds + open",
        client: approverClient,
        body: { myWorkUserIds: [seeding.approvers[0]], taskStates: ['TASK_STATE_OPEN'] },
      },
      {
        label: 'appEntitlementIds (popular one)',
        client: admin,
        body: { appEntitlementIds: [seeding.entitlements[0]?.entitlementId] },
      },
      {
        label: 'subjectIds (frequent requester) + closed',
        client: admin,
        body: { subjectIds: [seeding.frequentSubject], taskStates: ['TASK_STATE_CLOSED'] },
      },
      { label: 'query (one project in eight)', client: admin, body: { query: 'Aurora' } },
      {
        label: 'applicationIds + open, oldest first',
        client: admin,
        body: {
          applicationIds: [seeding.entitlements[0]?.appId],
          taskStates: ['TASK_STATE_OPEN'],
          sortBy: 'TASK_SEARCH_SORT_BY_CREATED_AT',
        },
      },
    ];
    return {
      admin,
      searches,
      users,
      entitlements,
      open,
      approve,
      seed: (first, last) => seedTasks(db, dialect, seeding, first, last),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** One page of 100, checked full once, then timed. */
async function searchOnce(search: Search): Promise<number> {
  const body = { ...search.body, pageSize: 100 };
  const started = performance.now();
  const page = await search.client.call('POST', '/api/v1/search/tasks', body);
  const elapsed = performance.now() - started;
  if (page.list.length !== 100) throw new Error(`${search.label}: a page of ${page.list.length}, not 100`);
  return elapsed;
}

/**
 * Task search as the table grows, and the final approve → member listed, on running Roster servers.
 * Two servers run side by side, one holding `small` tasks and one grown from `small` to `large`;
 * each search is timed on one then the other in turn, so a machine shared with other work slows
 * both alike. Tasks are seeded straight into the tables; searches and approvals go through the API.
 */
export async function tasksRun(
  dialect: Dialect,
  databaseUrls: { small: string; large: string } | undefined,
  sizes: TaskSizes,
  progress: (message: string) => void,
): Promise<TasksResults> {
  progress('two servers: users, apps, entitlements');
  const small = await startWorld(dialect, databaseUrls?.small);
  let large: World | undefined;
  try {
    large = await startWorld(dialect, databaseUrls?.large);
    progress(`seeding ${sizes.small.toLocaleString('en-US')} tasks in each`);
    await small.seed(1, sizes.small);
    await large.seed(1, sizes.small);
    progress(`growing the second to ${sizes.large.toLocaleString('en-US')} tasks`);
    await large.seed(sizes.small + 1, sizes.large);

    progress(`searching: ${sizes.searchRequests} pages of each search on each server, in turn`);
    const searches: SearchFigure[] = [];
    for (const [i, search] of small.searches.entries()) {
      const other = large.searches[i] as Search;
      const smallTimes: number[] = [];
      const largeTimes: number[] = [];
      // Two warm-ups each, then alternately.
      for (let n = 0; n < 2; n++) {
        await searchOnce(search);
        await searchOnce(other);
      }
      for (let n = 0; n < sizes.searchRequests; n++) {
        smallTimes.push(await searchOnce(search));
        largeTimes.push(await searchOnce(other));
      }
      searches.push({ label: search.label, smallMs: median(smallTimes), largeMs: median(largeTimes) });
    }

    progress(`${sizes.approvals} approvals and ${sizes.approvals} single-user adds → member listed`);
    const world = large;
    const approvalTarget = world.entitlements[1] as { appId: string; entitlementId: string };
    const addTarget = world.entitlements[2] as { appId: string; entitlementId: string };
    const approveAfter: number[] = [];
    const approveTotal: number[] = [];
    const addAfter: number[] = [];
    const addTotal: number[] = [];
    for (let n = 0; n < sizes.approvals; n++) {
      // Interleaved, so both see the same server and machine.
      const subject = world.users[USERS - 1 - n] as string;
      const task = await world.open(subject, approvalTarget);
      const sent = performance.now();
      const answer = await world.approve(task);
      const ok = performance.now();
      if (answer.taskView.task.type.grant.outcome !== 'GRANT_OUTCOME_GRANTED') {
        throw new Error(`the approve answered ${JSON.stringify(answer.taskView.task.type).slice(0, 300)}`);
      }
      const listed = await listedAt(world.admin, approvalTarget, subject);
      approveAfter.push(listed - ok);
      approveTotal.push(listed - sent);

      const added = world.users[USERS - 1 - sizes.approvals - n] as string;
      const addSent = performance.now();
      const accepted = await world.admin.call(
        'POST',
        `/api/v1/apps/${addTarget.appId}/entitlements/${addTarget.entitlementId}/add-manual-user`,
        { userIds: [added] },
      );
      const addOk = performance.now();
      if (!accepted.bulkActionId) throw new Error(`add-manual-user: ${JSON.stringify(accepted)}`);
      const addListed = await listedAt(world.admin, addTarget, added);
      addAfter.push(addListed - addOk);
      addTotal.push(addListed - addSent);
    }
    // The helper the other figures use, once, so a failed add is seen as such.
    await addUsersAndWait(world.admin, addTarget, [world.users[USERS - 1 - 2 * sizes.approvals] as string]);

    return {
      searches,
      approve: timing(approveAfter, approveTotal),
      addOne: timing(addAfter, addTotal),
    };
  } finally {
    await large?.close();
    await small.close();
  }
}
