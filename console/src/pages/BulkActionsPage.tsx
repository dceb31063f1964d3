import { Anchor, Progress, Select, Stack, Title } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { bulkActionsListing } from '../api/bulk-actions';
import type { BulkAction } from '../api/types';
import { StateBadge } from '../components/BulkProgress';
import { formatTime } from '../components/csv';
import { DataTable } from '../components/DataTable';
import { EntitlementName } from '../components/EntitlementName';
import { useKeysetPages } from '../components/paging';

const STATES = ['PENDING', 'RUNNING', 'SUCCEEDED', 'PARTIALLY_FAILED', 'FAILED', 'CANCELLED'] as const;

const columns: ColumnDef<BulkAction, unknown>[] = [
  {
    header: 'Bulk action',
    id: 'id',
    cell: ({ row }) => (
      <Anchor component={Link} to={`/bulk-actions/${row.original.id}`}>
        {row.original.kind.toLowerCase().replaceAll('_', ' ')} · {row.original.id.slice(-8)}
      </Anchor>
    ),
  },
  {
    header: 'Entitlement',
    id: 'entitlement',
    cell: ({ row }) => (
      <EntitlementName appId={row.original.appId} entitlementId={row.original.appEntitlementId} />
    ),
  },
  { header: 'State', id: 'state', cell: ({ row }) => <StateBadge state={row.original.state} /> },
  {
    header: 'Progress',
    id: 'progress',
    cell: ({ row }) => (
      <Progress
        value={row.original.total ? (row.original.processed / row.original.total) * 100 : 100}
        aria-label={`${row.original.processed.toLocaleString()} of ${row.original.total.toLocaleString()} processed`}
        w={120}
      />
    ),
  },
  {
    header: 'People',
    id: 'total',
    cell: ({ row }) => `${row.original.processed.toLocaleString()} / ${row.original.total.toLocaleString()}`,
  },
  { header: 'Failed', id: 'failed', cell: ({ row }) => row.original.failed.toLocaleString() },
  { header: 'Started', id: 'created', cell: ({ row }) => formatTime(row.original.createdAt) },
];

export function BulkActionsPage() {
  const [params] = useSearchParams();
  const entitlementId = params.get('app_entitlement_id') ?? '';
  const [state, setState] = useState<string | null>(null);
  const list = useKeysetPages(bulkActionsListing(state, entitlementId));
  return (
    <Stack>
      <Title order={2}>Bulk actions</Title>
      <Select
        label="State"
        placeholder="Any state"
        clearable
        data={STATES.map((s) => ({ value: s, label: s.replace('_', ' ').toLowerCase() }))}
        value={state}
        onChange={setState}
        maw={240}
      />
      <DataTable
        caption={
          entitlementId ? 'Bulk actions of one entitlement, newest first' : 'Bulk actions, newest first'
        }
        data={list.data?.list}
        columns={columns}
        loading={list.isFetching}
        error={list.error}
        empty="No bulk actions."
        pager={list.pager}
      />
    </Stack>
  );
}
