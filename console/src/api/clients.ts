import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import { listing } from './listing';
import { userByEmail } from './people';

/** Personal API clients. */
export const clientsKeys = {
  all: ['clients'] as const,
  list: (everyone: boolean) => [...clientsKeys.all, everyone] as const,
};

/** Everyone's API clients, or only those of `userId`. */
export const clientsListing = (everyone: boolean, userId: string) =>
  listing(clientsKeys.list(everyone), (pageToken) =>
    everyone
      ? unwrap(api.POST('/api/v1/search/iam/personal_clients', { body: { pageSize: 25, pageToken } }))
      : unwrap(
          api.POST('/api/v1/search/iam/personal_clients', {
            body: { users: [{ id: userId }], pageSize: 25, pageToken },
          }),
        ),
  );

/** Makes an API client for oneself, or (with `forEmail`) for the Roster user with that email. */
export function useCreateClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ displayName, forEmail }: { displayName: string; forEmail: string }) => {
      if (!forEmail) {
        return unwrap(api.POST('/api/v1/iam/personal_clients', { body: { displayName } }));
      }
      const user = await userByEmail(forEmail);
      if (!user) throw new Error(`No Roster user has the email ${forEmail}.`);
      return unwrap(
        api.POST('/roster/v1/users/{user_id}/personal_clients', {
          params: { path: { user_id: user.id } },
          body: { displayName },
        }),
      );
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: clientsKeys.all }),
  });
}

export function useDeleteClient({ onSuccess }: { onSuccess?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      unwrap(api.DELETE('/api/v1/iam/personal_clients/{id}', { params: { path: { id } } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: clientsKeys.all });
      onSuccess?.();
    },
  });
}
