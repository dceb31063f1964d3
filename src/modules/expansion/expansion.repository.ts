import type { Executor } from '../../db/schema.js';
import { type AppRecord, decodeApp, userCount } from '../apps/apps.repository.js';
import {
  decodeEntitlement,
  type EntitlementRecord,
  grantCount as entitlementGrantCount,
} from '../catalog/entitlements.repository.js';
import type { ResourceTypeRow } from '../catalog/resource-types.repository.js';
import { type ResourceRecord, grantCount as resourceGrantCount } from '../catalog/resources.repository.js';

/**
 * Related objects by ID for `expanded` (CONTRACT.md §7.7), deleted ones included: history and
 * revoked grants point at objects that may be gone since.
 */
export async function findAppRecordsByIds(db: Executor, ids: readonly string[]): Promise<AppRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('apps')
    .selectAll('apps')
    .select(userCount)
    .where('id', 'in', ids)
    .execute();
  return rows.map(decodeApp);
}

export function findResourceTypesByIds(db: Executor, ids: readonly string[]): Promise<ResourceTypeRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('app_resource_types').selectAll().where('id', 'in', ids).execute();
}

export async function findResourceRecordsByIds(
  db: Executor,
  ids: readonly string[],
  now: string,
): Promise<ResourceRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('app_resources')
    .selectAll('app_resources')
    .select(resourceGrantCount(now))
    .where('id', 'in', ids)
    .execute();
  return rows as ResourceRecord[];
}

export async function findEntitlementRecordsByIds(
  db: Executor,
  ids: readonly string[],
  now: string,
): Promise<EntitlementRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('app_entitlements')
    .selectAll('app_entitlements')
    .select(entitlementGrantCount(now))
    .where('id', 'in', ids)
    .execute();
  return rows.map(decodeEntitlement);
}
