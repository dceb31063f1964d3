import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Db } from '../../db/schema.js';
import { SYSTEM_ACTOR } from '../../lib/actor.js';
import type { Clock } from '../../lib/clock.js';
import { newId } from '../../lib/ids.js';
import type { SystemLog } from '../audit/index.js';
import {
  DEFAULT_SEND_LIMITS,
  isSuccess,
  type SendLimits,
  type SendResult,
  sendWebhook,
} from './webhook-sender.js';
import { signWebhook } from './webhook-signing.js';
import type { TargetPolicy } from './webhook-target.js';
import {
  claimSubscription,
  type DeliveryRow,
  hasClaimableSubscription,
  headDelivery,
  insertAttempt,
  releaseLease,
  renewLease,
  updateDelivery,
  updateWebhook,
  type WebhookRow,
} from './webhooks.repository.js';

export interface RetryPolicy {
  /** The pause after the first failed attempt; each further failure doubles it. */
  readonly baseMs: number;
  /** The longest pause between two attempts. */
  readonly maxMs: number;
  /** How long a subscription may fail without a success before Roster disables it. */
  readonly disableAfterMs: number;
}

/** About three days of attempts: 5 s, 10 s, 20 s ... up to 6 h apart (Standard Webhooks' advice). */
export const DEFAULT_RETRY: RetryPolicy = {
  baseMs: 5_000,
  maxMs: 6 * 3_600_000,
  disableAfterMs: 3 * 24 * 3_600_000,
};

export interface WebhookWorkerDeps {
  readonly db: Db;
  readonly dialect: DialectFeatures;
  readonly clock: Clock;
  readonly systemLog: SystemLog;
  readonly logger: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
  readonly policy: TargetPolicy;
  readonly limits?: SendLimits;
  readonly retry?: RetryPolicy;
  /** Subscriptions sent to at once: a slow receiver holds up one slot, not the others. */
  readonly concurrency?: number;
  /** How long a claim on a subscription lasts without renewal; longer than one send may take. */
  readonly leaseMs?: number;
  /** How often an idle slot looks for work it was not woken for (deliveries of other processes, retries). */
  readonly pollMs?: number;
  readonly owner?: string;
  /** Jitter's source of randomness, in [0, 1). */
  readonly random?: () => number;
  /** Called after each attempt is recorded; tests use it to observe or pace the worker. */
  readonly afterAttempt?: (info: { deliveryId: string; delivered: boolean }) => void | Promise<void>;
}

export type WebhookWorker = ReturnType<typeof createWebhookWorker>;

const MAX_ERROR_TEXT = 1_000;

/**
 * The pause before attempt n+1 after n failures: exponential, capped, with jitter (a random point in
 * its upper half) so that receivers coming back up are not hit by every sender at the same moment.
 */
export function retryDelay(failures: number, retry: RetryPolicy, random: () => number): number {
  const full = Math.min(retry.maxMs, retry.baseMs * 2 ** Math.max(0, failures - 1));
  return Math.round(full / 2 + (random() * full) / 2);
}

/**
 * Sends queued deliveries. A slot claims a subscription (a lease on its row, as bulk-action chunks
 * are leased) and sends its pending deliveries oldest first, one at a time, so each subscription
 * receives its events in order; a failure postpones that subscription's queue and frees the slot.
 * Every attempt is recorded. Delivery is at least once: a process that dies after the receiver
 * answered but before the outcome committed sends that delivery again once its lease runs out.
 */
