import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { appQueryOptions, appsKeys } from './apps';
import { api, unwrap } from './client';
import { listing } from './listing';
import type { Body } from './types';

/** An app's entitlements are read under the app, so a change to the app refreshes them too. */
export const entitlementsKeys = {
  all: (appId: string) => [...appsKeys.app(appId), 'entitlements'] as const,
  entitlement: (appId: string, entitlementId: string) =>
    [...entitlementsKeys.all(appId), entitlementId] as const,
  picker: (appId: string) => [...entitlementsKeys.all(appId), 'picker'] as const,
};

export const entitlementQueryOptions = (appId: string, entitlementId: string) =>
  queryOptions({
    queryKey: entitlementsKeys.entitlement(appId, entitlementId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/apps/{app_id}/entitlements/{id}', {
          params: { path: { app_id: appId, id: entitlementId } },
        }),
      ),
  });

/** An entitlement and its app; nothing is read unless `enabled`. */
export function useEntitlement(appId: string, entitlementId: string, enabled = true) {
  const app = useQuery({ ...appQueryOptions(appId), enabled });
  const entitlement = useQuery({ ...entitlementQueryOptions(appId, entitlementId), enabled });
  return { app, entitlement };
}

export const entitlementsListing = (appId: string) =>
  listing(entitlementsKeys.all(appId), (pageToken) =>
    unwrap(
      api.GET('/api/v1/apps/{app_id}/entitlements', {
        params: { path: { app_id: appId }, query: { page_size: 25, page_token: pageToken } },
      }),
    ),
  );

/** The first entitlements of an app, for choosing one; nothing is read before an app is chosen. */
export const entitlementPickerQueryOptions = (appId: string) =>
  queryOptions({
    enabled: appId !== '',
    queryKey: entitlementsKeys.picker(appId),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/apps/{app_id}/entitlements', {
          params: { path: { app_id: appId }, query: { page_size: 100 } },
        }),
      ),
  });

export function useCreateEntitlement(appId: string, { onSuccess }: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body<'/api/v1/apps/{app_id}/entitlements', 'post'>) =>
      unwrap(api.POST('/api/v1/apps/{app_id}/entitlements', { params: { path: { app_id: appId } }, body })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: appsKeys.app(appId) });
      onSuccess?.();
    },
  });
}
