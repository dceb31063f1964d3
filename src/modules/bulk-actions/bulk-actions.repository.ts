import { chunkRows } from '../../db/batch.js';
import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Executor } from '../../db/schema.js';
import { type BulkActionState, OPEN_BULK_ACTION_STATES } from '../../lib/vocabulary.js';
import { finalStateSql } from './bulk-action.states.js';
import type { BulkActionChunksTable, BulkActionItemsTable, BulkActionsTable } from './bulk-actions.table.js';

/** A bulk action without its work list, which only runners read (findBulkActionWork). */
export type BulkActionRow = Omit<BulkActionsTable, 'work'>;
export type BulkActionChunkRow = BulkActionChunksTable;
/** An item with its flag decoded. */
export interface BulkActionItemRow extends Omit<BulkActionItemsTable, 'app_user_created'> {
  app_user_created: boolean;
}

const ACTION_COLUMNS = [
  'id',
  'kind',
  'app_id',
  'app_entitlement_id',
  'state',
  'total',
  'processed',
  'succeeded',
  'failed',
  'deprovision_at',
  'actor_user_id',
  'actor_client_id',
  'request_id',
  'created_at',
  'updated_at',
  'completed_at',
] as const satisfies ReadonlyArray<keyof BulkActionRow>;

/** States a runner may still work on. */
export const OPEN_STATES = OPEN_BULK_ACTION_STATES;
export const CANCELLED: BulkActionState = 'BULK_ACTION_STATE_CANCELLED';

/** Writes an action with its work list: the user IDs (or operations) its chunks index into. */
export async function insertBulkAction(
  db: Executor,
  row: BulkActionRow,
  work: readonly string[],
  chunks: readonly BulkActionChunkRow[],
  maxParameters: number,
): Promise<void> {
  await db
    .insertInto('bulk_actions')
    .values({ ...row, work: JSON.stringify(work) })
    .execute();
  for (const part of chunkRows(chunks, maxParameters)) {
    await db.insertInto('bulk_action_chunks').values(part).execute();
  }
}

export function findBulkActionById(db: Executor, id: string): Promise<BulkActionRow | undefined> {
  return db.selectFrom('bulk_actions').select(ACTION_COLUMNS).where('id', '=', id).executeTakeFirst();
}

