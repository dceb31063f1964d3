import { randomBytes } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { FastifyBaseLogger } from 'fastify';
import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Db } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { createWakeableLoop } from '../../lib/wakeable-loop.js';
import type { SystemLog } from '../audit/index.js';
import { applyBatch, itemKeyOf } from './bulk-action.batches.js';
import { logBulkActionFinished, logBulkActionStarted } from './bulk-action.log.js';
import {
  type BulkActionChunkRow,
  type BulkActionRow,
  claimChunk,
  failedItem,
  findBulkActionById,
  findBulkActionWork,
  insertBulkActionItems,
  postponeChunk,
  recordBatch,
  recordChunkFailure,
  releaseChunkLease,
  renewChunkLease,
} from './bulk-actions.repository.js';

/** What the runner reports of each batch it commits. */
export interface BatchCommitted {
  readonly bulkActionId: string;
  /** The chunk's cursor after the batch. */
  readonly cursor: number;
  /** The batch transaction's duration, BEGIN to COMMIT, in milliseconds. */
  readonly transactionMs: number;
}

export interface BulkActionRunnerDeps {
  readonly db: Db;
  readonly dialect: DialectFeatures;
  readonly clock: Clock;
  readonly systemLog: SystemLog;
  readonly logger: Pick<FastifyBaseLogger, 'debug' | 'info' | 'warn' | 'error'>;
  /** Users per batch transaction: big enough to amortise the commit, small enough to keep SQLite's one writer free. */
  readonly batchSize?: number;
  /**
   * The runner grows batches up to this many users while they finish well inside `batchTargetMs`
   * (each batch has fixed costs: lease, lookups, counters, commit), and halves them when they take
   * longer, down to `minBatchSize`, so SQLite's write lock is never held much beyond the target even
   * when the machine is busy. Defaults to `batchSize`: fixed batches.
   */
  readonly maxBatchSize?: number;
  /**
   * The smallest batch adapting batches shrink to. By default `batchSize` with fixed batches, else
   * the smaller of `batchSize` and 50: on a machine busy enough that a batch of `batchSize` users
   * holds the write lock past the target, readers wait for smaller slices.
   */
  readonly minBatchSize?: number;
  /** How long one batch transaction should take at most, when batches adapt; by default the dialect's. */
  readonly batchTargetMs?: number;
  /** How long a claim lasts without renewal; another runner takes over an action whose lease ran out. */
  readonly leaseMs?: number;
  /** How often an idle runner looks for work it was not woken for (work created by other processes). */
  readonly pollMs?: number;
  /** Identifies this runner in leases. */
  readonly owner?: string;
  /**
   * Called after each committed batch with how long its transaction took from BEGIN to COMMIT (on
   * SQLite, about how long it held the write lock); tests use it to stop a runner part-way.
   */
  readonly afterBatch?: (info: BatchCommitted) => void | Promise<void>;
  /** Called each time the runner looks for work and finds none (its thread ends after a while idle). */
  readonly onIdle?: () => void;
}

export type BulkActionRunner = ReturnType<typeof createBulkActionRunner>;

const MAX_FAILED_ATTEMPTS = 8;
const RETRY_PAUSE_MS = 1_000;
const RETRY_PAUSE_MAX_MS = 5 * 60_000;
const MAX_ERROR_TEXT = 2_000;
/** Adapting batches shrink no further than this by default: below it the commit dominates. */
const MIN_ADAPTIVE_BATCH = 50;

/** How often applyNow looks again at an action whose chunks it could not claim. */
const APPLY_NOW_WAIT_MS = 25;

/**
 * Applies bulk actions durably. An action's work list (user IDs, or set-members operations) is split into chunks; a runner claims a chunk
 * with a lease and works through it in batches, each committing its grants, events, items, the
 * chunk's cursor and the action's counters in one transaction. A runner that dies loses at most an
 * uncommitted batch, which the next claimant redoes; runners in several processes share one action
 * chunk by chunk; a chunk is never worked on twice at once, because every batch renews the lease in
 * its own transaction and a runner stops when it has lost it.
 */
