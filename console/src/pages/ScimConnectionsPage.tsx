import { Anchor, Button, Code, Group, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  scimConnectionsQueryOptions,
  useCreateScimConnection,
  useDeleteScimConnection,
  useRevokeScimToken,
  useRotateScimToken,
} from '../api/scim';
import type { ScimConnection } from '../api/types';
import { formatTime } from '../components/csv';
import { DataTable } from '../components/DataTable';
import { ConfirmDialog, Dialog } from '../components/Dialog';
import { NameForm } from '../components/forms';
import { ShownOnce, WrappedCode } from '../components/ShownOnce';
import { useAbilities } from '../session';

/** What a change to a connection asks to confirm, and the connection it concerns. */
type Pending = { kind: 'rotate' | 'revoke' | 'delete'; connection: ScimConnection };

export function ScimConnectionsPage() {
  const { can } = useAbilities();
  const mayChange = can('scim:write');
  const connections = useQuery(scimConnectionsQueryOptions());
  const [creating, setCreating] = useState(false);
  const [pending, setPending] = useState<Pending | undefined>();
  const columns: ColumnDef<ScimConnection, unknown>[] = [
    { header: 'Identity provider', accessorKey: 'displayName' },
    {
      header: 'Base URL',
      id: 'baseUrl',
      cell: ({ row }) => <Code style={{ wordBreak: 'break-all' }}>{row.original.baseUrl}</Code>,
    },
    {
      header: 'Token',
      id: 'token',
      cell: ({ row }) =>
        row.original.hasToken ? `issued ${formatTime(row.original.tokenIssuedAt)}` : 'none (revoked)',
    },
    {
      header: 'Groups',
      id: 'app',
      cell: ({ row }) => (
        <Anchor
          component={Link}
          to={`/apps/${row.original.appId}`}
          aria-label={`Groups of ${row.original.displayName}`}
        >
          App
        </Anchor>
      ),
    },
    { header: 'Created', id: 'created', cell: ({ row }) => formatTime(row.original.createdAt) },
    ...(mayChange
      ? [
          {
            header: 'Actions',
            id: 'actions',
            cell: ({ row }) => {
              const name = row.original.displayName;
              const ask = (kind: Pending['kind']) => () => setPending({ kind, connection: row.original });
              return (
                <Group gap="xs">
                  <Button
                    size="compact-sm"
                    variant="default"
                    onClick={ask('rotate')}
                    aria-label={`New token for ${name}`}
                  >
                    New token
                  </Button>
                  {row.original.hasToken && (
                    <Button
                      size="compact-sm"
                      color="red.9"
                      variant="outline"
                      onClick={ask('revoke')}
                      aria-label={`Revoke the token of ${name}`}
                    >
                      Revoke token
                    </Button>
                  )}
                  <Button
                    size="compact-sm"
                    color="red.9"
                    variant="outline"
                    onClick={ask('delete')}
                    aria-label={`Delete ${name}`}
                  >
                    Delete
                  </Button>
                </Group>
              );
            },
          } satisfies ColumnDef<ScimConnection, unknown>,
        ]
      : []),
  ];
  return (
    <Stack>
      <Title order={2}>SCIM connections</Title>
      <Text c="gray.7">
        Each identity provider (Okta, Microsoft Entra ID…) pushes people and groups to Roster through its own
        connection: configure it with the base URL and the token.
      </Text>
      {mayChange && (
        <Group>
          <Button onClick={() => setCreating(true)}>New SCIM connection</Button>
        </Group>
      )}
      <DataTable
        caption="SCIM connections, oldest first"
        data={connections.data?.list}
        columns={columns}
        loading={connections.isFetching}
        error={connections.error}
        empty="No SCIM connections."
      />
      {creating && <NewConnection onClose={() => setCreating(false)} />}
      {pending?.kind === 'rotate' && (
        <RotateToken connection={pending.connection} onClose={() => setPending(undefined)} />
      )}
      {pending?.kind === 'revoke' && (
        <RevokeToken connection={pending.connection} onClose={() => setPending(undefined)} />
      )}
      {pending?.kind === 'delete' && (
        <DeleteConnection connection={pending.connection} onClose={() => setPending(undefined)} />
      )}
    </Stack>
  );
}

/** The base URL and token an identity provider is configured with. */
function TokenShown({
  answer,
  onClose,
}: {
  answer: { connection: ScimConnection; token: string };
  onClose: () => void;
}) {
  return (
    <ShownOnce label="Token" value={answer.token} onDone={onClose}>
      <Text size="sm">Base URL</Text>
      <WrappedCode>{answer.connection.baseUrl}</WrappedCode>
    </ShownOnce>
  );
}

function NewConnection({ onClose }: { onClose: () => void }) {
  const create = useCreateScimConnection();
  return (
    <Dialog opened onClose={onClose} title="New SCIM connection">
      {create.data ? (
        <TokenShown answer={create.data} onClose={onClose} />
      ) : (
        <NameForm
          submitLabel="Create SCIM connection"
          errorTitle="The SCIM connection was not created"
          pending={create.isPending}
          error={create.error}
          onSubmit={(values) => create.mutate(values.displayName)}
        />
      )}
    </Dialog>
  );
}

function RotateToken({ connection, onClose }: { connection: ScimConnection; onClose: () => void }) {
  const rotate = useRotateScimToken();
  return (
    <ConfirmDialog
      title={`New token for ${connection.displayName}?`}
      question={
        connection.hasToken
          ? 'The current token stops working at once: the identity provider cannot push changes until it is given the new one.'
          : 'The identity provider can push changes again once it is given the new token.'
      }
      confirmLabel="Issue new token"
      errorTitle="No new token was issued"
      change={rotate}
      onConfirm={() => rotate.mutate(connection.id)}
      onClose={onClose}
      done={rotate.data && <TokenShown answer={rotate.data} onClose={onClose} />}
    />
  );
}

function RevokeToken({ connection, onClose }: { connection: ScimConnection; onClose: () => void }) {
  const revoke = useRevokeScimToken(onClose);
  return (
    <ConfirmDialog
      title={`Revoke the token of ${connection.displayName}?`}
      question="The identity provider can no longer push changes until a new token is issued. People, groups and grants it made stay."
      confirmLabel="Revoke token"
      errorTitle="The token was not revoked"
      change={revoke}
      onConfirm={() => revoke.mutate(connection.id)}
      onClose={onClose}
    />
  );
}

function DeleteConnection({ connection, onClose }: { connection: ScimConnection; onClose: () => void }) {
  const remove = useDeleteScimConnection(onClose);
  return (
    <ConfirmDialog
      title={`Delete ${connection.displayName}?`}
      question="Its token stops working at once. The people, the app of its groups and the grants it made stay in Roster."
      confirmLabel="Delete SCIM connection"
      errorTitle="The SCIM connection was not deleted"
      change={remove}
      onConfirm={() => remove.mutate(connection.id)}
      onClose={onClose}
    />
  );
}
