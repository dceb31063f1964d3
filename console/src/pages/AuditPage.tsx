import { Anchor, Button, Group, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, unwrap } from '../api/client';
import { downloadCsv, formatTime } from '../components/csv';
import { DataTable } from '../components/DataTable';
import { useKeysetPages } from '../components/paging';

/** The fields of an OCSF API Activity event the console shows (CONTRACT.md §7.11). */
interface OcsfEvent {
  time_dt?: string;
  status?: string;
  api?: { operation?: string; request?: { uid?: string } };
  actor?: { user?: { uid?: string }; app_uid?: string };
  resources?: { uid?: string; type?: string }[];
  src_endpoint?: { ip?: string };
  metadata?: { uid?: string; correlation_uid?: string };
}

interface Row {
  id: string;
  time: string;
  operation: string;
  actorId: string;
  actor: string;
  targetType: string;
  targetId: string;
  status: string;
  sourceIp: string;
  requestId: string;
}

const iso = (local: string) => (local ? new Date(local).toISOString() : undefined);
const MAX_SCAN = 20;

export function AuditPage() {
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const [actor, setActor] = useState('');
  const [target, setTarget] = useState('');
  const [operation, setOperation] = useState('');
  const [filters] = useDebouncedValue({ actor, target, operation }, 300);

  const matches = (row: Row) =>
    (!filters.actor || `${row.actor} ${row.actorId}`.toLowerCase().includes(filters.actor.toLowerCase())) &&
    (!filters.target ||
      `${row.targetType} ${row.targetId}`.toLowerCase().includes(filters.target.toLowerCase())) &&
    (!filters.operation || row.operation.toLowerCase().includes(filters.operation.toLowerCase()));

  // Time bounds are the server's; the other filters are applied to the pages read, reading on
  // (up to MAX_SCAN pages at a time) until a page of matches is found.
  const events = useKeysetPages(['audit', since, until, filters], async (startToken) => {
    const rows: Row[] = [];
    let pageToken = startToken;
    for (let scanned = 0; scanned < MAX_SCAN && rows.length < 50; scanned++) {
      const page = await unwrap(
        api.POST('/api/v1/systemlog/events', {
          body: {
            since: iso(since),
            until: iso(until),
            sortDirection: 'SORT_DIRECTION_DESC',
            pageSize: 100,
            pageToken,
          },
        }),
      );
      const list = page.list as OcsfEvent[];
      const actorIds = [
        ...new Set(list.map((e) => e.actor?.user?.uid).filter((id): id is string => Boolean(id))),
      ];
      const names = new Map<string, string>();
      if (actorIds.length > 0) {
        const users = await unwrap(
          api.POST('/api/v1/search/users', { body: { ids: actorIds, pageSize: 100 } }),
        );
        for (const u of users.list)
          names.set(u.user.id, u.user.displayName ? `${u.user.displayName} (${u.user.email})` : u.user.email);
      }
      for (const e of list) {
        const actorId = e.actor?.user?.uid ?? '';
        const row: Row = {
          id: e.metadata?.uid ?? '',
          time: e.time_dt ?? '',
          operation: e.api?.operation ?? '',
          actorId,
          actor: names.get(actorId) ?? (actorId || 'Roster'),
          targetType: e.resources?.[0]?.type ?? '',
          targetId: e.resources?.[0]?.uid ?? '',
          status: e.status ?? '',
          sourceIp: e.src_endpoint?.ip ?? '',
          requestId: e.api?.request?.uid ?? '',
        };
        if (matches(row)) rows.push(row);
      }
      pageToken = page.nextPageToken;
      if (!pageToken) break;
    }
    return { list: rows, nextPageToken: pageToken };
  });

  const columns: ColumnDef<Row, unknown>[] = [
    { header: 'When', id: 'time', cell: ({ row }) => formatTime(row.original.time) },
    { header: 'Operation', accessorKey: 'operation' },
    {
      header: 'Actor',
      id: 'actor',
      cell: ({ row }) =>
        row.original.actorId ? (
          <Anchor component={Link} to={`/people/${row.original.actorId}`}>
            {row.original.actor}
          </Anchor>
        ) : (
          row.original.actor
        ),
    },
    {
      header: 'Target',
      id: 'target',
      cell: ({ row }) => `${row.original.targetType} ${row.original.targetId}`,
    },
    { header: 'Result', accessorKey: 'status' },
  ];
  const exportUrl = `/roster/v1/systemlog/export?${new URLSearchParams({
    ...(since ? { since: iso(since) ?? '' } : {}),
    ...(until ? { until: iso(until) ?? '' } : {}),
  }).toString()}`;

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Audit log</Title>
        <Group>
          <Button
            variant="default"
            disabled={!events.data?.list.length}
            onClick={() => downloadCsv('audit-log.csv', events.data?.list ?? [])}
          >
            Export this page (CSV)
          </Button>
          <Button variant="default" component="a" href={exportUrl} download="system-log.jsonl">
            Export all in the time range (JSON lines)
          </Button>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }}>
        <TextInput
          type="datetime-local"
          label="From"
          value={since}
          onChange={(e) => setSince(e.currentTarget.value)}
        />
        <TextInput
          type="datetime-local"
          label="Until"
          value={until}
          onChange={(e) => setUntil(e.currentTarget.value)}
        />
        <TextInput
          label="Actor"
          placeholder="Name, email or ID"
          value={actor}
          onChange={(e) => setActor(e.currentTarget.value)}
        />
        <TextInput
          label="Target"
          placeholder="Type or ID"
          value={target}
          onChange={(e) => setTarget(e.currentTarget.value)}
        />
        <TextInput
          label="Operation"
          placeholder="e.g. grant.added"
          value={operation}
          onChange={(e) => setOperation(e.currentTarget.value)}
        />
      </SimpleGrid>
      <DataTable
        caption="System log events, newest first"
        data={events.data?.list}
        columns={columns}
        loading={events.isFetching}
        error={events.error}
        empty="No events match."
        pager={events.pager}
      />
    </Stack>
  );
}
