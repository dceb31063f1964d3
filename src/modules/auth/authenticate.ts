import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { OwnedThing, OwnershipCheck, Principal } from '../../http/principal.js';
import { AppError } from '../../lib/errors.js';
import type { Permission } from '../../lib/roles.js';
import type { TokenService } from './tokens.service.js';

export const PROTECTED_PREFIXES = ['/api/v1/', '/roster/v1/'];

const denied = (permission: Permission) =>
  new AppError(
    'PERMISSION_DENIED',
    `this route needs the ${permission} permission, which the caller's roles do not grant`,
    'PERMISSION_DENIED',
    { permission },
  );

/**
 * Bearer authentication and the permission check, for every route that is not `public`
 * (CONTRACT.md §1, Security schemes). A route under an API prefix that declares neither a permission
 * nor `public` stops start-up, so no route can be added unguarded by accident. Runs in onRequest,
 * before the body is read, so a refused request never reaches a handler.
 */
export const authenticate = fp(
  async (
    app: FastifyInstance,
    opts: {
      tokens: TokenService;
      owns: OwnershipCheck;
      /** The principal of a request without an Authorization header, from a console session cookie. */
      session?: (request: FastifyRequest) => Promise<Principal | undefined>;
    },
  ) => {
    app.decorateRequest('principal', undefined);
    app.decorate('guardedRoutes', []);

    app.addHook('onRoute', (route) => {
      const guarded = PROTECTED_PREFIXES.some((p) => route.url.startsWith(p));
      if (!guarded) return;
      const config = (route.config ?? {}) as {
        permission?: Permission;
        public?: boolean;
        narrowedPermission?: Permission;
      };
      if (!config.public && !config.permission) {
        throw new Error(`route ${route.method} ${route.url} declares no permission`);
      }
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD')
          app.guardedRoutes.push({
            method,
            url: route.url,
            permission: config.permission,
            narrowedPermission: config.narrowedPermission,
          });
      }
    });

    app.addHook('onRequest', async (request) => {
      const config = request.routeOptions.config;
      if (config.public || !config.permission) return;
      const header = request.headers.authorization;
      const fromSession = header === undefined && opts.session ? await opts.session(request) : undefined;
      const match = header ? /^Bearer +(\S+)\s*$/i.exec(header) : null;
      if (!match && !fromSession) {
        throw new AppError(
          'UNAUTHENTICATED',
          header ? 'Authorization header must be "Bearer <token>"' : 'missing Authorization header',
          header ? 'TOKEN_MALFORMED' : 'TOKEN_MISSING',
        );
      }
      const principal = fromSession ?? (await opts.tokens.authenticate(match?.[1] ?? '', request.ip));
      const narrowed = config.narrowedPermission && principal.permissions.has(config.narrowedPermission);
      if (!principal.permissions.has(config.permission) && !narrowed) {
        if (!config.owned || !principal.ownedPermissions.has(config.permission))
          throw denied(config.permission);
        const params = request.params as Record<string, string | undefined>;
        const appId = params[config.owned.app];
        const things: OwnedThing[] = appId ? [{ type: 'app', id: appId }] : [];
        for (const type of ['entitlement', 'resource'] as const) {
          const name = config.owned[type];
          const id = name ? params[name] : undefined;
          if (id) things.push({ type, id });
        }
        if (!appId || !(await opts.owns(principal.userId, appId, things))) throw denied(config.permission);
      }
      request.principal = principal;
    });
  },
  { name: 'authenticate' },
);
