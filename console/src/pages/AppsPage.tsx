import { Anchor, Button, Group, Modal, Stack, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { appsListing, useCreateApp } from '../api/apps';
import type { App } from '../api/types';
import { DataTable } from '../components/DataTable';
import { NameForm } from '../components/forms';
import { useKeysetPages } from '../components/paging';
import { useAbilities } from '../session';

const columns: ColumnDef<App, unknown>[] = [
  {
    header: 'App',
    accessorKey: 'displayName',
    cell: ({ row }) => (
      <Anchor component={Link} to={`/apps/${row.original.id}`}>
        {row.original.displayName}
      </Anchor>
    ),
  },
  { header: 'Description', accessorKey: 'description' },
  {
    header: 'People with access',
    id: 'users',
    cell: ({ row }) => Number(row.original.userCount).toLocaleString(),
  },
  {
    header: 'Owners',
    id: 'owners',
    cell: ({ row }) => row.original.appOwners.map((o) => o.displayName || o.email).join(', '),
  },
];

export function AppsPage() {
  const { can } = useAbilities();
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 300);
  const apps = useKeysetPages(appsListing(debounced));
  const [creating, { open, close }] = useDisclosure();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Apps</Title>
        {can('apps:write') && <Button onClick={open}>New app</Button>}
      </Group>
      <TextInput
        label="Search apps"
        placeholder="Name or description"
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
      />
      <DataTable
        caption="Apps"
        data={apps.data?.list}
        columns={columns}
        loading={apps.isFetching}
        error={apps.error}
        empty={debounced ? 'No app matches this search.' : 'No apps yet.'}
        pager={apps.pager}
      />
      <Modal opened={creating} onClose={close} title="New app">
        <AppForm onDone={close} />
      </Modal>
    </Stack>
  );
}

function AppForm({ onDone }: { onDone: () => void }) {
  const navigate = useNavigate();
  const create = useCreateApp({
    onSuccess: (made) => {
      onDone();
      navigate(`/apps/${made.app.id}`);
    },
  });
  return (
    <NameForm
      described
      submitLabel="Create app"
      errorTitle="The app was not created"
      pending={create.isPending}
      error={create.error}
      onSubmit={(values) => create.mutate(values)}
    />
  );
}
