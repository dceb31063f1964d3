import type {
  Executor,
  ScimConnectionsTable,
  ScimGroupsTable,
  ScimUsersTable,
  UsersTable,
} from '../../db/schema.js';

export type ScimConnectionRow = ScimConnectionsTable;
export type ScimUserRow = ScimUsersTable;
export type ScimGroupRow = ScimGroupsTable;
/** A connection's user: the Roster user with its SCIM mapping. */
export type ScimUserRecord = { user: UsersTable; scim: ScimUserRow };

export async function insertConnection(db: Executor, row: ScimConnectionRow): Promise<void> {
  await db.insertInto('scim_connections').values(row).execute();
}

export function findConnection(db: Executor, id: string): Promise<ScimConnectionRow | undefined> {
  return db
    .selectFrom('scim_connections')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export function findConnectionByTokenHash(
  db: Executor,
  hash: string,
): Promise<ScimConnectionRow | undefined> {
  return db
    .selectFrom('scim_connections')
    .selectAll()
    .where('token_hash', '=', hash)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export function listConnections(db: Executor): Promise<ScimConnectionRow[]> {
  return db
    .selectFrom('scim_connections')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
}

export async function updateConnection(
  db: Executor,
  id: string,
  changes: Partial<Omit<ScimConnectionRow, 'id' | 'created_at'>>,
): Promise<void> {
  await db.updateTable('scim_connections').set(changes).where('id', '=', id).execute();
}

export interface ScimUserLookup {
  readonly userId?: string | undefined;
  readonly userNameKey?: string | undefined;
  readonly externalId?: string | undefined;
}

/** The connection's users (each with its Roster user), optionally narrowed by one indexed key. */
export async function listScimUsers(
  db: Executor,
  connectionId: string,
  lookup: ScimUserLookup = {},
): Promise<ScimUserRecord[]> {
  let q = db
    .selectFrom('scim_users')
    .selectAll('scim_users')
    .where('connection_id', '=', connectionId)
    .orderBy('user_id');
  if (lookup.userId !== undefined) q = q.where('user_id', '=', lookup.userId);
  if (lookup.userNameKey !== undefined) q = q.where('user_name_key', '=', lookup.userNameKey);
  if (lookup.externalId !== undefined) q = q.where('external_id', '=', lookup.externalId);
  const mappings = await q.execute();
  if (mappings.length === 0) return [];
  const users = new Map<string, UsersTable>();
  const step = 1_000;
  for (let i = 0; i < mappings.length; i += step) {
    const ids = mappings.slice(i, i + step).map((m) => m.user_id);
    for (const u of await db.selectFrom('users').selectAll().where('id', 'in', ids).execute())
      users.set(u.id, u);
  }
  const records: ScimUserRecord[] = [];
  for (const scim of mappings) {
    const user = users.get(scim.user_id);
    if (user && user.deleted_at === null) records.push({ user, scim });
  }
  return records;
}

export async function insertScimUser(db: Executor, row: ScimUserRow): Promise<void> {
  await db.insertInto('scim_users').values(row).execute();
}

export async function updateScimUser(
  db: Executor,
  connectionId: string,
  userId: string,
  changes: Partial<Omit<ScimUserRow, 'connection_id' | 'user_id' | 'created_at'>>,
): Promise<void> {
  await db
    .updateTable('scim_users')
    .set(changes)
    .where('connection_id', '=', connectionId)
    .where('user_id', '=', userId)
    .execute();
}

export async function deleteScimUser(db: Executor, connectionId: string, userId: string): Promise<void> {
  await db
    .deleteFrom('scim_users')
    .where('connection_id', '=', connectionId)
    .where('user_id', '=', userId)
    .execute();
}

export interface ScimGroupLookup {
  readonly entitlementId?: string | undefined;
  readonly displayNameKey?: string | undefined;
  readonly externalId?: string | undefined;
}

export function listScimGroups(
  db: Executor,
  connectionId: string,
  lookup: ScimGroupLookup = {},
): Promise<ScimGroupRow[]> {
  let q = db
    .selectFrom('scim_groups')
    .selectAll()
    .where('connection_id', '=', connectionId)
    .orderBy('entitlement_id');
  if (lookup.entitlementId !== undefined) q = q.where('entitlement_id', '=', lookup.entitlementId);
  if (lookup.displayNameKey !== undefined) q = q.where('display_name_key', '=', lookup.displayNameKey);
  if (lookup.externalId !== undefined) q = q.where('external_id', '=', lookup.externalId);
  return q.execute();
}

export async function insertScimGroup(db: Executor, row: ScimGroupRow): Promise<void> {
  await db.insertInto('scim_groups').values(row).execute();
}

export async function updateScimGroup(
  db: Executor,
  entitlementId: string,
  changes: Partial<Omit<ScimGroupRow, 'entitlement_id' | 'connection_id' | 'created_at'>>,
): Promise<void> {
  await db.updateTable('scim_groups').set(changes).where('entitlement_id', '=', entitlementId).execute();
}

export async function deleteScimGroup(db: Executor, entitlementId: string): Promise<void> {
  await db.deleteFrom('scim_groups').where('entitlement_id', '=', entitlementId).execute();
}
