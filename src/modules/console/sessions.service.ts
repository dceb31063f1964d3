import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/schema.js';
import type { Actor } from '../../lib/actor.js';
import type { Clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import {
  findUserById,
  listUsers,
  OAuthError,
  type Principal,
  permissionsOf,
  type SystemLog,
  type TokenService,
  type UserRow,
} from './deps.js';
import {
  deleteExpiredSessions,
  deleteSession,
  findSession,
  insertSession,
  type SessionRow,
  touchSession,
} from './sessions.repository.js';

export interface ConsoleSessionsDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly systemLog: SystemLog;
  readonly tokens: TokenService;
  readonly idleMinutes: number;
  readonly sessionHours: number;
}

/** Where a sign-in or sign-out came from. */
export interface RequestFacts {
  readonly requestId: string;
  readonly sourceAddress: string;
}

export interface StartedSession {
  /** The cookie's value; only its hash is stored. */
  readonly token: string;
  readonly session: SessionRow;
}

export interface ResolvedSession {
  readonly session: SessionRow;
  readonly principal: Principal;
  readonly user: UserRow;
}

/** last_seen_at is written at most this often, so reads do not each cost a write. */
const TOUCH_EVERY_MS = 60_000;

const hashOf = (token: string) => createHash('sha256').update(token).digest('base64url');
const randomToken = () => randomBytes(32).toString('base64url');

export const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

const expired = (reason: 'SESSION_INVALID' | 'SESSION_EXPIRED' | 'SESSION_REVOKED', message: string) =>
  new AppError('UNAUTHENTICATED', message, reason);

export type ConsoleSessions = ReturnType<typeof createConsoleSessions>;

/**
 * Console sessions: server-side rows behind an opaque cookie. A session acts as its person with the
 * roles they hold at each request (for a client-secret sign-in, as that API client would, so its
 * scoped roles, deletion and source addresses apply), and ends after `idleMinutes` unused or
 * `sessionHours` after sign-in.
 */
export function createConsoleSessions(deps: ConsoleSessionsDeps) {
  const { db, clock } = deps;
  const idleMs = deps.idleMinutes * 60_000;
  const absoluteMs = deps.sessionHours * 3_600_000;

  async function record(
    operation: 'console.signed_in' | 'console.signed_out',
    session: SessionRow,
    facts: RequestFacts,
  ) {
    const actor: Actor = {
      userId: session.user_id,
      clientId: session.client_row_id ?? '',
      requestId: facts.requestId,
      sourceIp: facts.sourceAddress,
    };
    await deps.systemLog.record(db, [
      {
        operation,
        activity: 'other',
        targetType: 'user',
        targetId: session.user_id,
        actor,
        occurredAt: clock.now(),
        details: { method: session.method },
      },
    ]);
  }

  async function start(
    userId: string,
    clientRowId: string | null,
    method: SessionRow['method'],
    facts: RequestFacts,
  ): Promise<StartedSession> {
    const now = clock.now();
    const token = randomToken();
    const session: SessionRow = {
      id: hashOf(token),
      user_id: userId,
      client_row_id: clientRowId,
      method,
      csrf_token: randomToken(),
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + absoluteMs).toISOString(),
    };
    await db.transaction().execute(async (trx) => {
      await insertSession(trx, session);
      await deleteExpiredSessions(
        trx,
        now.toISOString(),
        new Date(now.getTime() - idleMs).toISOString(),
        new Date(now.getTime() - 10 * 60_000).toISOString(),
      );
    });
    await record('console.signed_in', session, facts);
    return { token, session };
  }

  /** A signed-in person acts with their own roles (CONTRACT.md §7.10), from any address. */
  function principalOfUser(user: UserRow): Principal {
    const roleIds = user.role_ids;
    return {
      clientRowId: '',
      clientId: '',
      userId: user.id,
      roleIds,
      scopedRoles: [],
      ...permissionsOf(roleIds),
      sourceRanges: [],
    };
  }

  const usable = (user: UserRow | undefined): user is UserRow =>
    user !== undefined && user.deleted_at === null && user.status !== 'DISABLED';

  return {
    idleMinutes: deps.idleMinutes,

    /** Signs in with an API client's ID and secret, checked as the token endpoint checks them. */
    async signInWithSecret(clientId: string, clientSecret: string, facts: RequestFacts) {
      let principal: Principal;
      try {
        principal = await deps.tokens.verifyCredentials(clientId, clientSecret, facts);
      } catch (error) {
        if (!(error instanceof OAuthError)) throw error;
        if (error.status === 429)
          throw new AppError('RESOURCE_EXHAUSTED', error.description, 'TOO_MANY_FAILURES');
        throw new AppError(
          'UNAUTHENTICATED',
          `sign-in refused: ${error.description}. Check the client ID and secret (the bootstrap admin's are in admin-credentials.json).`,
          'SIGN_IN_REFUSED',
        );
      }
      return start(principal.userId, principal.clientRowId, 'client_secret', facts);
    },

    /**
     * Signs in the Roster user with this email, as vouched for by the OpenID Connect provider, or
     * returns undefined when Roster has no usable user with it.
     */
    async signInWithEmail(email: string, facts: RequestFacts): Promise<StartedSession | undefined> {
      const users = await listUsers(db, { email, limit: 2 });
      const live = users.filter(usable);
      // Two live users with one email cannot be told apart; sign in neither.
      if (live.length !== 1 || !live[0]) return undefined;
      return start(live[0].id, null, 'oidc', facts);
    },

    /**
     * The session behind a cookie value and the principal it acts as now, or an UNAUTHENTICATED
     * error saying why there is none.
     */
    async resolve(token: string, sourceAddress: string): Promise<ResolvedSession> {
      const session = await findSession(db, hashOf(token));
      if (!session) throw expired('SESSION_INVALID', 'no console session: sign in again');
      const now = clock.now();
      const lastSeen = Date.parse(session.last_seen_at);
      if (Date.parse(session.expires_at) <= now.getTime() || lastSeen + idleMs <= now.getTime()) {
        await deleteSession(db, session.id);
        throw expired('SESSION_EXPIRED', 'the console session has expired: sign in again');
      }
      const user = await findUserById(db, session.user_id);
      let principal: Principal | undefined;
      if (usable(user)) {
        principal = session.client_row_id
          ? await deps.tokens.principalOfClient(session.client_row_id, sourceAddress)
          : principalOfUser(user);
      }
      if (!user || !principal) {
        throw expired('SESSION_REVOKED', 'the user or API client of this session is gone: sign in again');
      }
      if (now.getTime() - lastSeen >= TOUCH_EVERY_MS) await touchSession(db, session.id, now.toISOString());
      return { session, principal, user };
    },

    async end(token: string, facts: RequestFacts): Promise<void> {
      const session = await findSession(db, hashOf(token));
      if (!session) return;
      await deleteSession(db, session.id);
      await record('console.signed_out', session, facts);
    },
  };
}
