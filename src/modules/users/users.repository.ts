import { sql } from 'kysely';
import { cachedQuery } from '../../db/cached-query.js';
import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Executor } from '../../db/schema.js';
import { containsText, equalsText, jsonArrayContains } from '../../db/text-match.js';
import type { RefusableUser } from '../../lib/user-refusal.js';
import type { UserStatus } from '../../lib/vocabulary.js';
import type { UsersTable } from './users.table.js';

/** A user as the code sees it: its JSON columns decoded. */
export interface UserRow extends Omit<UsersTable, 'role_ids' | 'profile' | 'manager_ids' | 'employee_ids'> {
  role_ids: string[];
  profile: Record<string, unknown>;
  manager_ids: string[];
  employee_ids: string[];
}

export const USER_ENABLED = 'ENABLED' satisfies UserStatus;
export const USER_DISABLED = 'DISABLED' satisfies UserStatus;

/** Decodes a stored user row; every read of the users table returns users through this. */
export function decodeUser(stored: UsersTable): UserRow {
  return {
    ...stored,
    role_ids: JSON.parse(stored.role_ids) as string[],
    profile: JSON.parse(stored.profile) as Record<string, unknown>,
    manager_ids: JSON.parse(stored.manager_ids) as string[],
    employee_ids: JSON.parse(stored.employee_ids) as string[],
  };
}

function encodeUser(row: UserRow): UsersTable {
  return {
    ...row,
    role_ids: JSON.stringify(row.role_ids),
    profile: JSON.stringify(row.profile),
    manager_ids: JSON.stringify(row.manager_ids),
    employee_ids: JSON.stringify(row.employee_ids),
  };
}

const userById = cachedQuery((db, id: string) => db.selectFrom('users').selectAll().where('id', '=', id));

export async function findUserById(db: Executor, id: string): Promise<UserRow | undefined> {
  const stored = await userById.first(db, id);
  return stored && decodeUser(stored);
}

