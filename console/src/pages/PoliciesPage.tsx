import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { Link } from 'react-router';
import { policiesListing } from '../api/policies';
import { DataTable } from '../components/DataTable';
import { count } from '../components/numbers';
import { useKeysetPages } from '../components/paging';
import { POLICY_TYPE_LABELS, type Policy, stepsOf } from '../components/policies';
import { useAbilities } from '../session';

const columns: ColumnDef<Policy, unknown>[] = [
  {
    header: 'Name',
    id: 'name',
    cell: ({ row }) => (
      <Anchor component={Link} to={`/policies/${row.original.id}`}>
        {row.original.displayName}
      </Anchor>
    ),
  },
  {
    header: 'Type',
    id: 'type',
    cell: ({ row }) => POLICY_TYPE_LABELS[row.original.policyType] ?? row.original.policyType,
  },
  { header: 'Built-in', id: 'builtin', cell: ({ row }) => (row.original.systemBuiltin ? 'yes' : 'no') },
  { header: 'Steps', id: 'steps', cell: ({ row }) => count(stepsOf(row.original).length, 'step') },
];

export function PoliciesPage() {
  const { can } = useAbilities();
  const list = useKeysetPages(policiesListing());
  return (
    <Stack>
      <Title order={2}>Policies</Title>
      <Text c="gray.7">
        How a request for access, a revocation or a review is decided: its steps run in order.
      </Text>
      {can('policies:write') && (
        <Group>
          <Button component={Link} to="/policies/new">
            New policy
          </Button>
        </Group>
      )}
      <DataTable
        caption="Policies, oldest first"
        data={list.data?.list}
        columns={columns}
        loading={list.isFetching}
        error={list.error}
        empty="No policies."
        pager={list.pager}
      />
    </Stack>
  );
}
