import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { Link, useParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { type Entitlement, pointed } from '../api/types';
import { formatTime } from '../components/csv';
import { DataTable } from '../components/DataTable';
import { ErrorAlert } from '../components/ErrorAlert';
import { useKeysetPages } from '../components/paging';
import { useRoleNames } from './PeoplePage';

interface Holding {
  entitlement: Entitlement;
  appName: string;
  since: string | null;
  expires: string | null;
}

interface HistoryRow {
  date: string | null;
  eventType: string;
  entitlement: string;
  appId: string;
  entitlementId: string;
}

/** Everything a person holds across all apps, with expiry, and their history. */
export function PersonPage() {
  const userId = useParams().userId ?? '';
  const roleNames = useRoleNames();
  const user = useQuery({
    queryKey: ['people', userId],
    queryFn: () => unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id: userId } } })),
  });
  const holdings = useKeysetPages(['people', userId, 'holdings'], async (pageToken) => {
    const page = await unwrap(
      api.POST('/api/v1/search/grants', {
        body: { userId, pageSize: 50, pageToken, expandMask: { paths: ['app_id'] } },
      }),
    );
    const list: Holding[] = page.list.map((g) => ({
      entitlement: g.entitlement.appEntitlement,
      appName:
        pointed<{ displayName?: string }>(page.expanded, g.entitlement.appPath)?.displayName ??
        g.entitlement.appEntitlement.appId,
      since: g.appEntitlementUserBinding.appEntitlementUserBindingCreatedAt,
      expires: g.appEntitlementUserBinding.appEntitlementUserBindingDeprovisionAt,
    }));
    return { list, nextPageToken: page.nextPageToken };
  });
  const history = useKeysetPages(['people', userId, 'history'], async (pageToken) => {
    const page = await unwrap(
      api.POST('/api/v1/grants/feed', {
        body: {
          userRefs: [{ id: userId }],
          pageSize: 50,
          pageToken,
          expandMask: { paths: ['app_entitlement_id'] },
        },
      }),
    );
    const list: HistoryRow[] = page.list.map((f) => ({
      date: f.feed.date,
      eventType: f.feed.eventType,
      entitlement:
        pointed<{ displayName?: string }>(page.expanded, f.entitlementPath)?.displayName ??
        f.feed.appEntitlementId,
      appId: f.feed.appId,
      entitlementId: f.feed.appEntitlementId,
    }));
    return { list, nextPageToken: page.nextPageToken };
  });

  const holdingColumns: ColumnDef<Holding, unknown>[] = [
    {
      header: 'Entitlement',
      id: 'entitlement',
      cell: ({ row }) => (
        <Anchor
          component={Link}
          to={`/apps/${row.original.entitlement.appId}/entitlements/${row.original.entitlement.id}`}
        >
          {row.original.entitlement.displayName}
        </Anchor>
      ),
    },
    { header: 'App', accessorKey: 'appName' },
    { header: 'Since', id: 'since', cell: ({ row }) => formatTime(row.original.since) },
    { header: 'Expires', id: 'expires', cell: ({ row }) => formatTime(row.original.expires) || 'never' },
  ];
  const historyColumns: ColumnDef<HistoryRow, unknown>[] = [
    { header: 'When', id: 'date', cell: ({ row }) => formatTime(row.original.date) },
    {
      header: 'Change',
      id: 'type',
      cell: ({ row }) => (row.original.eventType.endsWith('ADDED') ? 'Granted' : 'Revoked'),
    },
    {
      header: 'Entitlement',
      id: 'entitlement',
      cell: ({ row }) => (
        <Anchor
          component={Link}
          to={`/apps/${row.original.appId}/entitlements/${row.original.entitlementId}`}
        >
          {row.original.entitlement}
        </Anchor>
      ),
    },
  ];
  if (user.error) return <ErrorAlert error={user.error} title="This person could not be loaded" />;
  const u = user.data?.userView.user;
  return (
    <Stack>
      <Anchor component={Link} to="/people" size="sm">
        ← People
      </Anchor>
      <div>
        <Title order={2}>{u ? u.displayName || u.email : 'Loading…'}</Title>
        {u && (
          <Text c="gray.7">
            {u.email} · {u.status} · Roster roles:{' '}
            {u.roleIds.map((id) => roleNames.get(id) ?? id).join(', ') || 'none'}
          </Text>
        )}
      </div>
      <Title order={3}>Access held</Title>
      <DataTable
        caption="Entitlements this person holds"
        data={holdings.data?.list}
        columns={holdingColumns}
        loading={holdings.isFetching}
        error={holdings.error}
        empty="This person holds no entitlements."
        pager={holdings.pager}
      />
      <Title order={3}>History</Title>
      <DataTable
        caption="Grants and revocations of this person, oldest first"
        data={history.data?.list}
        columns={historyColumns}
        loading={history.isFetching}
        error={history.error}
        empty="No grant history."
        pager={history.pager}
      />
    </Stack>
  );
}
