import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Executor } from '../../db/schema.js';
import type { BulkActionItemOutcome } from '../../lib/vocabulary.js';
import { findGrantTargets } from '../app-users/index.js';
import { type BulkActionItemRow, type BulkActionRow, findBulkActionWork } from './bulk-actions.repository.js';

/**
 * A bulk action's per-user outcomes, read rather than stored (CONTRACT.md §7.11). A batch writes an
 * item row only for a user it could not apply (FAILED), and the request writes one per ID it refused;
 * every other outcome follows from what the action was asked and what the grant history says it did:
 *
 * - an add the action reached is ADDED when the grant history holds an ADDED entry of this action for
 *   the user's app user (with `app_user_created` from that entry), else ALREADY_MEMBER;
 * - a removal it reached is REMOVED when the history holds its REMOVED entry, else NOT_MEMBER.
 *
 * "Reached" is the committed cursor of the work item's chunk. A stored item always wins, so actions
 * written before items stopped being stored read exactly as they did.
 */

interface WorkKey {
  /** The item's key: a user ID (adds) or an app user ID (set-members removals). */
  readonly key: string;
  readonly removal: boolean;
}

/** Work keys examined per round of a filtered page: enough to amortise the queries, small enough for IN lists. */
const WINDOW = 500;
/** Finished actions' reached keys are kept, sorted: they never change. */
const finishedKeys = new Map<string, WorkKey[]>();
const FINISHED_KEYS_KEPT = 4;

const byKey = (a: WorkKey, b: WorkKey) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** The work items the action has reached, as item keys in key order. */
async function reachedKeys(db: Executor, action: BulkActionRow): Promise<WorkKey[]> {
  const kept = finishedKeys.get(action.id);
  if (kept) return kept;
  const found = await findBulkActionWork(db, action.id);
  if (!found) return [];
  const chunks = await db
    .selectFrom('bulk_action_chunks')
    .select(['start_index', 'cursor'])
    .where('bulk_action_id', '=', action.id)
    .execute();
  const keys: WorkKey[] = [];
  for (const chunk of chunks) {
    for (let i = chunk.start_index; i < chunk.cursor; i++) {
      const item = found.work[i] as string;
      if (item.startsWith('remove:')) keys.push({ key: item.slice('remove:'.length), removal: true });
      else if (item.startsWith('add:')) keys.push({ key: item.slice('add:'.length), removal: false });
      else keys.push({ key: item, removal: false });
    }
  }
  keys.sort(byKey);
  if (found.action.completed_at !== null) {
    if (finishedKeys.size >= FINISHED_KEYS_KEPT) {
      const oldest = finishedKeys.keys().next().value;
      if (oldest !== undefined) finishedKeys.delete(oldest);
    }
    finishedKeys.set(action.id, keys);
  }
  return keys;
}

