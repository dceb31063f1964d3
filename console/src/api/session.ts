import { type QueryClient, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from './client';
import { forgetDrafts } from './drafts';
import type { Body } from './types';

export const sessionKeys = {
  session: ['session'] as const,
  /** What the sign-in page offers. */
  options: ['options'] as const,
};

/** Whether the last session ended by itself (idle or expired) rather than by signing out. */
let ended = false;
export const sessionEnded = () => ended;

async function fetchSession({ client }: { client: QueryClient }) {
  const { data, response } = await api.GET('/console/api/session');
  if (response.status === 401) {
    // Signed in a moment ago, and now not: the session ended under the person.
    if (client.getQueryData(sessionKeys.session)) ended = true;
    return null;
  }
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
    onSuccess: (session) => {
      ended = false;
      queryClient.setQueryData(sessionKeys.session, session);
    },
  });
}

/** The server says the session is gone (idle or expired): back to sign-in, which says so. */
export const sessionExpired = (queryClient: QueryClient) => {
  ended = true;
  queryClient.setQueryData(sessionKeys.session, null);
};

export async function signOut(queryClient: QueryClient) {
  await unwrap(api.DELETE('/console/api/session'));
  ended = false;
  forgetDrafts();
  queryClient.setQueryData(sessionKeys.session, null);
  // Nothing read under the session outlives it.
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== sessionKeys.session[0] });
}
