import { Anchor, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  allChanges,
  CHANGE_LABELS,
  type ChangeKind,
  type ChangeRow,
  changesListing,
  type Holder,
  holdersAt,
} from '../api/grants';
import { downloadCsv, formatTime } from '../components/csv';
import { DataTable } from '../components/DataTable';
import { EntitlementPicker, type Picked } from '../components/EntitlementPicker';
import { ErrorAlert } from '../components/ErrorAlert';
import { count } from '../components/numbers';
import { useKeysetPages } from '../components/paging';

const iso = (local: string) => new Date(local).toISOString();

type EntitlementRefs = Parameters<typeof changesListing>[0];

const personCell = ({ row }: { row: { original: { userId: string; name: string } } }) =>
  row.original.userId ? (
    <Anchor component={Link} to={`/people/${row.original.userId}`}>
      {row.original.name}
    </Anchor>
  ) : (
    row.original.name
  );

const changeColumns: ColumnDef<ChangeRow, unknown>[] = [
  { header: 'When', id: 'date', cell: ({ row }) => formatTime(row.original.date) },
  { header: 'Change', accessorKey: 'change' },
  { header: 'Person', id: 'person', cell: personCell },
  { header: 'Email', accessorKey: 'email' },
];

/** The changes between two moments, newest first, paged, with the server's totals by kind. */
function Changes(props: { refs: EntitlementRefs; name: string; after: string; before: string }) {
  const { refs, name, after, before } = props;
  const [kind, setKind] = useState<ChangeKind | ''>('');
  const changes = useKeysetPages(changesListing(refs, after, before, kind));
  const exported = useMutation({
    mutationFn: () => allChanges(refs, after, before, kind),
    onSuccess: (rows) => downloadCsv(`${name}-changes.csv`, rows),
  });
  const totals = changes.data?.totals;
  return (
    <Stack>
      {totals && (
        <Text data-testid="changes-totals">
          Between {formatTime(after)} and {formatTime(before)}: {count(totals.granted, 'grant', 'grants')},{' '}
          {count(totals.revoked, 'revocation', 'revocations')} and{' '}
          {count(totals.expired, 'expiry', 'expiries')}.
        </Text>
      )}
      <Group align="flex-end">
        <NativeSelect
          label="Show"
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as ChangeKind | '')}
          data={[
            { value: '', label: 'Every change' },
            ...Object.entries(CHANGE_LABELS).map(([value, label]) => ({ value, label: `${label} only` })),
          ]}
        />
        <Button variant="default" loading={exported.isPending} onClick={() => exported.mutate()}>
          Export CSV
        </Button>
      </Group>
      <ErrorAlert error={exported.error} title="The export could not be made" />
      <DataTable
        caption={`Changes to ${name}, newest first`}
        data={changes.data?.list}
        columns={changeColumns}
        loading={changes.isFetching}
        error={changes.error}
        empty="Nothing changed then."
        pager={changes.pager}
      />
    </Stack>
  );
}

/** "Who held this entitlement at D" from past grants; "what changed between D1 and D2" from Roster's change listing. */
export function ReviewPage() {
  const [picked, setPicked] = useState<Picked | undefined>();
  const [at, setAt] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const refs = picked ? [{ appId: picked.appId, id: picked.entitlementId }] : [];

  const holders = useMutation({ mutationFn: () => holdersAt(refs, new Date(at).getTime()) });
  const [range, setRange] = useState<{ after: string; before: string } | undefined>();
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
            setRange({ after: iso(from), before: iso(to) });
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
              <Button type="submit" disabled={!picked}>
                Show changes
              </Button>
            </Group>
            {picked && range && (
              <Changes
                key={`${picked.entitlementId} ${range.after} ${range.before}`}
                refs={refs}
                name={name}
                after={range.after}
                before={range.before}
              />
            )}
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
