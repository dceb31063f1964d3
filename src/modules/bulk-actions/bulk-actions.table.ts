import type { Flag, JsonText, Timestamp } from '../../db/columns.js';
import type { BulkActionItemOutcome, BulkActionKind, BulkActionState } from '../../lib/vocabulary.js';

export interface BulkActionsTable {
  id: string;
  kind: BulkActionKind;
  app_id: string;
  app_entitlement_id: string;
  state: BulkActionState;
  /**
   * The work list, as a JSON array: what the runner works through, chunk by chunk, and the durable
   * record of what was asked: the accepted user IDs of an add, the `add:<userId>` and
   * `remove:<appUserId>` operations of a set of members (`user_ids` before migration 0012).
   */
  work: JsonText;
  /** Every distinct ID of the request, accepted or refused at validation. */
  total: number;
  processed: number;
  succeeded: number;
  failed: number;
  /** When the grants this action makes expire, if it set one. */
  deprovision_at: Timestamp | null;
  actor_user_id: string;
  actor_client_id: string;
  request_id: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  completed_at: Timestamp | null;
}

export interface BulkActionChunksTable {
  bulk_action_id: string;
  seq: number;
  /** The chunk covers `work[start_index, end_index)` of its action. */
  start_index: number;
  end_index: number;
  /** The next index a batch will handle; committed with each batch. */
  cursor: number;
  done: Flag;
  /** Batches of this chunk that failed in a row; a chunk that keeps failing is given up. */
  failed_attempts: number;
  /** Why the chunk's most recent failed batch failed; kept once the chunk is given up. */
  last_error: string | null;
  lease_owner: string | null;
  lease_expires_at: Timestamp | null;
}

export interface BulkActionItemsTable {
  bulk_action_id: string;
  user_id: string;
  outcome: BulkActionItemOutcome;
  app_user_id: string | null;
  app_user_created: Flag;
  error: string | null;
}

/** The tables the bulk-actions module owns; src/db/schema.ts combines every module's into `Database`. */
export interface BulkActionsTables {
  bulk_actions: BulkActionsTable;
  bulk_action_chunks: BulkActionChunksTable;
  bulk_action_items: BulkActionItemsTable;
}
