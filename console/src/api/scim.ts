import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';

/** SCIM connections: every read sits under `all`, so each change reloads the list. */
export const scimKeys = {
  all: ['scim-connections'] as const,
};

/** Every connection (a handful: one per identity provider, in one answer). */
export const scimConnectionsQueryOptions = () =>
  queryOptions({
    queryKey: scimKeys.all,
    queryFn: () => unwrap(api.GET('/roster/v1/scim/connections')),
  });

/** A change to a connection; the answer reloads the list. */
function useScimChange<A, R>(change: (argument: A) => Promise<R>, onSuccess?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: scimKeys.all });
      onSuccess?.();
    },
  });
}

/** Makes a connection; the answer carries its token, shown this once. */
export const useCreateScimConnection = () =>
  useScimChange((displayName: string) =>
    unwrap(api.POST('/roster/v1/scim/connections', { body: { displayName } })),
  );

/** Issues a new token (the old one stops working at once); the answer carries it, shown this once. */
export const useRotateScimToken = () =>
  useScimChange((id: string) =>
    unwrap(api.POST('/roster/v1/scim/connections/{id}/token', { params: { path: { id } } })),
  );

export const useRevokeScimToken = (onSuccess?: () => void) =>
  useScimChange(
    (id: string) =>
      unwrap(api.DELETE('/roster/v1/scim/connections/{id}/token', { params: { path: { id } } })),
    onSuccess,
  );

export const useDeleteScimConnection = (onSuccess?: () => void) =>
  useScimChange(
    (id: string) => unwrap(api.DELETE('/roster/v1/scim/connections/{id}', { params: { path: { id } } })),
    onSuccess,
  );
