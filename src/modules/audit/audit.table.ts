import type { ChangePositionColumns, JsonText, Timestamp } from '../../db/columns.js';
import type { SystemLogOperation } from '../../lib/vocabulary.js';

export interface SystemLogEventsTable {
  id: string;
  occurred_at: Timestamp;
  /** The event's operation (`app.created`...), named for the OCSF activity it records. */
  activity: SystemLogOperation;
  actor_user_id: string | null;
  actor_client_id: string | null;
  target_type: string;
  target_id: string;
  request_id: string | null;
  bulk_action_id: string | null;
  /** The OCSF-shaped event as served by the system-log API. */
  event: JsonText;
}

/** The tables the audit module owns; src/db/schema.ts combines every module's into `Database`. */
export interface AuditTables {
  system_log_events: SystemLogEventsTable & ChangePositionColumns;
}
