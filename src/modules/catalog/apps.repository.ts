import { cachedQuery } from '../../db/cached-query.js';
import { appHolderCount } from '../../db/live-grants.js';
import type { Executor } from '../../db/schema.js';
import { containsText, equalsText } from '../../db/text-match.js';
import type { UserRow } from '../users/index.js';
import type { AppsTable } from './catalog.table.js';

type Flags = 'is_manually_managed' | 'strict_access_entitlement_provisioning';

/** An app as the code sees it: its flags as booleans. */
export interface AppRow extends Omit<AppsTable, Flags> {
  is_manually_managed: boolean;
  strict_access_entitlement_provisioning: boolean;
}
/** An app with its derived `userCount` (its app users holding a grant, src/db/live-grants.ts) and, once loaded, its owners. */
export type AppRecord = AppRow & { user_count: number | string | bigint | null; owners?: UserRow[] };

/** Decodes a stored app (with whatever it was selected with); every read goes through this. */
export function decodeApp<T extends AppsTable>(stored: T): Omit<T, Flags> & AppRow {
  return {
    ...stored,
    is_manually_managed: stored.is_manually_managed === 1,
    strict_access_entitlement_provisioning: stored.strict_access_entitlement_provisioning === 1,
  };
}

function encodeApp(changes: Partial<AppRow>): Partial<AppsTable> {
  const { is_manually_managed, strict_access_entitlement_provisioning, ...columns } = changes;
  return {
    ...columns,
    ...(is_manually_managed === undefined ? {} : { is_manually_managed: is_manually_managed ? 1 : 0 }),
    ...(strict_access_entitlement_provisioning === undefined
      ? {}
      : { strict_access_entitlement_provisioning: strict_access_entitlement_provisioning ? 1 : 0 }),
  };
}

const appById = cachedQuery((db, id: string) => db.selectFrom('apps').selectAll().where('id', '=', id));

export async function findAppById(db: Executor, id: string): Promise<AppRow | undefined> {
  const stored = await appById.first(db, id);
  return stored && decodeApp(stored);
}

const appRecordById = cachedQuery((db, id: string, now: string) =>
  db.selectFrom('apps').selectAll('apps').select(appHolderCount(now)).where('id', '=', id),
);

export async function findAppRecord(db: Executor, id: string, now: string): Promise<AppRecord | undefined> {
  const row = await appRecordById.first(db, id, now);
  return row && decodeApp(row);
}

export async function insertApp(db: Executor, row: AppRow): Promise<void> {
  await db
    .insertInto('apps')
    .values({
      ...row,
      is_manually_managed: row.is_manually_managed ? 1 : 0,
      strict_access_entitlement_provisioning: row.strict_access_entitlement_provisioning ? 1 : 0,
    })
    .execute();
}

export async function updateApp(db: Executor, id: string, changes: Partial<AppRow>): Promise<void> {
  await db.updateTable('apps').set(encodeApp(changes)).where('id', '=', id).execute();
}

/** Marks a live app deleted; false when it was not live. */
export async function softDeleteApp(db: Executor, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('apps')
    .set({ deleted_at: at, updated_at: at })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export interface AppFilter {
  readonly afterId?: string | undefined;
  readonly limit: number;
  /** Case-insensitive substring of the display name or description. */
  readonly query?: string | undefined;
  /** Case-insensitive equality with the display name. */
  readonly displayName?: string | undefined;
  readonly ids?: readonly string[] | undefined;
  readonly excludeIds?: readonly string[] | undefined;
  /** Apps using any of these as grant, revoke or certify policy. */
  readonly policyIds?: readonly string[] | undefined;
}

/** Live apps in ID order after `afterId`: one keyset page (CONTRACT.md §7.8). */
export async function listApps(db: Executor, filter: AppFilter, now: string): Promise<AppRecord[]> {
  let select = db
    .selectFrom('apps')
    .selectAll('apps')
    .select(appHolderCount(now))
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .limit(filter.limit);
  if (filter.afterId) select = select.where('id', '>', filter.afterId);
  if (filter.query) {
    const query = filter.query;
    select = select.where((eb) =>
      eb.or([containsText('display_name', query), containsText('description', query)]),
    );
  }
  if (filter.displayName) select = select.where(equalsText('display_name', filter.displayName));
  if (filter.ids && filter.ids.length > 0) select = select.where('id', 'in', filter.ids);
  if (filter.excludeIds && filter.excludeIds.length > 0)
    select = select.where('id', 'not in', filter.excludeIds);
  if (filter.policyIds && filter.policyIds.length > 0) {
    const ids = filter.policyIds;
    select = select.where((eb) =>
      eb.or([
        eb('grant_policy_id', 'in', ids),
        eb('revoke_policy_id', 'in', ids),
        eb('certify_policy_id', 'in', ids),
      ]),
    );
  }
  return (await select.execute()).map(decodeApp);
}

/**
 * Related objects by ID for `expanded` (CONTRACT.md §7.7), deleted ones included: history and
 * revoked grants point at objects that may be gone since.
 */
export async function findAppRecordsByIds(
  db: Executor,
  ids: readonly string[],
  now: string,
): Promise<AppRecord[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('apps')
    .selectAll('apps')
    .select(appHolderCount(now))
    .where('id', 'in', ids)
    .execute();
  return rows.map(decodeApp);
}
