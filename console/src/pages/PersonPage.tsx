import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { Link, useParams } from 'react-router';
import { type HistoryRow, type Holding, historyListing, holdingsListing } from '../api/grants';
import { personQueryOptions } from '../api/people';
import { useRoleNames } from '../api/roles';
import { formatTime } from '../components/csv';
import { DataTable } from '../components/DataTable';
import { LoadFailure } from '../components/NotFound';
import { useKeysetPages } from '../components/paging';

/** Everything a person holds across all apps, with expiry, and their history. */
export function PersonPage() {
  const userId = useParams().userId ?? '';
  const roleNames = useRoleNames();
  const user = useQuery(personQueryOptions(userId));
  const holdings = useKeysetPages(holdingsListing(userId));
  const history = useKeysetPages(historyListing(userId));

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
  if (user.error)
    return <LoadFailure error={user.error} what="person" back={{ to: '/people', label: 'People' }} />;
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
