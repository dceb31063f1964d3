/**
 * Notifications (CONTRACT.md §7.27): mail through SMTP. The outbox any feature queues messages in,
 * the sender that delivers them, and the task notifier that queues a message per person a task
 * event concerns. Above tasks, the top of the ladder.
 */
export { createNotifications, type Notifications } from './notifications.js';
export { type QueuedMail, queueMail } from './outbox.js';
