import type { Executor } from '../../db/schema.js';
import { newId } from '../../lib/ids.js';
import { insertOutbox } from './notifications.repository.js';

/** A message to queue: to whom, about what, and what caused it (one message per cause and person). */
export interface QueuedMail {
  /** What caused it, e.g. `task.assigned`. */
  readonly kind: string;
  /** The cause's ID: queuing the same cause for the same person again does nothing. */
  readonly sourceId: string;
  /** The object it is about (a task). */
  readonly subjectId: string;
  readonly recipientUserId: string;
  readonly toAddress: string;
  readonly subject: string;
  readonly text: string;
}

/**
 * Queues messages in the caller's transaction; the mail sender sends them once it commits. Any
 * feature that mails (task notifications, access-review reminders) goes through here.
 */
export async function queueMail(trx: Executor, mails: readonly QueuedMail[], now: Date): Promise<number> {
  const at = now.toISOString();
  await insertOutbox(
    trx,
    mails.map((mail) => ({
      id: newId(now.getTime()),
      kind: mail.kind,
      source_id: mail.sourceId,
      subject_id: mail.subjectId,
      recipient_user_id: mail.recipientUserId,
      to_address: mail.toAddress,
      subject: mail.subject,
      body: mail.text,
      state: 'PENDING' as const,
      attempts: 0,
      next_attempt_at: at,
      last_error: null,
      created_at: at,
      sent_at: null,
    })),
  );
  return mails.length;
}
