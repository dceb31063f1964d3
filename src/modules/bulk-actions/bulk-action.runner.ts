import { randomBytes } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { FastifyBaseLogger } from 'fastify';
import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Db } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import type { SystemLog } from '../audit/system-log.service.js';
import { applyAddManualUsersBatch } from './add-manual-users.batch.js';
import { finalState } from './bulk-action.states.js';
import {
  addProgress,
  type BulkActionRow,
  claimBulkAction,
  releaseLease,
  renewLease,
} from './bulk-actions.repository.js';

export interface BulkActionRunnerDeps {
  readonly db: Db;
  readonly dialect: DialectFeatures;
  readonly clock: Clock;
  readonly systemLog: SystemLog;
  readonly logger: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
  /** Users per batch transaction: big enough to amortise the commit, small enough to keep SQLite's one writer free. */
  readonly batchSize?: number;
  /** How long a claim lasts without renewal; another runner takes over an action whose lease ran out. */
  readonly leaseMs?: number;
  /** How often an idle runner looks for work it was not woken for (work created by other processes). */
  readonly pollMs?: number;
  /** Identifies this runner in leases. */
  readonly owner?: string;
  /** Called after each committed batch; tests use it to stop a runner part-way. */
  readonly afterBatch?: (info: { bulkActionId: string; cursor: number }) => void | Promise<void>;
}

export type BulkActionRunner = ReturnType<typeof createBulkActionRunner>;

/**
 * Applies bulk actions durably. Each action is a row claimed with a lease; each batch commits its
 * grants, events, items and the advanced cursor in one transaction, so a runner that dies loses at
 * most an uncommitted batch, which the next claimant redoes. Actions are never processed twice in
 * parallel: a runner renews its lease inside every batch transaction and stops when it has lost it.
 */
export function createBulkActionRunner(deps: BulkActionRunnerDeps) {
  const { db, dialect, clock, logger } = deps;
  const batchSize = deps.batchSize ?? 1_000;
  const leaseMs = deps.leaseMs ?? 30_000;
  const pollMs = deps.pollMs ?? 1_000;
  const owner = deps.owner ?? `runner-${process.pid}-${randomBytes(4).toString('hex')}`;

  let stopping = false;
  let loop: Promise<void> | undefined;
  let wakeUp: (() => void) | undefined;
  let pendingWake = false;

  const leaseUntil = () => new Date(clock.now().getTime() + leaseMs).toISOString();

  async function claim(): Promise<BulkActionRow | undefined> {
    return db
      .transaction()
      .execute((trx) => claimBulkAction(trx, dialect, owner, clock.now().toISOString(), leaseUntil()));
  }

  /** Works through one claimed action until it is done, the lease is lost, or the runner stops. */
  async function work(action: BulkActionRow): Promise<void> {
    const userIds = JSON.parse(action.user_ids) as string[];
    let succeeded = action.succeeded;
    let failed = action.failed;
    while (!stopping) {
      const outcome = await db.transaction().execute(async (trx) => {
        const cursor = await renewLease(trx, action.id, owner, leaseUntil());
        if (cursor === undefined) return undefined;
        const now = clock.now();
        const slice = userIds.slice(cursor, cursor + batchSize);
        const result = await applyAddManualUsersBatch(trx, deps, action, slice, now);
        const last = cursor + slice.length >= userIds.length;
        const state = last ? finalState(succeeded + result.succeeded, failed + result.failed) : undefined;
        await addProgress(
          trx,
          action.id,
          {
            cursor: slice.length,
            processed: slice.length,
            succeeded: result.succeeded,
            failed: result.failed,
          },
          now.toISOString(),
          state,
        );
        return { ...result, cursor: cursor + slice.length, last };
      });
      if (!outcome) {
        logger.warn({ bulkActionId: action.id }, 'bulk action lease lost; another runner continues it');
        return;
      }
      succeeded += outcome.succeeded;
      failed += outcome.failed;
      await deps.afterBatch?.({ bulkActionId: action.id, cursor: outcome.cursor });
      if (outcome.last) {
        logger.info({ bulkActionId: action.id, succeeded, failed }, 'bulk action completed');
        return;
      }
      // Let HTTP requests in between batches.
      await yieldToEventLoop();
    }
    await releaseLease(db, action.id, owner);
  }

  /** Claims and processes one action; false when there was nothing to claim. */
  async function runOne(): Promise<boolean> {
    const action = await claim();
    if (!action) return false;
    await work(action);
    return true;
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeUp = undefined;
        resolve();
      }
      wakeUp = done;
    });
  }

  async function run(): Promise<void> {
    while (!stopping) {
      try {
        pendingWake = false;
        if (await runOne()) continue;
      } catch (error) {
        logger.error({ err: error }, 'bulk action runner failed; retrying');
      }
      if (!pendingWake && !stopping) await sleep(pollMs);
    }
  }

  return {
    owner,
    /** Starts working in the background. */
    start() {
      stopping = false;
      loop ??= run().finally(() => {
        loop = undefined;
      });
    },
    /** Looks for work now instead of at the next poll. */
    wake() {
      pendingWake = true;
      wakeUp?.();
    },
    /** Finishes the current batch, releases the lease and stops. */
    async stop() {
      stopping = true;
      wakeUp?.();
      await loop;
    },
    /** Processes claimable actions in the foreground until none is left (tests and tools). */
    async runUntilIdle() {
      while (!stopping && (await runOne())) {}
    },
  };
}
