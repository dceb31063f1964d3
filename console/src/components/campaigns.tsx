import { Badge, Progress, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type Campaign, type CampaignProgress, campaignState, progressQueryOptions } from '../api/reviews';
import { count } from './numbers';

const STATE_COLORS: Record<string, string> = { draft: 'gray', open: 'blue', closed: 'green' };

export function CampaignStateBadge({ campaign }: { campaign: Pick<Campaign, 'state'> }) {
  const state = campaignState(campaign.state);
  return (
    <Badge
      variant="light"
      color={STATE_COLORS[state] ?? 'gray'}
      c="dark.8"
      w="max-content"
      data-testid="campaign-state"
    >
      {state}
    </Badge>
  );
}

/** "12 of 50 decided", or what the start job is doing, in words. */
export function progressWords(progress: CampaignProgress): string {
  if (!progress.populated && progress.state === 'ACCESS_REVIEW_STATE_OPEN') {
    return `Creating review items: ${progress.tasksCreated} of ${progress.populationSize}`;
  }
  return `${progress.decided} of ${count(progress.populationSize, 'item')} decided`;
}

/** A campaign's progress in one line (nothing for a draft, which has no items yet). */
export function CampaignProgressText({ campaign }: { campaign: Pick<Campaign, 'id' | 'state'> }) {
  const draft = campaign.state === 'ACCESS_REVIEW_STATE_DRAFT';
  const progress = useQuery(progressQueryOptions(campaign.id, !draft));
  if (draft) return 'Not started';
  if (!progress.data) return progress.error ? 'Unknown' : '…';
  return progressWords(progress.data);
}

/** A campaign's progress with its counts by outcome. */
export function CampaignProgressPanel({ progress }: { progress: CampaignProgress }) {
  const share = progress.populationSize === 0 ? 0 : (100 * progress.decided) / progress.populationSize;
  return (
    <Stack gap="xs" data-testid="campaign-progress">
      <Text>{progressWords(progress)}</Text>
      <Progress value={share} aria-label="Items decided" />
      <Text size="sm">
        {progress.open} open · {progress.certified} certified · {progress.decertified} decertified ·{' '}
        {progress.cancelled} skipped
      </Text>
      <Text size="sm" c="gray.7">
        Population frozen at change position {progress.populationPosition || '—'}.
      </Text>
    </Stack>
  );
}