/** The first position in sorted `keys` whose key is after `after`. */
function positionAfter(keys: readonly WorkKey[], after: string | undefined): number {
  if (after === undefined) return 0;
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((keys[mid] as WorkKey).key <= after) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** What the grant history says became of each reached work key that has no stored item. */
async function deriveOutcomes(
  db: Executor,
  action: BulkActionRow,
  keys: readonly WorkKey[],
): Promise<BulkActionItemRow[]> {
  const adds = keys.filter((k) => !k.removal).map((k) => k.key);
  const removals = keys.filter((k) => k.removal).map((k) => k.key);
  const added = new Map<string, { appUserId: string; created: boolean }>();
  if (adds.length > 0) {
    // The users' accounts in the app (whatever their state now), then this action's ADDED entries of
    // those accounts: two index lookups by list, never a walk of the action's whole history.
    const accounts = await db
      .selectFrom('app_users')
      .select(['id', 'identity_user_id'])
      .where('app_id', '=', action.app_id)
      .where('identity_user_id', 'in', adds)
      .execute();
    const identityOf = new Map(accounts.map((a) => [a.id, a.identity_user_id]));
    if (accounts.length > 0) {
      const rows = await db
        .selectFrom('grant_events')
        .select(['app_user_id', 'app_user_created'])
        .where('bulk_action_id', '=', action.id)
        .where('app_user_id', 'in', [...identityOf.keys()])
        .where('event_type', '=', 'GRANT_EVENT_TYPE_ADDED')
        .execute();
      for (const row of rows) {
        const userId = identityOf.get(row.app_user_id) as string;
        added.set(userId, { appUserId: row.app_user_id, created: row.app_user_created === 1 });
      }
    }
  }
  const members = await findGrantTargets(
    db,
    action.app_id,
    adds.filter((userId) => !added.has(userId)),
  );
  const removed = new Set<string>();
  if (removals.length > 0) {
    const rows = await db
      .selectFrom('grant_events')
      .select('app_user_id')
      .where('bulk_action_id', '=', action.id)
      .where('event_type', '=', 'GRANT_EVENT_TYPE_REMOVED')
      .where('app_user_id', 'in', removals)
      .execute();
    for (const row of rows) removed.add(row.app_user_id);
  }
  return keys.map(({ key, removal }) => {
    const base = { bulk_action_id: action.id, user_id: key, error: null };
    if (removal) {
      return {
        ...base,
        outcome: removed.has(key) ? 'REMOVED' : 'NOT_MEMBER',
        app_user_id: key,
        app_user_created: false,
      };
    }
    const grant = added.get(key);
    if (grant) {
      return { ...base, outcome: 'ADDED', app_user_id: grant.appUserId, app_user_created: grant.created };
    }
    return {
      ...base,
      outcome: 'ALREADY_MEMBER',
      app_user_id: members.get(key) ?? null,
      app_user_created: false,
    };
  });
}

async function listStoredItems(
  db: Executor,
  bulkActionId: string,
  afterKey: string | undefined,
  limit: number,
  outcome: BulkActionItemOutcome,
): Promise<BulkActionItemRow[]> {
  let query = db
    .selectFrom('bulk_action_items')
    .selectAll()
    .where('bulk_action_id', '=', bulkActionId)
    .where('outcome', '=', outcome)
    .orderBy('user_id')
    .limit(limit);
  if (afterKey !== undefined) query = query.where('user_id', '>', afterKey);
  return (await query.execute()).map((row) => ({ ...row, app_user_created: row.app_user_created === 1 }));
}

/**
 * One keyset page of the action's items in key order after `afterKey`: stored items (refusals,
 * failures, and every item of actions from before) merged with the outcomes derived for the rest.
 */
export async function listBulkActionItems(
  db: Executor,
  dialect: Pick<DialectFeatures, 'bytewise'>,
  action: BulkActionRow,
  afterKey: string | undefined,
  limit: number,
  outcome: BulkActionItemOutcome | undefined,
): Promise<BulkActionItemRow[]> {
  // Failures are always stored: the page is a plain read of the items table.
  if (outcome === 'FAILED') return listStoredItems(db, action.id, afterKey, limit, outcome);
  const keys = await reachedKeys(db, action);
  const userId = dialect.bytewise('user_id');
  const page: BulkActionItemRow[] = [];
  let position = positionAfter(keys, afterKey);
  let cursor = afterKey;
  // Unfiltered, a page needs as many keys as it holds; filtered, more are looked at per round.
  const windowSize = outcome === undefined ? limit : WINDOW;
  const storedCap = windowSize + limit;
  for (;;) {
    const window = keys.slice(position, position + windowSize);
    let high = position + windowSize < keys.length ? (window[window.length - 1] as WorkKey).key : undefined;
    let query = db
      .selectFrom('bulk_action_items')
      .selectAll()
      .where('bulk_action_id', '=', action.id)
      // Merged below with keys sorted in JavaScript, so SQL must order and compare the same way.
      .orderBy(userId)
      .limit(storedCap);
    if (cursor !== undefined) query = query.where(userId, '>', cursor);
    if (high !== undefined) query = query.where(userId, '<=', high);
    const stored = await query.execute();
    if (stored.length === storedCap) {
      const last = (stored[stored.length - 1] as { user_id: string }).user_id;
      if (high === undefined || last < high) high = last;
    }
    const inRange = high === undefined ? window : window.filter((k) => k.key <= (high as string));
    const storedKeys = new Set(stored.map((s) => s.user_id));
    const derived = await deriveOutcomes(
      db,
      action,
      inRange.filter((k) => !storedKeys.has(k.key)),
    );
    const merged: BulkActionItemRow[] = [
      ...stored.map((row) => ({ ...row, app_user_created: row.app_user_created === 1 })),
      ...derived,
    ].sort((a, b) => (a.user_id < b.user_id ? -1 : a.user_id > b.user_id ? 1 : 0));
    for (const item of merged) {
      if (outcome !== undefined && item.outcome !== outcome) continue;
      page.push(item);
      if (page.length === limit) return page;
    }
    if (high === undefined) return page;
    position += inRange.length;
    cursor = high;
  }
}
