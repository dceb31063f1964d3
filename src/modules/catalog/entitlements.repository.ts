import type { ExpressionBuilder } from 'kysely';
import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { AppEntitlementsTable, Database, Executor } from '../../db/schema.js';
import { heldAt } from '../grants/index.js';

export type EntitlementRow = AppEntitlementsTable;
/** An entitlement with its derived `grantCount`: its grants held at the time asked. */
export type EntitlementRecord = EntitlementRow & { grant_count: number | string | bigint };

/**
 * The entitlement, share-locked until the transaction ends: a bulk-action batch reads it this way so
 * that a delete cascading to its grants cannot slip in between the check and the grants it inserts.
 */
export function findEntitlementForShare(
  db: Executor,
  dialect: DialectFeatures,
  id: string,
): Promise<EntitlementRow | undefined> {
  return dialect
    .lockForShare(db.selectFrom('app_entitlements').selectAll().where('id', '=', id))
    .executeTakeFirst();
}

export function findEntitlementById(db: Executor, id: string): Promise<EntitlementRow | undefined> {
  return db.selectFrom('app_entitlements').selectAll().where('id', '=', id).executeTakeFirst();
}

export const grantCount = (now: string) => (eb: ExpressionBuilder<Database, 'app_entitlements'>) =>
  eb
    .selectFrom('grants')
    .select((sub) => sub.fn.countAll().as('n'))
    .whereRef('grants.app_entitlement_id', '=', 'app_entitlements.id')
    .where(heldAt(now))
    .as('grant_count');

export async function findEntitlementRecord(
  db: Executor,
  id: string,
  now: string,
): Promise<EntitlementRecord | undefined> {
  const row = await db
    .selectFrom('app_entitlements')
    .selectAll('app_entitlements')
    .select(grantCount(now))
    .where('id', '=', id)
    .executeTakeFirst();
  return row as EntitlementRecord | undefined;
}

/** Fails with the dialect's unique violation when a live entitlement of the app has the alias. */
export async function insertEntitlement(db: Executor, row: EntitlementRow): Promise<void> {
  await db.insertInto('app_entitlements').values(row).execute();
}

export async function updateEntitlement(
  db: Executor,
  id: string,
  changes: Partial<EntitlementRow>,
): Promise<void> {
  await db.updateTable('app_entitlements').set(changes).where('id', '=', id).execute();
}

/** Live entitlements of an app, or of one resource, in ID order after `afterId`: one keyset page. */
export async function listEntitlements(
  db: Executor,
  of: { readonly appId: string } | { readonly resourceId: string },
  afterId: string | undefined,
  limit: number,
  now: string,
): Promise<EntitlementRecord[]> {
  let query = db
    .selectFrom('app_entitlements')
    .selectAll('app_entitlements')
    .select(grantCount(now))
    .where('app_entitlements.deleted_at', 'is', null)
    .orderBy('app_entitlements.id')
    .limit(limit);
  query =
    'appId' in of
      ? query.where('app_entitlements.app_id', '=', of.appId)
      : query.where('app_entitlements.app_resource_id', '=', of.resourceId);
  if (afterId) query = query.where('app_entitlements.id', '>', afterId);
  return (await query.execute()) as EntitlementRecord[];
}

export type EntitlementScope =
  | { id: string }
  | { resourceId: string }
  | { resourceTypeId: string }
  | { appId: string };

/**
 * Marks live entitlements deleted: one, those of a resource, of a resource type (directly or
 * through one of its resources) or of an app. Returns the IDs it marked.
 */
export async function softDeleteEntitlements(
  db: Executor,
  scope: EntitlementScope,
  at: string,
): Promise<string[]> {
  let query = db
    .updateTable('app_entitlements')
    .set({ deleted_at: at, updated_at: at })
    .where('deleted_at', 'is', null);
  if ('id' in scope) query = query.where('id', '=', scope.id);
  else if ('resourceId' in scope) query = query.where('app_resource_id', '=', scope.resourceId);
  else if ('resourceTypeId' in scope) {
    const typeId = scope.resourceTypeId;
    query = query.where((eb) =>
      eb.or([
        eb('app_resource_type_id', '=', typeId),
        eb(
          'app_resource_id',
          'in',
          eb
            .selectFrom('app_resources')
            .select('app_resources.id')
            .where('app_resources.app_resource_type_id', '=', typeId),
        ),
      ]),
    );
  } else query = query.where('app_id', '=', scope.appId);
  const rows = await query.returning('id').execute();
  return rows.map((r) => r.id);
}

/**
 * Related objects by ID for `expanded` (CONTRACT.md §7.7), deleted ones included: history and
 * revoked grants point at objects that may be gone since.
 */
export async function findEntitlementRecordsByIds(
  db: Executor,
  ids: readonly string[],
  now: string,
): Promise<EntitlementRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('app_entitlements')
    .selectAll('app_entitlements')
    .select(grantCount(now))
    .where('id', 'in', ids)
    .execute();
  return rows as EntitlementRecord[];
}
