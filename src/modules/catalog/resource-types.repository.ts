import type { Executor } from '../../db/schema.js';
import type { AppResourceTypesTable } from './catalog.table.js';

export type ResourceTypeRow = AppResourceTypesTable;

export function findResourceTypeById(db: Executor, id: string): Promise<ResourceTypeRow | undefined> {
  return db.selectFrom('app_resource_types').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertResourceType(db: Executor, row: ResourceTypeRow): Promise<void> {
  await db.insertInto('app_resource_types').values(row).execute();
}

export async function updateResourceType(
  db: Executor,
  id: string,
  changes: Partial<ResourceTypeRow>,
): Promise<void> {
  await db.updateTable('app_resource_types').set(changes).where('id', '=', id).execute();
}

/** Live resource types of an app in ID order after `afterId`: one keyset page. */
export function listResourceTypes(
  db: Executor,
  appId: string,
  afterId: string | undefined,
  limit: number,
): Promise<ResourceTypeRow[]> {
  let query = db
    .selectFrom('app_resource_types')
    .selectAll()
    .where('app_id', '=', appId)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .limit(limit);
  if (afterId) query = query.where('id', '>', afterId);
  return query.execute();
}

/** Marks live resource types deleted, one by ID or all of an app; returns the IDs it marked. */
export async function softDeleteResourceTypes(
  db: Executor,
  scope: { id: string } | { appId: string },
  at: string,
): Promise<string[]> {
  let query = db
    .updateTable('app_resource_types')
    .set({ deleted_at: at, updated_at: at })
    .where('deleted_at', 'is', null);
  query = 'id' in scope ? query.where('id', '=', scope.id) : query.where('app_id', '=', scope.appId);
  const rows = await query.returning('id').execute();
  return rows.map((r) => r.id);
}

/**
 * Related objects by ID for `expanded` (CONTRACT.md §7.7), deleted ones included: history and
 * revoked grants point at objects that may be gone since.
 */
export function findResourceTypesByIds(db: Executor, ids: readonly string[]): Promise<ResourceTypeRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('app_resource_types').selectAll().where('id', 'in', ids).execute();
}
