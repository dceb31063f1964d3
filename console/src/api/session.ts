import { type QueryClient, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import type { Body } from './types';

export const sessionKeys = {
  session: ['session'] as const,
  /** What the sign-in page offers. */
  options: ['options'] as const,
};

async function fetchSession() {
  const { data, response } = await api.GET('/console/api/session');
  if (response.status === 401) return null;
  if (!data) throw new Error(`could not read the session (${response.status})`);
  return data;
}

export type Session = NonNullable<Awaited<ReturnType<typeof fetchSession>>>;

export const sessionQueryOptions = () =>
  queryOptions({ queryKey: sessionKeys.session, queryFn: fetchSession, staleTime: 60_000 });

export const signInOptionsQueryOptions = () =>
  queryOptions({ queryKey: sessionKeys.options, queryFn: () => unwrap(api.GET('/console/api/options')) });

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body<'/console/api/session', 'post'>) =>
      unwrap(api.POST('/console/api/session', { body })),
    onSuccess: (session) => queryClient.setQueryData(sessionKeys.session, session),
  });
}

/** The session is gone: back to sign-in. */
export const signedOut = (queryClient: QueryClient) => queryClient.setQueryData(sessionKeys.session, null);

export async function signOut(queryClient: QueryClient) {
  await unwrap(api.DELETE('/console/api/session'));
  signedOut(queryClient);
  // Nothing read under the session outlives it.
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKeys.session[0] });
}