/** The action with the work list its chunks index into. */
export async function findBulkActionWork(
  db: Executor,
  id: string,
): Promise<{ action: BulkActionRow; work: string[] } | undefined> {
  const stored = await db.selectFrom('bulk_actions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!stored) return undefined;
  const { work, ...action } = stored;
  return { action, work: JSON.parse(work) as string[] };
}

/** The item of a user ID the action could not apply, and why (a stable lower-case phrase). */
export function failedItem(bulkActionId: string, userId: string, error: string): BulkActionItemRow {
  return {
    bulk_action_id: bulkActionId,
    user_id: userId,
    outcome: 'FAILED',
    app_user_id: null,
    app_user_created: false,
    error,
  };
}

export async function insertBulkActionItems(
  db: Executor,
  rows: readonly BulkActionItemRow[],
  dialect: DialectFeatures,
): Promise<void> {
  const stored = rows.map((row) => ({ ...row, app_user_created: row.app_user_created ? 1 : 0 }));
  // One outcome per key: a set-members removal keyed by an app user ID that the same request also
  // named (and was refused) as a user ID keeps the refusal rather than failing the batch forever.
  await dialect.insertRows(db, 'bulk_action_items', stored, {
    onConflictDoNothing: { columns: ['bulk_action_id', 'user_id'] },
  });
}

/**
 * Takes the lease of the oldest unfinished chunk whose lease is free or expired, atomically: on
 * PostgreSQL the candidate row is locked with SKIP LOCKED so racing processes take different chunks;
 * on SQLite the write transaction itself excludes other claimants. Marks its action RUNNING and
 * returns it as `started` when this claim is what started it.
 */
export async function claimChunk(
  db: Executor,
  dialect: DialectFeatures,
  owner: string,
  now: string,
  leaseExpiresAt: string,
  /** Claims only a chunk of this action (a request applying its own action before it answers). */
  onlyActionId?: string,
): Promise<(BulkActionChunkRow & { started: BulkActionRow | undefined }) | undefined> {
  let chunks = db.selectFrom('bulk_action_chunks').select(['bulk_action_id', 'seq']).where('done', '=', 0);
  if (onlyActionId !== undefined) chunks = chunks.where('bulk_action_id', '=', onlyActionId);
  const candidate = await dialect
    .lockSkippingLocked(
      chunks
        .where((eb) => eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<', now)]))
        // An entitlement's bulk actions apply in the order they were accepted: a chunk waits while an
        // older action on the same entitlement is still open (chunks of one action run in parallel).
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('bulk_actions as mine')
                .innerJoin('bulk_actions as older', 'older.app_entitlement_id', 'mine.app_entitlement_id')
                .select('older.id')
                .whereRef('mine.id', '=', 'bulk_action_chunks.bulk_action_id')
                .where('older.state', 'in', OPEN_STATES)
                .where((eb) =>
                  eb.or([
                    eb('older.created_at', '<', eb.ref('mine.created_at')),
                    eb.and([
                      eb('older.created_at', '=', eb.ref('mine.created_at')),
                      eb('older.id', '<', eb.ref('mine.id')),
                    ]),
                  ]),
                ),
            ),
          ),
        )
        .orderBy('bulk_action_id')
        .orderBy('seq')
        .limit(1),
    )
    .executeTakeFirst();
  if (!candidate) return undefined;
  const chunk = await db
    .updateTable('bulk_action_chunks')
    .set({ lease_owner: owner, lease_expires_at: leaseExpiresAt })
    .where('bulk_action_id', '=', candidate.bulk_action_id)
    .where('seq', '=', candidate.seq)
    .where('done', '=', 0)
    .returningAll()
    .executeTakeFirst();
  if (!chunk) return undefined;
  const started = await db
    .updateTable('bulk_actions')
    .set({ state: 'BULK_ACTION_STATE_RUNNING', updated_at: now })
    .where('id', '=', chunk.bulk_action_id)
    .where('state', '=', 'BULK_ACTION_STATE_PENDING')
    .returning(ACTION_COLUMNS)
    .executeTakeFirst();
  return { ...chunk, started };
}

/**
 * Extends the chunk's lease if `owner` still holds it and returns its committed cursor; undefined
 * when the lease was lost (expired and taken over) or the action was cancelled, so the caller stops.
 */
export async function renewChunkLease(
  db: Executor,
  chunk: Pick<BulkActionChunkRow, 'bulk_action_id' | 'seq'>,
  owner: string,
  leaseExpiresAt: string,
): Promise<number | undefined> {
  const row = await db
    .updateTable('bulk_action_chunks')
    .set({ lease_expires_at: leaseExpiresAt })
    .where('bulk_action_id', '=', chunk.bulk_action_id)
    .where('seq', '=', chunk.seq)
    .where('lease_owner', '=', owner)
    .where('done', '=', 0)
    .returning('cursor')
    .executeTakeFirst();
  return row?.cursor;
}

export interface Progress {
  readonly processed: number;
  readonly succeeded: number;
  readonly failed: number;
}

/**
 * Commits a batch's effect on its chunk and action; returns the action when this batch finished it. The statements run in this order so that two
 * chunks finishing at once on PostgreSQL cannot both miss the completion: the action row is locked
 * after the chunk is marked, and the completion check runs in a later statement, which (read
 * committed) sees the other transaction's chunk once its lock is released.
 */
