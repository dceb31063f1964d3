import type { Executor } from '../../db/schema.js';
import type { AccessReviewEntitlementsTable, AccessReviewsTable } from './reviews.table.js';

/** The members of AccessReviewScopeV2 that are set, in their wire form (`{"appAccess": {}}`). */
export type ScopeV2 = Record<string, Record<string, unknown>>;

/** A campaign as the code sees it: its scope decoded, the auto-close flag a boolean, its owners. */
export interface AccessReviewRow extends Omit<AccessReviewsTable, 'scope_v2' | 'auto_close_campaign'> {
  scope_v2: ScopeV2;
  auto_close_campaign: boolean;
  owner_ids: string[];
}

export type ScopeEntry = AccessReviewEntitlementsTable;

function decode(stored: AccessReviewsTable, ownerIds: string[]): AccessReviewRow {
  return {
    ...stored,
    scope_v2: JSON.parse(stored.scope_v2) as ScopeV2,
    auto_close_campaign: stored.auto_close_campaign === 1,
    owner_ids: ownerIds,
  };
}

function encode(row: Partial<AccessReviewRow>): Partial<AccessReviewsTable> {
  const { scope_v2, auto_close_campaign, owner_ids: _owners, ...rest } = row;
  return {
    ...rest,
    ...(scope_v2 === undefined ? {} : { scope_v2: JSON.stringify(scope_v2) }),
    ...(auto_close_campaign === undefined ? {} : { auto_close_campaign: auto_close_campaign ? 1 : 0 }),
  };
}

async function ownersOf(db: Executor, ids: readonly string[]): Promise<Map<string, string[]>> {
  const owners = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return owners;
  const rows = await db
    .selectFrom('access_review_owners')
    .select(['access_review_id', 'user_id'])
    .where('access_review_id', 'in', ids)
    .orderBy('user_id')
    .execute();
  for (const row of rows) owners.get(row.access_review_id)?.push(row.user_id);
  return owners;
}

async function decodeAll(db: Executor, stored: AccessReviewsTable[]): Promise<AccessReviewRow[]> {
  const owners = await ownersOf(
    db,
    stored.map((row) => row.id),
  );
  return stored.map((row) => decode(row, owners.get(row.id) ?? []));
}

/** A live campaign by ID. */
export async function findAccessReviewById(db: Executor, id: string): Promise<AccessReviewRow | undefined> {
  const stored = await db
    .selectFrom('access_reviews')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return stored && (await decodeAll(db, [stored]))[0];
}

export async function insertAccessReview(db: Executor, row: AccessReviewRow): Promise<void> {
  await db
    .insertInto('access_reviews')
    .values(encode(row) as AccessReviewsTable)
    .execute();
  await replaceOwners(db, row.id, row.owner_ids);
}

export async function updateAccessReview(
  db: Executor,
  id: string,
  changes: Partial<AccessReviewRow>,
): Promise<void> {
  const columns = encode(changes);
  if (Object.keys(columns).length > 0) {
    await db.updateTable('access_reviews').set(columns).where('id', '=', id).execute();
  }
  if (changes.owner_ids !== undefined) await replaceOwners(db, id, changes.owner_ids);
}

async function replaceOwners(db: Executor, id: string, ownerIds: readonly string[]): Promise<void> {
  await db.deleteFrom('access_review_owners').where('access_review_id', '=', id).execute();
  if (ownerIds.length === 0) return;
  await db
    .insertInto('access_review_owners')
    .values(ownerIds.map((userId) => ({ access_review_id: id, user_id: userId })))
    .execute();
}

export async function softDeleteAccessReview(db: Executor, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('access_reviews')
    .set({ deleted_at: at, updated_at: at })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Live campaigns in ID order after `afterId`; with `ownerId`, only those that user owns. */
export async function listAccessReviews(
  db: Executor,
  filter: { ownerId?: string },
  afterId: string | undefined,
  limit: number,
): Promise<AccessReviewRow[]> {
  let query = db
    .selectFrom('access_reviews')
    .selectAll('access_reviews')
    .where('access_reviews.deleted_at', 'is', null)
    .orderBy('access_reviews.id')
    .limit(limit);
  if (filter.ownerId !== undefined) {
    query = query
      .innerJoin('access_review_owners', 'access_review_owners.access_review_id', 'access_reviews.id')
      .where('access_review_owners.user_id', '=', filter.ownerId);
  }
  if (afterId) query = query.where('access_reviews.id', '>', afterId);
  return decodeAll(db, await query.execute());
}

/** The campaign's scope entries: whole apps and entitlements, by app then entitlement. */
export function listScopeEntries(db: Executor, id: string): Promise<ScopeEntry[]> {
  return db
    .selectFrom('access_review_entitlements')
    .selectAll()
    .where('access_review_id', '=', id)
    .orderBy('app_id')
    .orderBy('app_entitlement_id')
    .execute();
}

/** Replaces the campaign's scope entries with `entries`. */
export async function replaceScopeEntries(
  db: Executor,
  id: string,
  entries: readonly ScopeEntry[],
): Promise<void> {
  await db.deleteFrom('access_review_entitlements').where('access_review_id', '=', id).execute();
  if (entries.length === 0) return;
  await db
    .insertInto('access_review_entitlements')
    .values([...entries])
    .execute();
}
