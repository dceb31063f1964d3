import { randomBytes } from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { PublicUrl } from '../../config.js';
import type { Db } from '../../db/schema.js';
import type { Principal } from '../../http/principal.js';
import type { Actor } from '../../lib/actor.js';
import type { Clock } from '../../lib/clock.js';
import type { ReasonOf } from '../../lib/error-reasons.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { clientPermissions, effectiveRoles } from '../../lib/roles.js';
import { addressAllowed, parseRanges } from '../../lib/source-address.js';
import type { SystemLog } from '../audit/index.js';
import { findUserById } from '../users/index.js';
import { JWT_BEARER, OAuthError, verifyAssertion, verifySecret } from './client-credentials.js';
import { type ApiClientRow, findClientById, touchClientLastUsed } from './clients.repository.js';
import { createFailureLimiter } from './failure-limiter.js';
import { getOrCreateSigningSecret } from './token-keys.repository.js';

export type { Principal } from '../../http/principal.js';
export { OAuthError } from './client-credentials.js';

export interface TokenRequest {
  grant_type?: string | undefined;
  client_id?: string | undefined;
  client_assertion_type?: string | undefined;
  client_assertion?: string | undefined;
  client_secret?: string | undefined;
}

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

/** Where a token request came from, for the system log and the rate limits. */
export interface RequestContext {
  readonly requestId: string;
  readonly sourceAddress: string;
}

export interface TokenServiceDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly systemLog: SystemLog;
  /**
   * Roster's public URL: its host name without port is the `aud` client assertions must carry
   * (CONTRACT.md §2), and its origin issues the access tokens.
   */
  readonly publicUrl: PublicUrl;
  readonly tokenTtlSeconds: number;
  /** Failed token requests allowed per client ID and per source address each minute. */
  readonly failuresPerClient?: number;
  readonly failuresPerAddress?: number;
}

const SIGNING_KEY_ID = 'access-token-hs256';
/** How long a deleted or expired client's tokens may go on working in a process that cached it. */
const PRINCIPAL_CACHE_MS = 5_000;
const CACHE_LIMIT = 50_000;

export type TokenService = Awaited<ReturnType<typeof createTokenService>>;

/**
 * Issues access tokens for client credentials and authenticates bearer tokens.
 *
 * Access tokens are HS256 JWTs signed with a secret kept in the database, so every Roster process
 * sharing a database accepts them and they survive restarts. An Ed25519 check costs about 100 µs, ten
 * times a small request (PERFORMANCE-NOTES.md); a verified token is remembered until it expires, and
 * the principal behind it for a few seconds, so a repeat request costs two map look-ups.
 */
