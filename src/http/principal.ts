import type { FastifyRequest } from 'fastify';
import type { Actor } from '../lib/actor.js';
import { AppError } from '../lib/errors.js';
import type { Permission } from '../lib/roles.js';
import type { SourceRanges } from '../lib/source-address.js';

/** The caller behind a bearer token. */
export interface Principal {
  readonly clientRowId: string;
  readonly clientId: string;
  readonly userId: string;
  /** The roles the client acts with: its user's, or its scopedRoles (narrowed to the user's permissions). */
  readonly roleIds: readonly string[];
  readonly scopedRoles: readonly string[];
  readonly permissions: ReadonlySet<Permission>;
  /** Held only on apps, entitlements and resources the user owns (CONTRACT.md §7.10). */
  readonly ownedPermissions: ReadonlySet<Permission>;
  readonly sourceRanges: SourceRanges;
}

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
