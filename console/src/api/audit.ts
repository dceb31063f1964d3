import type { paths } from '../../../src/api-types/schema';
import { api, unwrap } from './client';
import { listing } from './listing';

/** The fields of an OCSF API Activity event the console shows (CONTRACT.md §7.11). */
interface OcsfEvent {
  time_dt?: string;
  status?: string;
  api?: { operation?: string; request?: { uid?: string } };
  actor?: { user?: { uid?: string }; app_uid?: string };
  resources?: { uid?: string; type?: string }[];
  src_endpoint?: { ip?: string };
  metadata?: { uid?: string; correlation_uid?: string };
}

export interface AuditRow {
  id: string;
  time: string;
  operation: string;
  actorId: string;
  actor: string;
  targetType: string;
  targetId: string;
  status: string;
  sourceIp: string;
  requestId: string;
}

/** What the rows are narrowed to, by the server (CONTRACT.md §7.11): the actor, target and operation. */
export interface AuditFilters {
  /** A person's name, email or ID, or a part of one. */
  actor: string;
  targetType: string;
  targetId: string;
  /** An operation or a part of one (`grant.` is every grant operation). */
  operation: string;
}

export type Operation = NonNullable<
  NonNullable<
    paths['/api/v1/systemlog/events']['post']['requestBody']
  >['content']['application/json']['operations']
>[number];

/** Every operation the system log records; typed, so a missing or unknown one fails the build. */
const OPERATIONS: Record<Operation, true> = {
  'app.created': true,
  'app.updated': true,
  'app.deleted': true,
  'app_resource_type.created': true,
  'app_resource_type.updated': true,
  'app_resource_type.deleted': true,
  'app_resource.created': true,
  'app_resource.updated': true,
  'app_resource.deleted': true,
  'app_entitlement.created': true,
  'app_entitlement.updated': true,
  'app_entitlement.deleted': true,
  'app_user.created': true,
  'app_user.updated': true,
  'owner.added': true,
  'owner.removed': true,
  'grant.added': true,
  'grant.updated': true,
  'grant.removed': true,
  'grant.expired': true,
  'bulk_action.created': true,
  'bulk_action.started': true,
  'bulk_action.finished': true,
  'bulk_action.cancelled': true,
  'user.created': true,
  'user.updated': true,
  'user.enabled': true,
  'user.disabled': true,
  'user.deleted': true,
  'scim_user.updated': true,
  'scim_connection.created': true,
  'scim_connection.token_rotated': true,
  'scim_connection.token_revoked': true,
  'scim_connection.deleted': true,
  'role.updated': true,
  'api_client.created': true,
  'api_client.updated': true,
  'api_client.deleted': true,
  'token.issued': true,
  'token.refused': true,
  'console.signed_in': true,
  'console.signed_out': true,
  'webhook.created': true,
  'webhook.updated': true,
  'webhook.deleted': true,
  'webhook.paused': true,
  'webhook.resumed': true,
  'webhook.disabled': true,
  'webhook.redelivery_requested': true,
  'webhook.secret_rotated': true,
  'policy.created': true,
  'policy.updated': true,
  'policy.deleted': true,
  'task.created': true,
  'task.approved': true,
  'task.denied': true,
  'task.commented': true,
  'task.reassigned': true,
  'task.assigned': true,
  'task.closed': true,
  'task.processed': true,
  'task.step_skipped': true,
  'task.restarted': true,
  'task.escalated_to_emergency': true,
  'task.request_data_updated': true,
  'task.wait_ended': true,
  'task.escalated': true,
  'access_review.created': true,
  'access_review.updated': true,
  'access_review.deleted': true,
  'access_review.scope_updated': true,
  'access_review.started': true,
  'access_review.closed': true,
};

export const auditKeys = {
  all: ['audit'] as const,
  events: (since: string, until: string, filters: AuditFilters) =>
    [...auditKeys.all, since, until, filters] as const,
};

const iso = (local: string) => (local ? new Date(local).toISOString() : undefined);
/** The most people one actor filter names: ListEvents takes up to 100 actor IDs. */
const MAX_ACTORS = 100;
const PAGE_SIZE = 50;

/**
 * The people an actor filter names: those whose name or email contains the text, and the text
 * itself as an ID. More than the server takes is an error that asks for a narrower filter, never a
 * silently shortened list.
 */
async function actorIds(actor: string): Promise<string[]> {
  const found = await unwrap(
    api.POST('/api/v1/search/users', { body: { query: actor, pageSize: MAX_ACTORS - 1 } }),
  );
  if (found.nextPageToken) {
    throw new Error(`More than ${MAX_ACTORS - 1} people match "${actor}": type more of the name or email.`);
  }
  return [...new Set([actor, ...found.list.map((u) => u.user.id)])];
}

/**
 * System-log events, newest first, between `since` and `until` (times `Date` reads, or ''), filtered
 * by the server: a page is empty only when no event at all matches.
 */
export const auditListing = (since: string, until: string, filters: AuditFilters) =>
  listing(auditKeys.events(since, until, filters), async (pageToken) => {
    const operation = filters.operation.trim().toLowerCase();
    const operations = operation
      ? (Object.keys(OPERATIONS) as Operation[]).filter((o) => o.includes(operation))
      : undefined;
    // No operation contains the text: nothing can match, and an empty list would be no filter.
    if (operations?.length === 0) return { list: [] as AuditRow[], nextPageToken: '' };
    const actor = filters.actor.trim();
    const page = await unwrap(
      api.POST('/api/v1/systemlog/events', {
        body: {
          since: iso(since),
          until: iso(until),
          sortDirection: 'SORT_DIRECTION_DESC',
          pageSize: PAGE_SIZE,
          pageToken,
          actorUserIds: actor ? await actorIds(actor) : undefined,
          targetType: filters.targetType.trim() || undefined,
          targetId: filters.targetId.trim() || undefined,
          operations,
        },
      }),
    );
    const list = page.list as OcsfEvent[];
    const ids = [...new Set(list.map((e) => e.actor?.user?.uid).filter((id): id is string => Boolean(id)))];
    const names = new Map<string, string>();
    if (ids.length > 0) {
      const users = await unwrap(api.POST('/api/v1/search/users', { body: { ids, pageSize: 100 } }));
      for (const u of users.list)
        names.set(u.user.id, u.user.displayName ? `${u.user.displayName} (${u.user.email})` : u.user.email);
    }
    const rows = list.map((e): AuditRow => {
      const actorId = e.actor?.user?.uid ?? '';
      return {
        id: e.metadata?.uid ?? '',
        time: e.time_dt ?? '',
        operation: e.api?.operation ?? '',
        actorId,
        actor: names.get(actorId) ?? (actorId || 'Roster'),
        targetType: e.resources?.[0]?.type ?? '',
        targetId: e.resources?.[0]?.uid ?? '',
        status: e.status ?? '',
        sourceIp: e.src_endpoint?.ip ?? '',
        requestId: e.api?.request?.uid ?? '',
      };
    });
    return { list: rows, nextPageToken: page.nextPageToken };
  });

/** Where every event in the time range downloads, as JSON lines. */
export const auditExportUrl = (since: string, until: string) =>
  `/roster/v1/systemlog/export?${new URLSearchParams({
    ...(since ? { since: iso(since) ?? '' } : {}),
    ...(until ? { until: iso(until) ?? '' } : {}),
  }).toString()}`;
