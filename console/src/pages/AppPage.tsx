import { Anchor, Button, Group, Modal, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { Link, useNavigate, useParams } from 'react-router';
import {
  appDeletionQueryOptions,
  appOwnersListing,
  appQueryOptions,
  appResourcesListing,
  useDeleteApp,
  useUpdateApp,
} from '../api/apps';
import { entitlementsListing, useCreateEntitlement } from '../api/entitlements';
import type { App, Entitlement } from '../api/types';
import { DataTable } from '../components/DataTable';
import { ErrorAlert } from '../components/ErrorAlert';
import { ConfirmButtons, NameForm } from '../components/forms';
import { LoadFailure } from '../components/NotFound';
import { count } from '../components/numbers';
import { useKeysetPages } from '../components/paging';
import { useAbilities } from '../session';

export function AppPage() {
  const appId = useParams().appId ?? '';
  const { canOnApp } = useAbilities();
  const app = useQuery(appQueryOptions(appId));
  const [editing, edit] = useDisclosure();
  const [deleting, del] = useDisclosure();
  if (app.error) return <LoadFailure error={app.error} what="app" back={{ to: '/apps', label: 'Apps' }} />;
  const current = app.data?.app;
  return (
    <Stack>
      <Anchor component={Link} to="/apps" size="sm">
        ← All apps
      </Anchor>
      <Group justify="space-between">
        <div>
          <Title order={2}>{current?.displayName ?? 'Loading…'}</Title>
          <Text c="gray.7">{current?.description}</Text>
        </div>
        {current && (
          <Group>
            {canOnApp('apps:write', current) && (
              <Button variant="default" onClick={edit.open}>
                Edit app
              </Button>
            )}
            {canOnApp('apps:write', current) && (
              <Button color="red.9" variant="outline" onClick={del.open}>
                Delete app
              </Button>
            )}
          </Group>
        )}
      </Group>
      {current && (
        <Tabs defaultValue="entitlements" keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="entitlements">Entitlements</Tabs.Tab>
            <Tabs.Tab value="resources">Resources</Tabs.Tab>
            <Tabs.Tab value="owners">Owners</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="entitlements" pt="md">
            <Entitlements app={current} />
          </Tabs.Panel>
          <Tabs.Panel value="resources" pt="md">
            <Resources app={current} />
          </Tabs.Panel>
          <Tabs.Panel value="owners" pt="md">
            <Owners app={current} />
          </Tabs.Panel>
        </Tabs>
      )}
      {current && (
        <>
          <Modal opened={editing} onClose={edit.close} title="Edit app">
            <EditApp app={current} onDone={edit.close} />
          </Modal>
          <Modal opened={deleting} onClose={del.close} title={`Delete ${current.displayName}?`}>
            <DeleteApp app={current} onCancel={del.close} />
          </Modal>
        </>
      )}
    </Stack>
  );
}

function Entitlements({ app }: { app: App }) {
  const { canOnApp } = useAbilities();
  const [creating, create] = useDisclosure();
  const list = useKeysetPages(entitlementsListing(app.id));
  const columns: ColumnDef<{ appEntitlement: Entitlement }, unknown>[] = [
    {
      header: 'Entitlement',
      id: 'name',
      cell: ({ row }) => (
        <Anchor component={Link} to={`/apps/${app.id}/entitlements/${row.original.appEntitlement.id}`}>
          {row.original.appEntitlement.displayName}
        </Anchor>
      ),
    },
    {
      header: 'Members',
      id: 'grants',
      cell: ({ row }) => Number(row.original.appEntitlement.grantCount).toLocaleString(),
    },
    {
      header: 'Default grant duration',
      id: 'duration',
      cell: ({ row }) => row.original.appEntitlement.durationGrant ?? 'none',
    },
  ];
  return (
    <Stack>
      {canOnApp('catalog:write', app) && (
        <Group>
          <Button onClick={create.open}>New entitlement</Button>
        </Group>
      )}
      <DataTable
        caption={`Entitlements of ${app.displayName}`}
        data={list.data?.list}
        columns={columns}
        loading={list.isFetching}
        error={list.error}
        empty="This app has no entitlements yet."
        pager={list.pager}
      />
      <Modal opened={creating} onClose={create.close} title="New entitlement">
        <NewEntitlement app={app} onDone={create.close} />
      </Modal>
    </Stack>
  );
}

function NewEntitlement({ app, onDone }: { app: App; onDone: () => void }) {
  const create = useCreateEntitlement(app.id, { onSuccess: onDone });
  return (
    <NameForm
      described
      submitLabel="Create entitlement"
      errorTitle="The entitlement was not created"
      pending={create.isPending}
      error={create.error}
      onSubmit={(values) => create.mutate(values)}
    />
  );
}

function Resources({ app }: { app: App }) {
  const list = useKeysetPages(appResourcesListing(app.id));
  type Row = NonNullable<typeof list.data>['list'][number];
  const columns: ColumnDef<Row, unknown>[] = [
    { header: 'Resource', id: 'name', cell: ({ row }) => row.original.appResource.displayName },
    { header: 'Description', id: 'description', cell: ({ row }) => row.original.appResource.description },
  ];
  return (
    <DataTable
      caption={`Resources of ${app.displayName}`}
      data={list.data?.list}
      columns={columns}
      loading={list.isFetching}
      error={list.error}
      empty="This app has no resources."
      pager={list.pager}
    />
  );
}

function Owners({ app }: { app: App }) {
  const owners = useKeysetPages(appOwnersListing(app.id));
  type Row = NonNullable<typeof owners.data>['list'][number];
  const columns: ColumnDef<Row, unknown>[] = [
    {
      header: 'Owner',
      id: 'name',
      cell: ({ row }) => (
        <Anchor component={Link} to={`/people/${row.original.id}`}>
          {row.original.displayName || row.original.email}
        </Anchor>
      ),
    },
    { header: 'Email', accessorKey: 'email' },
  ];
  return (
    <DataTable
      caption={`Owners of ${app.displayName}`}
      data={owners.data?.list}
      columns={columns}
      loading={owners.isFetching}
      error={owners.error}
      empty="This app has no owners."
      pager={owners.pager}
    />
  );
}

function EditApp({ app, onDone }: { app: App; onDone: () => void }) {
  const save = useUpdateApp(app.id, { onSuccess: onDone });
  return (
    <NameForm
      described
      initial={app}
      submitLabel="Save"
      errorTitle="The app was not saved"
      pending={save.isPending}
      error={save.error}
      onSubmit={(values) => save.mutate(values)}
    />
  );
}

/** Says what the cascade revokes before anything is deleted (CONTRACT.md §7.12). */
function DeleteApp({ app, onCancel }: { app: App; onCancel: () => void }) {
  const navigate = useNavigate();
  const cascade = useQuery(appDeletionQueryOptions(app.id));
  const remove = useDeleteApp(app.id, { onSuccess: () => navigate('/apps') });
  return (
    <Stack>
      <ErrorAlert error={cascade.error} />
      {cascade.data ? (
        <Text data-testid="cascade">
          Deleting {app.displayName} revokes {count(cascade.data.grants, 'grant')} across{' '}
          {count(cascade.data.entitlements, 'entitlement')}, and deletes its entitlements, resources, resource
          types and app users. The revocations are recorded in the grant history. This cannot be undone.
        </Text>
      ) : (
        <Text>Counting what this would revoke…</Text>
      )}
      <ErrorAlert error={remove.error} title="The app was not deleted" />
      <ConfirmButtons
        confirmLabel={`Delete app and revoke ${cascade.data ? count(cascade.data.grants, 'grant') : '… grants'}`}
        disabled={!cascade.data}
        pending={remove.isPending}
        onCancel={onCancel}
        onConfirm={() => remove.mutate()}
      />
    </Stack>
  );
}
