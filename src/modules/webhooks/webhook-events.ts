import type { Database } from '../../db/schema.js';
import type { WebhookEventType } from '../../lib/vocabulary.js';
import { newMessageId, type WebhookPayload } from './webhook-payload.js';
import { systemLogEventOf } from './webhooks.repository.js';

/** The rows of the two histories the change stream merges (the grants' and the system log's tables). */
type GrantEventsTable = Omit<Database['grant_events'], 'tx_id' | 'seq'>;
type SystemLogEventsTable = Omit<Database['system_log_events'], 'tx_id' | 'seq'>;

/**
 * The part of the change stream (src/modules/changes) the dispatcher reads, declared by what it
 * uses: a grant-history row may carry more columns (actor, request ID) than these.
 */
export type GrantHistoryRow = GrantEventsTable & {
  readonly request_id?: string | null;
  /** The writing transaction on PostgreSQL (0 on SQLite): a bulk-action batch is one transaction. */
  readonly tx_id?: string | number;
};
export type StreamChange =
  | { readonly kind: 'grant_history'; readonly position: string; readonly row: GrantHistoryRow }
  | { readonly kind: 'system_log'; readonly position: string; readonly row: SystemLogEventsTable };

/** One webhook event made from the stream, before it is matched against subscriptions. */
export interface WebhookEvent {
  readonly type: WebhookEventType;
  /** The app the event concerns, when it concerns one. */
  readonly appId: string | null;
  /** When the change happened: subscriptions made later do not receive it. */
  readonly occurredAt: string;
  readonly messageId: string;
  readonly payload: WebhookPayload;
}

/** The person an app user belongs to: its C1 user's ID and email ('' for an app user linked to none). */
export interface AppUserOwner {
  readonly userId: string;
  readonly email: string;
}

/** A grant-history entry's grant, as `grant.added` / `grant.removed` list them. */
const grantOf = (row: GrantHistoryRow, owners: ReadonlyMap<string, AppUserOwner>) => ({
  grantEventId: row.id,
  grantId: row.grant_id,
  appId: row.app_id,
  appEntitlementId: row.app_entitlement_id,
  appUserId: row.app_user_id,
  userId: owners.get(row.app_user_id)?.userId ?? '',
  email: owners.get(row.app_user_id)?.email ?? '',
  occurredAt: row.occurred_at,
});

/** The app users the grant-history entries of `changes` name, once each. */
export const appUserIdsOf = (changes: readonly StreamChange[]): string[] => [
  ...new Set(changes.flatMap((c) => (c.kind === 'grant_history' ? [c.row.app_user_id] : []))),
];

/** System-log operations that become webhook events (enable/disable are updates of the user). */
const FROM_SYSTEM_LOG: Partial<Record<string, WebhookEventType>> = {
  'user.created': 'user.created',
  'user.updated': 'user.updated',
  'user.enabled': 'user.updated',
  'user.disabled': 'user.updated',
  'user.deleted': 'user.deleted',
  'bulk_action.finished': 'bulk_action.finished',
  'task.created': 'task.created',
  'task.assigned': 'task.assigned',
  'task.closed': 'task.closed',
  'access_review.started': 'access_review.started',
  'access_review.closed': 'access_review.closed',
};

/** The most grants one delivery lists; a bulk-action batch (1,000 by default) fits in one. */
export const MAX_GRANTS_PER_EVENT = 1_000;

/**
 * Turns a page of changes, in commit order, into webhook events. Consecutive grant-history entries
 * of one bulk-action batch (one transaction, one time) or of one request, of the same type and app,
 * become one event listing the grants, so a 100,000-user add makes a hundred deliveries, not
 * 100,000. Where the database cannot tell two batches apart (SQLite has no transaction IDs, and two
 * batches may share a millisecond) they share an event, still of at most MAX_GRANTS_PER_EVENT
 * grants. A page boundary of the stream may split a batch in two events.
 */
