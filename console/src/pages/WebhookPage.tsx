import { Anchor, Badge, Button, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useQueries, useQuery } from '@tanstack/react-query';
import type { ColumnDef } from '@tanstack/react-table';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { appQueryOptions } from '../api/apps';
import type { Webhook, WebhookDelivery } from '../api/types';
import {
  deliveriesListing,
  deliveryQueryOptions,
  useDeleteWebhook,
  usePingWebhook,
  useRedeliver,
  useRotateWebhookSecret,
  useSetWebhookPaused,
  webhookQueryOptions,
} from '../api/webhooks';
import { formatTime } from '../components/csv';
import { DataTable } from '../components/DataTable';
import { ConfirmDialog, Dialog } from '../components/Dialog';
import { ErrorAlert } from '../components/ErrorAlert';
import { useKeysetPages } from '../components/paging';
import { ShownOnce } from '../components/ShownOnce';
import { useMayManageWebhooks, WebhookStateBadge } from '../components/webhooks';

export function WebhookPage() {
  const id = useParams().webhookId ?? '';
  const mayManage = useMayManageWebhooks();
  const webhook = useQuery(webhookQueryOptions(id));
  const [asking, setAsking] = useState<'rotate' | 'delete' | undefined>();
  if (webhook.error) {
    return (
      <Stack>
        <BackLink />
        <ErrorAlert error={webhook.error} title="This webhook could not be loaded" />
      </Stack>
    );
  }
  const w = webhook.data?.webhook;
  return (
    <Stack>
      <BackLink />
      <Title order={2}>Webhook</Title>
      {w && <Details webhook={w} />}
      {w && mayManage && (
        <Group>
          <PauseButton webhook={w} />
          <PingButton id={id} />
          <Button variant="default" onClick={() => setAsking('rotate')}>
            New signing secret
          </Button>
          <Button color="red.9" variant="outline" onClick={() => setAsking('delete')}>
            Delete webhook
          </Button>
        </Group>
      )}
      <Title order={3}>Deliveries</Title>
      <Deliveries id={id} mayRedeliver={mayManage} />
      {asking === 'rotate' && <RotateSecret id={id} onClose={() => setAsking(undefined)} />}
      {asking === 'delete' && <DeleteWebhook id={id} onClose={() => setAsking(undefined)} />}
    </Stack>
  );
}

function BackLink() {
  return (
    <Anchor component={Link} to="/webhooks" size="sm">
      ← Webhooks
    </Anchor>
  );
}

function Details({ webhook }: { webhook: Webhook }) {
  const apps = useQueries({ queries: webhook.appIds.map((appId) => appQueryOptions(appId)) });
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Group gap="xs">
          <Text fw={600}>Endpoint</Text>
          <Code data-testid="webhook-url">{webhook.url}</Code>
          <WebhookStateBadge state={webhook.state} />
        </Group>
        {webhook.disabledReason && <Text c="red.9">Roster disabled it: {webhook.disabledReason}</Text>}
        {webhook.description && <Text>{webhook.description}</Text>}
        <Text>
          <Text span fw={600}>
            Events:
          </Text>{' '}
          {webhook.eventTypes.join(', ')}
        </Text>
        <Text>
          <Text span fw={600}>
            Apps:
          </Text>{' '}
          {webhook.appIds.length === 0
            ? 'every app'
            : webhook.appIds.map((appId, i) => (
                <span key={appId}>
                  {i > 0 && ', '}
                  <Anchor component={Link} to={`/apps/${appId}`}>
                    {apps[i]?.data?.app.displayName ?? appId}
                  </Anchor>
                </span>
              ))}
        </Text>
        <Text size="sm" c="gray.7">
          Created {formatTime(webhook.createdAt)}, last changed {formatTime(webhook.updatedAt)}.
        </Text>
      </Stack>
    </Paper>
  );
}

function PauseButton({ webhook }: { webhook: Webhook }) {
  const setPaused = useSetWebhookPaused(webhook.id);
  const pause = webhook.state === 'ACTIVE';
  return (
    <>
      <Button variant="default" loading={setPaused.isPending} onClick={() => setPaused.mutate(pause)}>
        {pause ? 'Pause' : webhook.state === 'DISABLED' ? 'Re-enable' : 'Resume'}
      </Button>
      <ErrorAlert error={setPaused.error} title="The webhook's state was not changed" />
    </>
  );
}

function PingButton({ id }: { id: string }) {
  const ping = usePingWebhook(id);
  return (
    <>
      <Button variant="default" loading={ping.isPending} onClick={() => ping.mutate()}>
        Send a ping
      </Button>
      <ErrorAlert error={ping.error} title="No ping was queued" />
    </>
  );
}

const deliveryState = (d: WebhookDelivery) =>
  d.state === 'DELIVERED'
    ? 'Delivered'
    : d.state === 'CANCELLED'
      ? 'Cancelled'
      : d.attempts > 0
        ? 'Retrying'
        : 'Pending';

function DeliveryStateBadge({ delivery }: { delivery: WebhookDelivery }) {
  const label = deliveryState(delivery);
  const color =
    label === 'Delivered' ? 'green' : label === 'Retrying' ? 'red' : label === 'Cancelled' ? 'gray' : 'blue';
  return (
    <Badge variant="light" color={color} c="dark.8" w="max-content">
      {label}
    </Badge>
  );
}

