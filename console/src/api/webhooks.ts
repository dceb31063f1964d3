import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import { listing } from './listing';
import type { Body } from './types';

/** Everything read about webhooks sits under `all`; everything about one under `webhook(id)`. */
export const webhooksKeys = {
  all: ['webhooks'] as const,
  list: () => [...webhooksKeys.all, 'list'] as const,
  webhook: (id: string) => [...webhooksKeys.all, id] as const,
  deliveries: (id: string) => [...webhooksKeys.webhook(id), 'deliveries'] as const,
  delivery: (id: string, deliveryId: string) => [...webhooksKeys.deliveries(id), deliveryId] as const,
};

export const webhooksListing = () =>
  listing(webhooksKeys.list(), (pageToken) =>
    unwrap(api.GET('/roster/v1/webhooks', { params: { query: { page_size: 25, page_token: pageToken } } })),
  );

export const webhookQueryOptions = (id: string) =>
  queryOptions({
    queryKey: webhooksKeys.webhook(id),
    queryFn: () => unwrap(api.GET('/roster/v1/webhooks/{id}', { params: { path: { id } } })),
  });

/** A webhook's deliveries, newest first, read again every few seconds while the page shows them. */
export const deliveriesListing = (id: string) => {
  const pages = listing(webhooksKeys.deliveries(id), (pageToken) =>
    unwrap(
      api.GET('/roster/v1/webhooks/{id}/deliveries', {
        params: { path: { id }, query: { page_size: 25, page_token: pageToken } },
      }),
    ),
  );
  return { ...pages, page: (token: string) => ({ ...pages.page(token), refetchInterval: 5_000 }) };
};

/** One delivery with every attempt made to send it. */
export const deliveryQueryOptions = (id: string, deliveryId: string) =>
  queryOptions({
    queryKey: webhooksKeys.delivery(id, deliveryId),
    queryFn: () =>
      unwrap(
        api.GET('/roster/v1/webhooks/{id}/deliveries/{deliveryId}', {
          params: { path: { id, deliveryId } },
        }),
      ),
  });

/** A change to one webhook; the answer reloads everything read about webhooks. */
function useWebhookChange<A, R>(change: (argument: A) => Promise<R>, onSuccess?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: async () => {
      // First, so a page that leaves (after a delete) does not read again what is gone.
      onSuccess?.();
      await queryClient.invalidateQueries({ queryKey: webhooksKeys.all });
    },
  });
}

/** Makes a webhook; the answer carries its signing secret, shown this once. */
export const useCreateWebhook = () =>
  useWebhookChange((body: Body<'/roster/v1/webhooks', 'post'>) =>
    unwrap(api.POST('/roster/v1/webhooks', { body })),
  );

/** Replaces the signing secret (the old one stops at once); the answer carries the new one, shown this once. */
export const useRotateWebhookSecret = (id: string) =>
  useWebhookChange(() => unwrap(api.POST('/roster/v1/webhooks/{id}/secret', { params: { path: { id } } })));

/** Pauses, or resumes (which also re-enables a webhook Roster disabled). */
export const useSetWebhookPaused = (id: string) =>
  useWebhookChange((paused: boolean) =>
    unwrap(
      paused
        ? api.POST('/roster/v1/webhooks/{id}/pause', { params: { path: { id } } })
        : api.POST('/roster/v1/webhooks/{id}/resume', { params: { path: { id } } }),
    ),
  );

export const usePingWebhook = (id: string) =>
  useWebhookChange(() => unwrap(api.POST('/roster/v1/webhooks/{id}/ping', { params: { path: { id } } })));

/** Sends one delivery again, as a new delivery at the end of the queue with the same message ID. */
export const useRedeliver = (id: string) =>
  useWebhookChange((deliveryId: string) =>
    unwrap(
      api.POST('/roster/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver', {
        params: { path: { id, deliveryId } },
      }),
    ),
  );

export const useDeleteWebhook = (id: string, onSuccess?: () => void) =>
  useWebhookChange(
    () => unwrap(api.DELETE('/roster/v1/webhooks/{id}', { params: { path: { id } } })),
    onSuccess,
  );