export function createWebhookWorker(deps: WebhookWorkerDeps) {
  const { db, dialect, clock, logger } = deps;
  const limits = deps.limits ?? DEFAULT_SEND_LIMITS;
  const retry = deps.retry ?? DEFAULT_RETRY;
  const concurrency = deps.concurrency ?? 8;
  const leaseMs = deps.leaseMs ?? Math.max(60_000, limits.totalTimeoutMs * 2);
  const pollMs = deps.pollMs ?? 1_000;
  const random = deps.random ?? Math.random;
  const owner = deps.owner ?? `webhooks-${process.pid}-${randomBytes(4).toString('hex')}`;

  let stopping = false;
  let loops: Promise<void>[] = [];
  const sleepers = new Set<() => void>();
  let wakeCount = 0;
  /** Subscriptions this process's slots hold, so two slots never take the same one. */
  const held = new Set<string>();

  const leaseUntil = () => new Date(clock.now().getTime() + leaseMs).toISOString();

  async function claim(): Promise<WebhookRow | undefined> {
    // Look first: an idle sender takes no write lock (hasClaimableSubscription).
    if (!(await hasClaimableSubscription(db, clock.now().toISOString(), [...held]))) return undefined;
    return db
      .transaction()
      .execute((trx) =>
        claimSubscription(trx, dialect, owner, clock.now().toISOString(), leaseUntil(), [...held]),
      );
  }

  async function send(subscription: WebhookRow, delivery: DeliveryRow): Promise<SendResult> {
    const headers = signWebhook(subscription.secret, delivery.message_id, clock.now(), delivery.payload);
    return sendWebhook(subscription.url, { ...headers }, delivery.payload, deps.policy, limits);
  }

  /** Records the attempt and its outcome; returns false when the subscription must wait (failure). */
  async function record(
    claimed: { row: WebhookRow },
    delivery: DeliveryRow,
    result: SendResult,
  ): Promise<boolean> {
    const subscription = claimed.row;
    const delivered = isSuccess(result);
    const now = clock.now();
    const at = now.toISOString();
    const error =
      result.error ??
      (delivered
        ? null
        : `the receiver answered ${result.status ?? 'nothing'}${result.status && result.status >= 300 && result.status < 400 ? ' (redirects are not followed)' : ''}`);
    let disabled = false;
    await db.transaction().execute(async (trx) => {
      await insertAttempt(trx, {
        id: newId(now.getTime()),
        delivery_id: delivery.id,
        attempted_at: at,
        status: result.status ?? null,
        latency_ms: result.latencyMs,
        response_excerpt: result.excerpt,
        error: error?.slice(0, MAX_ERROR_TEXT) ?? null,
      });
      const attempts = delivery.attempts + 1;
      if (delivered) {
        await updateDelivery(trx, delivery.id, {
          state: 'DELIVERED',
          attempts,
          delivered_at: at,
          last_status: result.status ?? null,
          last_error: null,
        });
        if (subscription.failing_since !== null) {
          await updateWebhook(trx, subscription.id, { failing_since: null });
          claimed.row = { ...subscription, failing_since: null };
        }
        return;
      }
      await updateDelivery(trx, delivery.id, {
        attempts,
        last_status: result.status ?? null,
        last_error: error?.slice(0, MAX_ERROR_TEXT) ?? null,
        next_attempt_at: new Date(now.getTime() + retryDelay(attempts, retry, random)).toISOString(),
      });
      const failingSince = subscription.failing_since ?? at;
      if (now.getTime() - Date.parse(failingSince) < retry.disableAfterMs) {
        if (subscription.failing_since === null)
          await updateWebhook(trx, subscription.id, { failing_since: at });
        return;
      }
      disabled = true;
      const reason = `no successful delivery since ${failingSince}; last error: ${error}`.slice(
        0,
        MAX_ERROR_TEXT,
      );
      await updateWebhook(trx, subscription.id, {
        state: 'DISABLED',
        disabled_reason: reason,
        failing_since: failingSince,
        updated_at: at,
      });
      await deps.systemLog.record(trx, [
        {
          operation: 'webhook.disabled',
          activity: 'update',
          targetType: 'webhook',
          targetId: subscription.id,
          actor: SYSTEM_ACTOR,
          occurredAt: now,
          details: { reason, url: subscription.url },
        },
      ]);
    });
    if (disabled) {
      logger.warn(
        { webhookId: subscription.id, url: subscription.url },
        'webhook disabled after failing for too long',
      );
    }
    await deps.afterAttempt?.({ deliveryId: delivery.id, delivered });
    return delivered;
  }

  /** Sends the claimed subscription's due deliveries in order until one fails or none is due. */
  async function drain(subscription: WebhookRow): Promise<void> {
    const claimed = { row: subscription };
    try {
      while (!stopping) {
        const delivery = await headDelivery(db, subscription.id);
        if (!delivery || delivery.next_attempt_at > clock.now().toISOString()) return;
        if (!(await renewLease(db, subscription.id, owner, leaseUntil()))) return;
        const result = await send(subscription, delivery);
        if (!(await record(claimed, delivery, result))) return;
      }
    } finally {
      await releaseLease(db, subscription.id, owner).catch(() => undefined);
    }
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      sleepers.add(done);
    });
  }

  async function slot(): Promise<void> {
    while (!stopping) {
      const seen = wakeCount;
      try {
        const subscription = await claim();
        if (subscription) {
          held.add(subscription.id);
          try {
            await drain(subscription);
          } finally {
            held.delete(subscription.id);
          }
          continue;
        }
      } catch (error) {
        logger.error({ err: error }, 'webhook sender failed; retrying');
      }
      if (seen === wakeCount && !stopping) await sleep(pollMs);
    }
  }

  return {
    owner,
    start() {
      stopping = false;
      if (loops.length > 0) return;
      loops = Array.from({ length: concurrency }, () => slot());
    },
    /** Looks for work now (deliveries were queued in this process). */
    wake() {
      wakeCount++;
      for (const wakeUp of [...sleepers]) wakeUp();
    },
    /** Lets the current sends finish, releases their leases and stops. */
    async stop() {
      stopping = true;
      for (const wakeUp of [...sleepers]) wakeUp();
      await Promise.all(loops);
      loops = [];
    },
    /** Sends everything due now, in the foreground, until nothing due is left (tests and tools). */
    async runUntilIdle() {
      for (;;) {
        const subscription = await claim();
        if (!subscription) return;
        held.add(subscription.id);
        try {
          await drain(subscription);
        } finally {
          held.delete(subscription.id);
        }
      }
    },
  };
}