export function createBulkActionRunner(deps: BulkActionRunnerDeps) {
  const { db, dialect, clock, logger } = deps;
  const batchSize = deps.batchSize ?? 1_000;
  const maxBatchSize = Math.max(batchSize, deps.maxBatchSize ?? batchSize);
  const minBatchSize = Math.max(
    1,
    Math.min(batchSize, deps.minBatchSize ?? (maxBatchSize > batchSize ? MIN_ADAPTIVE_BATCH : batchSize)),
  );
  const batchTargetMs = deps.batchTargetMs ?? dialect.bulkBatchTargetMs;
  // The current batch size; kept across chunks, since the cost per user changes slowly.
  let size = batchSize;
  const leaseMs = deps.leaseMs ?? 30_000;
  const pollMs = deps.pollMs ?? 1_000;
  const owner = deps.owner ?? `runner-${process.pid}-${randomBytes(4).toString('hex')}`;

  const loop = createWakeableLoop(runOne, {
    pollMs,
    onError: (error) => logger.error({ err: error }, 'bulk action runner failed; retrying'),
  });
  // The parsed work list of the last action worked on: its chunks usually come one after another.
  let cached: { action: BulkActionRow; work: string[] } | undefined;

  const leaseUntil = () => new Date(clock.now().getTime() + leaseMs).toISOString();

  async function claim(onlyActionId?: string): Promise<BulkActionChunkRow | undefined> {
    return db.transaction().execute(async (trx) => {
      const now = clock.now();
      const claimed = await claimChunk(trx, dialect, owner, now.toISOString(), leaseUntil(), onlyActionId);
      if (!claimed) return undefined;
      const { started, ...chunk } = claimed;
      if (started) await logBulkActionStarted(trx, deps.systemLog, started, now);
      return chunk;
    });
  }

  async function actionOf(chunk: BulkActionChunkRow) {
    if (cached?.action.id !== chunk.bulk_action_id) {
      const found = await findBulkActionWork(db, chunk.bulk_action_id);
      if (!found) throw new Error(`bulk action ${chunk.bulk_action_id} of a chunk is missing`);
      cached = { action: found.action, work: found.work };
    }
    return cached;
  }

  /**
   * A batch that failed (and so changed nothing) is retried after a pause that doubles each time.
   * After MAX_FAILED_ATTEMPTS failures in a row the rest of the chunk is given up: its users are
   * recorded as FAILED items and the action can finish, instead of being retried forever. The count
   * is kept in the database, so failures that come from the database being unreachable, which
   * cannot be recorded, never count.
   */
  async function failBatch(
    chunk: BulkActionChunkRow,
    action: BulkActionRow,
    items: readonly string[],
    error: unknown,
  ): Promise<void> {
    const now = clock.now();
    await db.transaction().execute(async (trx) => {
      const current = await recordChunkFailure(trx, chunk, owner, errorText(error));
      if (!current) return;
      if (current.failed_attempts < MAX_FAILED_ATTEMPTS) {
        const pause = Math.min(RETRY_PAUSE_MAX_MS, RETRY_PAUSE_MS * 2 ** (current.failed_attempts - 1));
        await postponeChunk(trx, chunk, owner, new Date(now.getTime() + pause).toISOString());
        return;
      }
      const rest = items.slice(current.cursor, current.end_index);
      await insertBulkActionItems(
        trx,
        rest.map((item) =>
          failedItem(
            chunk.bulk_action_id,
            itemKeyOf(action, item),
            'could not be applied; see the server log',
          ),
        ),
        dialect,
      );
      const finished = await recordBatch(
        trx,
        chunk,
        current.end_index,
        true,
        { processed: rest.length, succeeded: 0, failed: rest.length },
        now.toISOString(),
      );
      if (finished) await logBulkActionFinished(trx, deps.systemLog, finished, now);
    });
    logger.error(
      { err: error, bulkActionId: chunk.bulk_action_id, chunk: chunk.seq },
      'bulk action batch failed',
    );
  }

  /** Doubles the batch size after a batch well inside the target, halves it after one beyond. */
  function adapt(elapsedMs: number): void {
    if (elapsedMs < batchTargetMs / 2) size = Math.min(maxBatchSize, size * 2);
    else if (elapsedMs > batchTargetMs) size = Math.max(minBatchSize, Math.floor(size / 2));
  }

  /** Works through one claimed chunk until it is done, the lease is lost, or the runner stops. */
  async function work(chunk: BulkActionChunkRow): Promise<void> {
    const { action, work: items } = await actionOf(chunk);
    while (!loop.stopping) {
      const started = performance.now();
      const outcome = await db
        .transaction()
        .execute(async (trx) => {
          const cursor = await renewChunkLease(trx, chunk, owner, leaseUntil());
          if (cursor === undefined) return undefined;
          const now = clock.now();
          const slice = items.slice(cursor, Math.min(cursor + size, chunk.end_index));
          const result = await applyBatch(trx, deps, action, slice, now);
          const next = cursor + slice.length;
          const done = next >= chunk.end_index;
          const finished = await recordBatch(
            trx,
            chunk,
            next,
            done,
            { processed: slice.length, succeeded: result.succeeded, failed: result.failed },
            now.toISOString(),
          );
          if (finished) await logBulkActionFinished(trx, deps.systemLog, finished, now);
          return { cursor: next, done };
        })
        .catch(async (error: unknown) => {
          await failBatch(chunk, action, items, error);
          return 'failed' as const;
        });
      if (outcome === 'failed') return;
      if (!outcome) {
        logger.warn(
          { bulkActionId: action.id, chunk: chunk.seq },
          'bulk action chunk lost or cancelled; stopping it',
        );
        return;
      }
      const transactionMs = performance.now() - started;
      adapt(transactionMs);
      logger.debug(
        { bulkActionId: action.id, chunk: chunk.seq, cursor: outcome.cursor },
        'bulk action batch committed',
      );
      await deps.afterBatch?.({ bulkActionId: action.id, cursor: outcome.cursor, transactionMs });
      if (outcome.done) return;
      // Let HTTP requests in between batches.
      await yieldToEventLoop();
    }
    await releaseChunkLease(db, chunk, owner);
  }

  /** Claims and processes one action; false when there was nothing to claim. */
  async function runOne(): Promise<boolean> {
    const chunk = await claim();
    if (!chunk) {
      deps.onIdle?.();
      return false;
    }
    await work(chunk);
    return true;
  }

  return {
    owner,
    /** Starts working in the background. */
    start: () => loop.start(),
    /** Looks for work now instead of at the next poll. */
    wake: () => loop.wake(),
    /** Finishes the current batch, releases the lease and stops. */
    stop: () => loop.stop(),
    /**
     * Applies one action in the foreground, batch by batch through the same path as the background
     * loop, and resolves when it has finished: for requests that must answer with the result (SCIM
     * reads back at once). Chunks another runner holds, or that wait for an older action on the same
     * entitlement, are waited for; the action stays durable, so a crash here leaves it to the runners.
     */
    async applyNow(bulkActionId: string): Promise<BulkActionRow> {
      for (;;) {
        const chunk = await claim(bulkActionId);
        if (chunk) {
          await work(chunk);
          continue;
        }
        const action = await findBulkActionById(db, bulkActionId);
        if (!action) throw new Error(`bulk action ${bulkActionId} is missing`);
        if (action.completed_at !== null || loop.stopping) return action;
        await new Promise((resolve) => setTimeout(resolve, APPLY_NOW_WAIT_MS));
      }
    },

    /** Processes claimable actions in the foreground until none is left (tests and tools). */
    async runUntilIdle() {
      while (!loop.stopping && (await runOne())) {}
    },
  };
}

/** The text kept on a failed chunk: the error's message, bounded so a huge one cannot bloat the row. */
function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.slice(0, MAX_ERROR_TEXT);
}
