import type { Timestamp } from '../../db/columns.js';

/** PENDING until the SMTP server accepts it; SENT then; FAILED after a permanent refusal or too many tries. */
export type MailState = 'PENDING' | 'SENT' | 'FAILED';

/**
 * The outbox: one row per message to one person, written in the transaction that reads its cause
 * (for task mails, with the cursor that moves past it), then sent. `(source_id, recipient_user_id)`
 * is unique, so a cause is never turned into two messages to the same person.
 */
export interface MailOutboxTable {
  id: string;
  /** What caused the message, e.g. `task.assigned`; for people reading the table. */
  kind: string;
  /** The cause's own ID (a system-log event's ID for task mails). */
  source_id: string;
  /** The task (or other object) the message is about. */
  subject_id: string;
  recipient_user_id: string;
  to_address: string;
  subject: string;
  body: string;
  state: MailState;
  attempts: number;
  /** When a sender may next take it: due now, after a backoff, or after another sender's claim lapses. */
  next_attempt_at: Timestamp;
  last_error: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
}

/** How far into the change stream task mails have been written to the outbox. */
export interface NotificationCursorTable {
  id: string;
  cursor: string;
  updated_at: Timestamp;
}

/** The tables the notifications module owns; src/db/schema.ts combines every module's into `Database`. */
export interface NotificationsTables {
  mail_outbox: MailOutboxTable;
  notification_cursor: NotificationCursorTable;
}