function Deliveries({ id, mayRedeliver }: { id: string; mayRedeliver: boolean }) {
  const list = useKeysetPages(deliveriesListing(id));
  const redeliver = useRedeliver(id);
  const [shown, setShown] = useState<WebhookDelivery | undefined>();
  const columns: ColumnDef<WebhookDelivery, unknown>[] = [
    { header: '#', accessorKey: 'seq' },
    { header: 'Event', accessorKey: 'eventType' },
    { header: 'State', id: 'state', cell: ({ row }) => <DeliveryStateBadge delivery={row.original} /> },
    { header: 'Attempts', accessorKey: 'attempts' },
    {
      header: 'Last status',
      id: 'status',
      cell: ({ row }) => (row.original.lastStatus === null ? '—' : `HTTP ${row.original.lastStatus}`),
    },
    { header: 'Last error', id: 'error', cell: ({ row }) => row.original.lastError ?? '—' },
    {
      header: 'Next attempt',
      id: 'next',
      // Retries start 5 seconds apart: the seconds matter here.
      cell: ({ row }) =>
        row.original.state === 'PENDING'
          ? new Date(row.original.nextAttemptAt).toLocaleString(undefined, {
              dateStyle: 'medium',
              timeStyle: 'medium',
            })
          : '—',
    },
    {
      header: 'Made',
      id: 'created',
      cell: ({ row }) =>
        `${formatTime(row.original.createdAt)}${row.original.redeliveryOf ? ' (redelivery)' : ''}`,
    },
    {
      header: 'Actions',
      id: 'actions',
      cell: ({ row }) => (
        <Group gap="xs" wrap="nowrap">
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => setShown(row.original)}
            aria-label={`Attempts of delivery ${row.original.seq}`}
          >
            Attempts
          </Button>
          {mayRedeliver && row.original.state !== 'PENDING' && (
            <Button
              size="compact-sm"
              variant="default"
              loading={redeliver.isPending && redeliver.variables === row.original.id}
              onClick={() => redeliver.mutate(row.original.id)}
              aria-label={`Redeliver delivery ${row.original.seq}`}
            >
              Redeliver
            </Button>
          )}
        </Group>
      ),
    },
  ];
  return (
    <Stack>
      <ErrorAlert error={redeliver.error} title="The delivery was not queued again" />
      <DataTable
        caption="Deliveries, newest first (a failed one is retried with growing waits, 5 seconds to 6 hours)"
        data={list.data?.list}
        columns={columns}
        loading={list.isPending}
        error={list.error}
        empty="No deliveries yet. Changes made from now on are sent here; a ping shows the endpoint answers."
        pager={list.pager}
      />
      {shown && <Attempts id={id} delivery={shown} onClose={() => setShown(undefined)} />}
    </Stack>
  );
}

function Attempts({ id, delivery, onClose }: { id: string; delivery: WebhookDelivery; onClose: () => void }) {
  const detail = useQuery(deliveryQueryOptions(id, delivery.id));
  const attempts = detail.data?.attempts ?? [];
  return (
    <Dialog opened onClose={onClose} title={`Delivery ${delivery.seq}: ${delivery.eventType}`} size="lg">
      <Stack>
        <Text size="sm">
          Message ID <Code>{delivery.messageId}</Code> (the same on every attempt and redelivery)
        </Text>
        <ErrorAlert error={detail.error} title="The attempts could not be loaded" />
        <Table>
          <Table.Caption>Attempts, oldest first</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">At</Table.Th>
              <Table.Th scope="col">Answer</Table.Th>
              <Table.Th scope="col">Took</Table.Th>
              <Table.Th scope="col">Error</Table.Th>
              <Table.Th scope="col">Answer (first bytes)</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {attempts.map((a) => (
              <Table.Tr key={a.attemptedAt}>
                <Table.Td>{formatTime(a.attemptedAt)}</Table.Td>
                <Table.Td>{a.status === null ? 'none' : `HTTP ${a.status}`}</Table.Td>
                <Table.Td>{a.latencyMs} ms</Table.Td>
                <Table.Td>{a.error ?? '—'}</Table.Td>
                <Table.Td>{a.responseExcerpt}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {detail.data && attempts.length === 0 && <Text c="gray.7">Not attempted yet.</Text>}
      </Stack>
    </Dialog>
  );
}

function RotateSecret({ id, onClose }: { id: string; onClose: () => void }) {
  const rotate = useRotateWebhookSecret(id);
  return (
    <ConfirmDialog
      title="New signing secret?"
      question="Every request sent from now on, retries included, is signed with the new secret; the current one stops at once. Give the receiver the new secret straight away."
      confirmLabel="Make new secret"
      errorTitle="No new secret was made"
      change={rotate}
      onConfirm={() => rotate.mutate()}
      onClose={onClose}
      done={rotate.data && <ShownOnce label="Signing secret" value={rotate.data.secret} onDone={onClose} />}
    />
  );
}

function DeleteWebhook({ id, onClose }: { id: string; onClose: () => void }) {
  const navigate = useNavigate();
  const remove = useDeleteWebhook(id, () => navigate('/webhooks'));
  return (
    <ConfirmDialog
      title="Delete this webhook?"
      question="Nothing more is sent to it, and deliveries not yet sent are cancelled."
      confirmLabel="Delete webhook"
      errorTitle="The webhook was not deleted"
      change={remove}
      onConfirm={() => remove.mutate()}
      onClose={onClose}
    />
  );
}