export async function recordBatch(
  db: Executor,
  chunk: Pick<BulkActionChunkRow, 'bulk_action_id' | 'seq'>,
  cursor: number,
  chunkDone: boolean,
  progress: Progress,
  now: string,
): Promise<BulkActionRow | undefined> {
  const id = chunk.bulk_action_id;
  await db
    .updateTable('bulk_action_chunks')
    .set({
      cursor,
      failed_attempts: 0,
      ...(chunkDone ? { done: 1, lease_owner: null, lease_expires_at: null } : {}),
    })
    .where('bulk_action_id', '=', id)
    .where('seq', '=', chunk.seq)
    .execute();
  await db
    .updateTable('bulk_actions')
    .set((eb) => ({
      processed: eb('processed', '+', progress.processed),
      succeeded: eb('succeeded', '+', progress.succeeded),
      failed: eb('failed', '+', progress.failed),
      updated_at: now,
    }))
    .where('id', '=', id)
    .execute();
  if (!chunkDone) return undefined;
  return db
    .updateTable('bulk_actions')
    .set({
      state: finalStateSql(),
      completed_at: now,
    })
    .where('id', '=', id)
    .where('state', 'in', OPEN_STATES)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('bulk_action_chunks')
            .select('seq')
            .where('bulk_action_id', '=', id)
            .where('done', '=', 0),
        ),
      ),
    )
    .returning(ACTION_COLUMNS)
    .executeTakeFirst();
}

/**
 * Counts a failed batch of the chunk `owner` holds and keeps its error; undefined when `owner` no
 * longer holds it.
 */
export function recordChunkFailure(
  db: Executor,
  chunk: Pick<BulkActionChunkRow, 'bulk_action_id' | 'seq'>,
  owner: string,
  error: string,
): Promise<BulkActionChunkRow | undefined> {
  return db
    .updateTable('bulk_action_chunks')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1), last_error: error }))
    .where('bulk_action_id', '=', chunk.bulk_action_id)
    .where('seq', '=', chunk.seq)
    .where('lease_owner', '=', owner)
    .where('done', '=', 0)
    .returningAll()
    .executeTakeFirst();
}

/** Keeps the chunk leased until `until`: no runner retries it before then. */
export async function postponeChunk(
  db: Executor,
  chunk: Pick<BulkActionChunkRow, 'bulk_action_id' | 'seq'>,
  owner: string,
  until: string,
): Promise<void> {
  await db
    .updateTable('bulk_action_chunks')
    .set({ lease_expires_at: until })
    .where('bulk_action_id', '=', chunk.bulk_action_id)
    .where('seq', '=', chunk.seq)
    .where('lease_owner', '=', owner)
    .execute();
}

export async function releaseChunkLease(
  db: Executor,
  chunk: Pick<BulkActionChunkRow, 'bulk_action_id' | 'seq'>,
  owner: string,
): Promise<void> {
  await db
    .updateTable('bulk_action_chunks')
    .set({ lease_owner: null, lease_expires_at: null })
    .where('bulk_action_id', '=', chunk.bulk_action_id)
    .where('seq', '=', chunk.seq)
    .where('lease_owner', '=', owner)
    .execute();
}

/**
 * Stops an open action: its unfinished chunks are closed first (the lock order batches use), then
 * the action is marked cancelled. Returns false when the action had already finished.
 */
