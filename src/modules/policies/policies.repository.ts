import type { Executor } from '../../db/schema.js';
import { containsText, equalsText } from '../../db/text-match.js';
import type { PoliciesTable } from './policies.table.js';

export type PolicyRow = PoliciesTable;

export function findPolicyById(
  db: Executor,
  id: string,
  options: { includeDeleted?: boolean } = {},
): Promise<PolicyRow | undefined> {
  let query = db.selectFrom('policies').selectAll().where('id', '=', id);
  if (!options.includeDeleted) query = query.where('deleted_at', 'is', null);
  return query.executeTakeFirst();
}

export function findPoliciesByIds(db: Executor, ids: readonly string[]): Promise<PolicyRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('policies')
    .selectAll()
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .execute();
}

export async function insertPolicy(db: Executor, row: PolicyRow): Promise<void> {
  await db.insertInto('policies').values(row).execute();
}

export async function updatePolicy(db: Executor, id: string, changes: Partial<PolicyRow>): Promise<void> {
  await db.updateTable('policies').set(changes).where('id', '=', id).execute();
}

export async function softDeletePolicy(db: Executor, id: string, at: string): Promise<boolean> {
  const result = await db
    .updateTable('policies')
    .set({ deleted_at: at, updated_at: at })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Live policies whose steps name `id` (an escalation that replaces one policy by another). */
export async function policiesNaming(db: Executor, id: string): Promise<string[]> {
  const rows = await db
    .selectFrom('policies')
    .select('id')
    .where('deleted_at', 'is', null)
    .where('id', '!=', id)
    .where('steps', 'like', `%${JSON.stringify(id)}%`)
    .execute();
  return rows.map((row) => row.id);
}

export interface PolicyFilter {
  readonly ids?: readonly string[];
  readonly excludeIds?: readonly string[];
  readonly types?: readonly string[];
  readonly displayName?: string;
  readonly query?: string;
  readonly includeDeleted?: boolean;
}

/** Policies in ID order after `afterId` matching the filter: one keyset page. */
export function searchPolicies(
  db: Executor,
  filter: PolicyFilter,
  afterId: string | undefined,
  limit: number,
): Promise<PolicyRow[]> {
  let query = db.selectFrom('policies').selectAll().orderBy('id').limit(limit);
  if (!filter.includeDeleted) query = query.where('deleted_at', 'is', null);
  if (filter.ids?.length) query = query.where('id', 'in', filter.ids);
  if (filter.excludeIds?.length) query = query.where('id', 'not in', filter.excludeIds);
  if (filter.types?.length) query = query.where('policy_type', 'in', filter.types);
  if (filter.displayName) query = query.where(equalsText('display_name', filter.displayName));
  if (filter.query) {
    const text = filter.query;
    query = query.where((eb) =>
      eb.or([containsText('display_name', text), containsText('description', text)]),
    );
  }
  if (afterId) query = query.where('id', '>', afterId);
  return query.execute();
}
