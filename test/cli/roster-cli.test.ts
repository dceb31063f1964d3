import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../harness.js';
import {
  adminToken,
  BIN,
  type CliResult,
  cliEnv,
  collect,
  ensureBuilt,
  newConfigHome,
  type RosterServer,
  runCli,
  spawnCli,
  startRosterServer,
} from './roster-server.js';

const PEOPLE = 10_000;
// The resumed add is smaller: what it checks (no doubles, a complete report) needs chunks, not volume.
const RESUMED = 3_000;
const RESUMED_CHUNK = 300;

const json = <T>(result: CliResult): T => {
  expect(result.stderr.includes('roster:') ? result.stderr : '').toBe('');
  return JSON.parse(result.stdout) as T;
};

const csvLines = (text: string) => text.trim().split('\n');

describe.each(DIALECTS)('the roster command line against a real Roster (%s)', (dialect) => {
  let server: RosterServer;
  let home: string;
  let env: NodeJS.ProcessEnv;
  let work: string;
  /** The first sign-in, made before every test so each can run alone. */
  let login: CliResult;
  const roster = (...args: string[]) => runCli(args, env);

  beforeAll(async () => {
    ensureBuilt();
    server = await startRosterServer(dialect);
    home = newConfigHome();
    env = cliEnv(home);
    work = fs.mkdtempSync(path.join(home, 'work-'));
    login = await roster('login', '--server', server.url, '--credentials', server.credentialsFile);
  }, 300_000);

  afterAll(async () => {
    await server?.close();
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  async function newEntitlement(name: string): Promise<{ app: string; ent: string }> {
    const app = json<{ id: string }>(await roster('apps', 'create', '--name', `${name} app`, '-o', 'json'));
    const ent = json<{ appEntitlement: { id: string } }>(
      await roster('ents', 'create', app.id, '--name', name, '-o', 'json'),
    );
    return { app: app.id, ent: ent.appEntitlement.id };
  }

  /** The admin's answer to one API request, for what the CLI does not do (policies, owners, personal clients). */
  async function adminApi(method: string, url: string, body: unknown): Promise<any> {
    const token = await adminToken(server);
    const answer = await fetch(`${server.url}${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(answer.status).toBe(200);
    return answer.json();
  }

  /** Imports people of its own for a test, so it runs alone too; their emails, in order. */
  async function newPeople(domain: string, ...names: string[]): Promise<string[]> {
    const emails = names.map((n) => `${n}@${domain}`);
    const file = path.join(work, `${domain}-users.csv`);
    fs.writeFileSync(file, `displayName,email\n${names.map((n, i) => `${n},${emails[i]}`).join('\n')}\n`);
    expect((await roster('users', 'import', file)).code).toBe(0);
    return emails;
  }

  it('signs in with the bootstrap file into a 0600 profile, and whoami introspects', async () => {
    expect(login.code).toBe(0);
    expect(login.stderr).toContain('profile "default" saved');
    const config = path.join(home, 'roster', 'config.json');
    expect(fs.statSync(config).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.join(home, 'roster', 'tokens.json')).mode & 0o777).toBe(0o600);
    const saved = JSON.parse(fs.readFileSync(config, 'utf8'));
    expect(saved.profiles.default.server).toBe(server.url);

    const me = json<{ userId: string; roles: string[]; roleNames: string[]; email: string; profile: string }>(
      await roster('whoami', '-o', 'json'),
    );
    expect(me.userId).not.toBe('');
    expect(me.roles.length).toBe(1);
    // Roles by name, not only by ID.
    expect(me.roleNames).toEqual(['Super Admin']);
    expect((await roster('whoami')).stdout).toContain('Super Admin');
    expect(me.email).toContain('@');
    expect(me.profile).toBe('default');
  });

  it('keeps named profiles apart, takes the environment, and refuses bad credentials', async () => {
    const creds = JSON.parse(fs.readFileSync(server.credentialsFile, 'utf8'));
    const named = await roster(
      'login',
      '--profile',
      'second',
      '--server',
      server.url,
      '--credentials',
      server.credentialsFile,
    );
    expect(named.code).toBe(0);
    const profiles = json<{ name: string; default: boolean }[]>(await roster('profiles', '-o', 'json'));
    expect(profiles.map((p) => [p.name, p.default])).toEqual([
      ['default', true],
      ['second', false],
    ]);
    expect((await roster('whoami', '--profile', 'second', '-o', 'json')).code).toBe(0);

    const missing = await roster('whoami', '--profile', 'nope');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no profile named "nope"');

    // Environment variables alone, with no profile saved anywhere.
    const bare = cliEnv(newConfigHome(), {
      ROSTER_SERVER: server.url,
      ROSTER_CLIENT_ID: creds.clientId,
      ROSTER_CLIENT_SECRET: creds.clientSecret,
    });
    const viaEnv = await runCli(['whoami', '-o', 'json'], bare);
    expect(viaEnv.code).toBe(0);
    expect(JSON.parse(viaEnv.stdout).clientId).toBe(creds.clientId);

    const wrong = await runCli(['whoami'], {
      ...bare,
      ROSTER_CLIENT_SECRET: `${creds.clientSecret.slice(0, -4)}AAAA`,
    });
    expect(wrong.code).toBe(4);
    expect(wrong.stderr).toMatch(/sign-in refused: .*invalid_client/);

    const nobody = await runCli(['apps', 'ls'], cliEnv(newConfigHome()));
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toContain('not signed in');

    expect((await roster('logout', '--profile', 'second')).code).toBe(0);
    expect(json<unknown[]>(await roster('profiles', '-o', 'json'))).toHaveLength(1);
  });

  it('creates, lists, shows and deletes apps and entitlements; errors carry the API reason', async () => {
    const { app, ent } = await newEntitlement('Catalog');
    const apps = json<{ id: string; displayName: string }[]>(await roster('apps', 'ls', '-o', 'json'));
    expect(apps.map((a) => a.id)).toContain(app);
    const shown = await roster('apps', 'show', app);
    expect(shown.stdout).toContain('Catalog app');
    const ents = await roster('ents', 'ls', app, '-o', 'csv');
    expect(csvLines(ents.stdout)[0]).toBe('id,displayName,alias,slug,manual,grants');
    expect(ents.stdout).toContain(ent);
    expect(
      json<{ appEntitlement: { id: string } }>(await roster('ents', 'show', app, ent, '-o', 'json'))
        .appEntitlement.id,
    ).toBe(ent);

    const unknown = await roster('apps', 'show', 'no-such-app');
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toMatch(/^roster: .+\(HTTP 404, [A-Z_]+\)/);

    const unconfirmed = await roster('ents', 'rm', app, ent);
    expect(unconfirmed.code).toBe(6);
    expect((await roster('ents', 'rm', app, ent, '--yes')).code).toBe(0);
    expect((await roster('ents', 'show', app, ent)).code).toBe(3);
    expect((await roster('apps', 'rm', app, '--yes')).code).toBe(0);
    expect((await roster('apps', 'show', app)).code).toBe(3);

    const usage = await roster('apps', 'create');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("required option '--name <name>'");
  });

  it('lists policies and shows one with its steps in the order they run', async () => {
    const made = await adminApi('POST', '/api/v1/policies', {
      displayName: 'Two steps',
      policyType: 'POLICY_TYPE_GRANT',
      policySteps: {
        grant: {
          steps: [
            { approval: { manager: {}, requireApprovalReason: true } },
            { wait: { timeoutDuration: '3600s' } },
            { accept: {} },
          ],
        },
      },
    });
    const id = (made as { policy: { id: string } }).policy.id;

    const stored = await server.database.handle.db
      .selectFrom('policies')
      .select(['id', 'display_name'])
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute();
    const listed = await roster('policies', 'ls', '-o', 'csv');
    expect(listed.code).toBe(0);
    const lines = csvLines(listed.stdout);
    expect(lines[0]).toBe('id,displayName,type,builtin,steps');
    // Every stored policy, in the API's order: the built-in default (the app's owners approve) and the new one.
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(stored.map((p) => p.id));
    expect(lines).toContain(`${id},Two steps,GRANT,false,3`);
    expect(lines).toContain('3N7cZNK67ihO9Ke78tI6Kxbqi93,Default grant policy,GRANT,true,1');

    const shown = await roster('policies', 'show', id);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('approval (manager) → wait (3600s) → accept');
    const asJson = json<{ id: string; policySteps: { grant: { steps: unknown[] } } }>(
      await roster('policies', 'show', id, '-o', 'json'),
    );
    expect(asJson.id).toBe(id);
    expect(asJson.policySteps.grant.steps).toHaveLength(3);

    const unknown = await roster('policies', 'show', 'no-such-policy');
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toMatch(/^roster: .+\(HTTP 404, [A-Z_]+\)/);
  });

  it('creates and imports users, and shows them by ID or email', async () => {
    const created = json<{ id: string }>(
      await roster('users', 'create', '--name', 'Ada Admin', '--email', 'ada@cli.test', '-o', 'json'),
    );
    const byEmail = json<{ id: string }>(await roster('users', 'show', 'ada@cli.test', '-o', 'json'));
    expect(byEmail.id).toBe(created.id);
    const file = path.join(work, 'few.csv');
    fs.writeFileSync(file, 'displayName,email\nBea,bea@cli.test\nCal,cal@cli.test\n');
    const imported = await roster('users', 'import', file, '--ids', '-o', 'csv');
    expect(imported.code).toBe(0);
    expect(csvLines(imported.stdout)).toHaveLength(3);
    const found = json<{ email: string }[]>(await roster('users', 'ls', '--query', 'cli.test', '-o', 'json'));
    expect(found.map((u) => u.email).sort()).toEqual(['ada@cli.test', 'bea@cli.test', 'cal@cli.test']);
    const missing = await roster('users', 'show', 'nobody@cli.test');
    expect(missing.code).toBe(3);
  });

  it('adds, lists, exports and removes members; whohas, access and history read the record', async () => {
    const { app, ent } = await newEntitlement('Everyday');
    const bea = json<{ id: string }>(await roster('users', 'show', 'bea@cli.test', '-o', 'json'));
    const before = new Date().toISOString();
    const added = await roster(
      'members',
      'add',
      app,
      ent,
      '--email',
      'bea@cli.test',
      '--email',
      'cal@cli.test',
      '--email',
      'ghost@cli.test',
      '-o',
      'json',
    );
    expect(added.code).toBe(5);
    expect(added.stderr).toContain('line 3: ghost@cli.test: no Roster user has this email');
    expect(JSON.parse(added.stdout)).toEqual({
      people: 3,
      added: 2,
      alreadyMembers: 0,
      failed: 1,
      wouldAdd: 0,
      bulkActionIds: [expect.any(String)],
      problems: [{ line: 3, input: 'ghost@cli.test', reason: 'no Roster user has this email' }],
    });

    const members = json<{ email: string }[]>(await roster('members', 'ls', app, ent, '-o', 'json'));
    expect(members.map((m) => m.email).sort()).toEqual(['bea@cli.test', 'cal@cli.test']);
    const exported = await roster('members', 'export', app, ent, '--format', 'csv');
    expect(csvLines(exported.stdout)[0]).toBe('userId,email,displayName,appUserId,grantedAt,expiresAt');
    expect(csvLines(exported.stdout)).toHaveLength(3);

    const access = json<{ entitlementId: string }[]>(await roster('access', 'bea@cli.test', '-o', 'json'));
    expect(access.map((a) => a.entitlementId)).toEqual([ent]);

    const removed = await roster('members', 'rm', app, ent, '--user', bea.id, '--yes');
    expect(removed.code).toBe(0);
    const now = json<{ email: string }[]>(await roster('whohas', app, ent, '-o', 'json'));
    expect(now.map((m) => m.email)).toEqual(['cal@cli.test']);
    const then = json<{ email: string }[]>(
      await roster('whohas', app, ent, '--at', new Date().toISOString(), '-o', 'json'),
    );
    expect(then.map((m) => m.email)).toEqual(['cal@cli.test']);
    const earlier = json<unknown[]>(await roster('whohas', app, ent, '--at', before, '-o', 'json'));
    expect(earlier).toEqual([]);

    const history = json<{ event: string; email: string }[]>(
      await roster('history', app, ent, '--since', before, '-o', 'json'),
    );
    expect(history.map((h) => `${h.event} ${h.email}`).sort()).toEqual([
      'ADDED bea@cli.test',
      'ADDED cal@cli.test',
      'REMOVED bea@cli.test',
    ]);
    const badWindow = await roster('history', app, ent, '--since', '2026-02-01', '--until', '2026-01-01');
    expect(badWindow.code).toBe(2);
    const notMember = await roster('members', 'rm', app, ent, '--email', 'nobody@cli.test', '--yes');
    expect(notMember.code).toBe(5);
  });

  it('resolves emails as the console does: deleted users are named so, disabled ones refused by the add', async () => {
    const { app, ent } = await newEntitlement('Resolved');
    const create = async (name: string, email: string) =>
      json<{ id: string }>(await roster('users', 'create', '--name', name, '--email', email, '-o', 'json'))
        .id;
    const gone = await create('Gone', 'gone@people.test');
    const off = await create('Off', 'off@people.test');
    const twinOne = await create('Twin One', 'twin@people.test');
    // A live user's email is unique ignoring case; an older database may still hold two.
    const taken = await roster('users', 'create', '--name', 'Twin Two', '--email', 'Twin@people.test');
    expect(taken.code).toBe(3);
    expect(taken.stderr).toContain('EMAIL_TAKEN');
    expect(taken.stderr).toContain(twinOne);
    const twinTwo = await create('Twin Two', 'twin.two@people.test');
    const { db } = server.database.handle;
    await db.updateTable('users').set({ email: 'Twin@people.test' }).where('id', '=', twinTwo).execute();
    const twins = [twinOne, twinTwo].sort().join(', ');
    await db
      .updateTable('users')
      .set({ deleted_at: new Date().toISOString() })
      .where('id', '=', gone)
      .execute();
    await db.updateTable('users').set({ status: 'DISABLED' }).where('id', '=', off).execute();

    const added = await roster(
      'members',
      'add',
      app,
      ent,
      '--email',
      'GONE@people.test',
      '--email',
      'off@people.test',
      '--email',
      'twin@people.test',
      '--user',
      gone,
      '-o',
      'json',
    );
    expect(added.code).toBe(5);
    expect(JSON.parse(added.stdout)).toMatchObject({ people: 4, failed: 4 });
    // The people named on the command line are numbered --user first, then --email.
    expect(added.stderr).toContain(`line 1: ${gone}: user is deleted`);
    expect(added.stderr).toContain('line 2: GONE@people.test: the user with this email is deleted');
    expect(added.stderr).toContain('line 3: off@people.test: user is disabled');
    expect(added.stderr).toContain(
      `line 4: twin@people.test: more than one Roster user has this email (${twins}); use the user ID`,
    );
    for (const command of [
      ['users', 'show', 'TWIN@people.test'],
      ['access', 'twin@people.test'],
    ]) {
      const refused = await roster(...command);
      expect(refused.code, command.join(' ')).toBe(3);
      expect(refused.stderr).toContain(`more than one Roster user has this email (${twins})`);
    }
    const shared = json<{ email: string; userIds: string }[]>(
      await roster('users', 'shared-emails', '-o', 'json'),
    );
    expect(shared).toEqual([{ email: 'twin@people.test', userIds: [twinOne, twinTwo].sort().join(' ') }]);
    const shown = await roster('users', 'show', 'gone@people.test');
    expect(shown.code).toBe(3);
    expect(shown.stderr).toContain('gone@people.test: the user with this email is deleted');
    const removed = await roster('members', 'rm', app, ent, '--email', 'gone@people.test', '--yes');
    expect(removed.code).toBe(5);
    expect(removed.stderr).toContain('gone@people.test: the user with this email is deleted');
  });

  it('sets exact membership with If-Match, refusing a stale version', async () => {
    const { app, ent } = await newEntitlement('Exact');
    expect((await roster('members', 'add', app, ent, '--email', 'ada@cli.test')).code).toBe(0);
    const file = path.join(work, 'team.csv');
    fs.writeFileSync(file, 'email\nbea@cli.test\ncal@cli.test\n');
    const previewed = await roster('members', 'set', app, ent, '--file', file, '--dry-run', '-o', 'json');
    expect(previewed.code).toBe(7);
    const preview = json<{ version: string; toAdd: string[]; toRemove: string[] }>(previewed);
    expect([preview.toAdd.length, preview.toRemove.length]).toEqual([2, 1]);

    // Someone else changes the members after the preview.
    expect((await roster('members', 'rm', app, ent, '--email', 'ada@cli.test', '--yes')).code).toBe(0);
    const stale = await roster(
      'members',
      'set',
      app,
      ent,
      '--file',
      file,
      '--if-match',
      preview.version,
      '--yes',
    );
    expect(stale.code).toBe(3);
    expect(stale.stderr).toContain('MEMBERSHIP_CHANGED');
    expect(json<unknown[]>(await roster('members', 'ls', app, ent, '-o', 'json'))).toEqual([]);

    const unconfirmed = await roster('members', 'set', app, ent, '--file', file);
    expect(unconfirmed.code).toBe(6);
    const applied = await roster('members', 'set', app, ent, '--file', file, '--yes', '-o', 'json');
    expect(applied.code).toBe(0);
    expect(JSON.parse(applied.stdout).bulkAction.state).toBe('BULK_ACTION_STATE_SUCCEEDED');
    const members = json<{ email: string }[]>(await roster('members', 'ls', app, ent, '-o', 'json'));
    expect(members.map((m) => m.email).sort()).toEqual(['bea@cli.test', 'cal@cli.test']);
  });

  it('runs a finished add again as a new run: it adds who is missing now and reports what is true now', async () => {
    const { app, ent } = await newEntitlement('Again');
    const [ann = '', ben = '', cat = ''] = await newPeople('again.test', 'ann', 'ben', 'cat');
    const file = path.join(work, 'again.csv');
    fs.writeFileSync(file, `email\n${ann}\n${ben}\n${cat}\n`);
    const first = await roster('members', 'add', app, ent, '--file', file, '-o', 'json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ people: 3, added: 3, alreadyMembers: 0, failed: 0 });
    const runs = path.join(env.XDG_STATE_HOME ?? '', 'roster', 'runs');
    const journals = fs.readdirSync(runs).map((f) => JSON.parse(fs.readFileSync(path.join(runs, f), 'utf8')));
    expect(journals.filter((j) => j.command.includes(ent)).map((j) => Boolean(j.finishedAt))).toEqual([true]);

    // Someone removes a member; the same file is run again later.
    expect((await roster('members', 'rm', app, ent, '--email', cat, '--yes')).code).toBe(0);
    const report = path.join(work, 'again-report.csv');
    const again = await roster('members', 'add', app, ent, '--file', file, '--report', report, '-o', 'json');
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain('Resuming');
    const summary = JSON.parse(again.stdout);
    expect(summary).toMatchObject({ people: 3, added: 1, alreadyMembers: 2, failed: 0 });
    expect(summary).not.toHaveProperty('succeeded');
    expect(summary.bulkActionIds).not.toEqual(JSON.parse(first.stdout).bulkActionIds);
    expect(csvLines(fs.readFileSync(report, 'utf8')).map((l) => l.replace(/,\w+,(\w+),$/, ',$1'))).toEqual([
      'line,input,userId,outcome,reason',
      `2,${ann},ALREADY_MEMBER`,
      `3,${ben},ALREADY_MEMBER`,
      `4,${cat},ADDED`,
    ]);
    const members = json<{ email: string }[]>(await roster('members', 'ls', app, ent, '-o', 'json'));
    expect(members.map((m) => m.email).sort()).toEqual([ann, ben, cat]);

    // The table says the same, with no count beside it that means something else.
    const table = await roster('members', 'add', app, ent, '--file', file);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/│ alreadyMembers\s+│ 3\s+│/);
    expect(table.stdout).not.toContain('succeeded');

    const clean = await roster('members', 'add', app, ent, '--email', ann, '--dry-run', '-o', 'json');
    expect(clean.code).toBe(7);
    expect(JSON.parse(clean.stdout)).toMatchObject({ people: 1, alreadyMembers: 1, failed: 0 });
  });

  it('refuses a file that names nobody, and changes nothing', async () => {
    const { app, ent } = await newEntitlement('Empty');
    const file = path.join(work, 'empty.csv');
    fs.writeFileSync(file, 'email\n\n');
    for (const args of [
      ['members', 'add', app, ent, '--file', file, '--yes'],
      ['members', 'set', app, ent, '--file', file, '--yes'],
    ]) {
      const refused = await roster(...args);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`roster: ${file} names nobody: no line holds an email or user ID`);
    }
    expect(json<unknown[]>(await roster('bulk', 'ls', '--entitlement', ent, '-o', 'json'))).toEqual([]);
  });

  it('takes unambiguous names for apps and entitlements, and refuses ambiguous ones listing them', async () => {
    const { app, ent } = await newEntitlement('Named');
    const [nia = '', ned = ''] = await newPeople('named.test', 'nia', 'ned');
    const slugged = json<{ appEntitlement: { id: string } }>(
      await roster('ents', 'create', 'named APP', '--name', 'Second', '--slug', 'second-slug', '-o', 'json'),
    ).appEntitlement.id;
    expect(json<{ id: string }>(await roster('apps', 'show', 'Named app', '-o', 'json')).id).toBe(app);
    const byName = await roster('ents', 'show', 'Named app', 'named', '-o', 'json');
    expect(json<{ appEntitlement: { id: string } }>(byName).appEntitlement.id).toBe(ent);
    const added = await roster('members', 'add', 'Named app', 'SECOND-SLUG', '--email', nia);
    expect(added.code).toBe(0);
    const members = json<{ email: string }[]>(await roster('members', 'ls', app, slugged, '-o', 'json'));
    expect(members.map((m) => m.email)).toEqual([nia]);

    const twinA = json<{ id: string }>(await roster('apps', 'create', '--name', 'Twin app', '-o', 'json')).id;
    const twinB = json<{ id: string }>(await roster('apps', 'create', '--name', 'twin APP', '-o', 'json')).id;
    const ambiguous = await roster('apps', 'show', 'Twin app');
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('app "Twin app" is ambiguous: 2 apps match it');
    expect(ambiguous.stderr).toContain(`${twinA}  Twin app`);
    expect(ambiguous.stderr).toContain(`${twinB}  twin APP`);

    expect((await roster('ents', 'create', app, '--name', 'Second', '-o', 'json')).code).toBe(0);
    const twinEnts = await roster('members', 'add', app, 'Second', '--email', ned);
    expect(twinEnts.code).toBe(2);
    expect(twinEnts.stderr).toContain('entitlement "Second" is ambiguous: 2 entitlements match it');
    expect(twinEnts.stderr).toContain(`${slugged}  Second, slug second-slug`);
    expect(json<unknown[]>(await roster('members', 'ls', app, slugged, '-o', 'json'))).toHaveLength(1);

    const unknown = await roster('apps', 'show', 'No such app');
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toMatch(/\(HTTP 404, [A-Z_]+\)/);
  });

  it('imports with a summary, not a line per user, and stops quietly when the reader stops', async () => {
    const count = 3000;
    const file = path.join(work, 'piped-users.csv');
    const lines = Array.from({ length: count }, (_, i) => `Piped ${i},piped${i}@pipe.test`);
    fs.writeFileSync(file, `displayName,email\n${lines.join('\n')}\n`);
    const imported = await roster('users', 'import', file, '-o', 'json');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({ file, imported: count });
    const found = await roster('users', 'ls', '--query', 'pipe.test', '-o', 'csv');
    expect(csvLines(found.stdout)).toHaveLength(count + 1);

    // `head` reads one line and closes the pipe while the list is still being written.
    const command = `set -o pipefail; ${process.execPath} ${BIN} users ls --query pipe.test -o csv | head -n 1`;
    const piped = await collect(spawn('bash', ['-c', command], { env, stdio: ['ignore', 'pipe', 'pipe'] }));
    expect(piped).toEqual({ code: 0, stdout: 'id,displayName,email,username,status,roles\n', stderr: '' });
  });

  describe('a 10,000-line file', () => {
    let peopleFile: string;
    /** The first RESUMED lines of the same people, and the two that name nobody. */
    let resumedFile: string;

    beforeAll(async () => {
      const usersFile = path.join(work, 'users.csv');
      const lines = ['displayName,email'];
      for (let i = 0; i < PEOPLE; i++) lines.push(`Person ${i},p${i}@bulk.test`);
      fs.writeFileSync(usersFile, `${lines.join('\n')}\n`);
      const imported = await roster('users', 'import', usersFile, '--ids', '-o', 'csv');
      expect(imported.code).toBe(0);
      const ids = csvLines(imported.stdout)
        .slice(1)
        .map((l) => l.split(',')[1]);
      // Mostly user IDs, every 50th line an email, then two lines that name nobody.
      const people = ['email', ...ids.map((id, i) => (i % 50 === 0 ? `p${i}@bulk.test` : id))];
      people.push('ghost@bulk.test', 'not-a-user-id');
      peopleFile = path.join(work, 'people.csv');
      fs.writeFileSync(peopleFile, `${people.join('\n')}\n`);
      resumedFile = path.join(work, 'resumed.csv');
      fs.writeFileSync(resumedFile, `${[...people.slice(0, RESUMED + 1), ...people.slice(-2)].join('\n')}\n`);
    }, 120_000);

    it('previews with --dry-run, asks first, then adds everyone with a complete report', async () => {
      const { app, ent } = await newEntitlement('Big');
      const dry = await roster('members', 'add', app, ent, '--file', peopleFile, '--dry-run', '-o', 'json');
      expect(dry.code).toBe(8);
      expect(JSON.parse(dry.stdout)).toMatchObject({ people: PEOPLE + 2, wouldAdd: PEOPLE, failed: 2 });
      expect(dry.stderr).toContain(`line ${PEOPLE + 2}: ghost@bulk.test: no Roster user has this email`);
      expect(dry.stderr).toContain(`line ${PEOPLE + 3}: not-a-user-id: invalid user id`);
      expect(json<unknown[]>(await roster('members', 'ls', app, ent, '-o', 'json'))).toEqual([]);

      const asked = await roster('members', 'add', app, ent, '--file', peopleFile);
      expect(asked.code).toBe(6);

      const report = path.join(work, 'big-report.csv');
      const run = await roster(
        'members',
        'add',
        app,
        ent,
        '--file',
        peopleFile,
        '--yes',
        '--report',
        report,
        '-o',
        'json',
      );
      expect(run.code).toBe(5);
      expect(JSON.parse(run.stdout)).toMatchObject({ people: PEOPLE + 2, added: PEOPLE, failed: 2 });
      expect(run.stderr).toContain('(100%)');
      const rows = csvLines(fs.readFileSync(report, 'utf8'));
      expect(rows[0]).toBe('line,input,userId,outcome,reason');
      expect(rows).toHaveLength(PEOPLE + 3);
      expect(rows[1]).toMatch(/^2,p0@bulk\.test,\w+,ADDED,$/);
      expect(rows.at(-1)).toBe(`${PEOPLE + 3},not-a-user-id,not-a-user-id,FAILED,invalid user id`);

      const { appEntitlement } = json<{ appEntitlement: { grantCount: string } }>(
        await roster('ents', 'show', app, ent, '-o', 'json'),
      );
      expect(appEntitlement.grantCount).toBe(String(PEOPLE));

      const actions = json<{ id: string; state: string; total: number }[]>(
        await roster('bulk', 'ls', '--entitlement', ent, '-o', 'json'),
      );
      const action = actions.find((a) => a.total === PEOPLE);
      if (!action) throw new Error('no bulk action for the people');
      expect(action.state).toBe('SUCCEEDED');
      const watched = await roster('bulk', 'watch', action.id, '-o', 'json');
      expect([watched.code, JSON.parse(watched.stdout).succeeded]).toEqual([0, PEOPLE]);
      const items = await roster('bulk', 'items', action.id, '--outcome', 'FAILED', '-o', 'csv');
      expect(csvLines(items.stdout)).toEqual(['userId,outcome,appUserId,error']);
      const cancel = await roster('bulk', 'cancel', action.id);
      expect(cancel.code).toBe(3);
      expect(cancel.stderr).toMatch(/HTTP 4\d\d/);
    });

    it('resumes after being killed mid-way: no doubles, a complete report', async () => {
      const { app, ent } = await newEntitlement('Resumed');
      const report = path.join(work, 'resumed-report.csv');
      const args = [
        'members',
        'add',
        app,
        ent,
        '--file',
        resumedFile,
        '--yes',
        '--chunk-size',
        String(RESUMED_CHUNK),
        '--report',
        report,
      ];
      const first = spawnCli(args, env);
      const killed = collect(first);
      await new Promise<void>((resolve) => {
        first.stderr?.on('data', (text: string) => {
          if (String(text).includes('chunk 3 sent')) {
            first.kill('SIGKILL');
            resolve();
          }
        });
      });
      expect((await killed).code).toBe(null);

      const again = await runCli(args, env);
      expect(again.code).toBe(5);
      const rows = csvLines(fs.readFileSync(report, 'utf8'));
      expect(rows).toHaveLength(RESUMED + 3);
      expect(rows.filter((r) => r.endsWith(',ADDED,'))).toHaveLength(RESUMED);

      const actions = json<unknown[]>(await roster('bulk', 'ls', '--entitlement', ent, '-o', 'json'));
      // One bulk action per chunk: the chunks sent before the kill were not sent again. The last
      // chunk names nobody who can be added, so it has nothing to do and makes no bulk action.
      expect(actions).toHaveLength(Math.ceil(RESUMED / RESUMED_CHUNK));
      const { appEntitlement } = json<{ appEntitlement: { grantCount: string } }>(
        await roster('ents', 'show', app, ent, '-o', 'json'),
      );
      expect(appEntitlement.grantCount).toBe(String(RESUMED));
    });
  });

  it('resolves a file of 20,000 emails a batch at a time, to add and to set', async () => {
    const count = 20_000;
    const usersFile = path.join(work, 'emails-users.csv');
    const emails = Array.from({ length: count }, (_, i) => `e${i}@emails.test`);
    fs.writeFileSync(usersFile, `displayName,email\n${emails.map((e, i) => `E ${i},${e}`).join('\n')}\n`);
    expect((await roster('users', 'import', usersFile, '-o', 'csv')).code).toBe(0);
    const file = path.join(work, 'emails.csv');
    fs.writeFileSync(file, `email\n${emails.join('\n')}\n`);
    const withGhost = path.join(work, 'emails-ghost.csv');
    fs.writeFileSync(withGhost, `email\n${emails.join('\n')}\nghost@emails.test\n`);
    const { app, ent } = await newEntitlement('Emails');

    const dry = await roster('members', 'add', app, ent, '--file', withGhost, '--dry-run', '-o', 'json');
    expect(dry.code).toBe(8);
    expect(JSON.parse(dry.stdout)).toMatchObject({ people: count + 1, wouldAdd: count, failed: 1 });
    expect(dry.stderr).toContain(`line ${count + 2}: ghost@emails.test: no Roster user has this email`);
    // Resolving the emails moves the progress before anyone is checked: no longer 0 % until then.
    const beforeAnyone = [...dry.stderr.matchAll(/checking: 0\/\d+ \((\d+)%\)/g)].map((m) => Number(m[1]));
    expect(Math.max(...beforeAnyone)).toBeGreaterThanOrEqual(20);

    const set = json<{ toAdd: string[]; toRemove: string[] }>(
      await roster('members', 'set', app, ent, '--file', file, '--dry-run', '-o', 'json'),
    );
    expect([set.toAdd.length, set.toRemove.length]).toEqual([count, 0]);
  }, 300_000);

  it('draws a progress bar that reaches 100 % in a terminal', async () => {
    const { app, ent } = await newEntitlement('Terminal');
    const people = await newPeople('tty.test', 'ted', 'tia', 'tom');
    const file = path.join(work, 'tty.csv');
    fs.writeFileSync(file, `email\n${people.join('\n')}\n`);
    const command = `${process.execPath} ${BIN} members add ${app} ${ent} --file ${file} --yes`;
    // script(1) gives the CLI a pseudo-terminal for stdin, stdout and stderr.
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const result = await collect(child);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/adding \[\u2588+\] 100% \| 3\/3/);
    // A line logged while the bar is drawn first clears the bar's line, then ends its own.
    const clearLine = '\r\u001b[2K';
    expect(result.stdout).toContain(`${clearLine}chunk 1 sent: bulk action `);
    // A table, not JSON, on a terminal.
    expect(result.stdout).toContain('│ people');
  });

  describe('access requests and approvals', () => {
    /** A person with no role, and a `roster` signed in as them through the environment alone. */
    async function person(name: string, email: string) {
      const user = json<{ id: string }>(
        await roster('users', 'create', '--name', name, '--email', email, '-o', 'json'),
      );
      const made = await adminApi('POST', `/roster/v1/users/${user.id}/personal_clients`, {
        displayName: `${name}'s CLI`,
      });
      const own = cliEnv(newConfigHome(), {
        ROSTER_SERVER: server.url,
        ROSTER_CLIENT_ID: made.client.clientId,
        ROSTER_CLIENT_SECRET: made.clientSecret,
      });
      return { id: user.id, run: (...args: string[]) => runCli(args, own) };
    }

    /** The task a command printed as JSON, once it succeeded. */
    const taskOf = (result: CliResult) => {
      expect(result.code, result.stderr).toBe(0);
      return JSON.parse(result.stdout) as { id: string; numericId: string };
    };

    const storedTask = (id: string) =>
      server.database.handle.db
        .selectFrom('tasks')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();

    it('requests as one person, approves as the app owner, shows the grant; denies another with its reason', async () => {
      const { app, ent } = await newEntitlement('Requests');
      const requester = await person('Rita Requester', 'rita@requests.test');
      const owner = await person('Otto Owner', 'otto@requests.test');
      await adminApi('PUT', `/api/v1/apps/${app}/owners`, { userIds: [owner.id] });

      // A person with no role reads no catalog, so asks by IDs; 8h is sent as the API's "28800s".
      const task = taskOf(
        await requester.run(
          'request',
          app,
          ent,
          '--reason',
          'Quarter-end close',
          '--duration',
          '8h',
          '-o',
          'json',
        ),
      );
      expect(await storedTask(task.id)).toMatchObject({
        state: 'TASK_STATE_OPEN',
        identity_user_id: requester.id,
        created_by_user_id: requester.id,
        app_entitlement_id: ent,
        description: 'Quarter-end close',
        grant_duration: '28800s',
      });
      const badDuration = await requester.run('request', app, ent, '--reason', 'x', '--duration', '8 hours');
      expect(badDuration.code).toBe(2);

      // The admin asks for Rita by names (the app's, the entitlement's) and her email.
      const second = taskOf(
        await roster(
          'request',
          'Requests app',
          'Requests',
          '--reason',
          'Audit support',
          '--for',
          'rita@requests.test',
          '-o',
          'json',
        ),
      );
      expect(await storedTask(second.id)).toMatchObject({
        identity_user_id: requester.id,
        app_entitlement_id: ent,
      });

      // Both wait for the owner; Rita's own list has both, newest first (one she opened, one about her).
      const waiting = await owner.run('tasks', 'ls', '--assigned', '-o', 'json');
      expect(waiting.code, waiting.stderr).toBe(0);
      expect(JSON.parse(waiting.stdout).map((t: { id: string }) => t.id)).toEqual([second.id, task.id]);
      const mine = await requester.run('tasks', 'ls', '--mine', '-o', 'csv');
      expect(
        csvLines(mine.stdout)
          .slice(1)
          .map((l) => l.split(',')[1]),
      ).toEqual([second.id, task.id]);
      expect(csvLines((await requester.run('tasks', 'ls', '--assigned', '-o', 'csv')).stdout)).toHaveLength(
        1,
      );

      // Rita may not approve her own request; the owner approves by number.
      const self = await requester.run('tasks', 'approve', task.numericId);
      expect(self.code).toBe(4);
      const approved = await owner.run('tasks', 'approve', task.numericId, '--reason', 'Needed for close');
      expect(approved.code, approved.stderr).toBe(0);
      expect(await storedTask(task.id)).toMatchObject({
        state: 'TASK_STATE_CLOSED',
        outcome: 'GRANT_OUTCOME_GRANTED',
      });
      const grants = await server.database.handle.db
        .selectFrom('grant_events')
        .select(['event_type', 'ticket_id', 'actor_user_id'])
        .where('app_entitlement_id', '=', ent)
        .execute();
      expect(grants).toEqual([
        { event_type: 'GRANT_EVENT_TYPE_ADDED', ticket_id: task.id, actor_user_id: owner.id },
      ]);

      const shown = await requester.run('tasks', 'show', task.id);
      expect(shown.code, shown.stderr).toBe(0);
      expect(shown.stdout).toMatch(/state\s*│ CLOSED/);
      expect(shown.stdout).toMatch(/outcome\s*│ GRANTED/);
      expect(shown.stdout).toMatch(/grantDuration\s*│ 28800s/);
      expect(shown.stdout).toMatch(new RegExp(`  \\S+  ${owner.id}  approved\\n`));
      expect(shown.stdout).toContain(`${owner.id}  commented: Needed for close`);
      const asJson = JSON.parse((await requester.run('tasks', 'show', task.numericId, '-o', 'json')).stdout);
      expect(asJson.task.type.grant.outcome).toBe('GRANT_OUTCOME_GRANTED');
      const trail = await server.database.handle.db
        .selectFrom('task_audits')
        .select('id')
        .where('task_id', '=', task.id)
        .orderBy('id')
        .execute();
      expect(asJson.audits.map((a: { id: string }) => a.id)).toEqual(trail.map((a) => a.id));
      // Nothing waits on a closed task: the CLI says so, and sends nothing.
      const again = await owner.run('tasks', 'approve', task.numericId);
      expect(again.code).toBe(3);
      expect(again.stderr).toContain('no step waiting for a decision');

      const denied = await owner.run('tasks', 'deny', second.id, '--reason', 'Not this quarter');
      expect(denied.code, denied.stderr).toBe(0);
      expect(await storedTask(second.id)).toMatchObject({
        state: 'TASK_STATE_CLOSED',
        outcome: 'GRANT_OUTCOME_DENIED',
        comment_count: 1,
      });
      const reasons = await server.database.handle.db
        .selectFrom('task_audits')
        .select(['kind', 'actor_user_id', 'details'])
        .where('task_id', '=', second.id)
        .where('kind', 'in', ['comment', 'denied'])
        .orderBy('id')
        .execute();
      expect(reasons.map((r) => [r.kind, r.actor_user_id]).sort()).toEqual([
        ['comment', owner.id],
        ['denied', owner.id],
      ]);
      const reason = reasons.find((r) => r.kind === 'comment');
      expect(JSON.parse(reason?.details as string).comment).toBe('Not this quarter');
      expect((await owner.run('tasks', 'ls', '--assigned', '-o', 'json')).stdout).toBe('[]\n');
    });

    it('comments on a request and closes it with a reason', async () => {
      const { app, ent } = await newEntitlement('Closing');
      const requester = await person('Cleo Closer', 'cleo@requests.test');
      const task = taskOf(await requester.run('request', app, ent, '--reason', 'Trying it', '-o', 'json'));

      expect((await requester.run('tasks', 'comment', task.numericId, 'Asked my lead')).code).toBe(0);
      const closed = await requester.run('tasks', 'close', task.numericId, '--reason', 'No longer needed');
      expect(closed.code, closed.stderr).toBe(0);
      expect(await storedTask(task.id)).toMatchObject({ state: 'TASK_STATE_CLOSED', comment_count: 2 });
      const comments = await server.database.handle.db
        .selectFrom('task_audits')
        .select('details')
        .where('task_id', '=', task.id)
        .where('kind', '=', 'comment')
        .orderBy('id')
        .execute();
      expect(comments.map((c) => JSON.parse(c.details as string).comment)).toEqual([
        'Asked my lead',
        'No longer needed',
      ]);
      const open = await requester.run('tasks', 'ls', '--mine', '--state', 'open', '-o', 'json');
      expect(open.stdout).toBe('[]\n');
      expect((await requester.run('tasks', 'ls', '--state', 'pending')).code).toBe(2);
    });

    it('reassigns a step, restarts a request and skips a step, each stored as the API records it', async () => {
      const { app, ent } = await newEntitlement('Handover');
      const requester = await person('Hugo Handover', 'hugo@requests.test');
      const owner = await person('Odile Owner', 'odile@requests.test');
      const deputy = await person('Dario Deputy', 'dario@requests.test');
      await adminApi('PUT', `/api/v1/apps/${app}/owners`, { userIds: [owner.id] });
      const task = taskOf(await requester.run('request', app, ent, '--reason', 'Handover', '-o', 'json'));
      const approvers = async () => JSON.parse((await storedTask(task.id)).step_approver_ids as string);
      const kinds = async () =>
        (
          await server.database.handle.db
            .selectFrom('task_audits')
            .select(['kind', 'actor_user_id'])
            .where('task_id', '=', task.id)
            .orderBy('id')
            .execute()
        ).map((a) => [a.kind, a.actor_user_id]);
      expect(await approvers()).toEqual([owner.id]);

      // The Super Admin hands the step to the deputy, named by email; the owner, who never acted, no
      // longer sees the task (not found) and cannot decide.
      const handed = await roster(
        'tasks',
        'reassign',
        task.numericId,
        '--to',
        'dario@requests.test',
        '-o',
        'json',
      );
      expect(handed.code, handed.stderr).toBe(0);
      expect(JSON.parse(handed.stdout).stepApproverIds).toEqual([deputy.id]);
      expect(await approvers()).toEqual([deputy.id]);
      expect(await kinds()).toContainEqual(['approval_reassigned', expect.any(String)]);
      expect((await owner.run('tasks', 'approve', task.numericId)).code).toBe(3);

      // The requester starts the policy again: the app owner is its approver once more.
      const restarted = await requester.run('tasks', 'restart', task.numericId);
      expect(restarted.code, restarted.stderr).toBe(0);
      expect(await approvers()).toEqual([owner.id]);
      expect(await kinds()).toContainEqual(['restarted', requester.id]);
      // Only a Super Admin skips a step; the requester is refused and nothing changes.
      expect((await requester.run('tasks', 'skip', task.numericId)).code).toBe(4);
      expect(await storedTask(task.id)).toMatchObject({ state: 'TASK_STATE_OPEN' });

      // Skipping the last step grants, with the task as the grant's ticket.
      const skipped = await roster('tasks', 'skip', task.numericId);
      expect(skipped.code, skipped.stderr).toBe(0);
      expect(await storedTask(task.id)).toMatchObject({
        state: 'TASK_STATE_CLOSED',
        outcome: 'GRANT_OUTCOME_GRANTED',
      });
      expect(await kinds()).toContainEqual(['step_skipped', expect.any(String)]);
      const grants = await server.database.handle.db
        .selectFrom('grants')
        .select(['ticket_id'])
        .where('app_entitlement_id', '=', ent)
        .where('deleted_at', 'is', null)
        .execute();
      expect(grants).toEqual([{ ticket_id: task.id }]);
      // Nothing waits any more: the command line says so and sends nothing.
      const again = await roster('tasks', 'skip', task.numericId);
      expect(again.code).toBe(3);
      expect(again.stderr).toContain('no step waiting for a decision');
      expect((await roster('tasks', 'reassign', task.numericId)).code).toBe(2);
    });
  });

  it('tails and exports the system log', async () => {
    // A window around one change: the export holds its event and nothing older.
    const since = new Date(Date.now() - 1000).toISOString();
    const created = json<{ id: string }>(await roster('apps', 'create', '--name', 'Logged', '-o', 'json'));
    const until = new Date(Date.now() + 1000).toISOString();

    const tail = await roster('log', 'tail', '-n', '2', '-o', 'json');
    const events = csvLines(tail.stdout).map((l) => JSON.parse(l));
    expect(events).toHaveLength(2);
    expect(events[0].metadata.uid < events[1].metadata.uid || events[0].time <= events[1].time).toBe(true);

    // Filters run on the server: the one matching event, however many others are newer.
    const filtered = await roster(
      'log',
      'tail',
      '--operation',
      'app.created',
      '--target',
      created.id,
      '-o',
      'json',
    );
    expect(filtered.code, filtered.stderr).toBe(0);
    const found = csvLines(filtered.stdout).map((l) => JSON.parse(l));
    expect(found.map((e) => [e.api.operation, e.resources[0].uid])).toEqual([['app.created', created.id]]);
    const unknown = await roster('log', 'tail', '--operation', 'app.exploded');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('operations');

    const exported = await roster('log', 'export', '--since', since, '--until', until);
    expect(exported.code).toBe(0);
    const lines = csvLines(exported.stdout).map((l) => JSON.parse(l));
    expect(lines.every((e) => e.class_name === 'API Activity' && e.time_dt >= since)).toBe(true);
    expect(lines.some((e) => e.resources[0].uid === created.id)).toBe(true);
    const bad = await roster('log', 'export', '--since', 'yesterday-ish');
    expect(bad.code).toBe(2);
  });
});
