import { Anchor, Button, Group, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { Link } from 'react-router';
import { type AuditRow, auditExportUrl, auditListing } from '../api/audit';
import { downloadCsv, formatTime } from '../components/csv';
import { DataTable } from '../components/DataTable';
import { useKeysetPages } from '../components/paging';

export function AuditPage() {
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const [actor, setActor] = useState('');
  const [targetType, setTargetType] = useState('');
  const [targetId, setTargetId] = useState('');
  const [operation, setOperation] = useState('');
  const [filters] = useDebouncedValue({ actor, targetType, targetId, operation }, 300);

  const events = useKeysetPages(auditListing(since, until, filters));

  const columns: ColumnDef<AuditRow, unknown>[] = [
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
  const exportUrl = auditExportUrl(since, until);

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
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
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
          label="Target type"
          placeholder="e.g. app"
          value={targetType}
          onChange={(e) => setTargetType(e.currentTarget.value)}
        />
        <TextInput
          label="Target ID"
          placeholder="The exact ID"
          value={targetId}
          onChange={(e) => setTargetId(e.currentTarget.value)}
        />
        <TextInput
          label="Operation"
          placeholder="e.g. grant.added, or grant."
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
