import { resourceGrantCount as grantCount } from '../../db/live-grants.js';
import type { Executor } from '../../db/schema.js';
import type { AppResourcesTable } from './catalog.table.js';

export type ResourceRow = AppResourcesTable;
/**
 * A resource with its derived `grantCount`: live grants of its live entitlements, read from their
 * member counts (`entitlement_member_counts`).
 */
export type ResourceRecord = ResourceRow & { grant_count: number | string | bigint };

export function findResourceById(db: Executor, id: string): Promise<ResourceRow | undefined> {
  return db.selectFrom('app_resources').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findResourceRecord(
  db: Executor,
  id: string,
  now: string,
): Promise<ResourceRecord | undefined> {
  const row = await db
    .selectFrom('app_resources')
    .selectAll('app_resources')
    .select(grantCount(now))
    .where('id', '=', id)
    .executeTakeFirst();
  return row as ResourceRecord | undefined;
}

export async function insertResource(db: Executor, row: ResourceRow): Promise<void> {
  await db.insertInto('app_resources').values(row).execute();
}

export async function updateResource(db: Executor, id: string, changes: Partial<ResourceRow>): Promise<void> {
  await db.updateTable('app_resources').set(changes).where('id', '=', id).execute();
}

/** Live resources of a resource type in ID order after `afterId`: one keyset page. */
export async function listResources(
  db: Executor,
  resourceTypeId: string,
  afterId: string | undefined,
  limit: number,
  now: string,
): Promise<ResourceRecord[]> {
  let query = db
    .selectFrom('app_resources')
    .selectAll('app_resources')
    .select(grantCount(now))
    .where('app_resource_type_id', '=', resourceTypeId)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .limit(limit);
  if (afterId) query = query.where('id', '>', afterId);
  return (await query.execute()) as ResourceRecord[];
}

/** Marks live resources deleted (one, a type's, or an app's); returns the IDs it marked. */
export async function softDeleteResources(
  db: Executor,
  scope: { id: string } | { resourceTypeId: string } | { appId: string },
  at: string,
): Promise<string[]> {
  let query = db
    .updateTable('app_resources')
    .set({ deleted_at: at, updated_at: at })
    .where('deleted_at', 'is', null);
  if ('id' in scope) query = query.where('id', '=', scope.id);
  else if ('resourceTypeId' in scope) query = query.where('app_resource_type_id', '=', scope.resourceTypeId);
  else query = query.where('app_id', '=', scope.appId);
  const rows = await query.returning('id').execute();
  return rows.map((r) => r.id);
}

/**
 * Related objects by ID for `expanded` (CONTRACT.md §7.7), deleted ones included: history and
 * revoked grants point at objects that may be gone since.
 */
export async function findResourceRecordsByIds(
  db: Executor,
  ids: readonly string[],
  now: string,
): Promise<ResourceRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('app_resources')
    .selectAll('app_resources')
    .select(grantCount(now))
    .where('id', 'in', ids)
    .execute();
  return rows as ResourceRecord[];
}
