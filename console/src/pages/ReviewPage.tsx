import { Anchor, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { Link } from 'react-router';
import { type ChangeRow, changesBetween, type Holder, holdersAt } from '../api/grants';
import { downloadCsv, formatTime } from '../components/csv';
import { DataTable } from '../components/DataTable';
import { EntitlementPicker, type Picked } from '../components/EntitlementPicker';
import { ErrorAlert } from '../components/ErrorAlert';
import { count } from '../components/numbers';

const iso = (local: string) => new Date(local).toISOString();

/** "Who held this entitlement at D" from past grants; "what changed between D1 and D2" from the grant feed. */
export function ReviewPage() {
  const [picked, setPicked] = useState<Picked | undefined>();
  const [at, setAt] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const refs = picked ? [{ appId: picked.appId, id: picked.entitlementId }] : [];

  const holders = useMutation({ mutationFn: () => holdersAt(refs, new Date(at).getTime()) });
  const changes = useMutation({ mutationFn: () => changesBetween(refs, iso(from), iso(to)) });

  const personCell = ({ row }: { row: { original: { userId: string; name: string } } }) =>
    row.original.userId ? (
      <Anchor component={Link} to={`/people/${row.original.userId}`}>
        {row.original.name}
      </Anchor>
    ) : (
      row.original.name
    );
  const holderColumns: ColumnDef<Holder, unknown>[] = [
    { header: 'Person', id: 'person', cell: personCell },
    { header: 'Email', accessorKey: 'email' },
    { header: 'Granted', id: 'granted', cell: ({ row }) => formatTime(row.original.grantedAt) },
    {
      header: 'Revoked',
      id: 'revoked',
      cell: ({ row }) => formatTime(row.original.revokedAt) || 'still held',
    },
  ];
  const changeColumns: ColumnDef<ChangeRow, unknown>[] = [
    { header: 'When', id: 'date', cell: ({ row }) => formatTime(row.original.date) },
    { header: 'Change', accessorKey: 'change' },
    { header: 'Person', id: 'person', cell: personCell },
    { header: 'Email', accessorKey: 'email' },
  ];
  const name = picked?.label ?? 'entitlement';

  return (
    <Stack>
      <Title order={2}>Access review</Title>
      <EntitlementPicker value={picked} onChange={setPicked} />
      <Paper withBorder p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            holders.mutate();
          }}
        >
          <Stack>
            <Title order={3}>Who held it at a moment</Title>
            <Group align="flex-end">
              <TextInput
                type="datetime-local"
                label="Moment"
                required
                value={at}
                onChange={(e) => setAt(e.currentTarget.value)}
              />
              <Button type="submit" disabled={!picked} loading={holders.isPending}>
                Show who held it
              </Button>
              {holders.data && (
                <Button
                  variant="default"
                  onClick={() => downloadCsv(`${name}-holders-${at}.csv`, holders.data)}
                >
                  Export CSV
                </Button>
              )}
            </Group>
            <ErrorAlert error={holders.error} title="The review could not be made" />
            {holders.data && (
              <>
                <Text data-testid="holders-count">
                  {count(holders.data.length, 'person', 'people')} held {name} at {formatTime(iso(at))}.
                </Text>
                <DataTable
                  caption={`Who held ${name}${holders.data.length > 100 ? ' (the first 100; the export has all)' : ''}`}
                  data={holders.data.slice(0, 100)}
                  columns={holderColumns}
                  empty="No one held it then."
                />
              </>
            )}
          </Stack>
        </form>
      </Paper>
      <Paper withBorder p="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            changes.mutate();
          }}
        >
          <Stack>
            <Title order={3}>What changed between two moments</Title>
            <Group align="flex-end">
              <TextInput
                type="datetime-local"
                label="From"
                required
                value={from}
                onChange={(e) => setFrom(e.currentTarget.value)}
              />
              <TextInput
                type="datetime-local"
                label="To"
                required
                value={to}
                onChange={(e) => setTo(e.currentTarget.value)}
              />
              <Button type="submit" disabled={!picked} loading={changes.isPending}>
                Show changes
              </Button>
              {changes.data && (
                <Button variant="default" onClick={() => downloadCsv(`${name}-changes.csv`, changes.data)}>
                  Export CSV
                </Button>
              )}
            </Group>
            <ErrorAlert error={changes.error} title="The changes could not be read" />
            {changes.data && (
              <DataTable
                caption={`Changes to ${name}${changes.data.length > 100 ? ' (the first 100; the export has all)' : ''}`}
                data={changes.data.slice(0, 100)}
                columns={changeColumns}
                empty="Nothing changed then."
              />
            )}
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