export async function createTokenService(deps: TokenServiceDeps) {
  const { db, clock } = deps;
  const secret = await getOrCreateSigningSecret(
    db,
    SIGNING_KEY_ID,
    randomBytes(32).toString('base64url'),
    clock.now().toISOString(),
  );
  const hmacKey = new Uint8Array(Buffer.from(secret, 'base64url'));

  const verifiedTokens = new Map<string, { clientRowId: string; expiresAtMs: number }>();
  const principals = new Map<string, { principal: Principal | undefined; loadedAtMs: number }>();
  const perClient = deps.failuresPerClient ?? 10;
  const perAddress = deps.failuresPerAddress ?? 30;
  const limiter = createFailureLimiter({
    perKey: (key) => (key.startsWith('client:') ? perClient : perAddress),
    windowMs: 60_000,
  });

  const remember = <K, V>(map: Map<K, V>, key: K, value: V) => {
    if (map.size >= CACHE_LIMIT) {
      const oldest = map.keys().next();
      if (!oldest.done) map.delete(oldest.value);
    }
    map.set(key, value);
  };

  /** The client is usable when it is neither deleted nor expired and its user is not deleted. */
  async function loadPrincipal(client: ApiClientRow | undefined, now: Date): Promise<Principal | undefined> {
    if (!client || client.deleted_at !== null) return undefined;
    if (client.expires_at !== null && client.expires_at <= now.toISOString()) return undefined;
    const user = await findUserById(db, client.user_id);
    if (!user || user.deleted_at !== null) return undefined;
    const scopedRoles = client.scoped_roles;
    const userRoleIds = user.role_ids;
    const roleIds = effectiveRoles(userRoleIds, scopedRoles);
    return {
      clientRowId: client.id,
      clientId: client.client_id,
      userId: user.id,
      roleIds,
      scopedRoles,
      ...clientPermissions(userRoleIds, scopedRoles),
      sourceRanges: parseRanges(client.allow_source_cidr),
    };
  }

  async function principalFor(clientRowId: string, now: Date): Promise<Principal | undefined> {
    const cached = principals.get(clientRowId);
    if (cached && now.getTime() - cached.loadedAtMs < PRINCIPAL_CACHE_MS) return cached.principal;
    const principal = await loadPrincipal(await findClientById(db, clientRowId), now);
    remember(principals, clientRowId, { principal, loadedAtMs: now.getTime() });
    return principal;
  }

  function refuse(reason: ReasonOf<'UNAUTHENTICATED'>, message: string): never {
    throw new AppError('UNAUTHENTICATED', message, reason);
  }

  async function recordTokenEvent(
    operation: 'token.issued' | 'token.refused',
    client: ApiClientRow | undefined,
    ctx: RequestContext,
    details: Record<string, unknown>,
  ) {
    const actor: Actor = {
      userId: client?.user_id ?? '',
      clientId: client?.id ?? '',
      requestId: ctx.requestId,
    };
    await deps.systemLog.record(db, [
      {
        operation,
        activity: 'other',
        targetType: 'api_client',
        targetId: client?.id ?? '',
        actor,
        occurredAt: clock.now(),
        details: { ...details, sourceAddress: ctx.sourceAddress },
        failed: operation === 'token.refused',
      },
    ]);
  }

  // A client's failures count per source address: client IDs are not secret, so a count across all
  // addresses would let anyone lock the real owner out, while guessing its Ed25519 key is hopeless.
  const limiterKeys = (clientId: string | undefined, ctx: RequestContext) =>
    clientId
      ? [`client:${clientId}@${ctx.sourceAddress}`, `addr:${ctx.sourceAddress}`]
      : [`addr:${ctx.sourceAddress}`];

  /**
   * Writes a refused token request to the system log (never the secret or assertion) and counts it
   * against the client's and the address's failure limits. Idempotent per error.
   */
  async function noteRefusal(error: OAuthError, ctx: RequestContext, clientIdHint: string | undefined) {
    if (error.noted) return;
    error.noted = true;
    const clientId = error.client?.client_id ?? clientIdHint;
    if (error.status !== 429) limiter.recordFailure(limiterKeys(clientId, ctx), clock.now().getTime());
    await recordTokenEvent('token.refused', error.client, ctx, {
      error: error.error,
      reason: error.description,
      clientId: (clientId ?? '').slice(0, 200),
    });
  }

  /** The client and principal behind a token request's credentials, or an OAuthError. */
  async function verifyClient(
    request: TokenRequest,
    ctx: RequestContext,
    now: Date,
    found: { client?: ApiClientRow | undefined },
  ): Promise<{ client: ApiClientRow; principal: Principal }> {
    const wait = limiter.retryAfter(limiterKeys(request.client_id, ctx), now.getTime());
    if (wait > 0) {
      throw new OAuthError(429, 'temporarily_unavailable', `too many failed attempts; retry in ${wait} s`);
    }
    if (request.grant_type !== 'client_credentials') {
      throw new OAuthError(400, 'unsupported_grant_type', 'grant_type must be client_credentials');
    }
    let client: ApiClientRow;
    if (request.client_assertion !== undefined) {
      if (request.client_assertion_type !== JWT_BEARER) {
        throw new OAuthError(400, 'invalid_request', `client_assertion_type must be ${JWT_BEARER}`);
      }
      client = await verifyAssertion(
        db,
        deps.publicUrl().hostname,
        request.client_assertion,
        request.client_id,
        now,
      );
    } else if (request.client_secret !== undefined) {
      client = await verifySecret(db, request.client_secret, request.client_id);
    } else {
      throw new OAuthError(400, 'invalid_request', 'send client_assertion or client_secret');
    }
    found.client = client;
    const principal = await loadPrincipal(client, now);
    if (!principal)
      throw new OAuthError(401, 'invalid_client', 'client is deleted, expired or disabled', client);
    if (!addressAllowed(principal.sourceRanges, ctx.sourceAddress)) {
      throw new OAuthError(401, 'invalid_client', 'client may not be used from this address', client);
    }
    return { client, principal };
  }

  async function issue(request: TokenRequest, ctx: RequestContext): Promise<TokenResponse> {
    const now = clock.now();
    const found: { client?: ApiClientRow | undefined } = {};
    try {
      const { client } = await verifyClient(request, ctx, now, found);
      const iat = Math.floor(now.getTime() / 1000);
      const accessToken = await new SignJWT({ cid: client.client_id })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setIssuer(deps.publicUrl().origin)
        .setAudience(deps.publicUrl().hostname)
        .setSubject(client.id)
        .setJti(newId(now.getTime()))
        .setIssuedAt(iat)
        .setExpirationTime(iat + deps.tokenTtlSeconds)
        .sign(hmacKey);
      await touchClientLastUsed(db, client.id, now.toISOString());
      await recordTokenEvent('token.issued', client, ctx, {
        method: request.client_assertion !== undefined ? 'client_assertion' : 'client_secret',
      });
      return { access_token: accessToken, token_type: 'Bearer', expires_in: deps.tokenTtlSeconds };
    } catch (error) {
      if (error instanceof OAuthError) {
        error.client ??= found.client;
        await noteRefusal(error, ctx, request.client_id);
      }
      throw error;
    }
  }

  return {
    issue,
    noteRefusal,

    /**
     * The principal behind an API client ID and secret, checked as the token endpoint checks them
     * (failure limits, source address, the system log's `token.refused`), without issuing a token:
     * the console keeps a session instead. Throws OAuthError.
     */
    async verifyCredentials(clientId: string, clientSecret: string, ctx: RequestContext): Promise<Principal> {
      const request = { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret };
      const found: { client?: ApiClientRow | undefined } = {};
      try {
        return (await verifyClient(request, ctx, clock.now(), found)).principal;
      } catch (error) {
        if (error instanceof OAuthError) {
          error.client ??= found.client;
          await noteRefusal(error, ctx, clientId);
        }
        throw error;
      }
    },

    /**
     * The principal of an API client a console session signed in with, as its bearer tokens would
     * have it (deleted or expired clients and disallowed addresses refused), or undefined.
     */
    async principalOfClient(clientRowId: string, sourceAddress: string): Promise<Principal | undefined> {
      const principal = await principalFor(clientRowId, clock.now());
      if (!principal || !addressAllowed(principal.sourceRanges, sourceAddress)) return undefined;
      return principal;
    },

    /**
     * The principal behind `Authorization: Bearer <token>` used from `sourceAddress`, or an
     * UNAUTHENTICATED (bad token) or PERMISSION_DENIED (disallowed address) AppError.
     */
    async authenticate(token: string, sourceAddress: string): Promise<Principal> {
      const now = clock.now();
      let entry = verifiedTokens.get(token);
      if (!entry) {
        try {
          const { payload } = await jwtVerify(token, hmacKey, {
            algorithms: ['HS256'],
            issuer: deps.publicUrl().origin,
            audience: deps.publicUrl().hostname,
            currentDate: now,
            requiredClaims: ['exp', 'sub'],
          });
          entry = { clientRowId: payload.sub as string, expiresAtMs: (payload.exp as number) * 1000 };
        } catch (error) {
          if (error instanceof joseErrors.JWTExpired) refuse('TOKEN_EXPIRED', 'access token has expired');
          refuse('TOKEN_INVALID', 'access token is not valid');
        }
        remember(verifiedTokens, token, entry);
      }
      if (entry.expiresAtMs <= now.getTime()) {
        verifiedTokens.delete(token);
        refuse('TOKEN_EXPIRED', 'access token has expired');
      }
      const principal = await principalFor(entry.clientRowId, now);
      if (!principal) refuse('CLIENT_REVOKED', 'the API client of this token is deleted or expired');
      if (!addressAllowed(principal.sourceRanges, sourceAddress)) {
        throw new AppError(
          'PERMISSION_DENIED',
          "this API client's allowSourceCidr does not include the request's address",
          'SOURCE_ADDRESS_NOT_ALLOWED',
        );
      }
      return principal;
    },

    /** Forgets cached state for a client, so a change to it takes effect at once in this process. */
    forgetClient(clientRowId: string) {
      principals.delete(clientRowId);
    },

    /** Forgets the cached state of every client of a user (after a change of the user's roles). */
    forgetUser(userId: string) {
      for (const [clientRowId, cached] of principals) {
        if (cached.principal?.userId === userId) principals.delete(clientRowId);
      }
    },
  };
}
