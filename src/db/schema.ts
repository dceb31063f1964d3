import type { Generated, Kysely, Transaction } from 'kysely';
import type {
  BulkActionItemOutcome,
  BulkActionKind,
  BulkActionState,
  GrantEventType,
  SystemLogOperation,
  WebhookDeliveryState,
  WebhookState,
} from '../lib/vocabulary.js';

/**
 * Table types. Both dialects store the same values: timestamps are RFC 3339 text in UTC with
 * milliseconds (`Date.toISOString()`), which sorts correctly as text and reaches the wire unchanged;
 * flags are 0/1 integers; lists and free objects are JSON text.
 */
type Timestamp = string;
type Flag = number;
type JsonText = string;

interface Audited {
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
}

export interface UsersTable extends Audited {
  id: string;
  display_name: string;
  email: string;
  username: string;
  status: string;
  type: string;
  role_ids: JsonText;
  profile: JsonText;
  department: string;
  /** IDs of the user's managers, as a JSON array. */
  manager_ids: JsonText;
  /** The user's employee numbers, as a JSON array. */
  employee_ids: JsonText;
}

export interface AppsTable extends Audited {
  id: string;
  display_name: string;
  description: string;
  icon_url: string;
  is_manually_managed: Flag;
  identity_matching: string;
  monthly_cost_usd: number;
  grant_policy_id: string;
  revoke_policy_id: string;
  certify_policy_id: string;
  strict_access_entitlement_provisioning: Flag;
  instructions: string;
}

export interface AppResourceTypesTable extends Audited {
  id: string;
  app_id: string;
  display_name: string;
  resource_type: string;
}

export interface AppResourcesTable extends Audited {
  id: string;
  app_id: string;
  app_resource_type_id: string;
  display_name: string;
  description: string;
  match_baton_id: string;
}

export interface AppEntitlementsTable extends Audited {
  id: string;
  app_id: string;
  app_resource_type_id: string;
  app_resource_id: string;
  display_name: string;
  description: string;
  alias: string;
  slug: string;
  is_manually_managed: Flag;
  purpose: string;
  grant_policy_id: string;
  revoke_policy_id: string;
  certify_policy_id: string;
  emergency_grant_enabled: Flag;
  emergency_grant_policy_id: string;
  override_access_requests_defaults: Flag;
  risk_level_value_id: string;
  compliance_framework_value_ids: JsonText;
  match_baton_id: string;
  /** A protobuf Duration such as "3600s", or null for no default grant duration. */
  duration_grant: string | null;
}

/**
 * How many grants of an entitlement are not revoked (`deleted_at` null): the sum of its rows, kept in
 * the transaction of every grant added or removed. A writer moves the row of its shard only, so
 * writers of one entitlement in several processes do not queue on one counter. Grants past their
 * deprovision time count until the sweeper revokes them; reads subtract those (the catalog's
 * grantCount).
 */
export interface EntitlementMemberCountsTable {
  app_entitlement_id: string;
  shard: number;
  member_count: number;
}

export interface AppUsersTable extends Audited {
  id: string;
  app_id: string;
  identity_user_id: string;
  display_name: string;
  email: string;
  username: string;
  app_user_type: string;
  status: string;
}

export interface GrantsTable {
  id: string;
  app_id: string;
  app_entitlement_id: string;
  app_user_id: string;
  source: string;
  bulk_action_id: string | null;
  created_at: Timestamp;
  deprovision_at: Timestamp | null;
  /** Set when the grant is revoked; history is never erased (CONTRACT.md §7.12). */
  deleted_at: Timestamp | null;
}

export interface GrantEventsTable {
  id: string;
  app_id: string;
  app_entitlement_id: string;
  app_user_id: string;
  grant_id: string;
  event_type: GrantEventType;
  occurred_at: Timestamp;
  bulk_action_id: string | null;
  /** Who made the change (null for an expiry, which nobody asked for). */
  actor_user_id: string | null;
  actor_client_id: string | null;
  request_id: string | null;
  /**
   * On an ADDED entry: the app user it names was created to receive this grant. App users are only
   * created to receive a grant, so this flag is the grant history's entry for each app user created.
   */
  app_user_created: Flag;
}

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

/** Set-membership requests accepted per entitlement (a part of its membership version). */
export interface EntitlementMemberSetsTable {
  app_entitlement_id: string;
  set_count: number;
}

