import { sql } from 'kysely';
import { chunkRows } from '../../db/batch.js';
import type { Executor, UsersTable } from '../../db/schema.js';
import { containsText, equalsText, jsonArrayContains } from '../../db/text-match.js';

export type UserRow = UsersTable;

export function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateUser(
  db: Executor,
  id: string,
  changes: Partial<Pick<UserRow, 'display_name' | 'email' | 'username' | 'role_ids' | 'updated_at'>>,
): Promise<void> {
  await db.updateTable('users').set(changes).where('id', '=', id).execute();
}

export async function insertUsers(
  db: Executor,
  rows: readonly UserRow[],
  maxParameters: number,
): Promise<void> {
  for (const chunk of chunkRows(rows, maxParameters)) {
    await db.insertInto('users').values(chunk).execute();
  }
}

/** The ID and deletion time of each listed user that exists, looked up in chunks. */
export async function findUserStates(
  db: Executor,
  ids: readonly string[],
  maxParameters: number,
): Promise<Map<string, { deleted: boolean }>> {
  const found = new Map<string, { deleted: boolean }>();
  const chunk = Math.min(maxParameters - 10, 10_000);
  for (let i = 0; i < ids.length; i += chunk) {
    const rows = await db
      .selectFrom('users')
      .select(['id', 'deleted_at'])
      .where('id', 'in', ids.slice(i, i + chunk))
      .execute();
    for (const row of rows) found.set(row.id, { deleted: row.deleted_at !== null });
  }
  return found;
}

export function findUsersByIds(db: Executor, ids: readonly string[]): Promise<UserRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('users').selectAll().where('id', 'in', ids).execute();
}

export interface UserFilter {
  readonly afterId?: string | undefined;
  readonly limit: number;
  /** Case-insensitive match on display name, email or username. */
  readonly query?: string | undefined;
  readonly email?: string | undefined;
  readonly ids?: readonly string[] | undefined;
  readonly excludeIds?: readonly string[] | undefined;
  readonly excludeTypes?: readonly string[] | undefined;
  readonly statuses?: readonly string[] | undefined;
  /** Users holding any of these roles (CONTRACT.md §5, UserSearch `roleIds`). */
  readonly roleIds?: readonly string[] | undefined;
  readonly includeDeleted?: boolean;
}

export function listUsers(db: Executor, filter: UserFilter): Promise<UserRow[]> {
  let q = db.selectFrom('users').selectAll().orderBy('id').limit(filter.limit);
  if (!filter.includeDeleted) q = q.where('deleted_at', 'is', null);
  if (filter.afterId) q = q.where('id', '>', filter.afterId);
  if (filter.query) {
    const query = filter.query;
    q = q.where((eb) =>
      eb.or([
        containsText('display_name', query),
        containsText('email', query),
        containsText('username', query),
      ]),
    );
  }
  if (filter.email) q = q.where(equalsText('email', filter.email));
  if (filter.ids && filter.ids.length > 0) q = q.where('id', 'in', filter.ids);
  if (filter.excludeIds && filter.excludeIds.length > 0) q = q.where('id', 'not in', filter.excludeIds);
  if (filter.excludeTypes && filter.excludeTypes.length > 0)
    q = q.where('type', 'not in', filter.excludeTypes);
  if (filter.statuses && filter.statuses.length > 0) q = q.where('status', 'in', filter.statuses);
  const roleIds = filter.roleIds;
  if (roleIds && roleIds.length > 0) {
    q = q.where((eb) => eb.or(roleIds.map((id) => jsonArrayContains('role_ids', id))));
  }
  return q.execute();
}

/** Live users whose email is one of `emails`, compared case-insensitively; `emails` must be lower case. */
export function findUsersByEmails(db: Executor, emails: readonly string[]): Promise<UserRow[]> {
  if (emails.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .selectAll()
    .where('deleted_at', 'is', null)
    .where(sql`lower(email)`, 'in', emails)
    .execute();
}
