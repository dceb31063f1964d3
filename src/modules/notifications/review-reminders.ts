import type { FastifyBaseLogger } from 'fastify';
import type { PublicUrl } from '../../config.js';
import type { Db } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { type CampaignDue, listOpenCampaignsDueBefore } from '../reviews/index.js';
import { countOpenCertifyTasksByAssignee } from '../tasks/index.js';
import { findUsersByIds } from '../users/index.js';
import { unreachable } from './mail-recipients.js';
import { recipientsQueuedFor } from './notifications.repository.js';
import { type QueuedMail, queueMail } from './outbox.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Days before the due date a reminder goes out, earliest first (issue 20, item 7). */
export const REMINDER_DAYS_BEFORE = [7, 3, 1] as const;

/** A reminder point: `7d`, `3d`, `1d` before the due date, or `overdue-<n>` on the n-th day after it. */
export type ReminderPoint = `${(typeof REMINDER_DAYS_BEFORE)[number]}d` | `overdue-${number}`;

/**
 * The reminder point `now` is in for a campaign due at `due`, or undefined before the first (more
 * than 7 days ahead). Only the latest point counts: a loop that was down over the 7-day point and
 * comes back after the 3-day one sends the 3-day reminder, not both.
 */
export function reminderPointOf(due: Date, now: Date): ReminderPoint | undefined {
  const left = due.getTime() - now.getTime();
  if (left <= 0) return `overdue-${Math.floor(-left / DAY_MS) + 1}`;
  let point: ReminderPoint | undefined;
  for (const days of REMINDER_DAYS_BEFORE) if (left <= days * DAY_MS) point = `${days}d`;
  return point;
}

const dueText = (due: Date) => `${due.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export interface ReviewRemindersDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly publicUrl: PublicUrl;
  readonly logger: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
  /** Called after messages were queued, so the sender looks at once. */
  readonly onQueued?: () => void;
}

/**
 * Access-review reminders (CONTRACT.md §7.28): for each open campaign with a completion date, at 7,
 * 3 and 1 days before it and on every day after it, one message to each reviewer who has open
 * certify tasks in it, with how many. The message's cause is `<campaign>:<due date>:<point>`, and
 * the outbox is unique per cause and person, so running again (or in several processes) queues
 * nothing new; a changed due date starts its own reminders.
 */
export function createReviewReminders(deps: ReviewRemindersDeps) {
  const { db, clock, logger } = deps;

  async function mailsFor(campaign: CampaignDue, point: ReminderPoint): Promise<QueuedMail[]> {
    const due = new Date(campaign.completionDate);
    const sourceId = `${campaign.id}:${campaign.completionDate}:${point}`;
    // Those already told at this point are left out before anything is written: the loop runs
    // often, and on SQLite every write waits for the one writer.
    const told = await recipientsQueuedFor(db, sourceId);
    const waiting = (await countOpenCertifyTasksByAssignee(db, campaign.id)).filter(
      (w) => !told.has(w.userId),
    );
    if (waiting.length === 0) return [];
    const users = new Map(
      (
        await findUsersByIds(
          db,
          waiting.map((w) => w.userId),
        )
      ).map((u) => [u.id, u]),
    );
    const link = new URL(`/console/my-reviews?campaign=${campaign.id}`, deps.publicUrl()).href;
    const overdue = point.startsWith('overdue-');
    const mails: QueuedMail[] = [];
    for (const { userId, open } of waiting) {
      const user = users.get(userId);
      const why = unreachable(user);
      if (why !== undefined || !user) {
        logger.warn(
          { userId, accessReviewId: campaign.id },
          `no reminder for access review ${campaign.id}: user ${userId} ${why}`,
        );
        continue;
      }
      const items = `${open} ${open === 1 ? 'item' : 'items'}`;
      const subject = overdue
        ? `Overdue access review: ${campaign.displayName} (${items} to review)`
        : `Access review due ${dueText(due).slice(0, 10)}: ${campaign.displayName} (${items} to review)`;
      mails.push({
        kind: 'access_review.reminder',
        sourceId,
        subjectId: campaign.id,
        recipientUserId: user.id,
        toAddress: user.email,
        subject,
        text: `${[
          `You have ${items} to review in the access review "${campaign.displayName}".`,
          overdue ? `It was due ${dueText(due)}.` : `It is due ${dueText(due)}.`,
          '',
          'Certify or decertify each one here:',
          link,
        ].join('\n')}\n`,
      });
    }
    return mails;
  }

  /** Queues the reminders due now; returns how many messages were offered to the outbox. */
  async function runOnce(): Promise<number> {
    const now = clock.now();
    const until = new Date(now.getTime() + REMINDER_DAYS_BEFORE[0] * DAY_MS).toISOString();
    let queued = 0;
    let afterId = '';
    for (;;) {
      const page = await listOpenCampaignsDueBefore(db, until, afterId, 100);
      for (const campaign of page) {
        const point = reminderPointOf(new Date(campaign.completionDate), now);
        if (point === undefined) continue;
        const mails = await mailsFor(campaign, point);
        // One statement: a cause and person already queued is left as it was (the outbox's unique key).
        if (mails.length > 0) queued += await queueMail(db, mails, now);
      }
      if (page.length < 100) break;
      afterId = page[page.length - 1]?.id ?? afterId;
    }
    if (queued > 0) deps.onQueued?.();
    return queued;
  }

  return { runOnce };
}
