import type { FastifyBaseLogger } from 'fastify';
import type { PublicUrl } from '../../config.js';
import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Db } from '../../db/schema.js';
import { intervalLoop } from '../../lib/background.js';
import type { Clock } from '../../lib/clock.js';
import type { Mailer } from '../../lib/mailer.js';
import { createMailSender } from './mail-sender.js';
import { createReviewReminders } from './review-reminders.js';
import { createTaskNotifier, type NotifierChangeSource } from './task-notifier.js';

export interface NotificationsDeps {
  readonly db: Db;
  readonly dialect: DialectFeatures;
  readonly clock: Clock;
  readonly publicUrl: PublicUrl;
  readonly mailer: Mailer;
  readonly changes: NotifierChangeSource;
  readonly logger: FastifyBaseLogger;
  /** How often the idle loops look for task events and due mail. */
  readonly pollMs: number;
  readonly maxAttempts?: number;
}

/** How often the reminder loop looks for access-review reminders due (CONTRACT.md §7.28). */
export const REMINDER_INTERVAL_MS = 60_000;

export type Notifications = Awaited<ReturnType<typeof createNotifications>>;

/**
 * Mail, switched on: the task notifier (change stream → outbox) and the sender (outbox → SMTP), one
 * background loop for the server. Built only when ROSTER_SMTP_URL is set; its cursor starts at the
 * stream's end the first time, so switching mail on does not mail the past.
 */
export async function createNotifications(deps: NotificationsDeps) {
  const sender = createMailSender({
    db: deps.db,
    clock: deps.clock,
    mailer: deps.mailer,
    logger: deps.logger.child({ component: 'mail-sender' }),
    pollMs: deps.pollMs,
    messageIdHost: () => deps.publicUrl().hostname,
    ...(deps.maxAttempts === undefined ? {} : { maxAttempts: deps.maxAttempts }),
  });
  const notifier = createTaskNotifier({
    db: deps.db,
    dialect: deps.dialect,
    clock: deps.clock,
    publicUrl: deps.publicUrl,
    changes: deps.changes,
    logger: deps.logger.child({ component: 'task-mail' }),
    onQueued: () => sender.wake(),
    pollMs: deps.pollMs,
  });
  const remindersLogger = deps.logger.child({ component: 'review-reminders' });
  const reminders = createReviewReminders({
    db: deps.db,
    clock: deps.clock,
    publicUrl: deps.publicUrl,
    logger: remindersLogger,
    onQueued: () => sender.wake(),
  });
  // Reminder points are days apart: a look a minute is plenty, and each look only reads unless due.
  const reminderLoop = intervalLoop(
    () =>
      reminders
        .runOnce()
        .then((queued) => {
          if (queued > 0) remindersLogger.info({ queued }, 'access review reminders queued');
        })
        .catch((error) => remindersLogger.warn({ err: error }, 'access review reminders failed; retrying')),
    REMINDER_INTERVAL_MS,
  );
  await notifier.startAtHead();
  return {
    notifier,
    sender,
    reminders,
    start(): void {
      notifier.start();
      reminderLoop.start();
      sender.start();
    },
    async stop(): Promise<void> {
      await notifier.stop();
      await reminderLoop.stop();
      await sender.stop();
    },
    /** Queues what the stream holds and the reminders due, and sends what is due, now (tests and tools). */
    async runUntilIdle(): Promise<void> {
      await notifier.runUntilIdle();
      await reminders.runOnce();
      await sender.runUntilIdle();
    },
  };
}
