import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Modal,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { Link } from 'react-router';
import { clientsListing, useCreateClient, useDeleteClient } from '../api/clients';
import { peopleRolesListing, useSetRoles } from '../api/people';
import { rolesQueryOptions } from '../api/roles';
import type { PersonalClient, User } from '../api/types';
import { formatTime } from '../components/csv';
import { DataTable } from '../components/DataTable';
import { ErrorAlert } from '../components/ErrorAlert';
import { ConfirmButtons, NameForm } from '../components/forms';
import { useKeysetPages } from '../components/paging';
import { useAbilities } from '../session';

export function SettingsPage() {
  const { can } = useAbilities();
  return (
    <Stack>
      <Title order={2}>Settings</Title>
      <Tabs defaultValue="clients" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="clients">API clients</Tabs.Tab>
          {can('users:write') && can('roles:write') && <Tabs.Tab value="roles">Users' roles</Tabs.Tab>}
        </Tabs.List>
        <Tabs.Panel value="clients" pt="md">
          <ApiClients />
        </Tabs.Panel>
        <Tabs.Panel value="roles" pt="md">
          <UserRoles />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function ApiClients() {
  const { can, session } = useAbilities();
  const everyone = can('clients:read');
  // Changing a credential is a write: a Read-Only Admin sees its clients but changes none (CONTRACT.md §7.10).
  const mayChange = (client: PersonalClient) =>
    can('clients:write') || (client.userId === session.user.id && can('clients:own:write'));
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<PersonalClient | undefined>();
  const clients = useKeysetPages(clientsListing(everyone, session.user.id));
  const remove = useDeleteClient({ onSuccess: () => setDeleting(undefined) });
  const columns: ColumnDef<PersonalClient, unknown>[] = [
    { header: 'Name', accessorKey: 'displayName' },
    { header: 'Client ID', id: 'clientId', cell: ({ row }) => <Code>{row.original.clientId}</Code> },
    {
      header: 'User',
      id: 'user',
      cell: ({ row }) => (
        <Anchor component={Link} to={`/people/${row.original.userId}`}>
          {row.original.userId === session.user.id ? 'You' : row.original.userId}
        </Anchor>
      ),
    },
    { header: 'Last used', id: 'used', cell: ({ row }) => formatTime(row.original.lastUsedAt) || 'never' },
    {
      header: 'Actions',
      id: 'actions',
      cell: ({ row }) =>
        mayChange(row.original) && (
          <Button
            size="compact-sm"
            color="red.9"
            variant="outline"
            onClick={() => setDeleting(row.original)}
            aria-label={`Delete API client ${row.original.displayName}`}
          >
            Delete
          </Button>
        ),
    },
  ];
  return (
    <Stack>
      {(can('clients:own:write') || can('clients:write')) && (
        <Group>
          <Button onClick={() => setCreating(true)}>New API client</Button>
        </Group>
      )}
      <DataTable
        caption={everyone ? 'API clients of every user' : 'Your API clients'}
        data={clients.data?.list}
        columns={columns}
        loading={clients.isFetching}
        error={clients.error}
        empty="No API clients."
        pager={clients.pager}
      />
      {creating && <NewClient onClose={() => setCreating(false)} />}
      <Modal
        opened={deleting !== undefined}
        onClose={() => setDeleting(undefined)}
        title="Delete API client?"
      >
        <Stack>
          <Text>
            Delete {deleting?.displayName}? Programs using it stop working at once, and console sessions
            signed in with it end.
          </Text>
          <ErrorAlert error={remove.error} title="The API client was not deleted" />
          <ConfirmButtons
            confirmLabel="Delete API client"
            pending={remove.isPending}
            onCancel={() => setDeleting(undefined)}
            onConfirm={() => deleting && remove.mutate(deleting.id)}
          />
        </Stack>
      </Modal>
    </Stack>
  );
}

function NewClient({ onClose }: { onClose: () => void }) {
  const { can } = useAbilities();
  const [forEmail, setForEmail] = useState('');
  const create = useCreateClient();
  return (
    <Modal opened onClose={onClose} title="New API client">
      {create.data ? (
        <Stack>
          <Alert color="yellow" title="Copy the secret now">
            Roster keeps only its public half: this is the only time the secret is shown.
          </Alert>
          <Text size="sm">Client ID</Text>
          <Code block>{create.data.client.clientId}</Code>
          <Text size="sm">Client secret</Text>
          <Code block data-testid="client-secret">
            {create.data.clientSecret}
          </Code>
          <Group justify="flex-end">
            <CopyButton value={create.data.clientSecret}>
              {({ copied, copy }) => <Button onClick={copy}>{copied ? 'Copied' : 'Copy secret'}</Button>}
            </CopyButton>
            <Button variant="default" onClick={onClose}>
              Done
            </Button>
          </Group>
        </Stack>
      ) : (
        <NameForm
          submitLabel="Create API client"
          errorTitle="The API client was not created"
          pending={create.isPending}
          error={create.error}
          onSubmit={(values) => create.mutate({ displayName: values.displayName, forEmail: forEmail.trim() })}
        >
          {can('clients:write') && (
            <TextInput
              label="For the user with email"
              description="Leave empty to make one for yourself."
              value={forEmail}
              onChange={(e) => setForEmail(e.currentTarget.value)}
            />
          )}
        </NameForm>
      )}
    </Modal>
  );
}

function UserRoles() {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query.trim(), 300);
  const roles = useQuery(rolesQueryOptions());
  const people = useKeysetPages(peopleRolesListing(debounced));
  const save = useSetRoles();
  const columns: ColumnDef<{ user: User }, unknown>[] = [
    {
      header: 'Person',
      id: 'person',
      cell: ({ row }) => (
        <Anchor component={Link} to={`/people/${row.original.user.id}`}>
          {row.original.user.displayName || row.original.user.email}
        </Anchor>
      ),
    },
    ...(roles.data?.list ?? []).map(
      (role): ColumnDef<{ user: User }, unknown> => ({
        header: role.displayName,
        id: role.id,
        cell: ({ row }) => {
          const held = row.original.user.roleIds.includes(role.id);
          return (
            <Checkbox
              aria-label={`${role.displayName} for ${row.original.user.displayName || row.original.user.email}`}
              checked={held}
              disabled={save.isPending}
              onChange={() =>
                save.mutate({
                  userId: row.original.user.id,
                  roleIds: held
                    ? row.original.user.roleIds.filter((id) => id !== role.id)
                    : [...row.original.user.roleIds, role.id],
                })
              }
            />
          );
        },
      }),
    ),
  ];
  return (
    <Stack>
      <ErrorAlert error={save.error} title="The roles were not changed" />
      <TextInput label="Search people" value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
      <DataTable
        caption="Roster roles of each person (a change applies at once, to their API clients too)"
        data={people.data?.list}
        columns={columns}
        loading={people.isFetching || roles.isFetching}
        error={people.error ?? roles.error}
        empty="No one matches."
        pager={people.pager}
      />
    </Stack>
  );
}
