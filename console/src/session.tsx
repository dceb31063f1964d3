import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect } from 'react';
import { api, setCsrfToken, unwrap, whenSignedOut } from './api/client';

type SessionBody = Awaited<ReturnType<typeof fetchSession>>;
export type Session = NonNullable<SessionBody>;

async function fetchSession() {
  const { data, response } = await api.GET('/console/api/session');
  if (response.status === 401) return null;
  if (!data) throw new Error(`could not read the session (${response.status})`);
  return data;
}

export const useSessionQuery = () =>
  useQuery({ queryKey: ['session'], queryFn: fetchSession, staleTime: 60_000 });

export interface Abilities {
  readonly session: Session;
  /** Held everywhere. */
  can(permission: string): boolean;
  /** Held on this app: everywhere, or as one of its owners (App Admin). */
  canOnApp(permission: string, app: { appOwners?: { id: string }[] } | undefined): boolean;
  signOut(): Promise<void>;
}

const SessionContext = createContext<Abilities | undefined>(undefined);

export function SessionProvider({ session, children }: { session: Session; children: ReactNode }) {
  const queryClient = useQueryClient();
  setCsrfToken(session.csrfToken);
  useEffect(() => {
    whenSignedOut(() => queryClient.setQueryData(['session'], null));
  }, [queryClient]);
  const abilities: Abilities = {
    session,
    can: (p) => session.permissions.includes(p),
    canOnApp: (p, app) =>
      session.permissions.includes(p) ||
      (session.ownedPermissions.includes(p) && (app?.appOwners ?? []).some((o) => o.id === session.user.id)),
    async signOut() {
      await unwrap(api.DELETE('/console/api/session'));
      queryClient.setQueryData(['session'], null);
      // Nothing read under the session outlives it.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    },
  };
  return <SessionContext.Provider value={abilities}>{children}</SessionContext.Provider>;
}

export function useAbilities(): Abilities {
  const abilities = useContext(SessionContext);
  if (!abilities) throw new Error('useAbilities outside SessionProvider');
  return abilities;
}