export async function updateUser(
  db: Executor,
  id: string,
  changes: Partial<Omit<UserRow, 'id' | 'created_at' | 'profile'>>,
): Promise<void> {
  const { role_ids, manager_ids, employee_ids, ...columns } = changes;
  await db
    .updateTable('users')
    .set({
      ...columns,
      ...(role_ids ? { role_ids: JSON.stringify(role_ids) } : {}),
      ...(manager_ids ? { manager_ids: JSON.stringify(manager_ids) } : {}),
      ...(employee_ids ? { employee_ids: JSON.stringify(employee_ids) } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function insertUsers(
  db: Executor,
  rows: readonly UserRow[],
  dialect: DialectFeatures,
): Promise<void> {
  await dialect.insertRows(db, 'users', rows.map(encodeUser));
}

export interface UserState {
  readonly deleted: boolean;
  /** Disabled users (SCIM `active: false`) are kept but may be granted nothing new. */
  readonly disabled: boolean;
}

/**
 * The listed IDs that cannot be granted anything, with what refusalOf (src/lib/user-refusal.ts)
 * reads of them: unknown (null), deleted or disabled, the users refusalOf refuses. A request of
 * 100,000 good IDs reads no rows back into JavaScript: the first statement only names the IDs
 * without a usable user, as an anti-join that hashes the usable users' IDs alone (PostgreSQL:
 * 81 ms against 126 ms for a left join of whole rows filtered afterwards, 100,000 IDs); the
 * second, only when some were named, reads what those are.
 */
export async function findUnusableUsers(
  db: Executor,
  dialect: DialectFeatures,
  ids: readonly string[],
): Promise<Map<string, RefusableUser | null>> {
  const { rows: unusable } = await sql<{ value: string }>`
    select v.value from ${dialect.textValues(ids)}
    where not exists (
      select 1 from users u
      where u.id = v.value and u.deleted_at is null and u.status <> ${USER_DISABLED}
    )`.execute(db);
  const found = new Map<string, RefusableUser | null>(unusable.map((row) => [row.value, null]));
  if (found.size === 0) return found;
  const { rows } = await sql<{ id: string; deleted_at: string | null; status: string }>`
    select u.id, u.deleted_at, u.status
    from ${dialect.textValues([...found.keys()])} join users u on u.id = v.value`.execute(db);
  for (const row of rows) found.set(row.id, { deleted_at: row.deleted_at, status: row.status });
  return found;
}

/** Whether each listed user that exists is deleted or disabled, looked up in chunks. */
export async function findUserStates(
  db: Executor,
  ids: readonly string[],
  maxParameters: number,
): Promise<Map<string, UserState>> {
  const found = new Map<string, UserState>();
  const chunk = Math.min(maxParameters - 10, 10_000);
  for (let i = 0; i < ids.length; i += chunk) {
    const rows = await db
      .selectFrom('users')
      .select(['id', 'deleted_at', 'status'])
      .where('id', 'in', ids.slice(i, i + chunk))
      .execute();
    for (const row of rows) {
      found.set(row.id, { deleted: row.deleted_at !== null, disabled: row.status === USER_DISABLED });
    }
  }
  return found;
}

/** What granting a user needs of them: whether they may be granted, and the names an app user copies. */
export type GrantableUser = Pick<
  UserRow,
  'id' | 'deleted_at' | 'status' | 'display_name' | 'email' | 'username'
>;

/**
 * The listed users that exist, with only the columns granting reads: bulk adds look up thousands
 * per batch, and decoding every user's JSON columns would cost more than the lookup.
 */
export function findGrantableUsers(db: Executor, ids: readonly string[]): Promise<GrantableUser[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .select(['id', 'deleted_at', 'status', 'display_name', 'email', 'username'])
    .where('id', 'in', ids)
    .execute();
}

export async function findUsersByIds(db: Executor, ids: readonly string[]): Promise<UserRow[]> {
  if (ids.length === 0) return [];
  return (await db.selectFrom('users').selectAll().where('id', 'in', ids).execute()).map(decodeUser);
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

// The unfiltered page of live users (ListUsers), compiled once per shape.
const liveUsers = cachedQuery((db, limit: number) =>
  db.selectFrom('users').selectAll().orderBy('id').limit(limit).where('deleted_at', 'is', null),
);
const liveUsersAfter = cachedQuery((db, afterId: string, limit: number) =>
  db
    .selectFrom('users')
    .selectAll()
    .orderBy('id')
    .limit(limit)
    .where('deleted_at', 'is', null)
    .where('id', '>', afterId),
);

const listed = (values: readonly string[] | undefined) => (values?.length ?? 0) > 0;

/** Whether each filter of UserFilter narrows the list, as listUsers applies it (the type makes a new filter be added here). */
const narrows: {
  readonly [K in Exclude<keyof UserFilter, 'afterId' | 'limit'>]-?: (filter: UserFilter) => boolean;
} = {
  query: (f) => Boolean(f.query),
  email: (f) => Boolean(f.email),
  ids: (f) => listed(f.ids),
  excludeIds: (f) => listed(f.excludeIds),
  excludeTypes: (f) => listed(f.excludeTypes),
  statuses: (f) => listed(f.statuses),
  roleIds: (f) => listed(f.roleIds),
  includeDeleted: (f) => f.includeDeleted === true,
};
const NARROWING = Object.values(narrows);

export async function listUsers(db: Executor, filter: UserFilter): Promise<UserRow[]> {
  if (!NARROWING.some((narrowed) => narrowed(filter))) {
    const rows = filter.afterId
      ? await liveUsersAfter.all(db, filter.afterId, filter.limit)
      : await liveUsers.all(db, filter.limit);
    return rows.map(decodeUser);
  }
  let select = db.selectFrom('users').selectAll().orderBy('id').limit(filter.limit);
  if (!filter.includeDeleted) select = select.where('deleted_at', 'is', null);
  if (filter.afterId) select = select.where('id', '>', filter.afterId);
  if (filter.query) {
    const query = filter.query;
    select = select.where((eb) =>
      eb.or([
        containsText('display_name', query),
        containsText('email', query),
        containsText('username', query),
      ]),
    );
  }
  if (filter.email) select = select.where(equalsText('email', filter.email));
  if (filter.ids && filter.ids.length > 0) select = select.where('id', 'in', filter.ids);
  if (filter.excludeIds && filter.excludeIds.length > 0)
    select = select.where('id', 'not in', filter.excludeIds);
  if (filter.excludeTypes && filter.excludeTypes.length > 0)
    select = select.where('type', 'not in', filter.excludeTypes);
  if (filter.statuses && filter.statuses.length > 0) select = select.where('status', 'in', filter.statuses);
  const roleIds = filter.roleIds;
  if (roleIds && roleIds.length > 0) {
    select = select.where((eb) => eb.or(roleIds.map((id) => jsonArrayContains('role_ids', id))));
  }
  return (await select.execute()).map(decodeUser);
}

/** What naming a person needs of a user: who they are, and whether they are deleted. */
export type UserIdentity = Pick<UserRow, 'id' | 'email' | 'display_name' | 'deleted_at'>;

/**
 * Users whose email is one of `emails`, compared case-insensitively (`emails` must be lower case),
 * deleted ones too, so a caller can tell "deleted" from "unknown". Only the columns naming a person
 * are read: a resolve looks up thousands at a time.
 */
export function findIdentitiesByEmails(db: Executor, emails: readonly string[]): Promise<UserIdentity[]> {
  if (emails.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'deleted_at'])
    .where(sql`lower(email)`, 'in', emails)
    .execute();
}

/** The listed users that exist, deleted ones too, with the columns naming a person. */
export function findIdentitiesByIds(db: Executor, ids: readonly string[]): Promise<UserIdentity[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .select(['id', 'email', 'display_name', 'deleted_at'])
    .where('id', 'in', ids)
    .execute();
}

/** A live user holding an email, with the email as the database lower-cases it (`key`). */
export interface EmailHolder {
  readonly id: string;
  readonly email: string;
  readonly key: string;
}

/** Values per email look-up: well under every dialect's bound on statement parameters. */
const EMAIL_CHUNK = 1_000;

/**
 * The live users whose email is one of `emails` (lower case), compared ignoring case, leaving out
 * the users `exceptIds` names (a user keeps their own email). Looked up a chunk at a time.
 */
export async function findLiveUsersByEmails(
  db: Executor,
  emails: readonly string[],
  exceptIds: readonly string[] = [],
): Promise<EmailHolder[]> {
  const found: EmailHolder[] = [];
  for (let i = 0; i < emails.length; i += EMAIL_CHUNK) {
    let select = db
      .selectFrom('users')
      .select(['id', 'email', sql<string>`lower(email)`.as('key')])
      .where(sql`lower(email)`, 'in', emails.slice(i, i + EMAIL_CHUNK))
      .where('deleted_at', 'is', null);
    if (exceptIds.length > 0) select = select.where('id', 'not in', exceptIds);
    found.push(...(await select.orderBy('id').execute()));
  }
  return found;
}

/** An email several live users have, compared ignoring case, with those users' IDs. */
export interface SharedEmail {
  readonly email: string;
  readonly userIds: string[];
}

/**
 * Emails (lower case) that several live users have, in email order, after `afterEmail`: data stored
 * before emails were unique (CONTRACT.md §7), reported rather than merged.
 */
export async function listSharedEmails(
  db: Executor,
  filter: { readonly afterEmail?: string | undefined; readonly limit: number },
): Promise<SharedEmail[]> {
  let groups = db
    .selectFrom('users')
    .select(sql<string>`lower(email)`.as('email'))
    .where('deleted_at', 'is', null)
    .where('email', '<>', '')
    .groupBy(sql`lower(email)`)
    .having((eb) => eb.fn.countAll(), '>', 1)
    .orderBy(sql`lower(email)`)
    .limit(filter.limit);
  if (filter.afterEmail !== undefined) groups = groups.where(sql`lower(email)`, '>', filter.afterEmail);
  const emails = (await groups.execute()).map((g) => g.email);
  const users = await findLiveUsersByEmails(db, emails);
  return emails.map((email) => ({
    email,
    userIds: users.filter((u) => u.key === email).map((u) => u.id),
  }));
}

/**
 * Holds the users `ids` (those that exist) until the transaction ends, against every other
 * transaction that holds them (DialectFeatures.lockRowsForWrite): what a writer takes before it
 * creates something a person may have only one of, such as their account in an app.
 */
export function lockUsers(trx: Executor, dialect: DialectFeatures, ids: readonly string[]): Promise<void> {
  return dialect.lockRowsForWrite(trx, 'users', ids);
}