export function eventsOf(
  changes: readonly StreamChange[],
  nowMs: number,
  owners: ReadonlyMap<string, AppUserOwner> = new Map(),
): WebhookEvent[] {
  const events: WebhookEvent[] = [];
  let group: { key: string; type: WebhookEventType; rows: GrantHistoryRow[] } | undefined;
  const flush = () => {
    if (!group) return;
    const first = group.rows[0] as GrantHistoryRow;
    events.push({
      type: group.type,
      appId: first.app_id,
      occurredAt: first.occurred_at,
      messageId: newMessageId(nowMs),
      payload: {
        type: group.type,
        timestamp: first.occurred_at,
        data: {
          appId: first.app_id,
          bulkActionId: first.bulk_action_id,
          requestId: first.request_id ?? null,
          grants: group.rows.map((row) => grantOf(row, owners)),
        },
      },
    });
    group = undefined;
  };
  for (const change of changes) {
    if (change.kind === 'grant_history') {
      const row = change.row;
      const type: WebhookEventType =
        row.event_type === 'GRANT_EVENT_TYPE_ADDED' ? 'grant.added' : 'grant.removed';
      const batch = row.bulk_action_id ?? row.request_id ?? null;
      // One batch: same action (or request), same transaction where the database tells it, same time.
      const key =
        batch === null
          ? `single:${row.id}`
          : `${type}:${row.app_id}:${batch}:${row.tx_id ?? ''}:${row.occurred_at}`;
      if (group && (group.key !== key || group.rows.length >= MAX_GRANTS_PER_EVENT)) flush();
      if (group) group.rows.push(row);
      else group = { key, type, rows: [row] };
      continue;
    }
    const type = FROM_SYSTEM_LOG[change.row.activity];
    if (!type) continue;
    flush();
    events.push(systemLogEvent(type, change.row, nowMs));
  }
  flush();
  return events;
}

/**
 * A task event's task, from what the tasks service logged: its type, app, subject, state and
 * outcome, and for `task.assigned` the step now waiting and the approvers it waits for.
 */
function taskOf(taskId: string, logged: Record<string, unknown>) {
  const text = (key: string) => (typeof logged[key] === 'string' ? (logged[key] as string) : '');
  return {
    id: taskId,
    taskType: text('taskType'),
    appId: text('appId'),
    appEntitlementId: text('appEntitlementId'),
    userId: text('userId'),
    state: text('state'),
    outcome: text('outcome'),
    ...(Array.isArray(logged.approverIds)
      ? { policyStepId: text('policyStepId'), approverIds: logged.approverIds }
      : {}),
  };
}

function systemLogEvent(type: WebhookEventType, row: SystemLogEventsTable, nowMs: number): WebhookEvent {
  const event = systemLogEventOf(row.event);
  const appId = typeof event.unmapped?.appId === 'string' ? event.unmapped.appId : null;
  return {
    type,
    appId,
    occurredAt: row.occurred_at,
    messageId: newMessageId(nowMs),
    payload: {
      type,
      timestamp: row.occurred_at,
      data: {
        operation: row.activity,
        targetType: row.target_type,
        targetId: row.target_id,
        actorUserId: row.actor_user_id,
        requestId: row.request_id,
        bulkActionId: row.bulk_action_id,
        // The OCSF event as `POST /api/v1/systemlog/events` serves it (its `unmapped` holds the counts).
        event,
        ...(type.startsWith('task.') ? { task: taskOf(row.target_id, event.unmapped ?? {}) } : {}),
      },
    },
  };
}

/**
 * Whether a subscription wants the event: its type is asked for, the subscription existed when the
 * change happened, and, when it is limited to apps, the event concerns one of them. User events
 * concern no app and reach app-limited subscriptions too (users are readable by every role).
 */
export function wants(
  subscription: { eventTypes: readonly string[]; appIds: readonly string[]; createdAt: string },
  event: WebhookEvent,
): boolean {
  if (!subscription.eventTypes.includes(event.type)) return false;
  if (event.occurredAt < subscription.createdAt) return false;
  if (subscription.appIds.length === 0 || event.type.startsWith('user.')) return true;
  return event.appId !== null && subscription.appIds.includes(event.appId);
}
