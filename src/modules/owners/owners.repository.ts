import { cachedListQuery } from '../../db/cached-query.js';
import type { Executor } from '../../db/schema.js';
import { decodeUser, type UserRow } from '../users/index.js';
import type { OwnersTable } from './owners.table.js';

export type OwnerRow = OwnersTable;
export type OwnedType = OwnersTable['target_type'];

/** True when `userId` owns one of `things`, each belonging to app `appId`. */
export async function ownsAny(
  db: Executor,
  userId: string,
  appId: string,
  things: readonly { type: OwnedType; id: string }[],
): Promise<boolean> {
  if (things.length === 0) return false;
  const row = await db
    .selectFrom('owners')
    .select('user_id')
    .where('user_id', '=', userId)
    .where('app_id', '=', appId)
    .where((eb) =>
      eb.or(things.map((t) => eb.and([eb('target_type', '=', t.type), eb('target_id', '=', t.id)]))),
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Live owners of one target in user-ID order after `afterId`: a keyset page (CONTRACT.md §7.8). */
export async function listOwnerUsers(
  db: Executor,
  type: OwnedType,
  targetId: string,
  afterId: string | undefined,
  limit: number,
): Promise<UserRow[]> {
  let query = db
    .selectFrom('owners')
    .innerJoin('users', 'users.id', 'owners.user_id')
    .selectAll('users')
    .where('owners.target_type', '=', type)
    .where('owners.target_id', '=', targetId)
    .where('users.deleted_at', 'is', null)
    .orderBy('users.id')
    .limit(limit);
  if (afterId) query = query.where('users.id', '>', afterId);
  return (await query.execute()).map(decodeUser);
}

// Compiled once per list size; an app's owners all come from one run of IDs, in user-ID order.
const ownersOfAppIds = cachedListQuery((db, appIds) =>
  db
    .selectFrom('owners')
    .innerJoin('users', 'users.id', 'owners.user_id')
    .selectAll('users')
    .select('owners.target_id as owned_app_id')
    .where('owners.target_type', '=', 'app')
    .where('owners.target_id', 'in', appIds)
    .where('users.deleted_at', 'is', null)
    .orderBy('users.id'),
);

/** The live owners of each of `appIds` (for App.appOwners). */
export async function ownerUsersOfApps(
  db: Executor,
  appIds: readonly string[],
): Promise<Map<string, UserRow[]>> {
  const byApp = new Map<string, UserRow[]>();
  if (appIds.length === 0) return byApp;
  const rows = await ownersOfAppIds.all(db, appIds);
  for (const { owned_app_id, ...user } of rows) {
    const list = byApp.get(owned_app_id) ?? [];
    list.push(decodeUser(user));
    byApp.set(owned_app_id, list);
  }
  return byApp;
}

export function ownerIdsOf(db: Executor, type: OwnedType, targetId: string): Promise<{ user_id: string }[]> {
  return db
    .selectFrom('owners')
    .select('user_id')
    .where('target_type', '=', type)
    .where('target_id', '=', targetId)
    .execute();
}

export async function insertOwners(db: Executor, rows: readonly OwnerRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('owners')
    .values([...rows])
    .onConflict((oc) => oc.columns(['target_type', 'target_id', 'user_id']).doNothing())
    .execute();
}

export async function deleteOwners(
  db: Executor,
  type: OwnedType,
  targetId: string,
  userIds: readonly string[],
): Promise<void> {
  if (userIds.length === 0) return;
  await db
    .deleteFrom('owners')
    .where('target_type', '=', type)
    .where('target_id', '=', targetId)
    .where('user_id', 'in', userIds)
    .execute();
}
