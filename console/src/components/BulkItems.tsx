import { Anchor, SegmentedControl, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { Link } from 'react-router';
import { bulkItemsListing } from '../api/bulk-actions';
import { peopleNamesQueryOptions } from '../api/people';
import type { BulkItem } from '../api/types';
import { DataTable } from './DataTable';
import { useKeysetPages } from './paging';

const OUTCOME_LABEL: Record<string, string> = {
  ADDED: 'Added',
  ALREADY_MEMBER: 'Already a member',
  FAILED: 'Failed',
};

/** The per-person outcomes of a bulk action, paged, filterable by outcome. */
export function BulkItems({ id, names }: { id: string; names?: ReadonlyMap<string, string> }) {
  const [outcome, setOutcome] = useState('ALL');
  const items = useKeysetPages(bulkItemsListing(id, outcome));
  // Names the caller does not know are read for the page shown.
  const unnamed = (items.data?.list ?? []).map((i) => i.userId).filter((userId) => !names?.has(userId));
  const read = useQuery(peopleNamesQueryOptions(unnamed));
  const nameOf = (userId: string) => names?.get(userId) ?? read.data?.get(userId) ?? userId;
  const columns: ColumnDef<BulkItem, unknown>[] = [
    {
      header: 'Person',
      id: 'person',
      cell: ({ row }) => (
        <Anchor component={Link} to={`/people/${row.original.userId}`}>
          {nameOf(row.original.userId)}
        </Anchor>
      ),
    },
    {
      header: 'Outcome',
      id: 'outcome',
      cell: ({ row }) => OUTCOME_LABEL[row.original.outcome] ?? row.original.outcome,
    },
    { header: 'Why', accessorKey: 'error' },
  ];
  return (
    <Stack gap="xs">
      <SegmentedControl
        aria-label="Show outcomes"
        value={outcome}
        onChange={setOutcome}
        data={[
          { value: 'ALL', label: 'All' },
          { value: 'ADDED', label: 'Added' },
          { value: 'ALREADY_MEMBER', label: 'Already members' },
          { value: 'FAILED', label: 'Failed' },
        ]}
      />
      <DataTable
        caption="Outcome for each person"
        data={items.data?.list}
        columns={columns}
        loading={items.isFetching}
        error={items.error}
        empty="No person has this outcome."
        pager={items.pager}
      />
    </Stack>
  );
}
