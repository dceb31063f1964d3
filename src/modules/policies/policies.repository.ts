import type { Executor } from '../../db/schema.js';
import { containsText, equalsText } from '../../db/text-match.js';
import type { PoliciesTable } from './policies.table.js';
import type { PolicyStep } from './policy-steps.js';

export interface PostAction {
  certifyRemediateImmediately: boolean;
}

/** A policy as the code sees it: steps and post-actions decoded, the built-in flag a boolean. */
export interface PolicyRow extends Omit<PoliciesTable, 'steps' | 'post_actions' | 'system_builtin'> {
  steps: PolicyStep[];
  post_actions: PostAction[];
  system_builtin: boolean;
}

function decodePolicy(stored: PoliciesTable): PolicyRow {
  return {
    ...stored,
    steps: JSON.parse(stored.steps) as PolicyStep[],
    post_actions: JSON.parse(stored.post_actions) as PostAction[],
    system_builtin: stored.system_builtin === 1,
  };
}

function encodePolicy(row: Partial<PolicyRow>): Partial<PoliciesTable> {
  const { steps, post_actions, system_builtin, ...rest } = row;
  return {
    ...rest,
    ...(steps === undefined ? {} : { steps: JSON.stringify(steps) }),
    ...(post_actions === undefined ? {} : { post_actions: JSON.stringify(post_actions) }),
    ...(system_builtin === undefined ? {} : { system_builtin: system_builtin ? 1 : 0 }),
  };
}

export async function findPolicyById(
  db: Executor,
  id: string,
  options: { includeDeleted?: boolean } = {},
): Promise<PolicyRow | undefined> {
  let query = db.selectFrom('policies').selectAll().where('id', '=', id);
  if (!options.includeDeleted) query = query.where('deleted_at', 'is', null);
  const stored = await query.executeTakeFirst();
  return stored && decodePolicy(stored);
}

export async function findPoliciesByIds(db: Executor, ids: readonly string[]): Promise<PolicyRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('policies')
    .selectAll()
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .execute();
  return rows.map(decodePolicy);
}

export async function insertPolicy(db: Executor, row: PolicyRow): Promise<void> {
  await db
    .insertInto('policies')
    .values(encodePolicy(row) as PoliciesTable)
    .execute();
}

export async function updatePolicy(db: Executor, id: string, changes: Partial<PolicyRow>): Promise<void> {
  await db.updateTable('policies').set(encodePolicy(changes)).where('id', '=', id).execute();
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
export async function searchPolicies(
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
  return (await query.execute()).map(decodePolicy);
}
