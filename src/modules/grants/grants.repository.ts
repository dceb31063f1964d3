import { chunkRows } from '../../db/batch.js';
import type { Executor, GrantEventsTable, GrantsTable } from '../../db/schema.js';

export type GrantRow = GrantsTable;
export type GrantEventRow = GrantEventsTable;

/**
 * Inserts grants, skipping any (entitlement, app user) pair that already holds a live grant, and
 * returns the rows actually inserted. The partial unique index `grants_live_member` decides.
 */
export async function insertGrantsIfAbsent(
  db: Executor,
  rows: readonly GrantRow[],
  maxParameters: number,
): Promise<Array<{ id: string; app_user_id: string }>> {
  const inserted: Array<{ id: string; app_user_id: string }> = [];
  for (const chunk of chunkRows(rows, maxParameters)) {
    const result = await db
      .insertInto('grants')
      .values(chunk)
      .onConflict((oc) =>
        oc.columns(['app_entitlement_id', 'app_user_id']).where('deleted_at', 'is', null).doNothing(),
      )
      .returning(['id', 'app_user_id'])
      .execute();
    inserted.push(...result);
  }
  return inserted;
}

export async function insertGrantEvents(
  db: Executor,
  rows: readonly GrantEventRow[],
  maxParameters: number,
): Promise<void> {
  for (const chunk of chunkRows(rows, maxParameters)) {
    await db.insertInto('grant_events').values(chunk).execute();
  }
}

export function findLiveGrant(
  db: Executor,
  entitlementId: string,
  appUserId: string,
): Promise<GrantRow | undefined> {
  return db
    .selectFrom('grants')
    .selectAll()
    .where('app_entitlement_id', '=', entitlementId)
    .where('app_user_id', '=', appUserId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Which of the app users hold a live grant of the entitlement. */
export async function findLiveGrantHolders(
  db: Executor,
  entitlementId: string,
  appUserIds: readonly string[],
): Promise<Set<string>> {
  const holders = new Set<string>();
  for (let i = 0; i < appUserIds.length; i += 10_000) {
    const rows = await db
      .selectFrom('grants')
      .select('app_user_id')
      .where('app_entitlement_id', '=', entitlementId)
      .where('app_user_id', 'in', appUserIds.slice(i, i + 10_000))
      .where('deleted_at', 'is', null)
      .execute();
    for (const row of rows) holders.add(row.app_user_id);
  }
  return holders;
}

/** Live grants of an entitlement in ID order, after `afterId`: one keyset page. */
export function listLiveGrants(
  db: Executor,
  entitlementId: string,
  afterId: string | undefined,
  limit: number,
): Promise<GrantRow[]> {
  let q = db
    .selectFrom('grants')
    .selectAll()
    .where('app_entitlement_id', '=', entitlementId)
    .where('deleted_at', 'is', null);
  if (afterId) q = q.where('id', '>', afterId);
  return q.orderBy('id').limit(limit).execute();
}

/** Marks a live grant revoked; false when another writer revoked it first. */
export async function revokeGrant(db: Executor, grantId: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('grants')
    .set({ deleted_at: at })
    .where('id', '=', grantId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function countLiveGrants(db: Executor, entitlementId: string): Promise<number> {
  const { count } = await db
    .selectFrom('grants')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('app_entitlement_id', '=', entitlementId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(count);
}
