import { chunkRows } from '../../db/batch.js';
import type { AppUsersTable, Executor } from '../../db/schema.js';
import { containsText } from '../../db/text-match.js';

export type AppUserRow = AppUsersTable;

/** IDs per IN list: well under either dialect's bound-parameter limit. */
const IN_LIST_LIMIT = 10_000;

export function findAppUserById(db: Executor, id: string): Promise<AppUserRow | undefined> {
  return db.selectFrom('app_users').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findAppUsersByIds(db: Executor, ids: readonly string[]): Promise<AppUserRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
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
  maxParameters: number,
): Promise<void> {
  for (const chunk of chunkRows(rows, maxParameters)) {
    await db.insertInto('app_users').values(chunk).execute();
  }
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
export function listAppUsers(db: Executor, f: AppUserFilter): Promise<AppUserRow[]> {
  let q = db.selectFrom('app_users').selectAll().where('deleted_at', 'is', null).orderBy('id').limit(f.limit);
  if (f.afterId) q = q.where('id', '>', f.afterId);
  if (f.matchesNothing) q = q.where((eb) => eb.lit(false));
  if (f.appId) q = q.where('app_id', '=', f.appId);
  const query = f.query;
  if (query) {
    q = q.where((eb) =>
      eb.or([
        containsText('display_name', query),
        containsText('email', query),
        containsText('username', query),
      ]),
    );
  }
  const refs = f.refs;
  if (refs && refs.length > 0) {
    q = q.where((eb) =>
      eb.or(
        refs.map((r) =>
          r.appId ? eb.and([eb('id', '=', r.id), eb('app_id', '=', r.appId)]) : eb('id', '=', r.id),
        ),
      ),
    );
  }
  if (f.ids && f.ids.length > 0) q = q.where('id', 'in', f.ids);
  if (f.excludeIds && f.excludeIds.length > 0) q = q.where('id', 'not in', f.excludeIds);
  if (f.identityUserIds && f.identityUserIds.length > 0)
    q = q.where('identity_user_id', 'in', f.identityUserIds);
  if (f.types && f.types.length > 0) q = q.where('app_user_type', 'in', f.types);
  if (f.statuses && f.statuses.length > 0) q = q.where('status', 'in', f.statuses);
  return q.execute();
}

export async function updateAppUser(db: Executor, id: string, changes: Partial<AppUserRow>): Promise<void> {
  await db.updateTable('app_users').set(changes).where('id', '=', id).execute();
}