export interface ApiClientsTable extends Audited {
  id: string;
  client_id: string;
  user_id: string;
  display_name: string;
  /** The `x` of the client's Ed25519 public JWK; the private half is never stored. */
  public_key_x: string;
  allow_source_cidr: JsonText;
  scoped_roles: JsonText;
  expires_at: Timestamp | null;
  last_used_at: Timestamp | null;
}

export interface SigningKeysTable {
  id: string;
  secret: string;
  created_at: Timestamp;
}

export interface UsedAssertionsTable {
  hash: string;
  expires_at: Timestamp;
}

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

/** An owner of an app, entitlement or resource (CONTRACT.md §7.13). */
export interface OwnersTable {
  target_type: 'app' | 'entitlement' | 'resource';
  target_id: string;
  app_id: string;
  user_id: string;
  created_at: Timestamp;
}

/** The editable part of a built-in role; its permissions are code (src/modules/auth/roles.ts). */
export interface RolesTable {
  id: string;
  name: string;
  display_name: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A console sign-in (src/modules/console). */
export interface ConsoleSessionsTable {
  /** SHA-256 (base64url) of the session cookie's value. */
  id: string;
  user_id: string;
  client_row_id: string | null;
  method: 'client_secret' | 'oidc';
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  /** The absolute end of the session, whatever its use. */
  expires_at: Timestamp;
}

/** An OpenID Connect sign-in waiting for the provider's redirect back. */
export interface ConsoleOidcLoginsTable {
  /** SHA-256 (base64url) of the `state` sent to the provider. */
  id: string;
  code_verifier: string;
  nonce: string;
  created_at: Timestamp;
}

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

/** A webhook subscription (issue 12): where to send which events, signed with its secret. */
export interface WebhookSubscriptionsTable {
  id: string;
  url: string;
  description: string;
  /** JSON array of WebhookEventType. */
  event_types: JsonText;
  /** JSON array of app IDs; `[]` = every app. */
  app_ids: JsonText;
  secret: string;
  state: WebhookState;
  disabled_reason: string | null;
  failing_since: Timestamp | null;
  next_seq: number;
  lease_owner: string | null;
  lease_expires_at: Timestamp | null;
  created_by_user_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
}

/** One message for one subscription, sent in `seq` order until a 2xx answers it. */
export interface WebhookDeliveriesTable {
  id: string;
  subscription_id: string;
  seq: number;
  message_id: string;
  event_type: string;
  payload: JsonText;
  state: WebhookDeliveryState;
  attempts: number;
  next_attempt_at: Timestamp;
  last_status: number | null;
  last_error: string | null;
  redelivery_of: string | null;
  created_at: Timestamp;
  delivered_at: Timestamp | null;
}

/** One try at sending a delivery, as the receiver answered it. */
export interface WebhookAttemptsTable {
  id: string;
  delivery_id: string;
  attempted_at: Timestamp;
  status: number | null;
  latency_ms: number;
  response_excerpt: string;
  error: string | null;
}

/** The dispatcher's position in the change stream. */
export interface WebhookDispatchCursorTable {
  id: string;
  cursor: string;
  updated_at: Timestamp;
}

export interface Database {
  users: UsersTable;
  apps: AppsTable;
  app_resource_types: AppResourceTypesTable;
  app_resources: AppResourcesTable;
  app_entitlements: AppEntitlementsTable;
  entitlement_member_counts: EntitlementMemberCountsTable;
  app_users: AppUsersTable;
  grants: GrantsTable;
  grant_events: GrantEventsTable & ChangePositionColumns;
  bulk_actions: BulkActionsTable;
  bulk_action_chunks: BulkActionChunksTable;
  bulk_action_items: BulkActionItemsTable;
  entitlement_member_sets: EntitlementMemberSetsTable;
  api_clients: ApiClientsTable;
  signing_keys: SigningKeysTable;
  used_assertions: UsedAssertionsTable;
  idempotency_keys: IdempotencyKeysTable;
  system_log_events: SystemLogEventsTable & ChangePositionColumns;
  owners: OwnersTable;
  roles: RolesTable;
  scim_connections: ScimConnectionsTable;
  scim_users: ScimUsersTable;
  scim_groups: ScimGroupsTable;
  console_sessions: ConsoleSessionsTable;
  console_oidc_logins: ConsoleOidcLoginsTable;
  webhook_subscriptions: WebhookSubscriptionsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  webhook_dispatch_cursor: WebhookDispatchCursorTable;
}

export type Db = Kysely<Database>;
/** A connection or an open transaction: repositories take either. */
export type Executor = Kysely<Database> | Transaction<Database>;
