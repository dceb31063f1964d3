import type { Command } from 'commander';
import type { Answer } from '../client.js';
import { contextOf, expandedAt, timestamp } from '../context.js';
import { CliError, EXIT } from '../exit-codes.js';
import { printRows, type Row } from '../output.js';
import { targetOf } from '../targets.js';
import { findUser } from './catalog.js';
import { MEMBER_COLUMNS, memberRows } from './members.js';

/** An app user, as the API answers one (here, expanded into a search's `expanded`). */
type AppUser = Answer<'/api/v1/apps/{app_id}/app_users', 'get'>['list'][number]['appUser'];

/** Every item of the pages of a search that expands app users, each with its app user. */
async function* withAppUsers<T extends { appUserPath: string }>(
  pages: AsyncIterable<{ list: T[]; expanded: unknown[] }>,
): AsyncGenerator<{ item: T; appUser: AppUser | undefined }> {
  for await (const page of pages) {
    for (const item of page.list)
      yield { item, appUser: expandedAt<AppUser>(page.expanded, item.appUserPath) };
  }
}

const EXPAND_APP_USERS = { paths: ['app_user_id'] };

const at = (value: string | null) => (value ? Date.parse(value) : Number.NaN);

export function registerAccessCommands(program: Command): void {
  program
    .command('whohas <app> <entitlement>')
    .description('who holds an entitlement now, or at a past moment (--at)')
    .option('--at <date>', 'a past time (RFC 3339 or YYYY-MM-DD): the holders then, from the grant history')
    .addHelpText('after', '\nExamples:\n  roster whohas APP ENT\n  roster whohas APP ENT --at 2026-01-01')
    .action(async (app: string, entitlement: string, options: { at?: string }, command: Command) => {
      const { client, format } = await contextOf(command);
      const { appId, entId } = await targetOf(client, app, entitlement);
      if (!options.at) {
        await printRows(memberRows(client, appId, entId), MEMBER_COLUMNS, format);
        return;
      }
      const moment = Date.parse(timestamp(options.at));
      async function* rows(): AsyncGenerator<Row> {
        const past = client.searchPages('/api/v1/search/past-grants', {
          appEntitlementRefs: [{ appId, id: entId }],
          expandMask: EXPAND_APP_USERS,
        });
        for await (const { item, appUser } of withAppUsers(past)) {
          const { grantedAt, revokedAt } = item.history;
          // A grant held the entitlement over [grantedAt, revokedAt).
          if (!(at(grantedAt) <= moment) || at(revokedAt) <= moment) continue;
          yield {
            userId: appUser?.identityUserId ?? '',
            email: appUser?.email ?? '',
            displayName: appUser?.displayName ?? '',
            appUserId: item.history.appUserId,
            grantedAt,
            revokedAt,
          };
        }
      }
      await printRows(
        rows(),
        ['userId', 'email', 'displayName', 'appUserId', 'grantedAt', 'revokedAt'],
        format,
      );
    });

  program
    .command('access <user>')
    .description('everything a person holds (by user ID or email)')
    .addHelpText('after', '\nExample:\n  roster access alice@example.com')
    .action(async (input: string, _o: unknown, command: Command) => {
      const { client, format } = await contextOf(command);
      const user = await findUser(client, input);
      async function* rows(): AsyncGenerator<Row> {
        const grants = client.search('/api/v1/search/grants', { userId: user.id });
        for await (const g of grants) {
          const e = g.entitlement.appEntitlement;
          const b = g.appEntitlementUserBinding;
          yield {
            appId: e.appId,
            entitlementId: e.id,
            entitlement: e.displayName,
            appUserId: b.appUser.appUser.id,
            grantedAt: b.appEntitlementUserBindingCreatedAt,
            expiresAt: b.appEntitlementUserBindingDeprovisionAt,
          };
        }
      }
      await printRows(
        rows(),
        ['appId', 'entitlementId', 'entitlement', 'appUserId', 'grantedAt', 'expiresAt'],
        format,
      );
    });

  program
    .command('history <app> <entitlement>')
    .description('grants added and removed on an entitlement, oldest first')
    .option('--since <date>', 'from this time (inclusive)')
    .option('--until <date>', 'to this time (exclusive)')
    .addHelpText('after', '\nExample:\n  roster history APP ENT --since 2026-01-01 --until 2026-02-01')
    .action(
      async (
        app: string,
        entitlement: string,
        options: { since?: string; until?: string },
        command: Command,
      ) => {
        const { client, format } = await contextOf(command);
        const since = options.since ? timestamp(options.since) : undefined;
        const until = options.until ? timestamp(options.until) : undefined;
        if (since && until && since >= until)
          throw new CliError('--since must be before --until', EXIT.USAGE);
        const { appId, entId } = await targetOf(client, app, entitlement);
        async function* rows(): AsyncGenerator<Row> {
          const feed = client.searchPages('/api/v1/grants/feed', {
            appEntitlementRefs: [{ appId, id: entId }],
            expandMask: EXPAND_APP_USERS,
            ...(since ? { after: since } : {}),
            ...(until ? { before: until } : {}),
          });
          for await (const { item, appUser } of withAppUsers(feed)) {
            yield {
              date: item.feed.date,
              event: item.feed.eventType.replace(/^GRANT_EVENT_TYPE_/, ''),
              userId: appUser?.identityUserId ?? '',
              email: appUser?.email ?? '',
              appUserId: item.feed.appUserId,
            };
          }
        }
        await printRows(rows(), ['date', 'event', 'userId', 'email', 'appUserId'], format);
      },
    );
}
