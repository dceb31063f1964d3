import fs from 'node:fs/promises';
import * as prompts from '@clack/prompts';
import type { Command } from 'commander';
import { BUILTIN_ROLES } from '../../../lib/roles.js';
import { RosterClient } from '../client.js';
import { contextOf, globals, interactive } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';
import { parseFormat, printObject, printRows } from '../output.js';
import {
  DEFAULT_PROFILE,
  forgetToken,
  normalizeServer,
  readConfig,
  removeProfile,
  resolveProfile,
  saveProfile,
} from '../profiles.js';

interface LoginOptions {
  clientId?: string;
  clientSecret?: string;
  credentials?: string;
  default?: boolean;
}

/** The bootstrap file Roster writes on first start (data/admin-credentials.json). */
async function readCredentialsFile(file: string): Promise<{ clientId: string; clientSecret: string }> {
  let parsed: { clientId?: unknown; clientSecret?: unknown };
  try {
    parsed = JSON.parse(await fs.readFile(file, 'utf8')) as typeof parsed;
  } catch (error) {
    throw new CliError(`cannot read ${file}: ${error instanceof Error ? error.message : error}`, EXIT.USAGE);
  }
  if (typeof parsed.clientId !== 'string' || typeof parsed.clientSecret !== 'string') {
    throw new CliError(`${file} has no clientId and clientSecret`, EXIT.USAGE);
  }
  return { clientId: parsed.clientId, clientSecret: parsed.clientSecret };
}

/** A client ID names its server's host (`name@host:port/pcc`, CONTRACT.md §2). */
function serverOfClientId(clientId: string): string | undefined {
  const host = /@([^/]+)\//.exec(clientId)?.[1];
  return host ? `http://${host}` : undefined;
}

async function ask(message: string, secret: boolean): Promise<string> {
  if (!interactive()) return '';
  const answer = secret
    ? await prompts.password({ message, output: process.stderr })
    : await prompts.text({ message, output: process.stderr });
  if (prompts.isCancel(answer)) throw new CliError('Cancelled.', EXIT.ABORTED);
  return answer;
}

export function registerSessionCommands(program: Command): void {
  program
    .command('login')
    .description('sign in and save the credentials as a profile (mode 0600)')
    .option('--client-id <id>', 'API client ID (else ROSTER_CLIENT_ID, else asked)')
    .option('--client-secret <secret>', 'API client secret (else ROSTER_CLIENT_SECRET, else asked)')
    .option(
      '--credentials <file>',
      'read the client ID and secret from a JSON file such as data/admin-credentials.json',
    )
    .option('--default', 'make this the default profile')
    .addHelpText(
      'after',
      `
Examples:
  roster login --server http://127.0.0.1:8080 --credentials data/admin-credentials.json
  ROSTER_CLIENT_SECRET=... roster login --profile prod --server https://roster.example.com --client-id ID`,
    )
    .action(async (options: LoginOptions, command: Command) => {
      const global = globals(command);
      const file = options.credentials ? await readCredentialsFile(options.credentials) : undefined;
      const clientId =
        file?.clientId ?? options.clientId ?? process.env.ROSTER_CLIENT_ID ?? (await ask('Client ID', false));
      const clientSecret =
        file?.clientSecret ??
        options.clientSecret ??
        process.env.ROSTER_CLIENT_SECRET ??
        (await ask('Client secret', true));
      const server = global.server ?? process.env.ROSTER_SERVER ?? serverOfClientId(clientId);
      if (!clientId || !clientSecret || !server) {
        throw new CliError(
          'login needs --server, a client ID and a client secret (or --credentials FILE)',
          EXIT.USAGE,
        );
      }
      const profile = { server: normalizeServer(server), clientId, clientSecret };
      const client = new RosterClient(profile);
      await client.signIn();
      const me = await client.call(client.api.GET('/api/v1/auth/introspect'));
      const name = global.profile ?? process.env.ROSTER_PROFILE ?? DEFAULT_PROFILE;
      const path = await saveProfile(name, profile, options.default === true);
      process.stderr.write(
        `Signed in to ${profile.server} as ${clientId} (roles: ${me.roles.join(', ') || 'none'}); profile "${name}" saved in ${path}\n`,
      );
    });

  program
    .command('logout')
    .description('forget a profile and its cached token')
    .addHelpText('after', '\nExample:\n  roster logout --profile staging')
    .action(async (_options: unknown, command: Command) => {
      const global = globals(command);
      const config = await readConfig();
      const name = global.profile ?? process.env.ROSTER_PROFILE ?? config.defaultProfile ?? DEFAULT_PROFILE;
      const saved = config.profiles[name];
      if (!saved) throw new CliError(`no profile named "${name}"`, EXIT.USAGE);
      await forgetToken(saved);
      await removeProfile(name);
      process.stderr.write(`Profile "${name}" removed.\n`);
    });

  program
    .command('profiles')
    .description('list the saved profiles')
    .addHelpText('after', '\nExample:\n  roster profiles --output json')
    .action(async (_options: unknown, command: Command) => {
      const config = await readConfig();
      const rows = Object.entries(config.profiles).map(([name, p]) => ({
        name,
        default: name === config.defaultProfile,
        server: p.server,
        clientId: p.clientId,
      }));
      await printRows(rows, ['name', 'default', 'server', 'clientId'], parseFormat(globals(command).output));
    });

  program
    .command('whoami')
    .description('show the API client, its user and roles (introspection)')
    .addHelpText('after', '\nExample:\n  roster whoami --profile prod')
    .action(async (_options: unknown, command: Command) => {
      const { client, format } = await contextOf(command);
      const { name } = await resolveProfile(globals(command));
      const me = await client.call(client.api.GET('/api/v1/auth/introspect'));
      let email = '';
      if (me.userId) {
        const user = await client
          .call(client.api.GET('/api/v1/users/{id}', { params: { path: { id: me.userId } } }))
          .catch(() => undefined);
        email = user?.userView.user.email ?? '';
      }
      // Roles by name: the built-in roles are the only roles there are (CONTRACT.md §7.10).
      const roleNames = me.roles.map((id) => BUILTIN_ROLES.find((role) => role.id === id)?.displayName ?? id);
      await printObject(
        {
          profile: name,
          server: client.profile.server,
          clientId: client.profile.clientId,
          ...me,
          roleNames,
          email,
        },
        {
          profile: name,
          server: client.profile.server,
          clientId: client.profile.clientId,
          userId: me.userId,
          email,
          roles: roleNames.join(', '),
        },
        format,
      );
    });
}
