import path from 'node:path';
import type {} from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import type { Config, PublicUrl } from '../../config.js';
import type { Db } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { checkCsrf, consoleRoutes, csrfRefused, sessionCookieName } from './console.routes.js';
import type { Principal, SystemLog, TokenService } from './deps.js';
import { createOidcSignIn } from './oidc.js';
import { createConsoleSessions } from './sessions.service.js';

export { CSRF_HEADER } from './console.routes.js';
export { consoleRoutes };

export interface ConsoleModuleDeps {
  readonly config: Config;
  /** Roster's public URL, for the OpenID Connect redirect. */
  readonly publicUrl: PublicUrl;
  readonly db: Db;
  readonly clock: Clock;
  readonly systemLog: SystemLog;
  readonly tokens: TokenService;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export type ConsoleModule = ReturnType<typeof createConsoleModule>;

/** The web console: sessions, sign-in (API client secret or OpenID Connect) and its routes' options. */
export function createConsoleModule(deps: ConsoleModuleDeps) {
  const { config } = deps;
  const secure = config.publicUrl.protocol === 'https:';
  const sessions = createConsoleSessions({
    ...deps,
    idleMinutes: config.consoleIdleMinutes,
    sessionHours: config.consoleSessionHours,
  });
  const oidc = config.oidc
    ? createOidcSignIn({
        config: config.oidc,
        db: deps.db,
        clock: deps.clock,
        redirectUri: () => new URL('/console/auth/oidc/callback', deps.publicUrl()).href,
      })
    : undefined;
  const cookieName = sessionCookieName(secure);

  return {
    routeOptions: {
      sessions,
      oidc,
      secure,
      // The bootstrap's file (auth/bootstrap.ts) in the configured data folder.
      credentialsFile: path.join(config.dataDir, 'admin-credentials.json'),
    },

    /**
     * The principal of a request that carries a console session cookie instead of a bearer token,
     * or undefined when it carries none. A change (any method but GET, HEAD, OPTIONS) must also
     * carry the session's CSRF token, so a page elsewhere cannot make one with the cookie.
     */
    async authenticate(request: FastifyRequest): Promise<Principal | undefined> {
      const token = request.cookies[cookieName];
      if (!token) return undefined;
      const { session, principal } = await sessions.resolve(token, request.ip);
      if (!SAFE_METHODS.has(request.method) && !checkCsrf(request, session.csrf_token)) throw csrfRefused();
      return principal;
    },
  };
}
