import type { Actor } from '../../lib/actor.js';
import { newId } from '../../lib/ids.js';
import type { SystemLogActivity, SystemLogOperation } from '../../lib/vocabulary.js';
import type { SystemLogEventsTable } from './audit.table.js';

/**
 * System-log events, shaped after OCSF 1.1.0's API Activity class (6003), written in the transaction
 * of the change they describe (CONTRACT.md §7.11). The event's unique ID is `metadata.uid` (OCSF has
 * no top-level `uid`); it is also the row ID and the value `sinceEventUid` takes.
 */
export type Activity = SystemLogActivity;

const ACTIVITY_IDS: Record<Activity, { id: number; name: string }> = {
  create: { id: 1, name: 'Create' },
  update: { id: 3, name: 'Update' },
  delete: { id: 4, name: 'Delete' },
  other: { id: 99, name: 'Other' },
};

const API_ACTIVITY = { uid: 6003, name: 'API Activity' } as const;
const OCSF_VERSION = '1.1.0';

export interface SystemLogEntry {
  /** What happened, as `<target>.<verb>`: `app.created`, `grant.added`, `token.refused`... */
  readonly operation: SystemLogOperation;
  readonly activity: Activity;
  readonly targetType: string;
  readonly targetId: string;
  readonly actor: Actor;
  readonly occurredAt: Date;
  readonly bulkActionId?: string | undefined;
  /** Extra facts about the change; never secrets. */
  readonly details?: Record<string, unknown>;
  /** Failure events (refused tokens) set this; changes succeed by definition. */
  readonly failed?: boolean;
}

export function systemLogRow(entry: SystemLogEntry): SystemLogEventsTable {
  const id = newId(entry.occurredAt.getTime());
  const activity = ACTIVITY_IDS[entry.activity];
  const occurredAt = entry.occurredAt.toISOString();
  const { userId, clientId, requestId, sourceIp } = entry.actor;
  // JSON.stringify drops the `undefined` members, so absent facts are absent, not null.
  const event = {
    time: entry.occurredAt.getTime(),
    // The OCSF Date/Time profile's RFC 3339 twin of `time` (declared in metadata.profiles).
    time_dt: occurredAt,
    category_uid: 6,
    category_name: 'Application Activity',
    class_uid: API_ACTIVITY.uid,
    class_name: API_ACTIVITY.name,
    activity_id: activity.id,
    activity_name: activity.name,
    type_uid: API_ACTIVITY.uid * 100 + activity.id,
    type_name: `${API_ACTIVITY.name}: ${activity.name}`,
    severity_id: 1,
    severity: 'Informational',
    status_id: entry.failed ? 2 : 1,
    status: entry.failed ? 'Failure' : 'Success',
    message: `${entry.operation} ${entry.targetType} ${entry.targetId}`,
    actor: {
      user: userId ? { uid: userId } : undefined,
      // The API client (its row ID) the change came through.
      app_uid: clientId || undefined,
    },
    api: {
      operation: entry.operation,
      request: requestId ? { uid: requestId } : undefined,
    },
    src_endpoint: sourceIp ? { ip: sourceIp } : undefined,
    resources: [{ uid: entry.targetId, type: entry.targetType }],
    metadata: {
      uid: id,
      product: { name: 'Roster', vendor_name: 'Roster' },
      version: OCSF_VERSION,
      profiles: ['datetime'],
      // The bulk action that applied the change, so one request's many events can be grouped.
      correlation_uid: entry.bulkActionId,
    },
    unmapped: entry.details,
  };
  return {
    id,
    occurred_at: occurredAt,
    activity: entry.operation,
    actor_user_id: userId || null,
    actor_client_id: clientId || null,
    target_type: entry.targetType,
    target_id: entry.targetId,
    request_id: requestId || null,
    bulk_action_id: entry.bulkActionId ?? null,
    event: JSON.stringify(event),
  };
}
