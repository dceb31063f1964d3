import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Actor } from '../../lib/actor.js';
import { AppError } from '../../lib/errors.js';
import type { Permission } from './roles.js';
import type { Principal, TokenService } from './tokens.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | undefined;
  }
  interface FastifyContextConfig {
    /** What the caller must hold; every route under an API prefix names one or is `public`. */
    permission?: Permission;
    public?: boolean;
  }
}

export const PROTECTED_PREFIXES = ['/api/v1/', '/roster/v1/'];

/**
 * Bearer authentication and the permission check, for every route that is not `public`
 * (CONTRACT.md §1, Security schemes). A route under an API prefix that declares neither a permission
 * nor `public` stops start-up, so no route can be added unguarded by accident.
 */
export const authenticate = fp(
  async (app: FastifyInstance, opts: { tokens: TokenService }) => {
    app.decorateRequest('principal', undefined);

    app.addHook('onRoute', (route) => {
      const guarded = PROTECTED_PREFIXES.some((p) => route.url.startsWith(p));
      const config = (route.config ?? {}) as { permission?: Permission; public?: boolean };
      if (guarded && !config.public && !config.permission) {
        throw new Error(`route ${route.method} ${route.url} declares no permission`);
      }
    });

    app.addHook('onRequest', async (request) => {
      const config = request.routeOptions.config;
      if (config.public || !config.permission) return;
      const header = request.headers.authorization;
      const match = header ? /^Bearer +(\S+)\s*$/i.exec(header) : null;
      if (!match) {
        throw new AppError(
          'UNAUTHENTICATED',
          header ? 'Authorization header must be "Bearer <token>"' : 'missing Authorization header',
          header ? 'TOKEN_MALFORMED' : 'TOKEN_MISSING',
        );
      }
      const principal = await opts.tokens.authenticate(match[1] as string);
      if (!principal.permissions.has(config.permission)) {
        throw new AppError(
          'PERMISSION_DENIED',
          `this route needs the ${config.permission} permission, which the caller's roles do not grant`,
          'PERMISSION_DENIED',
          { permission: config.permission },
        );
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
