import type { FastifyBaseLogger } from 'fastify';
import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Db, Executor } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { createWakeableLoop } from '../../lib/wakeable-loop.js';
import { findAppUsersByIds } from '../app-users/index.js';
import { findUsersByIds } from '../users/index.js';
import { type AppUserOwner, appUserIdsOf, eventsOf, type StreamChange, wants } from './webhook-events.js';
import { listLiveWebhooks, readDispatchCursor, writeDispatchCursor } from './webhooks.repository.js';
import { appIdsOf, eventTypesOf, queueMessages } from './webhooks.service.js';

/** The change stream as the dispatcher reads it (src/modules/changes: readChanges, currentChangeCursor). */
export interface ChangeSource {
  read(
    db: Executor,
    dialect: DialectFeatures,
    after: string,
    limit: number,
  ): Promise<{ changes: readonly StreamChange[]; cursor: string }>;
  current(db: Executor, dialect: DialectFeatures): Promise<string>;
}

export interface WebhookDispatcherDeps {
  readonly db: Db;
  readonly dialect: DialectFeatures;
  readonly clock: Clock;
  readonly changes: ChangeSource;
  readonly logger: Pick<FastifyBaseLogger, 'warn' | 'error'>;
  /** Called after deliveries were queued, so the sender looks at once. */
  readonly onQueued?: () => void;
  /** Changes read per transaction. */
  readonly pageSize?: number;
  /** How often an idle dispatcher looks for changes it was not woken for. */
  readonly pollMs?: number;
}

export type WebhookDispatcher = ReturnType<typeof createWebhookDispatcher>;

/**
 * Turns the commit-ordered change stream into deliveries. Each step reads a page of changes after
 * the stored cursor, queues a delivery per matching subscription, and stores the new cursor in the
 * same transaction: a crash before the commit leaves both undone, after it both done, so no change
 * is lost or queued twice. Dispatchers of several processes take turns on the cursor (a lock on
 * PostgreSQL, the single writer on SQLite).
 */
export function createWebhookDispatcher(deps: WebhookDispatcherDeps) {
  const { db, dialect, clock, logger } = deps;
  const pageSize = deps.pageSize ?? 2_000;
  const pollMs = deps.pollMs ?? 500;

  const loop = createWakeableLoop(step, {
    pollMs,
    onError: (error) => logger.error({ err: error }, 'webhook dispatch failed; retrying'),
  });

  /**
   * The C1 user and email of each app user a page's grants name, read when the page is dispatched (a
   * page holds at most `pageSize` changes, so these are two lookups of at most that many IDs).
   */
  async function ownersOf(trx: Executor, appUserIds: readonly string[]): Promise<Map<string, AppUserOwner>> {
    const appUsers = await findAppUsersByIds(trx, appUserIds);
    const users = await findUsersByIds(trx, [
      ...new Set(appUsers.map((a) => a.identity_user_id).filter(Boolean)),
    ]);
    const emails = new Map(users.map((u) => [u.id, u.email]));
    return new Map(
      appUsers.map((a) => [
        a.id,
        { userId: a.identity_user_id, email: emails.get(a.identity_user_id) ?? '' },
      ]),
    );
  }

  /** One page; true when there may be more to read at once. */
  async function step(): Promise<boolean> {
    // Nobody listens: nothing to do, and no write. On SQLite a write here would wait for the lock
    // the bulk runner's thread takes batch after batch, blocking this thread's requests for as long
    // (nothing before a subscription is ever sent to it, so the cursor may stay behind meanwhile).
    if ((await listLiveWebhooks(db)).length === 0) return false;
    let queued = 0;
    const more = await db.transaction().execute(async (trx) => {
      const now = clock.now();
      const at = now.toISOString();
      // The turn on the cursor first; then the stream's end, read before the subscriptions, so a
      // change committed after this point is seen by the next step.
      const stored = await readDispatchCursor(trx, dialect);
      const head = await deps.changes.current(trx, dialect);
      const subscriptions = (await listLiveWebhooks(trx)).map((row) => ({
        id: row.id,
        eventTypes: eventTypesOf(row),
        appIds: appIdsOf(row),
        createdAt: row.created_at,
      }));
      if (subscriptions.length === 0) return false;
      // Never read before (subscribed before the first step): from the start, filtered by creation time.
      const after = stored ?? '';
      if (after === head) return false;
      const { changes, cursor } = await deps.changes.read(trx, dialect, after, pageSize);
      const events = eventsOf(changes, now.getTime(), await ownersOf(trx, appUserIdsOf(changes)));
      for (const subscription of subscriptions) {
        const matching = events.filter((event) => wants(subscription, event));
        await queueMessages(trx, dialect, subscription.id, matching, now);
        queued += matching.length;
      }
      if (cursor !== after) await writeDispatchCursor(trx, cursor, at);
      return changes.length >= pageSize;
    });
    if (queued > 0) deps.onQueued?.();
    return more;
  }

  return {
    start: () => loop.start(),
    /** Reads the stream now (something committed in this process). */
    wake: () => loop.wake(),
    stop: () => loop.stop(),
    /** Dispatches until the stream is read to its end (tests and tools). */
    async runUntilIdle() {
      while (await step()) {}
    },
  };
}
