import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import type { Permission } from './roles.js';
import type { Principal, TokenService } from './tokens.service.js';

/**
 * Which route params name what a route acts on, so owners can be let through: the app ID param is
 * `id` on /api/v1/apps/:id and `app_id` elsewhere (CONTRACT.md §5, Routing pitfalls).
 */
export interface OwnedTarget {
  readonly app: string;
  readonly entitlement?: string;
  readonly resource?: string;
}

export interface OwnedThing {
  readonly type: 'app' | 'entitlement' | 'resource';
  readonly id: string;
}

/** True when `userId` owns one of `things`, each of which must belong to app `appId`. */
export type OwnershipCheck = (
  userId: string,
  appId: string,
  things: readonly OwnedThing[],
) => Promise<boolean>;

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | undefined;
  }
  interface FastifyContextConfig {
    /** What the caller must hold; every route under an API prefix names one or is `public`. */
    permission?: Permission;
    public?: boolean;
    /**
     * The permission is also met by a role's owned permissions (App Admin, CONTRACT.md §7.10) when
     * the caller owns the app, entitlement or resource these params name.
     */
    owned?: OwnedTarget;
    /**
     * The route is also open to holders of this permission, whom the route itself narrows to what
     * they own (App Admins' webhooks, limited to their apps).
     */
    narrowedPermission?: Permission;
  }
  interface FastifyInstance {
    /** Every route under an API prefix, as registered: the security suite walks this list. */
    guardedRoutes: {
      method: string;
      url: string;
      permission: Permission | undefined;
      narrowedPermission?: Permission | undefined;
    }[];
  }
}

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

export function actorOf(request: FastifyRequest): Actor {
  return {
    userId: request.principal?.userId ?? '',
    clientId: request.principal?.clientRowId ?? '',
    requestId: request.id,
    sourceIp: request.ip,
  };
}

/** The authenticated caller; routes that declare a permission always have one. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('UNAUTHENTICATED', 'not authenticated', 'TOKEN_MISSING');
  return request.principal;
}
