import { createHash } from 'node:crypto';
import type { Command } from 'commander';
import { addMembers, type PeopleSource } from '../add-members.js';
import { shortState, waitForBulkAction } from '../bulk-actions.js';
import type { RosterClient } from '../client.js';
import { collect, confirm, contextOf, positiveInt } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';
import { openJournal } from '../journal.js';
import { note, printObject, printRows, type Row } from '../output.js';
import { isEmail, type PersonInput, readPeople, summarizeFile } from '../people-file.js';
import { startProgress } from '../progress.js';
import { resolutionOf, resolveEmails, resolveOne } from '../resolve.js';
import { targetOf } from '../targets.js';

export const MEMBER_COLUMNS = ['userId', 'email', 'displayName', 'appUserId', 'grantedAt', 'expiresAt'];

/** The entitlement's current members, page after page, as rows. */
export async function* memberRows(client: RosterClient, appId: string, entId: string): AsyncGenerator<Row> {
  const grants = client.list('/api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/grants', {
    path: { app_id: appId, app_entitlement_id: entId },
  });
  for await (const g of grants) {
    yield {
      userId: g.user?.id ?? g.appUser?.identityUserId ?? '',
      email: g.user?.email ?? g.appUser?.email ?? '',
      displayName: g.user?.displayName ?? g.appUser?.displayName ?? '',
      appUserId: g.appUserId,
      grantedAt: g.discovered,
      expiresAt: g.expired,
    };
  }
}

interface AddOptions {
  user?: string[];
  email?: string[];
  file?: string;
  column?: string;
  dryRun?: boolean;
  yes?: boolean;
  report?: string;
  chunkSize?: number;
  confirmAbove: number;
}

/** People named on the command line, as a source numbered from 1 like a file's lines. */
function listSource(inputs: string[]): PeopleSource {
  return {
    sha256: createHash('sha256').update(inputs.join('\n')).digest('hex'),
    people: inputs.length,
    read: async function* () {
      for (const [i, input] of inputs.entries()) yield { line: i + 1, input };
    },
  };
}

async function fileSource(file: string, column: string | undefined): Promise<PeopleSource> {
  const summary = await summarizeFile(file, { column });
  if (summary.people === 0) throw emptyFile(file);
  return { ...summary, read: () => readPeople(file, { column }) };
}

/** A file that names nobody is a mistake (a wrong column, a truncated export), never "nothing to do". */
const emptyFile = (file: string) =>
  new CliError(`${file} names nobody: no line holds an email or user ID; nothing was sent`, EXIT.USAGE);

