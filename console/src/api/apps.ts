import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import { allPages, listing } from './listing';
import type { Body, Json } from './types';

/** Everything read about apps sits under `all`; everything about one app under `app(id)`. */
export const appsKeys = {
  all: ['apps'] as const,
  search: (query: string) => [...appsKeys.all, query] as const,
  picker: (query: string) => [...appsKeys.all, 'picker', query] as const,
  app: (appId: string) => [...appsKeys.all, appId] as const,
  resources: (appId: string) => [...appsKeys.app(appId), 'resources'] as const,
  owners: (appId: string) => [...appsKeys.app(appId), 'owners'] as const,
  cascade: (appId: string) => [...appsKeys.app(appId), 'cascade'] as const,
};

export const appQueryOptions = (appId: string) =>
  queryOptions({
    queryKey: appsKeys.app(appId),
    queryFn: () => unwrap(api.GET('/api/v1/apps/{id}', { params: { path: { id: appId } } })),
  });

export const appsListing = (query: string) =>
  listing(appsKeys.search(query), (pageToken) =>
    unwrap(api.POST('/api/v1/search/apps', { body: { query, pageSize: 25, pageToken } })),
  );

/** The first apps matching a search, for choosing one. */
export const appPickerQueryOptions = (query: string) =>
  queryOptions({
    queryKey: appsKeys.picker(query),
    queryFn: () => unwrap(api.POST('/api/v1/search/apps', { body: { query, pageSize: 50 } })),
  });

export const appResourcesListing = (appId: string) =>
  listing(appsKeys.resources(appId), (pageToken) =>
    unwrap(api.POST('/api/v1/search/app_resources', { body: { appId, pageSize: 25, pageToken } })),
  );

export const appOwnersListing = (appId: string) =>
  listing(appsKeys.owners(appId), (pageToken) =>
    unwrap(
      api.GET('/api/v1/apps/{app_id}/owners', {
        params: { path: { app_id: appId }, query: { page_size: 25, page_token: pageToken } },
      }),
    ),
  );

/** What deleting an app revokes (CONTRACT.md §7.12): its entitlements and the grants they hold. */
export const appDeletionQueryOptions = (appId: string) =>
  queryOptions({
    queryKey: appsKeys.cascade(appId),
    queryFn: async () => {
      const entitlements = await allPages((pageToken) =>
        unwrap(
          api.GET('/api/v1/apps/{app_id}/entitlements', {
            params: { path: { app_id: appId }, query: { page_size: 100, page_token: pageToken } },
          }),
        ),
      );
      const grants = entitlements.reduce((sum, e) => sum + Number(e.appEntitlement.grantCount || 0), 0);
      return { entitlements: entitlements.length, grants };
    },
  });

type Made = Json<'/api/v1/apps', 'post'>;

export function useCreateApp({ onSuccess }: { onSuccess?: (made: Made) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body<'/api/v1/apps', 'post'>) => unwrap(api.POST('/api/v1/apps', { body })),
    onSuccess: async (made) => {
      await queryClient.invalidateQueries({ queryKey: appsKeys.all });
      onSuccess?.(made);
    },
  });
}

/** Changes an app's name and description. */
export function useUpdateApp(appId: string, { onSuccess }: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: NonNullable<Body<'/api/v1/apps/{id}', 'post'>['app']>) =>
      unwrap(
        api.POST('/api/v1/apps/{id}', {
          params: { path: { id: appId } },
          body: { app: values, updateMask: 'displayName,description' },
        }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: appsKeys.all });
      onSuccess?.();
    },
  });
}

export function useDeleteApp(appId: string, { onSuccess }: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.DELETE('/api/v1/apps/{id}', { params: { path: { id: appId } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: appsKeys.all });
      onSuccess?.();
    },
  });
}
