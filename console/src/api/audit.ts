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

/** What the rows are narrowed to: parts of the actor, the target and the operation. */
export interface AuditFilters {
  actor: string;
  target: string;
  operation: string;
}

export const auditKeys = {
  all: ['audit'] as const,
  events: (since: string, until: string, filters: AuditFilters) =>
    [...auditKeys.all, since, until, filters] as const,
};

const iso = (local: string) => (local ? new Date(local).toISOString() : undefined);
const MAX_SCAN = 20;

/**
 * System-log events, newest first, between `since` and `until` (times `Date` reads, or ''). Time
 * bounds are the server's; the other filters are applied to the pages read, reading on (up to
 * MAX_SCAN pages at a time) until a page of matches is found.
 */
export const auditListing = (since: string, until: string, filters: AuditFilters) => {
  const matches = (row: AuditRow) =>
    (!filters.actor || `${row.actor} ${row.actorId}`.toLowerCase().includes(filters.actor.toLowerCase())) &&
    (!filters.target ||
      `${row.targetType} ${row.targetId}`.toLowerCase().includes(filters.target.toLowerCase())) &&
    (!filters.operation || row.operation.toLowerCase().includes(filters.operation.toLowerCase()));
  return listing(auditKeys.events(since, until, filters), async (startToken) => {
    const rows: AuditRow[] = [];
    let pageToken = startToken;
    for (let scanned = 0; scanned < MAX_SCAN && rows.length < 50; scanned++) {
      const page = await unwrap(
        api.POST('/api/v1/systemlog/events', {
          body: {
            since: iso(since),
            until: iso(until),
            sortDirection: 'SORT_DIRECTION_DESC',
            pageSize: 100,
            pageToken,
          },
        }),
      );
      const list = page.list as OcsfEvent[];
      const actorIds = [
        ...new Set(list.map((e) => e.actor?.user?.uid).filter((id): id is string => Boolean(id))),
      ];
      const names = new Map<string, string>();
      if (actorIds.length > 0) {
        const users = await unwrap(
          api.POST('/api/v1/search/users', { body: { ids: actorIds, pageSize: 100 } }),
        );
        for (const u of users.list)
          names.set(u.user.id, u.user.displayName ? `${u.user.displayName} (${u.user.email})` : u.user.email);
      }
      for (const e of list) {
        const actorId = e.actor?.user?.uid ?? '';
        const row: AuditRow = {
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
        if (matches(row)) rows.push(row);
      }
      pageToken = page.nextPageToken;
      if (!pageToken) break;
    }
    return { list: rows, nextPageToken: pageToken };
  });
};

/** Where every event in the time range downloads, as JSON lines. */
export const auditExportUrl = (since: string, until: string) =>
  `/roster/v1/systemlog/export?${new URLSearchParams({
    ...(since ? { since: iso(since) ?? '' } : {}),
    ...(until ? { until: iso(until) ?? '' } : {}),
  }).toString()}`;
