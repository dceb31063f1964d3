import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { isPermanentMailFailure, type Mailer, mailFailureText } from '../../lib/mailer.js';
import { createWakeableLoop } from '../../lib/wakeable-loop.js';
import { claimMail, listDueMail, type OutboxRow, updateMail } from './notifications.repository.js';

export interface MailSenderDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly mailer: Mailer;
  readonly logger: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
  readonly pollMs: number;
  /** Attempts before a message is given up as FAILED. */
  readonly maxAttempts?: number;
  /** Host part of the Message-IDs (the public URL's host). */
  readonly messageIdHost: () => string;
}

/** Messages taken per step. */
const BATCH = 50;
/** How long a claimed message is left to its sender before another may take it (a sender that died). */
const CLAIM_MS = 10 * 60_000;
/** The wait after the first failure; it doubles after each, up to MAX_BACKOFF_MS. */
const FIRST_BACKOFF_MS = 30_000;
const MAX_BACKOFF_MS = 60 * 60_000;
/** 8 attempts span about an hour and a half of retries. */
export const DEFAULT_MAX_ATTEMPTS = 8;

export const backoffMs = (attempts: number): number =>
  Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));

/**
 * Sends the outbox through the mailer, oldest due first. A message is claimed (its next attempt moved
 * past the claim) before it is sent and marked SENT right after, so delivery is at least once: a
 * process dying between the server's acceptance and the mark sends that one message again once the
 * claim lapses, under the same Message-ID. A failure waits a doubling backoff; a 5xx refusal, or the
 * last of `maxAttempts`, makes it FAILED. One failing message holds up no other.
 */
export function createMailSender(deps: MailSenderDeps) {
  const { db, clock, logger, mailer } = deps;
  const maxAttempts = deps.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;

  const loop = createWakeableLoop(step, {
    pollMs: deps.pollMs,
    onError: (error) => logger.error({ err: error }, 'sending mail failed; retrying'),
  });

  async function attempt(row: OutboxRow): Promise<void> {
    const started = clock.now();
    if (!(await claimMail(db, row, new Date(started.getTime() + CLAIM_MS).toISOString()))) return;
    const attempts = row.attempts + 1;
    try {
      await mailer.send({
        to: row.to_address,
        subject: row.subject,
        text: row.body,
        messageId: `${row.id}@${deps.messageIdHost()}`,
      });
    } catch (error) {
      const now = clock.now();
      const reason = mailFailureText(error);
      const final = isPermanentMailFailure(error) || attempts >= maxAttempts;
      await updateMail(db, row.id, {
        attempts,
        last_error: reason,
        ...(final
          ? { state: 'FAILED' }
          : { next_attempt_at: new Date(now.getTime() + backoffMs(attempts)).toISOString() }),
      });
      const context = { mailId: row.id, kind: row.kind, subjectId: row.subject_id, attempts, reason };
      if (final) logger.error(context, `mail to user ${row.recipient_user_id} failed; giving up`);
      else logger.warn(context, `mail to user ${row.recipient_user_id} failed; will retry`);
      return;
    }
    await updateMail(db, row.id, {
      state: 'SENT',
      attempts,
      last_error: null,
      sent_at: clock.now().toISOString(),
    });
  }

  /** One batch; true when there may be more due at once. */
  async function step(): Promise<boolean> {
    const due = await listDueMail(db, clock.now().toISOString(), BATCH);
    for (const row of due) {
      if (loop.stopping) return false;
      await attempt(row);
    }
    return due.length >= BATCH;
  }

  return {
    start: () => loop.start(),
    wake: () => loop.wake(),
    stop: () => loop.stop(),
    /** Sends what is due now (tests and tools). */
    async runUntilIdle() {
      while (await step()) {}
    },
  };
}
