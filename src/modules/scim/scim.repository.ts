import type { Executor } from '../../db/schema.js';
import type { ScimConnectionsTable, ScimGroupsTable, ScimUsersTable } from './scim.table.js';

export type ScimConnectionRow = ScimConnectionsTable;
/** A user mapping as the code sees it: its SCIM-only attributes decoded. */
export interface ScimUserRow extends Omit<ScimUsersTable, 'attributes'> {
  attributes: Record<string, unknown>;
}

export type ScimGroupRow = ScimGroupsTable;

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
  /** The users whose `manager` reference is this text. */
  readonly managerRef?: string | undefined;
}

/** The connection's user mappings, optionally narrowed by one indexed key, in user ID order. */
export async function listScimUsers(
  db: Executor,
  connectionId: string,
  lookup: ScimUserLookup = {},
): Promise<ScimUserRow[]> {
  let q = db
    .selectFrom('scim_users')
    .selectAll()
    .where('connection_id', '=', connectionId)
    .orderBy('user_id');
  if (lookup.userId !== undefined) q = q.where('user_id', '=', lookup.userId);
  if (lookup.userNameKey !== undefined) q = q.where('user_name_key', '=', lookup.userNameKey);
  if (lookup.externalId !== undefined) q = q.where('external_id', '=', lookup.externalId);
  if (lookup.managerRef !== undefined) q = q.where('manager_ref', '=', lookup.managerRef);
  return (await q.execute()).map((row) => ({
    ...row,
    attributes: JSON.parse(row.attributes) as Record<string, unknown>,
  }));
}

export async function insertScimUser(db: Executor, row: ScimUserRow): Promise<void> {
  await db
    .insertInto('scim_users')
    .values({ ...row, attributes: JSON.stringify(row.attributes) })
    .execute();
}

export async function updateScimUser(
  db: Executor,
  connectionId: string,
  userId: string,
  changes: Partial<Omit<ScimUserRow, 'connection_id' | 'user_id' | 'created_at'>>,
): Promise<void> {
  const { attributes, ...columns } = changes;
  await db
    .updateTable('scim_users')
    .set({ ...columns, ...(attributes ? { attributes: JSON.stringify(attributes) } : {}) })
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
