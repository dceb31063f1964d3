import { cachedListQuery } from '../../db/cached-query.js';
import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Executor } from '../../db/schema.js';
import { containsText } from '../../db/text-match.js';
import type { AppUsersTable } from './app-users.table.js';

export type AppUserRow = AppUsersTable;

/** IDs per IN list: well under either dialect's bound-parameter limit. */
const IN_LIST_LIMIT = 10_000;

export function findAppUserById(db: Executor, id: string): Promise<AppUserRow | undefined> {
  return db.selectFrom('app_users').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The IDs of every app user linked to the user `userId`, in every app. */
export async function findAppUserIdsOfUser(db: Executor, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('app_users').select('id').where('identity_user_id', '=', userId).execute();
  return rows.map((r) => r.id);
}

const appUsersByIds = cachedListQuery((db, ids) =>
  db.selectFrom('app_users').selectAll().where('id', 'in', ids),
);

export function findAppUsersByIds(db: Executor, ids: readonly string[]): Promise<AppUserRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  // A page's worth (the members page reads 100) from a compiled query; longer lists in one IN list.
  if (ids.length <= 128) return appUsersByIds.all(db, ids);
  return db.selectFrom('app_users').selectAll().where('id', 'in', ids).execute();
}

/**
 * For each identity user, the app user in `appId` a manual grant goes to: the oldest enabled,
 * non-deleted one linked to it (CONTRACT.md §7.4).
 */
export async function findGrantTargets(
  db: Executor,
  appId: string,
  identityUserIds: readonly string[],
): Promise<Map<string, string>> {
  const targets = new Map<string, string>();
  for (let i = 0; i < identityUserIds.length; i += IN_LIST_LIMIT) {
    const rows = await db
      .selectFrom('app_users')
      .select(['id', 'identity_user_id'])
      .where('app_id', '=', appId)
      .where('identity_user_id', 'in', identityUserIds.slice(i, i + IN_LIST_LIMIT))
      .where('deleted_at', 'is', null)
      .where('status', '=', 'STATUS_ENABLED')
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    for (const row of rows) if (!targets.has(row.identity_user_id)) targets.set(row.identity_user_id, row.id);
  }
  return targets;
}

export async function insertAppUsers(
  db: Executor,
  rows: readonly AppUserRow[],
  dialect: DialectFeatures,
): Promise<void> {
  await dialect.insertRows(db, 'app_users', rows);
}

export interface AppUserFilter {
  readonly afterId?: string | undefined;
  readonly limit: number;
  readonly appId?: string | undefined;
  /** Case-insensitive match on display name, email or username. */
  readonly query?: string | undefined;
  readonly refs?: ReadonlyArray<{ id: string; appId?: string | undefined }> | undefined;
  readonly ids?: readonly string[] | undefined;
  readonly excludeIds?: readonly string[] | undefined;
  readonly identityUserIds?: readonly string[] | undefined;
  readonly types?: readonly string[] | undefined;
  readonly statuses?: readonly string[] | undefined;
  /** Set when a filter on something no Roster account has (status details, external domain) is. */
  readonly matchesNothing?: boolean | undefined;
}

/** Live app users in ID order after `afterId`: one keyset page (CONTRACT.md §7.8). */
export function listAppUsers(db: Executor, criteria: AppUserFilter): Promise<AppUserRow[]> {
  let select = db
    .selectFrom('app_users')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .limit(criteria.limit);
  if (criteria.afterId) select = select.where('id', '>', criteria.afterId);
  if (criteria.matchesNothing) select = select.where((eb) => eb.lit(false));
  if (criteria.appId) select = select.where('app_id', '=', criteria.appId);
  const query = criteria.query;
  if (query) {
    select = select.where((eb) =>
      eb.or([
        containsText('display_name', query),
        containsText('email', query),
        containsText('username', query),
      ]),
    );
  }
  const refs = criteria.refs;
  if (refs && refs.length > 0) {
    select = select.where((eb) =>
      eb.or(
        refs.map((r) =>
          r.appId ? eb.and([eb('id', '=', r.id), eb('app_id', '=', r.appId)]) : eb('id', '=', r.id),
        ),
      ),
    );
  }
  if (criteria.ids && criteria.ids.length > 0) select = select.where('id', 'in', criteria.ids);
  if (criteria.excludeIds && criteria.excludeIds.length > 0)
    select = select.where('id', 'not in', criteria.excludeIds);
  if (criteria.identityUserIds && criteria.identityUserIds.length > 0)
    select = select.where('identity_user_id', 'in', criteria.identityUserIds);
  if (criteria.types && criteria.types.length > 0)
    select = select.where('app_user_type', 'in', criteria.types);
  if (criteria.statuses && criteria.statuses.length > 0)
    select = select.where('status', 'in', criteria.statuses);
  return select.execute();
}

export async function updateAppUser(db: Executor, id: string, changes: Partial<AppUserRow>): Promise<void> {
  await db.updateTable('app_users').set(changes).where('id', '=', id).execute();
}
