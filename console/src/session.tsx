import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect } from 'react';
import { setCsrfToken, whenSignedOut } from './api/client';
import { type Session, sessionExpired, sessionQueryOptions, signOut } from './api/session';

export type { Session };

export const useSessionQuery = () => useQuery(sessionQueryOptions());

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
    whenSignedOut(() => sessionExpired(queryClient));
  }, [queryClient]);
  const abilities: Abilities = {
    session,
    can: (p) => session.permissions.includes(p),
    canOnApp: (p, app) =>
      session.permissions.includes(p) ||
      (session.ownedPermissions.includes(p) && (app?.appOwners ?? []).some((o) => o.id === session.user.id)),
    signOut: () => signOut(queryClient),
  };
  return <SessionContext.Provider value={abilities}>{children}</SessionContext.Provider>;
}

export function useAbilities(): Abilities {
  const abilities = useContext(SessionContext);
  if (!abilities) throw new Error('useAbilities outside SessionProvider');
  return abilities;
}
