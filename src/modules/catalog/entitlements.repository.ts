import { cachedQuery } from '../../db/cached-query.js';
import type { DialectFeatures } from '../../db/dialects/dialect.js';
import { entitlementGrantCount as grantCount } from '../../db/live-grants.js';
import type { Executor } from '../../db/schema.js';
import type { AppEntitlementsTable } from './catalog.table.js';

type Decoded = 'is_manually_managed' | 'emergency_grant_enabled' | 'override_access_requests_defaults';

/** An entitlement as the code sees it: flags as booleans, its framework IDs as a list. */
export interface EntitlementRow
  extends Omit<AppEntitlementsTable, Decoded | 'compliance_framework_value_ids'> {
  is_manually_managed: boolean;
  emergency_grant_enabled: boolean;
  override_access_requests_defaults: boolean;
  compliance_framework_value_ids: string[];
}
/** An entitlement with its derived `grantCount`: its grants held at the time asked. */
export type EntitlementRecord = EntitlementRow & { grant_count: number | string | bigint | null };

/** Decodes a stored entitlement (with whatever it was selected with); every read goes through this. */
export function decodeEntitlement<T extends AppEntitlementsTable>(
  stored: T,
): Omit<T, Decoded | 'compliance_framework_value_ids'> & EntitlementRow {
  return {
    ...stored,
    is_manually_managed: stored.is_manually_managed === 1,
    emergency_grant_enabled: stored.emergency_grant_enabled === 1,
    override_access_requests_defaults: stored.override_access_requests_defaults === 1,
    compliance_framework_value_ids: JSON.parse(stored.compliance_framework_value_ids) as string[],
  };
}

function encodeEntitlement(changes: Partial<EntitlementRow>): Partial<AppEntitlementsTable> {
  const {
    is_manually_managed,
    emergency_grant_enabled,
    override_access_requests_defaults,
    compliance_framework_value_ids,
    ...columns
  } = changes;
  const flag = (value: boolean) => (value ? 1 : 0);
  return {
    ...columns,
    ...(is_manually_managed === undefined ? {} : { is_manually_managed: flag(is_manually_managed) }),
    ...(emergency_grant_enabled === undefined
      ? {}
      : { emergency_grant_enabled: flag(emergency_grant_enabled) }),
    ...(override_access_requests_defaults === undefined
      ? {}
      : { override_access_requests_defaults: flag(override_access_requests_defaults) }),
    ...(compliance_framework_value_ids === undefined
      ? {}
      : { compliance_framework_value_ids: JSON.stringify(compliance_framework_value_ids) }),
  };
}

/**
 * The entitlement, share-locked until the transaction ends: a bulk-action batch reads it this way so
 * that a delete cascading to its grants cannot slip in between the check and the grants it inserts.
 */
export async function findEntitlementForShare(
  db: Executor,
  dialect: DialectFeatures,
  id: string,
): Promise<EntitlementRow | undefined> {
  const stored = await dialect
    .lockForShare(db.selectFrom('app_entitlements').selectAll().where('id', '=', id))
    .executeTakeFirst();
  return stored && decodeEntitlement(stored);
}

const entitlementById = cachedQuery((db, id: string) =>
  db.selectFrom('app_entitlements').selectAll().where('id', '=', id),
);

export async function findEntitlementById(db: Executor, id: string): Promise<EntitlementRow | undefined> {
  const stored = await entitlementById.first(db, id);
  return stored && decodeEntitlement(stored);
}

const entitlementRecordById = cachedQuery((db, id: string, now: string) =>
  db
    .selectFrom('app_entitlements')
    .selectAll('app_entitlements')
    .select(grantCount(now))
    .where('id', '=', id),
);

export async function findEntitlementRecord(
  db: Executor,
  id: string,
  now: string,
): Promise<EntitlementRecord | undefined> {
  const row = await entitlementRecordById.first(db, id, now);
  return row && decodeEntitlement(row);
}

/** Fails with the dialect's unique violation when a live entitlement of the app has the alias. */
export async function insertEntitlement(db: Executor, row: EntitlementRow): Promise<void> {
  await db
    .insertInto('app_entitlements')
    .values({
      ...row,
      is_manually_managed: row.is_manually_managed ? 1 : 0,
      emergency_grant_enabled: row.emergency_grant_enabled ? 1 : 0,
      override_access_requests_defaults: row.override_access_requests_defaults ? 1 : 0,
      compliance_framework_value_ids: JSON.stringify(row.compliance_framework_value_ids),
    })
    .execute();
}

export async function updateEntitlement(
  db: Executor,
  id: string,
  changes: Partial<EntitlementRow>,
): Promise<void> {
  await db.updateTable('app_entitlements').set(encodeEntitlement(changes)).where('id', '=', id).execute();
}

/** A deleted SCIM connection owns its groups no more: they become ordinary manual entitlements. */
export async function releaseScimEntitlements(db: Executor, connectionId: string, at: string): Promise<void> {
  await db
    .updateTable('app_entitlements')
    .set({ scim_connection_id: null, updated_at: at })
    .where('scim_connection_id', '=', connectionId)
    .execute();
}

/** Live entitlements with their grant counts at `now`, in ID order. */
const liveEntitlements = (db: Executor, now: string) =>
  db
    .selectFrom('app_entitlements')
    .selectAll('app_entitlements')
    .select(grantCount(now))
    .where('app_entitlements.deleted_at', 'is', null)
    .orderBy('app_entitlements.id');

// Each page shape compiled once: of an app or of a resource, the first page or one after an ID.
const entitlementsOfApp = cachedQuery((db, appId: string, limit: number, now: string) =>
  liveEntitlements(db, now).limit(limit).where('app_entitlements.app_id', '=', appId),
);
const entitlementsOfAppAfter = cachedQuery((db, appId: string, afterId: string, limit: number, now: string) =>
  liveEntitlements(db, now)
    .limit(limit)
    .where('app_entitlements.app_id', '=', appId)
    .where('app_entitlements.id', '>', afterId),
);
const entitlementsOfResource = cachedQuery((db, resourceId: string, limit: number, now: string) =>
  liveEntitlements(db, now).limit(limit).where('app_entitlements.app_resource_id', '=', resourceId),
);
const entitlementsOfResourceAfter = cachedQuery(
  (db, resourceId: string, afterId: string, limit: number, now: string) =>
    liveEntitlements(db, now)
      .limit(limit)
      .where('app_entitlements.app_resource_id', '=', resourceId)
      .where('app_entitlements.id', '>', afterId),
);

/** Live entitlements of an app, or of one resource, in ID order after `afterId`: one keyset page. */
export async function listEntitlements(
  db: Executor,
  of: { readonly appId: string } | { readonly resourceId: string },
  afterId: string | undefined,
  limit: number,
  now: string,
): Promise<EntitlementRecord[]> {
  let rows: Awaited<ReturnType<typeof entitlementsOfApp.all>>;
  if ('appId' in of) {
    rows = afterId
      ? await entitlementsOfAppAfter.all(db, of.appId, afterId, limit, now)
      : await entitlementsOfApp.all(db, of.appId, limit, now);
  } else {
    rows = afterId
      ? await entitlementsOfResourceAfter.all(db, of.resourceId, afterId, limit, now)
      : await entitlementsOfResource.all(db, of.resourceId, limit, now);
  }
  return rows.map(decodeEntitlement);
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
  return rows.map(decodeEntitlement);
}
