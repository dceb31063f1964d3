import type { JsonText, Timestamp } from '../../db/columns.js';

export interface IdempotencyKeysTable {
  /** The API client (row ID) that sent the key: keys are scoped to their sender. */
  client_id: string;
  key: string;
  /** SHA-256 of the method, path and body the key was first used with. */
  request_hash: string;
  /** The JSON body that was answered. */
  response: JsonText;
  created_at: Timestamp;
  expires_at: Timestamp;
}

/** The tables the idempotency module owns; src/db/schema.ts combines every module's into `Database`. */
export interface IdempotencyTables {
  idempotency_keys: IdempotencyKeysTable;
}
