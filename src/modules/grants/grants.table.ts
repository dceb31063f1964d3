import type { ChangePositionColumns, Flag, Timestamp } from '../../db/columns.js';
import type { GrantEventType } from '../../lib/vocabulary.js';

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
  /**
   * The task whose outcome this grant is (the membership's `originatingTicketId`), or null. Optional
   * on insert: `grantIfAbsent` sets it from the change's origin.
   */
  ticket_id?: string | null;
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
  /** The task whose outcome this change is (the grant feed's `ticketId`), or null (issue 19). */
  ticket_id: string | null;
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

/**
 * How many app users of an app hold at least one unrevoked grant there (App.userCount, "the number of
 * users with grants to this app"): moved in the transaction of every grant added or removed, when an
 * app user's first grant of the app is added or its last one revoked. Reads subtract the app users
 * whose every unrevoked grant is past its deprovision time (not held, not swept yet).
 */
export interface AppHolderCountsTable {
  app_id: string;
  holder_count: number;
}

/** Set-membership requests accepted per entitlement (a part of its membership version). */
export interface EntitlementMemberSetsTable {
  app_entitlement_id: string;
  set_count: number;
}

/** The tables the grants module owns; src/db/schema.ts combines every module's into `Database`. */
export interface GrantsTables {
  grants: GrantsTable;
  grant_events: GrantEventsTable & ChangePositionColumns;
  entitlement_member_counts: EntitlementMemberCountsTable;
  app_holder_counts: AppHolderCountsTable;
  entitlement_member_sets: EntitlementMemberSetsTable;
}