export function registerMemberCommands(program: Command): void {
  const members = program.command('members').description("an entitlement's manual members");

  members
    .command('ls <app> <entitlement>')
    .description('list the members (all pages, streamed)')
    .addHelpText(
      'after',
      '\nExamples:\n  roster members ls APP ENT\n  roster members ls APP ENT --output json | jq .',
    )
    .action(async (app: string, entitlement: string, _o: unknown, command: Command) => {
      const { client, format } = await contextOf(command);
      const { appId, entId } = await targetOf(client, app, entitlement);
      await printRows(memberRows(client, appId, entId), MEMBER_COLUMNS, format);
    });

  members
    .command('export <app> <entitlement>')
    .description('write every member to stdout as CSV (or JSON), streamed')
    .option('--format <format>', 'csv or json', 'csv')
    .addHelpText('after', '\nExample:\n  roster members export APP ENT --format csv > members.csv')
    .action(async (app: string, entitlement: string, options: { format: string }, command: Command) => {
      const { client } = await contextOf(command);
      if (options.format !== 'csv' && options.format !== 'json') {
        throw new CliError('--format must be csv or json', EXIT.USAGE);
      }
      const { appId, entId } = await targetOf(client, app, entitlement);
      await printRows(memberRows(client, appId, entId), MEMBER_COLUMNS, options.format);
    });

  members
    .command('add <app> <entitlement>')
    .description('add people by user ID or email, or from a CSV file (a column of emails or user IDs)')
    .option('--user <id>', 'a user ID (repeatable)', collect)
    .option('--email <email>', 'an email (repeatable)', collect)
    .option(
      '--file <people.csv>',
      'CSV with one person a line; a header line (email, userId, id) is detected',
    )
    .option('--column <name>', 'the header of the column to read (default: email/userId/id, else the first)')
    .option('--dry-run', 'check every line and print what would happen; send nothing')
    .option('--report <out.csv>', 'write one row per input line: line, input, userId, outcome, reason')
    .option('-y, --yes', 'do not ask, however many people')
    .option('--confirm-above <n>', 'ask before adding more than this many people', positiveInt, 1000)
    .option('--chunk-size <n>', 'people per request (default: the server limit, at most 10000)', positiveInt)
    .addHelpText(
      'after',
      `
Each run is recorded in $XDG_STATE_HOME/roster/runs (~/.local/state/roster). Running the same command
(same file, same entitlement) again after a crash or Ctrl-C resumes that run: each request is resent
with the same Idempotency-Key, nothing is added twice, and the report is complete. Once a run has
finished, running the command again is a new run: it adds whoever is not a member now and reports
what is true now (ADDED, ALREADY_MEMBER).

--dry-run sends nothing and exits 7, or 8 when some lines would be refused.

Examples:
  roster members add APP ENT --email alice@example.com --user 2Jz...
  roster members add APP ENT --file people.csv --dry-run
  roster members add APP ENT --file people.csv --yes --report result.csv`,
    )
    .action(async (app: string, entitlement: string, options: AddOptions, command: Command) => {
      const { client, format } = await contextOf(command);
      const inline = [...(options.user ?? []), ...(options.email ?? [])];
      if (!options.file && inline.length === 0) {
        throw new CliError('say who to add: --user ID, --email EMAIL or --file people.csv', EXIT.USAGE);
      }
      if (options.file && inline.length > 0) {
        throw new CliError('give either --file or --user/--email, not both', EXIT.USAGE);
      }
      const source = options.file ? await fileSource(options.file, options.column) : listSource(inline);
      const { appId, entId } = await targetOf(client, app, entitlement);
      const { limits } = await client.call(client.api.GET('/roster/v1/limits'));
      const chunkSize = Math.min(options.chunkSize ?? 10_000, limits.maxAddUserIds);
      if (!options.dryRun && source.people > options.confirmAbove) {
        await confirm(`Add ${source.people} people to entitlement ${entId}?`, options.yes);
      }
      // A dry run sends no key, so it neither starts nor resumes a run.
      const journal = options.dryRun
        ? undefined
        : await openJournal(
            [
              client.profile.server,
              client.profile.clientId,
              'members add',
              appId,
              entId,
              source.sha256,
              options.column ?? '',
              String(chunkSize),
            ],
            `roster members add ${appId} ${entId} ${options.file ? `--file ${options.file}` : `(${source.people} named)`}`,
          );
      if (journal?.resumed) note('Resuming the unfinished run of this command: nothing is sent twice.');
      const summary = await addMembers({
        client,
        appId,
        entitlementId: entId,
        source,
        runId: journal?.runId ?? '',
        chunkSize,
        dryRun: options.dryRun === true,
        reportPath: options.report,
        showProgress: source.people > 1,
        onSent: (chunk, id, log) => log(`chunk ${chunk + 1} sent: bulk action ${id}`),
      });
      await journal?.finish();
      for (const p of summary.problems) note(`line ${p.line}: ${p.input}: ${p.reason}`);
      if (options.dryRun) {
        await printObject(
          summary,
          {
            dryRun: true,
            people: summary.people,
            wouldAdd: summary.wouldAdd,
            alreadyMembers: summary.alreadyMembers,
            failed: summary.failed,
          },
          format,
        );
      } else {
        await printObject(
          summary,
          {
            people: summary.people,
            added: summary.added,
            alreadyMembers: summary.alreadyMembers,
            failed: summary.failed,
            bulkActions: summary.bulkActionIds.join(' '),
          },
          format,
        );
      }
      if (options.dryRun) process.exitCode = summary.failed > 0 ? EXIT.DRY_RUN_PROBLEMS : EXIT.DRY_RUN;
      else if (summary.failed > 0) process.exitCode = EXIT.PARTIAL;
    });

  members
    .command('rm <app> <entitlement>')
    .description('remove people (by user ID or email) or app users from the entitlement')
    .option('--user <id>', 'a user ID (repeatable)', collect)
    .option('--email <email>', 'an email (repeatable)', collect)
    .option('--app-user <id>', 'an app user ID (repeatable)', collect)
    .option('-y, --yes', 'do not ask')
    .addHelpText('after', '\nExample:\n  roster members rm APP ENT --email alice@example.com --yes')
    .action(
      async (
        app: string,
        entitlement: string,
        options: { user?: string[]; email?: string[]; appUser?: string[]; yes?: boolean },
        command: Command,
      ) => {
        const { client } = await contextOf(command);
        const people = [...(options.user ?? []), ...(options.email ?? [])];
        if (people.length === 0 && !options.appUser) {
          throw new CliError('say who to remove: --user ID, --email EMAIL or --app-user ID', EXIT.USAGE);
        }
        const { appId, entId } = await targetOf(client, app, entitlement);
        const target = { app_id: appId, app_entitlement_id: entId };
        const appUserIds = [...(options.appUser ?? [])];
        let failed = 0;
        for (const input of people) {
          const found = await resolveOne(client, input);
          if ('error' in found) {
            note(`${input}: ${found.error}`);
            failed++;
            continue;
          }
          const { bindings } = await client.call(
            client.api.GET(
              '/api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/users/{identity_user_id}/grants',
              { params: { path: { ...target, identity_user_id: found.userId } } },
            ),
          );
          const held = bindings.filter((b) => b.createdAt);
          if (held.length === 0) note(`${input}: not a member`);
          appUserIds.push(...held.map((b) => b.appUserId));
        }
        if (appUserIds.length > 0) {
          await confirm(`Remove ${appUserIds.length} membership(s) from entitlement ${entId}?`, options.yes);
        }
        for (const appUserId of appUserIds) {
          await client.call(
            client.api.DELETE('/api/v1/apps/{app_id}/entitlements/{app_entitlement_id}/remove-membership', {
              params: { path: target },
              body: { appUserId },
            }),
          );
          note(`removed app user ${appUserId}`);
        }
        if (failed > 0) process.exitCode = EXIT.PARTIAL;
      },
    );

  members
    .command('set <app> <entitlement>')
    .description('make the members exactly the people in a file: shows the diff, asks, then applies it')
    .requiredOption('--file <people.csv>', 'CSV with one person a line (emails or user IDs)')
    .option('--column <name>', 'the header of the column to read')
    .option('--dry-run', 'show the diff only')
    .option('-y, --yes', 'do not ask')
    .option('--if-match <version>', 'apply only if the membership is still at this version (from a dry run)')
    .addHelpText(
      'after',
      `
The change is sent with If-Match: if someone changed the members since the diff was computed, the
server refuses it (exit 3, MEMBERSHIP_CHANGED) and nothing changes. A file that names nobody is
refused (exit 2). --dry-run sends nothing and exits 7, or 8 when some people cannot be members.

Examples:
  roster members set APP ENT --file team.csv --dry-run
  roster members set APP ENT --file team.csv --yes`,
    )
    .action(
      async (
        app: string,
        entitlement: string,
        options: { file: string; column?: string; dryRun?: boolean; yes?: boolean; ifMatch?: string },
        command: Command,
      ) => {
        const { client, format } = await contextOf(command);
        const people: PersonInput[] = [];
        for await (const person of readPeople(options.file, { column: options.column })) people.push(person);
        if (people.length === 0) throw emptyFile(options.file);
        const { appId, entId } = await targetOf(client, app, entitlement);
        const resolved = await resolveEmails(
          client,
          people.filter((p) => isEmail(p.input)).map((p) => p.input),
        );
        const userIds = new Set<string>();
        let unknown = 0;
        for (const p of people) {
          const found = isEmail(p.input) ? resolutionOf(resolved, p.input) : { userId: p.input };
          if ('userId' in found) userIds.add(found.userId);
          else {
            unknown++;
            note(`line ${p.line}: ${p.input}: ${found.error}`);
          }
        }
        if (unknown > 0) {
          throw new CliError(
            `${unknown} line(s) name nobody; fix the file first (nothing was changed)`,
            EXIT.REFUSED,
          );
        }
        const path = { app_id: appId, app_entitlement_id: entId };
        const membersPath = '/roster/v1/apps/{app_id}/entitlements/{app_entitlement_id}/members';
        const version =
          options.ifMatch ?? (await client.call(client.api.GET(membersPath, { params: { path } }))).version;
        const ifMatch = `"${version.replace(/^"|"$/g, '')}"`;
        const put = (dryRun: boolean) =>
          client.call(
            client.api.PUT(membersPath, {
              params: { path, query: dryRun ? { dryRun: true } : {}, header: { 'if-match': ifMatch } },
              body: { userIds: [...userIds] },
            }),
          );
        const diff = await put(true);
        const failures = Object.entries(diff.failedUsersErrorMap);
        for (const [id, why] of failures) note(`${id}: ${why}`);
        for (const id of diff.toAdd.slice(0, 20)) note(`+ ${id}`);
        if (diff.toAdd.length > 20) note(`+ ... ${diff.toAdd.length - 20} more`);
        for (const id of diff.toRemove.slice(0, 20)) note(`- ${id}`);
        if (diff.toRemove.length > 20) note(`- ... ${diff.toRemove.length - 20} more`);
        const fields = {
          version: diff.version,
          toAdd: diff.toAdd.length,
          toRemove: diff.toRemove.length,
          failed: failures.length,
        };
        if (failures.length > 0 && !options.dryRun) {
          throw new CliError(
            `${failures.length} user(s) cannot be members; nothing was changed`,
            EXIT.REFUSED,
          );
        }
        if (options.dryRun) {
          await printObject({ ...diff, dryRun: true }, { dryRun: true, ...fields }, format);
          process.exitCode = failures.length > 0 ? EXIT.DRY_RUN_PROBLEMS : EXIT.DRY_RUN;
          return;
        }
        if (diff.toAdd.length === 0 && diff.toRemove.length === 0) {
          await printObject({ ...diff, dryRun: true }, { dryRun: true, ...fields }, format);
          return;
        }
        await confirm(`Add ${diff.toAdd.length} and remove ${diff.toRemove.length} member(s)?`, options.yes);
        const applied = await put(false);
        const progress = startProgress('applying', applied.toAdd.length + applied.toRemove.length);
        const action = applied.bulkActionId
          ? await waitForBulkAction(client, applied.bulkActionId, (a) => progress.update(a.processed))
          : undefined;
        progress.stop();
        await printObject(
          { ...applied, bulkAction: action },
          { ...fields, bulkActionId: applied.bulkActionId, state: action ? shortState(action.state) : '' },
          format,
        );
        if (action && action.failed > 0) process.exitCode = EXIT.PARTIAL;
      },
    );
}
