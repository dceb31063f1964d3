import { Anchor, Stack, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { Link } from 'react-router';
import { peopleListing } from '../api/people';
import { useRoleNames } from '../api/roles';
import type { User } from '../api/types';
import { DataTable } from '../components/DataTable';
import { useKeysetPages } from '../components/paging';

export function PeoplePage() {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 300);
  const roleNames = useRoleNames();
  const people = useKeysetPages(peopleListing(debounced));
  const columns: ColumnDef<{ user: User }, unknown>[] = [
    {
      header: 'Person',
      id: 'name',
      cell: ({ row }) => (
        <Anchor component={Link} to={`/people/${row.original.user.id}`}>
          {row.original.user.displayName || row.original.user.email}
        </Anchor>
      ),
    },
    { header: 'Email', id: 'email', cell: ({ row }) => row.original.user.email },
    { header: 'Status', id: 'status', cell: ({ row }) => row.original.user.status },
    {
      header: 'Roster roles',
      id: 'roles',
      cell: ({ row }) => row.original.user.roleIds.map((id) => roleNames.get(id) ?? id).join(', '),
    },
  ];
  return (
    <Stack>
      <Title order={2}>People</Title>
      <TextInput
        label="Search people"
        placeholder="Name, email or username"
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
      />
      <DataTable
        caption="People"
        data={people.data?.list}
        columns={columns}
        loading={people.isFetching}
        error={people.error}
        empty={debounced ? 'No one matches this search.' : 'No people yet.'}
        pager={people.pager}
      />
    </Stack>
  );
}
