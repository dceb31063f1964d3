import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, unwrap } from './client';

export const rolesKeys = { all: ['roles'] as const };

export const rolesQueryOptions = () =>
  queryOptions({ queryKey: rolesKeys.all, queryFn: () => unwrap(api.GET('/api/v1/iam/roles')) });

/** Each role's name by its ID. */
export function useRoleNames() {
  const roles = useQuery(rolesQueryOptions());
  return new Map((roles.data?.list ?? []).map((r) => [r.id, r.displayName]));
}
