import type { Audited, JsonText, Timestamp } from '../../db/columns.js';

/** An identity provider's SCIM 2.0 connection (RFC 7644). */
export interface ScimConnectionsTable extends Audited {
  id: string;
  display_name: string;
  app_id: string;
  /** SHA-256 (base64url) of the bearer token; null when revoked. */
  token_hash: string | null;
  token_issued_at: Timestamp | null;
}

/** A Roster user a SCIM connection manages, with the SCIM-only part of the resource. */
export interface ScimUsersTable {
  connection_id: string;
  user_id: string;
  user_name: string;
  user_name_key: string;
  external_id: string | null;
  /**
   * The enterprise `manager.value` as sent (the manager's SCIM id or externalId), `''` for none.
   * The Roster user's `manager_ids` holds the link only once it names a user.
   */
  manager_ref: string;
  attributes: JsonText;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A SCIM group: an entitlement of its connection's app. */
export interface ScimGroupsTable {
  entitlement_id: string;
  connection_id: string;
  display_name: string;
  display_name_key: string;
  external_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The tables the scim module owns; src/db/schema.ts combines every module's into `Database`. */
export interface ScimTables {
  scim_connections: ScimConnectionsTable;
  scim_users: ScimUsersTable;
  scim_groups: ScimGroupsTable;
}
