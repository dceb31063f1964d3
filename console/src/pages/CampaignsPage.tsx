import { Anchor, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import type { ColumnDef } from '@tanstack/react-table';
import { Link } from 'react-router';
import { type Campaign, campaignsListing } from '../api/reviews';
import { CampaignProgressText, CampaignStateBadge } from '../components/campaigns';
import { formatTime } from '../components/csv';
import { DataTable } from '../components/DataTable';
import { useKeysetPages } from '../components/paging';
import { useAbilities } from '../session';

type Row = { accessReview: Campaign };

const columns: ColumnDef<Row, unknown>[] = [
  {
    header: 'Campaign',
    id: 'name',
    cell: ({ row }) => (
      <Anchor component={Link} to={`/campaigns/${row.original.accessReview.id}`}>
        {row.original.accessReview.displayName}
      </Anchor>
    ),
  },
  {
    header: 'State',
    id: 'state',
    cell: ({ row }) => <CampaignStateBadge campaign={row.original.accessReview} />,
  },
  {
    header: 'Progress',
    id: 'progress',
    cell: ({ row }) => <CampaignProgressText campaign={row.original.accessReview} />,
  },
  {
    header: 'Due',
    id: 'due',
    cell: ({ row }) => formatTime(row.original.accessReview.completionDate) || 'No date',
  },
];

/** The campaigns the signed-in person may read (every one for admins, their own for owners). */
export function CampaignsPage() {
  const { can } = useAbilities();
  const list = useKeysetPages(campaignsListing());
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Campaigns</Title>
        {can('access_reviews:write') && (
          <Button component={Link} to="/campaigns/new">
            New campaign
          </Button>
        )}
      </Group>
      <Text size="sm" c="gray.7">
        An access review: every grant in its scope is certified or removed by its reviewers.{' '}
        <Badge variant="light" c="dark.8" component="span">
          {can('access_reviews:read') ? 'Every campaign' : 'Campaigns you own'}
        </Badge>
      </Text>
      <DataTable
        caption="Access review campaigns, oldest first"
        data={list.data?.list}
        columns={columns}
        loading={list.isFetching}
        error={list.error}
        empty="No campaign yet."
        pager={list.pager}
      />
    </Stack>
  );
}
