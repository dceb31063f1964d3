/**
 * The words Roster stores and answers with: each set is named once here and used by the TypeBox
 * schemas, the table types of src/db/schema.ts and the code alike, so a misspelt state, outcome or
 * event type fails typecheck. Lives in lib because the table types may not import a module.
 */

/** What a bulk action does; its runner picks the batch handler by it. */
export const BULK_ACTION_KINDS = ['ADD_MANUAL_USERS', 'SET_MEMBERS'] as const;
export type BulkActionKind = (typeof BULK_ACTION_KINDS)[number];

export const BULK_ACTION_STATES = [
  'BULK_ACTION_STATE_PENDING',
  'BULK_ACTION_STATE_RUNNING',
  'BULK_ACTION_STATE_SUCCEEDED',
  'BULK_ACTION_STATE_PARTIALLY_FAILED',
  'BULK_ACTION_STATE_FAILED',
  'BULK_ACTION_STATE_CANCELLED',
] as const;
export type BulkActionState = (typeof BULK_ACTION_STATES)[number];

/** States a runner may still work on. */
export const OPEN_BULK_ACTION_STATES = [
  'BULK_ACTION_STATE_PENDING',
  'BULK_ACTION_STATE_RUNNING',
] as const satisfies readonly BulkActionState[];

/** What became of one item of a bulk action: adds answer the first three, set-members removals the next two. */
export const BULK_ACTION_ITEM_OUTCOMES = [
  'ADDED',
  'ALREADY_MEMBER',
  'REMOVED',
  'NOT_MEMBER',
  'FAILED',
] as const;
export type BulkActionItemOutcome = (typeof BULK_ACTION_ITEM_OUTCOMES)[number];

/** A user's `status` column; a deleted user is also marked by `deleted_at`. */
export const USER_STATUSES = ['ENABLED', 'DISABLED', 'DELETED'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/**
 * Why a user ID is refused as a member (CONTRACT.md §7.2): the lower-case reasons of
 * `failedUsersErrorMap` and of FAILED bulk-action items, given at request time, at batch time and
 * to SCIM alike (src/lib/user-refusal.ts decides which applies).
 */
export const USER_REFUSALS = [
  'invalid user id',
  'user not found',
  'user is deleted',
  'user is disabled',
] as const;
export type UserRefusal = (typeof USER_REFUSALS)[number];

/** The refusals that mean the ID names nobody who could be a member: SCIM refuses the whole request for them. */
export const NOT_A_USER_REFUSALS = [
  'invalid user id',
  'user not found',
  'user is deleted',
] as const satisfies readonly UserRefusal[];

/** The grant feed's event types (ConductorOne's GrantFeed). */
export const GRANT_EVENT_TYPES = ['GRANT_EVENT_TYPE_ADDED', 'GRANT_EVENT_TYPE_REMOVED'] as const;
export type GrantEventType = (typeof GRANT_EVENT_TYPES)[number];

/**
 * What a grant-history entry did, as Roster's change listing tells it (CONTRACT.md §7.11): an ADDED
 * entry granted; a REMOVED entry with an actor revoked; one with no actor expired (only the expiry
 * sweep removes a grant without one).
 */
export const GRANT_CHANGE_KINDS = [
  'GRANT_CHANGE_KIND_GRANTED',
  'GRANT_CHANGE_KIND_REVOKED',
  'GRANT_CHANGE_KIND_EXPIRED',
] as const;
export type GrantChangeKind = (typeof GRANT_CHANGE_KINDS)[number];

/** The OCSF activity of a system-log event (src/modules/audit/system-log.ts maps each to its ID). */
export const SYSTEM_LOG_ACTIVITIES = ['create', 'update', 'delete', 'other'] as const;
export type SystemLogActivity = (typeof SYSTEM_LOG_ACTIVITIES)[number];

/** What a system-log event records, as `<target>.<verb>`; stored in the `activity` column. */
export const SYSTEM_LOG_OPERATIONS = [
  'app.created',
  'app.updated',
  'app.deleted',
  'app_resource_type.created',
  'app_resource_type.updated',
  'app_resource_type.deleted',
  'app_resource.created',
  'app_resource.updated',
  'app_resource.deleted',
  'app_entitlement.created',
  'app_entitlement.updated',
  'app_entitlement.deleted',
  'app_user.created',
  'app_user.updated',
  'owner.added',
  'owner.removed',
  'grant.added',
  'grant.updated',
  'grant.removed',
  'grant.expired',
  'bulk_action.created',
  'bulk_action.started',
  'bulk_action.finished',
  'bulk_action.cancelled',
  'user.created',
  'user.updated',
  'user.enabled',
  'user.disabled',
  'user.deleted',
  'scim_user.updated',
  'scim_connection.created',
  'scim_connection.token_rotated',
  'scim_connection.token_revoked',
  'scim_connection.deleted',
  'role.updated',
  'api_client.created',
  'api_client.updated',
  'api_client.deleted',
  'token.issued',
  'token.refused',
  'console.signed_in',
  'console.signed_out',
  'webhook.created',
  'webhook.updated',
  'webhook.secret_rotated',
  'webhook.deleted',
  'webhook.paused',
  'webhook.resumed',
  'webhook.disabled',
  'webhook.redelivery_requested',
  'policy.created',
  'policy.updated',
  'policy.deleted',
  'task.created',
  'task.approved',
  'task.denied',
  'task.commented',
  'task.reassigned',
  'task.assigned',
  'task.closed',
  'task.processed',
  'task.step_skipped',
  'task.restarted',
  'task.escalated_to_emergency',
  'task.request_data_updated',
  'task.wait_ended',
  'task.escalated',
  'access_review.created',
  'access_review.updated',
  'access_review.deleted',
  'access_review.scope_updated',
  'access_review.started',
  'access_review.closed',
] as const;
export type SystemLogOperation = (typeof SYSTEM_LOG_OPERATIONS)[number];

/**
 * The events a webhook subscription can ask for (issue 12). `grant.*` come from the grant history,
 * one delivery per batch of a bulk action; the others from the system log's operation of that name.
 */
export const WEBHOOK_EVENT_TYPES = [
  'grant.added',
  'grant.removed',
  'bulk_action.finished',
  'user.created',
  'user.updated',
  'user.deleted',
  'task.created',
  'task.assigned',
  'task.closed',
  'access_review.started',
  'access_review.closed',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** ACTIVE sends; PAUSED was stopped by a person; DISABLED by Roster after days of failures. */
export const WEBHOOK_STATES = ['ACTIVE', 'PAUSED', 'DISABLED'] as const;
export type WebhookState = (typeof WEBHOOK_STATES)[number];

export const WEBHOOK_DELIVERY_STATES = ['PENDING', 'DELIVERED', 'CANCELLED'] as const;
export type WebhookDeliveryState = (typeof WEBHOOK_DELIVERY_STATES)[number];
