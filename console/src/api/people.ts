import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import { listing } from './listing';

/** Everything read about people sits under `all`; everything about one person under `person(id)`. */
export const peopleKeys = {
  all: ['people'] as const,
  search: (query: string) => [...peopleKeys.all, query] as const,
  /** The search of the roles settings, apart from the people page's. */
  rolesSearch: (query: string) => [...peopleKeys.all, 'roles', query] as const,
  person: (userId: string) => [...peopleKeys.all, userId] as const,
};

const searchUsers = (query: string, pageToken: string) =>
  unwrap(api.POST('/api/v1/search/users', { body: { query, pageSize: 25, pageToken } }));

export const peopleListing = (query: string) =>
  listing(peopleKeys.search(query), (pageToken) => searchUsers(query, pageToken));

export const peopleRolesListing = (query: string) =>
  listing(peopleKeys.rolesSearch(query), (pageToken) => searchUsers(query, pageToken));

export const personQueryOptions = (userId: string) =>
  queryOptions({
    queryKey: peopleKeys.person(userId),
    queryFn: () => unwrap(api.GET('/api/v1/users/{id}', { params: { path: { id: userId } } })),
  });

/** The Roster user with this email, if any. */
export const userByEmail = async (email: string) =>
  (await unwrap(api.POST('/api/v1/search/users', { body: { email, pageSize: 2 } }))).list[0]?.user;

/** Gives a person exactly these Roster roles. */
export function useSetRoles() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: { userId: string; roleIds: string[] }) =>
      unwrap(
        api.POST('/roster/v1/users/{id}', {
          params: { path: { id: change.userId } },
          body: { roleIds: change.roleIds },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: peopleKeys.all }),
  });
}

/** The names and emails of these user IDs (one page of a list), for showing people rather than IDs. */
export const peopleNamesQueryOptions = (userIds: string[]) =>
  queryOptions({
    queryKey: ['people', 'names', userIds],
    enabled: userIds.length > 0,
    queryFn: async () => {
      const resolved = await unwrap(api.POST('/roster/v1/users/resolve', { body: { inputs: userIds } }));
      return new Map(resolved.people.map((p) => [p.userId, p.displayName || p.email]));
    },
  });
