import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import { allPages, listing } from './listing';
import type { Query } from './types';

/** Everything read about bulk actions sits under `all`; about one, under `bulkAction(id)`. */
export const bulkActionsKeys = {
  all: ['bulk-actions'] as const,
  list: (state: string | null, entitlementId: string) =>
    [...bulkActionsKeys.all, 'list', state, entitlementId] as const,
  bulkAction: (id: string) => [...bulkActionsKeys.all, id] as const,
  items: (id: string, outcome: string) => [...bulkActionsKeys.bulkAction(id), 'items', outcome] as const,
};

const FINISHED = new Set([
  'BULK_ACTION_STATE_SUCCEEDED',
  'BULK_ACTION_STATE_FAILED',
  'BULK_ACTION_STATE_PARTIALLY_FAILED',
  'BULK_ACTION_STATE_CANCELLED',
]);

export const isFinished = (state: string) => FINISHED.has(state);

export const bulkActionQueryOptions = (id: string) =>
  queryOptions({
    queryKey: bulkActionsKeys.bulkAction(id),
    queryFn: () => unwrap(api.GET('/roster/v1/bulk_actions/{id}', { params: { path: { id } } })),
  });

/** A bulk action, read again each second until it has finished. */
export const bulkActionProgressQueryOptions = (id: string) =>
  queryOptions({
    ...bulkActionQueryOptions(id),
    refetchInterval: (q) => (q.state.data && isFinished(q.state.data.bulkAction.state) ? false : 1000),
  });

type State = NonNullable<Query<'/roster/v1/bulk_actions', 'get'>['state']>;

/** Bulk actions, newest first: in one state (`PENDING`, `RUNNING`…) and of one entitlement if given. */
export const bulkActionsListing = (state: string | null, entitlementId: string) =>
  listing(bulkActionsKeys.list(state, entitlementId), (pageToken) =>
    unwrap(
      api.GET('/roster/v1/bulk_actions', {
        params: {
          query: {
            page_size: 25,
            page_token: pageToken,
            ...(state ? { state: `BULK_ACTION_STATE_${state}` as State } : {}),
            ...(entitlementId ? { app_entitlement_id: entitlementId } : {}),
          },
        },
      }),
    ),
  );

type Outcome = NonNullable<Query<'/roster/v1/bulk_actions/{id}/items', 'get'>['outcome']>;

/** The per-person outcomes of a bulk action; `ALL`, or one outcome. */
export const bulkItemsListing = (id: string, outcome: string) =>
  listing(bulkActionsKeys.items(id, outcome), (pageToken) =>
    unwrap(
      api.GET('/roster/v1/bulk_actions/{id}/items', {
        params: {
          path: { id },
          query: {
            page_size: 50,
            page_token: pageToken,
            ...(outcome === 'ALL' ? {} : { outcome: outcome as Outcome }),
          },
        },
      }),
    ),
  );

/**
 * The items of finished bulk actions with one outcome, every page: whom the server found already a
 * member, or refused, when it came to them (a bulk action counts both kinds of success together).
 */
export const finishedItemsQueryOptions = (ids: string[], outcome: Outcome) =>
  queryOptions({
    queryKey: [...bulkActionsKeys.all, 'finished-items', ids, outcome],
    queryFn: async () =>
      (
        await Promise.all(
          ids.map((id) =>
            allPages((pageToken) =>
              unwrap(
                api.GET('/roster/v1/bulk_actions/{id}/items', {
                  params: { path: { id }, query: { page_size: 1000, page_token: pageToken, outcome } },
                }),
              ),
            ),
          ),
        )
      ).flat(),
  });

export function useCancelBulkAction(id: string, { onSuccess }: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/roster/v1/bulk_actions/{id}/cancel', { params: { path: { id } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: bulkActionsKeys.all });
      onSuccess?.();
    },
  });
}
