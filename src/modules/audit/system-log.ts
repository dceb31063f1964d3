import type { SystemLogEventsTable } from '../../db/schema.js';
import type { Actor } from '../../lib/actor.js';
import { newId } from '../../lib/ids.js';

/**
 * System-log events, shaped after OCSF's API Activity class (6003), written in the transaction of
 * the change they describe (CONTRACT.md §7.11).
 */
export type Activity = 'create' | 'update' | 'delete' | 'other';

const ACTIVITY_IDS: Record<Activity, { id: number; name: string }> = {
  create: { id: 1, name: 'Create' },
  update: { id: 3, name: 'Update' },
  delete: { id: 4, name: 'Delete' },
  other: { id: 99, name: 'Other' },
};

export interface SystemLogEntry {
  /** What happened, as `<target>.<verb>`: `app.created`, `grant.added`, `token.refused`... */
  readonly operation: string;
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
  const event = {
    uid: id,
    time: entry.occurredAt.getTime(),
    time_dt: occurredAt,
    category_uid: 6,
    category_name: 'Application Activity',
    class_uid: 6003,
    class_name: 'API Activity',
    activity_id: activity.id,
    activity_name: activity.name,
    type_uid: 600300 + activity.id,
    severity_id: 1,
    status_id: entry.failed ? 2 : 1,
    status: entry.failed ? 'Failure' : 'Success',
    actor: {
      user: entry.actor.userId ? { uid: entry.actor.userId } : undefined,
      app_uid: entry.actor.clientId || undefined,
    },
    api: {
      operation: entry.operation,
      request: entry.actor.requestId ? { uid: entry.actor.requestId } : undefined,
    },
    resources: [{ uid: entry.targetId, type: entry.targetType }],
    metadata: {
      product: { name: 'Roster', vendor_name: 'Roster' },
      version: '1.1.0',
      correlation_uid: entry.bulkActionId,
    },
    unmapped: entry.details,
  };
  return {
    id,
    occurred_at: occurredAt,
    activity: entry.operation,
    actor_user_id: entry.actor.userId || null,
    actor_client_id: entry.actor.clientId || null,
    target_type: entry.targetType,
    target_id: entry.targetId,
    request_id: entry.actor.requestId || null,
    bulk_action_id: entry.bulkActionId ?? null,
    event: JSON.stringify(event),
  };
}
