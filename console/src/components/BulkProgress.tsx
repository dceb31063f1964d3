import { Badge, Progress, Stack, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { bulkActionProgressQueryOptions, isFinished } from '../api/bulk-actions';
import type { BulkAction } from '../api/types';
import { ErrorAlert } from './ErrorAlert';

export const stateLabel = (state: string) =>
  state
    .replace('BULK_ACTION_STATE_', '')
    .toLowerCase()
    .replace('_', ' ')
    .replace(/^./, (c) => c.toUpperCase());

export function StateBadge({ state }: { state: string }) {
  const color =
    state === 'BULK_ACTION_STATE_SUCCEEDED'
      ? 'green'
      : state === 'BULK_ACTION_STATE_FAILED' || state === 'BULK_ACTION_STATE_PARTIALLY_FAILED'
        ? 'red'
        : state === 'BULK_ACTION_STATE_CANCELLED'
          ? 'gray'
          : 'blue';
  // Dark text on the light tint keeps the label at WCAG AA contrast.
  return (
    <Badge variant="light" color={color} c="dark.8">
      {stateLabel(state)}
    </Badge>
  );
}

/**
 * One progress bar over one or more bulk actions (a list longer than one request takes is split into
 * several), following them until every one has finished.
 */
export function BulkProgress({
  ids,
  onFinished,
}: {
  ids: string[];
  onFinished?: (actions: BulkAction[]) => void;
}) {
  const queries = useQueries({
    queries: ids.map((id) => bulkActionProgressQueryOptions(id)),
  });
  const actions = queries.map((q) => q.data?.bulkAction).filter((a): a is BulkAction => a !== undefined);
  const total = actions.reduce((sum, a) => sum + a.total, 0);
  const processed = actions.reduce((sum, a) => sum + a.processed, 0);
  const failed = actions.reduce((sum, a) => sum + a.failed, 0);
  const done = actions.length === ids.length && actions.every((a) => isFinished(a.state));
  const percent = total === 0 ? (done ? 100 : 0) : Math.round((processed / total) * 100);
  // Told once, when the last of them finishes.
  const told = useRef(false);
  useEffect(() => {
    if (!done || told.current) return;
    told.current = true;
    onFinished?.(actions);
  }, [done, actions, onFinished]);
  return (
    <Stack gap="xs">
      <ErrorAlert error={queries.find((q) => q.error)?.error} title="Progress could not be read" />
      <Progress value={percent} size="xl" aria-label="Bulk action progress" animated={!done} />
      <Text size="sm" aria-live="polite" data-testid="bulk-progress">
        {processed.toLocaleString()} of {total.toLocaleString()} processed ({percent}%)
        {failed > 0 ? `, ${failed.toLocaleString()} failed` : ''}
        {done ? ' — finished' : ''}
      </Text>
      {actions.map((a) => (
        <Text size="xs" key={a.id}>
          <StateBadge state={a.state} /> {a.id}
        </Text>
      ))}
    </Stack>
  );
}
