import type { Generated } from 'kysely';

/**
 * Table types. Both dialects store the same values: timestamps are RFC 3339 text in UTC with
 * milliseconds (`Date.toISOString()`), which sorts correctly as text and reaches the wire unchanged;
 * flags are 0/1 integers; lists and free objects are JSON text.
 */
export type Timestamp = string;
export type Flag = number;
export type JsonText = string;

export interface Audited {
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
}

/**
 * A row's place in the change stream (src/modules/changes), which grant history and the system log
 * share. Readers order by (tx_id, seq). The database fills both on PostgreSQL (column defaults: the
 * writing transaction's ID and one shared sequence); on SQLite tx_id is always 0 and the insert paths
 * set seq from `DialectFeatures.withChangePositions`. PostgreSQL returns both as decimal strings,
 * SQLite as numbers.
 */
export interface ChangePositionColumns {
  tx_id: Generated<string | number>;
  seq: Generated<string | number>;
}
