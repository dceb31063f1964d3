import { chunkRows } from '../../db/batch.js';
import type { AppUsersTable, Executor } from '../../db/schema.js';

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
