import fs from 'node:fs/promises';
import type { Command } from 'commander';
import type { Answer, RosterClient } from '../client.js';
import { confirm, contextOf } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';
import { note, printObject, printRows, type Row } from '../output.js';
import { isEmail } from '../people-file.js';
import { resolveOne } from '../resolve.js';
import { appIdOf, targetOf } from '../targets.js';

type App = Answer<'/api/v1/apps/{id}', 'get'>['app'];
type EntitlementView = Answer<'/api/v1/apps/{app_id}/entitlements/{id}', 'get'>['appEntitlementView'];
type Entitlement = EntitlementView['appEntitlement'];
type User = Answer<'/api/v1/users/{id}', 'get'>['userView']['user'];

const appRow = (a: App): Row => ({
  id: a.id,
  displayName: a.displayName,
  manual: a.isManuallyManaged,
  users: a.userCount,
  createdAt: a.createdAt,
});
const APP_COLUMNS = ['id', 'displayName', 'manual', 'users', 'createdAt'];

const entRow = (e: Entitlement): Row => ({
  id: e.id,
  displayName: e.displayName,
  alias: e.alias,
  slug: e.slug,
  manual: e.isManuallyManaged,
  grants: e.grantCount,
});
const ENT_COLUMNS = ['id', 'displayName', 'alias', 'slug', 'manual', 'grants'];

const userRow = (u: User): Row => ({
  id: u.id,
  displayName: u.displayName,
  email: u.email,
  username: u.username,
  status: u.status,
  roles: u.roleIds.join(' '),
});
const USER_COLUMNS = ['id', 'displayName', 'email', 'username', 'status', 'roles'];

async function* map<T>(items: AsyncIterable<T>, f: (item: T) => Row): AsyncGenerator<Row> {
  for await (const item of items) yield f(item);
}

const examples = (...lines: string[]) => `\nExamples:\n${lines.map((l) => `  ${l}`).join('\n')}`;

