/** Bulk actions, durable add-members and set-members work: what other modules may use. */

export type { BatchCommitted, BulkActionRunner } from './bulk-action.runner.js';
export {
  deleteFinishedBefore,
  findPendingAdd,
  hasUnfinishedChunks,
  OPEN_STATES,
} from './bulk-actions.repository.js';
export type { SetMembersService } from './set-members.service.js';
