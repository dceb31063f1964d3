/** Bulk actions, durable add-members and set-members work: what other modules may use. */
export { deleteFinishedBefore, findPendingAdd, OPEN_STATES } from './bulk-actions.repository.js';