export function registerCatalogCommands(program: Command): void {
  const apps = program.command('apps').description('applications');
  apps
    .command('ls')
    .description('list the apps (all pages)')
    .addHelpText('after', examples('roster apps ls', 'roster apps ls --output csv > apps.csv'))
    .action(async (_o: unknown, command: Command) => {
      const { client, format } = await contextOf(command);
      await printRows(map(client.list('/api/v1/apps'), appRow), APP_COLUMNS, format);
    });
  apps
    .command('show <app>')
    .description('show one app, by ID or display name')
    .addHelpText('after', examples('roster apps show 2Jx9...', 'roster apps show Payroll'))
    .action(async (input: string, _o: unknown, command: Command) => {
      const { client, format } = await contextOf(command);
      const app = await getApp(client, await appIdOf(client, input));
      await printObject(app, { ...appRow(app), description: app.description }, format);
    });
  apps
    .command('create')
    .description('create a manually managed app')
    .requiredOption('--name <name>', 'display name')
    .option('--description <text>', 'description')
    .option('--owner <userId>', 'an owner (repeatable)', (v: string, p: string[] = []) => [...p, v])
    .addHelpText('after', examples('roster apps create --name "Payroll" --description "HR payroll system"'))
    .action(async (options: { name: string; description?: string; owner?: string[] }, command: Command) => {
      const { client, format } = await contextOf(command);
      const { app } = await client.call(
        client.api.POST('/api/v1/apps', {
          body: {
            displayName: options.name,
            description: options.description ?? '',
            ...(options.owner ? { owners: options.owner } : {}),
          },
        }),
      );
      await printObject(app, appRow(app), format);
    });
  apps
    .command('rm <app>')
    .description('delete an app, its entitlements and their grants (history is kept)')
    .option('-y, --yes', 'do not ask')
    .addHelpText('after', examples('roster apps rm 2Jx9... --yes'))
    .action(async (input: string, options: { yes?: boolean }, command: Command) => {
      const { client } = await contextOf(command);
      const appId = await appIdOf(client, input);
      const app = await getApp(client, appId);
      await confirm(`Delete app "${app.displayName}" (${app.id}) and revoke every grant in it?`, options.yes);
      await client.call(client.api.DELETE('/api/v1/apps/{id}', { params: { path: { id: appId } } }));
      note(`Deleted app ${app.id}.`);
    });

  const ents = program.command('ents').description('entitlements of an app');
  ents
    .command('ls <app>')
    .description("list an app's entitlements (all pages)")
    .addHelpText('after', examples('roster ents ls 2Jx9...'))
    .action(async (app: string, _o: unknown, command: Command) => {
      const { client, format } = await contextOf(command);
      const appId = await appIdOf(client, app);
      const views = client.list('/api/v1/apps/{app_id}/entitlements', { path: { app_id: appId } });
      await printRows(
        map(views, (v) => entRow(v.appEntitlement)),
        ENT_COLUMNS,
        format,
      );
    });
  ents
    .command('show <app> <entitlement>')
    .description('show one entitlement, by ID, alias, slug or display name')
    .addHelpText('after', examples('roster ents show 2Jx9... 2Jy0...', 'roster ents show Payroll Admin'))
    .action(async (app: string, entitlement: string, _o: unknown, command: Command) => {
      const { client, format } = await contextOf(command);
      const { appId, entId } = await targetOf(client, app, entitlement);
      const appEntitlementView = await getEntitlement(client, appId, entId);
      const e = appEntitlementView.appEntitlement;
      await printObject(appEntitlementView, { ...entRow(e), description: e.description }, format);
    });
  ents
    .command('create <app>')
    .description('create an entitlement in a manually managed app')
    .requiredOption('--name <name>', 'display name')
    .option('--description <text>', 'description')
    .option('--alias <alias>', 'unique handle within the app')
    .option('--slug <slug>', 'short label')
    .addHelpText('after', examples('roster ents create 2Jx9... --name "Admin" --alias payroll-admin'))
    .action(
      async (
        app: string,
        options: { name: string; description?: string; alias?: string; slug?: string },
        command: Command,
      ) => {
        const { client, format } = await contextOf(command);
        const appId = await appIdOf(client, app);
        const { appEntitlementView } = await client.call(
          client.api.POST('/api/v1/apps/{app_id}/entitlements', {
            params: { path: { app_id: appId } },
            body: {
              displayName: options.name,
              description: options.description ?? '',
              alias: options.alias ?? '',
              slug: options.slug ?? '',
            },
          }),
        );
        await printObject(appEntitlementView, entRow(appEntitlementView.appEntitlement), format);
      },
    );
  ents
    .command('rm <app> <entitlement>')
    .description('delete an entitlement and revoke its grants (history is kept)')
    .option('-y, --yes', 'do not ask')
    .addHelpText('after', examples('roster ents rm 2Jx9... 2Jy0... --yes'))
    .action(async (app: string, entitlement: string, options: { yes?: boolean }, command: Command) => {
      const { client } = await contextOf(command);
      const { appId, entId } = await targetOf(client, app, entitlement);
      const e = (await getEntitlement(client, appId, entId)).appEntitlement;
      await confirm(
        `Delete entitlement "${e.displayName}" (${e.id}) and its ${e.grantCount} grants?`,
        options.yes,
      );
      await client.call(
        client.api.DELETE('/api/v1/apps/{app_id}/entitlements/{id}', {
          params: { path: { app_id: appId, id: entId } },
        }),
      );
      note(`Deleted entitlement ${e.id}.`);
    });

  const users = program.command('users').description('people');
  users
    .command('ls')
    .description('list users (all pages); --query matches name, email or username')
    .option('--query <text>', 'search text')
    .addHelpText('after', examples('roster users ls', 'roster users ls --query alice --output json'))
    .action(async (options: { query?: string }, command: Command) => {
      const { client, format } = await contextOf(command);
      const views = options.query
        ? client.search('/api/v1/search/users', { query: options.query })
        : client.list('/api/v1/users');
      await printRows(
        map(views, (v) => userRow(v.user)),
        USER_COLUMNS,
        format,
      );
    });
  users
    .command('shared-emails')
    .description('emails several live users share (stored before emails were unique), with their IDs')
    .addHelpText('after', examples('roster users shared-emails', 'roster users shared-emails --output json'))
    .action(async (_o: unknown, command: Command) => {
      const { client, format } = await contextOf(command);
      await printRows(
        map(client.list('/roster/v1/users/shared-emails'), (s) => ({
          email: s.email,
          userIds: s.userIds.join(' '),
        })),
        ['email', 'userIds'],
        format,
      );
    });
  users
    .command('show <user>')
    .description('show one user, by ID or email')
    .addHelpText('after', examples('roster users show alice@example.com'))
    .action(async (input: string, _o: unknown, command: Command) => {
      const { client, format } = await contextOf(command);
      const user = await findUser(client, input);
      await printObject(user, { ...userRow(user), createdAt: user.createdAt }, format);
    });
  users
    .command('create')
    .description('create a user')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--email <email>', 'email')
    .option('--username <username>', 'username')
    .addHelpText('after', examples('roster users create --name "Alice Ng" --email alice@example.com'))
    .action(async (options: { name: string; email: string; username?: string }, command: Command) => {
      const { client, format } = await contextOf(command);
      const { user } = await client.call(
        client.api.POST('/roster/v1/users', {
          body: {
            displayName: options.name,
            email: options.email,
            ...(options.username ? { username: options.username } : {}),
          },
        }),
      );
      await printObject(user, userRow(user), format);
    });
  users
    .command('import <file>')
    .description('create users from a CSV file with a displayName,email[,username] header')
    .option('--ids', 'print one row per user created (row, id) instead of the summary')
    .addHelpText(
      'after',
      examples(
        'roster users import people.csv',
        'roster users import people.csv --ids --output csv > ids.csv',
      ),
    )
    .action(async (file: string, options: { ids?: boolean }, command: Command) => {
      const { client, format } = await contextOf(command);
      const text = await fs.readFile(file, 'utf8').catch((error: Error) => {
        throw new CliError(`cannot read ${file}: ${error.message}`, EXIT.USAGE);
      });
      const { userIds } = await client.call(
        client.api.POST('/roster/v1/users/import', {
          // The OpenAPI leaves this body out (the route parses JSON or CSV itself): sent as it is.
          body: text as never,
          bodySerializer: () => text,
          headers: { 'content-type': 'text/csv' },
        }),
      );
      // A summary by default: a file of 20,000 people must not answer with 20,000 lines.
      if (options.ids) {
        await printRows(
          userIds.map((id, i) => ({ row: i + 1, id })),
          ['row', 'id'],
          format,
        );
      } else {
        const summary = { file, imported: userIds.length };
        await printObject(summary, summary, format);
      }
    });
}

const getApp = async (client: RosterClient, id: string): Promise<App> =>
  (await client.call(client.api.GET('/api/v1/apps/{id}', { params: { path: { id } } }))).app;

const getEntitlement = async (client: RosterClient, appId: string, id: string): Promise<EntitlementView> =>
  (
    await client.call(
      client.api.GET('/api/v1/apps/{app_id}/entitlements/{id}', { params: { path: { app_id: appId, id } } }),
    )
  ).appEntitlementView;

/**
 * A user by ID, or by email when the input has an @: the email is resolved as the console resolves
 * it (a deleted user, or an email several users share, names no one, and says why).
 */
export async function findUser(client: RosterClient, input: string): Promise<User> {
  let id = input;
  if (isEmail(input)) {
    const found = await resolveOne(client, input);
    if ('error' in found) throw new CliError(`${input}: ${found.error}`, EXIT.REFUSED);
    id = found.userId;
  }
  return (await client.call(client.api.GET('/api/v1/users/{id}', { params: { path: { id } } }))).userView
    .user;
}