export async function cancelBulkAction(db: Executor, id: string, now: string): Promise<boolean> {
  await db
    .updateTable('bulk_action_chunks')
    .set({ done: 1, lease_owner: null, lease_expires_at: null })
    .where('bulk_action_id', '=', id)
    .where('done', '=', 0)
    .execute();
  const result = await db
    .updateTable('bulk_actions')
    .set({ state: CANCELLED, completed_at: now, updated_at: now })
    .where('id', '=', id)
    .where('state', 'in', OPEN_STATES)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** True while a bulk action on the entitlement is still pending or running. */
export async function hasOpenBulkAction(db: Executor, entitlementId: string): Promise<boolean> {
  const row = await db
    .selectFrom('bulk_actions')
    .select('id')
    .where('app_entitlement_id', '=', entitlementId)
    .where('state', 'in', OPEN_STATES)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * An open bulk action on the entitlement that was asked to add `userId` and has not reached it yet,
 * if any. The accepted IDs are a JSON array of KSUIDs (or "add:<id>" operations), so a text match
 * on the quoted ID finds the candidates; whether the action reached the ID is its chunk's committed
 * cursor (successes leave no item row).
 */
export async function findPendingAdd(
  db: Executor,
  entitlementId: string,
  userId: string,
): Promise<string | undefined> {
  const candidates = await db
    .selectFrom('bulk_actions')
    .select(['bulk_actions.id', 'bulk_actions.work'])
    .where('app_entitlement_id', '=', entitlementId)
    .where('state', 'in', OPEN_STATES)
    .where((eb) => eb.or([eb('work', 'like', `%"${userId}"%`), eb('work', 'like', `%"add:${userId}"%`)]))
    .orderBy('bulk_actions.id')
    .execute();
  for (const candidate of candidates) {
    const work = JSON.parse(candidate.work) as string[];
    const index = work.findIndex((item) => item === userId || item === `add:${userId}`);
    if (index < 0) continue;
    const chunk = await db
      .selectFrom('bulk_action_chunks')
      .select(['cursor', 'done'])
      .where('bulk_action_id', '=', candidate.id)
      .where('start_index', '<=', index)
      .where('end_index', '>', index)
      .executeTakeFirst();
    if (chunk && chunk.done === 0 && chunk.cursor <= index) return candidate.id;
  }
  return undefined;
}

export interface BulkActionFilter {
  /** The last action of the previous page: this page holds older ones. */
  readonly afterId?: string | undefined;
  readonly limit: number;
  readonly states?: readonly BulkActionState[] | undefined;
  readonly appId?: string | undefined;
  readonly appEntitlementId?: string | undefined;
}

/**
 * Bulk actions newest first (IDs sort by creation time), one keyset page older than `afterId`
 * (CONTRACT.md §7.8): the action just run is the first of page 1. Each filter has an index that
 * ends in the ID (`bulk_actions_state`, `bulk_actions_entitlement_id`, `bulk_actions_app_id`), so a
 * page is read backwards along it.
 */
export function listBulkActions(db: Executor, filter: BulkActionFilter): Promise<BulkActionRow[]> {
  let q = db.selectFrom('bulk_actions').select(ACTION_COLUMNS).orderBy('id', 'desc').limit(filter.limit);
  if (filter.afterId) q = q.where('id', '<', filter.afterId);
  if (filter.states && filter.states.length > 0) q = q.where('state', 'in', filter.states);
  if (filter.appId) q = q.where('app_id', '=', filter.appId);
  if (filter.appEntitlementId) q = q.where('app_entitlement_id', '=', filter.appEntitlementId);
  return q.execute();
}

/** Deletes finished actions completed before `before`, with their items and chunks; returns how many. */
export async function deleteFinishedBefore(db: Executor, before: string, limit: number): Promise<number> {
  const ids = (
    await db
      .selectFrom('bulk_actions')
      .select('id')
      .where('completed_at', '<', before)
      .where('state', 'not in', OPEN_STATES)
      .limit(limit)
      .execute()
  ).map((r) => r.id);
  if (ids.length === 0) return 0;
  await db.deleteFrom('bulk_action_items').where('bulk_action_id', 'in', ids).execute();
  await db.deleteFrom('bulk_action_chunks').where('bulk_action_id', 'in', ids).execute();
  await db.deleteFrom('bulk_actions').where('id', 'in', ids).execute();
  return ids.length;
}

/** Whether any bulk action has work left (a chunk not done), whoever holds it. */
export async function hasUnfinishedChunks(db: Executor): Promise<boolean> {
  const row = await db
    .selectFrom('bulk_action_chunks')
    .select('bulk_action_id')
    .where('done', '=', 0)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
