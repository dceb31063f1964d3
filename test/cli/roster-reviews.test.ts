import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../harness.js';
import { waitUntil } from '../wait.js';
import {
  adminToken,
  type CliResult,
  cliEnv,
  ensureBuilt,
  newConfigHome,
  type RosterServer,
  runCli,
  startRosterServer,
} from './roster-server.js';

const json = <T>(result: CliResult): T => {
  expect(result.stderr.includes('roster:') ? result.stderr : '').toBe('');
  return JSON.parse(result.stdout) as T;
};

/**
 * `roster reviews` (issue 20, item 9) against a real Roster: a campaign listed, started, shown,
 * decided from a CSV with one bad line, and closed; what was stored is read back through the API.
 */
describe.each(DIALECTS)('roster reviews against a real Roster (%s)', (dialect) => {
  let server: RosterServer;
  let home: string;
  let env: NodeJS.ProcessEnv;
  let work: string;
  let token: string;
  /** The campaign the first test closes, whose evidence the second downloads. */
  let closedId = '';
  const roster = (...args: string[]) => runCli(args, env);

  async function api(method: string, url: string, body?: unknown): Promise<any> {
    const answer = await fetch(`${server.url}${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const parsed = await answer.json();
    expect(answer.status, JSON.stringify(parsed)).toBe(200);
    return parsed;
  }

  beforeAll(async () => {
    ensureBuilt();
    server = await startRosterServer(dialect);
    home = newConfigHome();
    env = cliEnv(home);
    work = fs.mkdtempSync(path.join(home, 'work-'));
    expect(
      (await roster('login', '--server', server.url, '--credentials', server.credentialsFile)).code,
    ).toBe(0);
    token = await adminToken(server);
  }, 300_000);

  afterAll(async () => {
    await server?.close();
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  it('lists, starts, shows, decides from a file with one bad line, and closes a campaign', async () => {
    const me = json<{ userId: string }>(await roster('whoami', '-o', 'json'));
    // The admin owns the app, so the certify policy (app owners) makes them every task's reviewer.
    const app = (await api('POST', '/api/v1/apps', { displayName: 'Ledger', owners: [me.userId] })).app;
    const ent = (await api('POST', `/api/v1/apps/${app.id}/entitlements`, { displayName: 'ledger-admin' }))
      .appEntitlementView.appEntitlement;
    const people = ['ada', 'ben', 'cy', 'dee'];
    const userIds: string[] = (
      await api('POST', '/roster/v1/users/import', {
        users: people.map((n) => ({ displayName: n, email: `${n}@reviews.test` })),
      })
    ).userIds;
    const added = await api('POST', `/api/v1/apps/${app.id}/entitlements/${ent.id}/add-manual-user`, {
      userIds,
    });
    await waitUntil(
      async () =>
        (await api('GET', `/roster/v1/bulk_actions/${added.bulkActionId}`)).bulkAction.state ===
        'BULK_ACTION_STATE_SUCCEEDED',
      { what: 'the members added', intervalMs: 50 },
    );
    const policy = (
      await api('POST', '/api/v1/policies', { displayName: 'Certify', policyType: 'POLICY_TYPE_CERTIFY' })
    ).policy;
    const due = new Date(Date.now() + 14 * 86_400_000).toISOString();
    const id = (
      await api('POST', '/api/v1/access_review', {
        displayName: 'Ledger Q1',
        ownerIds: [me.userId],
        policyId: policy.id,
        completionDate: due,
      })
    ).accessReview.accessReview.id as string;
    await api('POST', `/api/v1/access_review/${id}/scope_and_entitlements`, {
      entitlements: [{ appId: app.id, appEntitlementId: ent.id }],
    });

    expect(json<any[]>(await roster('reviews', 'ls', '-o', 'json'))).toEqual([
      { id, name: 'Ledger Q1', state: 'DRAFT', due, progress: '' },
    ]);
    const table = await roster('reviews', 'ls');
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Ledger Q1');

    const started = json<{ accessReview: { state: string }; progress: { populationSize: number } }>(
      await roster('reviews', 'start', id, '-o', 'json'),
    );
    expect(started.accessReview.state).toBe('ACCESS_REVIEW_STATE_OPEN');
    expect(started.progress.populationSize).toBe(4);
    // Starting twice is refused by the API, and the CLI says so with exit 3.
    const again = await roster('reviews', 'start', id);
    expect(again.code).toBe(3);
    expect(again.stderr).toContain('ACCESS_REVIEW_NOT_DRAFT');

    await waitUntil(
      async () => (await api('GET', `/roster/v1/access_reviews/${id}/progress`)).progress.populated,
      {
        what: 'the certify tasks created',
        intervalMs: 50,
      },
    );
    const shown = json<{ progress: { open: number; tasksCreated: number } }>(
      await roster('reviews', 'show', id, '-o', 'json'),
    );
    expect(shown.progress).toMatchObject({ open: 4, tasksCreated: 4 });
    expect(json<any[]>(await roster('reviews', 'ls', '-o', 'json'))[0]).toMatchObject({
      state: 'OPEN',
      progress: '0/4',
    });

    const tasks = (
      await api('POST', '/api/v1/search/tasks', { taskTypes: [{ certify: {} }], pageSize: 100 })
    ).list.map((v: any) => v.task);
    const taskOf = (userId: string) => tasks.find((t: any) => t.type.certify.identityUserId === userId);
    const [ada, ben, cy, dee] = userIds as [string, string, string, string];
    const file = path.join(work, 'decisions.csv');
    fs.writeFileSync(
      file,
      [
        'taskId,email,decision,comment',
        ',ada@reviews.test,certify,Still in finance',
        `${taskOf(ben).id},,decertify,Left the team`,
        // A decertify without the reason the policy requires: refused, the others applied.
        ',cy@reviews.test,DECERTIFY,',
      ].join('\n'),
    );
    const report = path.join(work, 'result.csv');
    const decided = await roster('reviews', 'decide', id, '--file', file, '--report', report, '-o', 'json');
    expect(decided.code, decided.stderr).toBe(5);
    expect(JSON.parse(decided.stdout)).toMatchObject({ lines: 3, sent: 3, applied: 2, failed: 1 });
    expect(decided.stderr).toContain(`line 4: cy@reviews.test (task ${taskOf(cy).id}):`);
    expect(decided.stderr).toContain('REASON_REQUIRED');
    const reportLines = fs.readFileSync(report, 'utf8').trim().split('\n');
    expect(reportLines[0]).toBe('line,input,taskId,outcome,reason');
    expect(reportLines.slice(1).map((l) => l.split(',').slice(0, 4))).toEqual([
      ['2', 'ada@reviews.test', taskOf(ada).id, 'APPLIED'],
      ['3', taskOf(ben).id, taskOf(ben).id, 'APPLIED'],
      ['4', 'cy@reviews.test', taskOf(cy).id, 'FAILED'],
    ]);

    // What is stored, read through the API: ada certified, ben decertified and revoked, cy and dee open.
    const stateOf = async (userId: string) => {
      const task = (await api('GET', `/api/v1/tasks/${taskOf(userId).id}`)).taskView.task;
      return [task.state, task.type.certify.outcome];
    };
    expect(await stateOf(ada)).toEqual(['TASK_STATE_CLOSED', 'CERTIFY_OUTCOME_CERTIFIED']);
    expect(await stateOf(ben)).toEqual(['TASK_STATE_CLOSED', 'CERTIFY_OUTCOME_DECERTIFIED']);
    expect(await stateOf(cy)).toEqual(['TASK_STATE_OPEN', 'CERTIFY_OUTCOME_UNSPECIFIED']);
    expect(await stateOf(dee)).toEqual(['TASK_STATE_OPEN', 'CERTIFY_OUTCOME_UNSPECIFIED']);
    const members = (await api('GET', `/api/v1/apps/${app.id}/entitlements/${ent.id}/users?page_size=100`))
      .list;
    expect(members.map((m: any) => m.appUser.appUser.identityUserId).sort()).toEqual([ada, cy, dee].sort());

    const bad = await roster('reviews', 'close', id, '--remaining', 'later');
    expect(bad.code).toBe(2);
    const closed = json<{ accessReview: { state: string }; progress: { cancelled: number; open: number } }>(
      await roster('reviews', 'close', id, '--remaining', 'skip', '-o', 'json'),
    );
    expect(closed.accessReview.state).toBe('ACCESS_REVIEW_STATE_CLOSED');
    closedId = id;
    expect(closed.progress).toMatchObject({ open: 0, cancelled: 2, certified: 1, decertified: 1 });
    expect(await stateOf(dee)).toEqual(['TASK_STATE_CLOSED', 'CERTIFY_OUTCOME_CANCELLED']);
    // Deciding a closed campaign is refused as a whole.
    const late = await roster('reviews', 'decide', id, '--file', file);
    expect(late.code).toBe(3);
    expect(late.stderr).toContain('ACCESS_REVIEW_CLOSED');
  });

  it("downloads a closed campaign's evidence to a file whose SHA-256 is the API's Repr-Digest, the same bytes twice; an unknown campaign leaves no file", async () => {
    expect(closedId).not.toBe('');
    const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('base64');
    for (const format of ['json', 'csv'] as const) {
      const fromApi = await fetch(
        `${server.url}/roster/v1/access_reviews/${closedId}/evidence${format === 'csv' ? '?format=csv' : ''}`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      expect(fromApi.status).toBe(200);
      const apiBytes = Buffer.from(await fromApi.arrayBuffer());
      const digest = /^sha-256=:([A-Za-z0-9+/=]+):$/.exec(fromApi.headers.get('repr-digest') ?? '')?.[1];
      expect(digest).toBe(sha256(apiBytes));

      const out = path.join(work, `evidence.${format}`);
      const args = [
        'reviews',
        'evidence',
        closedId,
        '--out',
        out,
        ...(format === 'csv' ? ['--format', 'csv'] : []),
      ];
      const first = await roster(...args);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stdout).toBe('');
      expect(first.stderr).toContain(`SHA-256 verified against Repr-Digest: ${digest}`);
      const written = fs.readFileSync(out);
      expect(sha256(written)).toBe(digest);
      expect(written.equals(apiBytes)).toBe(true);
      expect(fs.existsSync(`${out}.partial`)).toBe(false);
      if (format === 'json') {
        const pack = JSON.parse(written.toString('utf8'));
        expect(pack.accessReview).toMatchObject({ id: closedId, final: true });
        expect(pack.items).toHaveLength(4);
      } else {
        expect(written.toString('utf8').trimEnd().split('\r\n')).toHaveLength(1 + 4);
      }
      // A second read sends the stored pack: the very same bytes.
      fs.rmSync(out);
      const second = await roster(...args);
      expect(second.code, second.stderr).toBe(0);
      expect(fs.readFileSync(out).equals(written)).toBe(true);
    }

    const missing = path.join(work, 'missing.json');
    const unknown = await roster('reviews', 'evidence', 'NoSuchCampaign', '--out', missing);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('NOT_FOUND');
    expect(fs.existsSync(missing)).toBe(false);
    expect(fs.existsSync(`${missing}.partial`)).toBe(false);
  });
});
