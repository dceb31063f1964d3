import {
  Anchor,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { Link } from 'react-router';
import { appPickerQueryOptions } from '../api/apps';
import type { Webhook } from '../api/types';
import { useCreateWebhook, webhooksListing } from '../api/webhooks';
import { formatTime } from '../components/csv';
import { DataTable } from '../components/DataTable';
import { Dialog } from '../components/Dialog';
import { ErrorAlert } from '../components/ErrorAlert';
import { useKeysetPages } from '../components/paging';
import { ShownOnce } from '../components/ShownOnce';
import { EVENT_TYPES, type EventType, useMayManageWebhooks, WebhookStateBadge } from '../components/webhooks';
import { useAbilities } from '../session';

const columns: ColumnDef<Webhook, unknown>[] = [
  {
    header: 'Endpoint',
    id: 'url',
    cell: ({ row }) => (
      <Anchor component={Link} to={`/webhooks/${row.original.id}`}>
        {row.original.url}
      </Anchor>
    ),
  },
  { header: 'Description', accessorKey: 'description' },
  { header: 'Events', id: 'events', cell: ({ row }) => row.original.eventTypes.join(', ') },
  {
    header: 'Apps',
    id: 'apps',
    cell: ({ row }) =>
      row.original.appIds.length === 0
        ? 'every app'
        : row.original.appIds.length === 1
          ? '1 app'
          : `${row.original.appIds.length} apps`,
  },
  { header: 'State', id: 'state', cell: ({ row }) => <WebhookStateBadge state={row.original.state} /> },
  { header: 'Created', id: 'created', cell: ({ row }) => formatTime(row.original.createdAt) },
];

export function WebhooksPage() {
  const mayManage = useMayManageWebhooks();
  const { can } = useAbilities();
  const list = useKeysetPages(webhooksListing());
  const [creating, setCreating] = useState(false);
  return (
    <Stack>
      <Title order={2}>Webhooks</Title>
      <Text c="gray.7">
        Roster sends its changes to these endpoints, signed after the Standard Webhooks specification.
      </Text>
      {mayManage && (
        <Group>
          <Button onClick={() => setCreating(true)}>New webhook</Button>
        </Group>
      )}
      <DataTable
        caption={
          can('webhooks:read') ? 'Webhooks, oldest first' : 'Webhooks limited to apps you own, oldest first'
        }
        data={list.data?.list}
        columns={columns}
        loading={list.isFetching}
        error={list.error}
        empty="No webhooks."
        pager={list.pager}
      />
      {creating && <NewWebhook onClose={() => setCreating(false)} />}
    </Stack>
  );
}

function NewWebhook({ onClose }: { onClose: () => void }) {
  const { can } = useAbilities();
  const create = useCreateWebhook();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [eventTypes, setEventTypes] = useState<string[]>([]);
  const [appIds, setAppIds] = useState<string[]>([]);
  const [noEvents, setNoEvents] = useState(false);
  const [appSearch, setAppSearch] = useState('');
  const [debounced] = useDebouncedValue(appSearch, 300);
  const apps = useQuery(appPickerQueryOptions(debounced));
  // Chosen apps stay listed (with their names) while the search shows others.
  const [appNames, setAppNames] = useState<Record<string, string>>({});
  const appData = [
    ...appIds.map((id) => ({ value: id, label: appNames[id] ?? id })),
    ...(apps.data?.list ?? [])
      .filter((a) => !appIds.includes(a.id))
      .map((a) => ({ value: a.id, label: a.displayName })),
  ];
  const everyApp = can('webhooks:write');
  if (create.data) {
    const made = create.data;
    return (
      <Dialog opened onClose={onClose} title="Webhook created">
        <ShownOnce label="Signing secret" value={made.secret} onDone={onClose}>
          <Text size="sm">
            Verify each request with this secret (<code>webhook-signature</code> header).{' '}
            <Anchor component={Link} to={`/webhooks/${made.webhook.id}`}>
              Open the webhook
            </Anchor>
          </Text>
        </ShownOnce>
      </Dialog>
    );
  }
  return (
    <Dialog opened onClose={onClose} title="New webhook" size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setNoEvents(eventTypes.length === 0);
          if (eventTypes.length === 0) return;
          create.mutate({
            url: url.trim(),
            description,
            eventTypes: eventTypes as EventType[],
            ...(appIds.length > 0 ? { appIds } : {}),
          });
        }}
      >
        <Stack>
          <TextInput
            label="Endpoint URL"
            description="https:// on a public address"
            required
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
          />
          <Textarea
            label="Description"
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <Checkbox.Group
            label="Events"
            withAsterisk
            value={eventTypes}
            onChange={setEventTypes}
            error={noEvents && eventTypes.length === 0 ? 'Choose at least one event.' : undefined}
            // Mantine's red error text is 3.3:1 on white; the darker red reaches WCAG AA.
            styles={{ error: { color: 'var(--mantine-color-red-9)' } }}
          >
            <Stack gap={6} mt={6}>
              {EVENT_TYPES.map((t) => (
                <Checkbox key={t.value} value={t.value} label={t.label} />
              ))}
            </Stack>
          </Checkbox.Group>
          <MultiSelect
            label="Apps"
            description={
              everyApp
                ? 'Leave empty for every app. User events concern no app and always pass.'
                : 'Choose apps you own. User events concern no app and always pass.'
            }
            searchable
            data={appData}
            value={appIds}
            onSearchChange={setAppSearch}
            onChange={(ids) => {
              setAppNames({ ...appNames, ...Object.fromEntries(appData.map((a) => [a.value, a.label])) });
              setAppIds(ids);
            }}
            nothingFoundMessage="No app matches"
          />
          <ErrorAlert error={create.error} title="The webhook was not created" />
          <Button type="submit" loading={create.isPending}>
            Create webhook
          </Button>
        </Stack>
      </form>
    </Dialog>
  );
}
