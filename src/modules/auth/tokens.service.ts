import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, importJWK, errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import type { Db } from '../../db/schema.js';
import type { Actor } from '../../lib/actor.js';
import type { Clock } from '../../lib/clock.js';
import { AppError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import type { SystemLog } from '../audit/system-log.service.js';
import { findUserById } from '../users/users.repository.js';
import { publicKeyOfSecret } from './client-secret.js';
import {
  type ApiClientRow,
  findClientByClientId,
  findClientById,
  touchClientLastUsed,
} from './clients.repository.js';
import { type Permission, permissionsOf } from './roles.js';
import { getOrCreateSigningSecret, markAssertionUsed } from './token-keys.repository.js';

/** The caller behind a bearer token. */
export interface Principal {
  readonly clientRowId: string;
  readonly clientId: string;
  readonly userId: string;
  readonly roleIds: readonly string[];
  readonly permissions: ReadonlySet<Permission>;
}

/** An error of the token endpoint, answered in OAuth form (RFC 6749 §5.2, CONTRACT.md §7.1). */
export class OAuthError extends Error {
  override readonly name = 'OAuthError';
  constructor(
    readonly status: 400 | 401,
    readonly error: 'invalid_request' | 'invalid_client' | 'unsupported_grant_type',
    readonly description: string,
  ) {
    super(description);
  }
}

export interface TokenRequest {
  grant_type?: string;
  client_id?: string;
  client_assertion_type?: string;
  client_assertion?: string;
  client_secret?: string;
}

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

export interface TokenServiceDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly systemLog: SystemLog;
  /** Host name without port: the `aud` client assertions must carry (CONTRACT.md §2). */
  readonly audience: string;
  /** Who issues access tokens: Roster's public origin. */
  readonly issuer: string;
  readonly tokenTtlSeconds: number;
}

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const SIGNING_KEY_ID = 'access-token-hs256';
/** Allowed clock difference with clients, and the longest assertion lifetime accepted. */
const CLOCK_SKEW_SECONDS = 60;
const MAX_ASSERTION_LIFETIME_SECONDS = 300;
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
    const roleIds = JSON.parse(user.role_ids) as string[];
    return {
      clientRowId: client.id,
      clientId: client.client_id,
      userId: user.id,
      roleIds,
      permissions: permissionsOf(roleIds),
    };
  }

  async function principalFor(clientRowId: string, now: Date): Promise<Principal | undefined> {
    const cached = principals.get(clientRowId);
    if (cached && now.getTime() - cached.loadedAtMs < PRINCIPAL_CACHE_MS) return cached.principal;
    const principal = await loadPrincipal(await findClientById(db, clientRowId), now);
    remember(principals, clientRowId, { principal, loadedAtMs: now.getTime() });
    return principal;
  }

  function refuse(reason: string, message: string): never {
    throw new AppError('UNAUTHENTICATED', message, reason);
  }

  async function recordTokenEvent(
    operation: 'token.issued' | 'token.refused',
    clientRowId: string,
    userId: string,
    requestId: string,
    details: Record<string, unknown>,
  ) {
    const actor: Actor = { userId, clientId: clientRowId, requestId };
    await deps.systemLog.record(db, [
      {
        operation,
        activity: 'other',
        targetType: 'api_client',
        targetId: clientRowId,
        actor,
        occurredAt: clock.now(),
        details,
        failed: operation === 'token.refused',
      },
    ]);
  }

  async function verifyAssertion(assertion: string, formClientId: string | undefined, now: Date) {
    let header: ReturnType<typeof decodeProtectedHeader>;
    let claims: ReturnType<typeof decodeJwt>;
    try {
      header = decodeProtectedHeader(assertion);
      claims = decodeJwt(assertion);
    } catch {
      throw new OAuthError(400, 'invalid_request', 'client_assertion is not a compact JWT');
    }
    // Only EdDSA: no `none`, no HMAC keyed with the public key, no algorithm downgrade.
    if (header.alg !== 'EdDSA')
      throw new OAuthError(401, 'invalid_client', 'client_assertion must be signed with EdDSA');
    const clientId = claims.iss;
    if (typeof clientId !== 'string' || clientId === '' || claims.sub !== clientId) {
      throw new OAuthError(401, 'invalid_client', 'client_assertion iss and sub must both be the client ID');
    }
    if (formClientId !== undefined && formClientId !== clientId) {
      throw new OAuthError(401, 'invalid_client', 'client_id does not match the client_assertion issuer');
    }
    const client = await findClientByClientId(db, clientId);
    if (!client) throw new OAuthError(401, 'invalid_client', 'unknown client');
    const key = await importJWK({ kty: 'OKP', crv: 'Ed25519', x: client.public_key_x }, 'EdDSA');
    try {
      await jwtVerify(assertion, key, {
        algorithms: ['EdDSA'],
        issuer: clientId,
        subject: clientId,
        audience: deps.audience,
        clockTolerance: CLOCK_SKEW_SECONDS,
        currentDate: now,
        requiredClaims: ['exp'],
      });
    } catch (error) {
      const why =
        error instanceof joseErrors.JWTExpired
          ? 'client_assertion has expired'
          : 'client_assertion is not valid';
      throw new OAuthError(401, 'invalid_client', why);
    }
    const exp = claims.exp as number;
    if (exp - now.getTime() / 1000 > MAX_ASSERTION_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS) {
      throw new OAuthError(
        401,
        'invalid_client',
        `client_assertion must expire within ${MAX_ASSERTION_LIFETIME_SECONDS} s`,
      );
    }
    const hash = createHash('sha256').update(assertion).digest('base64url');
    const expiresAt = new Date((exp + CLOCK_SKEW_SECONDS) * 1000).toISOString();
    if (!(await markAssertionUsed(db, hash, expiresAt))) {
      throw new OAuthError(401, 'invalid_client', 'client_assertion was already used');
    }
    return client;
  }

  async function verifySecret(clientSecret: string, clientId: string | undefined) {
    if (!clientId) throw new OAuthError(400, 'invalid_request', 'client_id is required with client_secret');
    const presented = publicKeyOfSecret(clientSecret);
    const client = await findClientByClientId(db, clientId);
    if (!presented || !client) throw new OAuthError(401, 'invalid_client', 'invalid client credentials');
    const a = Buffer.from(presented);
    const b = Buffer.from(client.public_key_x);
    if (a.length !== b.length || !timingSafeEqual(a, b)) {
      throw new OAuthError(401, 'invalid_client', 'invalid client credentials');
    }
    return client;
  }

  return {
    async issue(request: TokenRequest, requestId: string): Promise<TokenResponse> {
      const now = clock.now();
      let client: ApiClientRow | undefined;
      try {
        if (request.grant_type !== 'client_credentials') {
          throw new OAuthError(400, 'unsupported_grant_type', 'grant_type must be client_credentials');
        }
        if (request.client_assertion !== undefined) {
          if (request.client_assertion_type !== JWT_BEARER) {
            throw new OAuthError(400, 'invalid_request', `client_assertion_type must be ${JWT_BEARER}`);
          }
          client = await verifyAssertion(request.client_assertion, request.client_id, now);
        } else if (request.client_secret !== undefined) {
          client = await verifySecret(request.client_secret, request.client_id);
        } else {
          throw new OAuthError(400, 'invalid_request', 'send client_assertion or client_secret');
        }
        const principal = await loadPrincipal(client, now);
        if (!principal) throw new OAuthError(401, 'invalid_client', 'client is deleted, expired or disabled');

        const iat = Math.floor(now.getTime() / 1000);
        const accessToken = await new SignJWT({ cid: client.client_id })
          .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
          .setIssuer(deps.issuer)
          .setAudience(deps.audience)
          .setSubject(client.id)
          .setJti(newId(now.getTime()))
          .setIssuedAt(iat)
          .setExpirationTime(iat + deps.tokenTtlSeconds)
          .sign(hmacKey);
        await touchClientLastUsed(db, client.id, now.toISOString());
        await recordTokenEvent('token.issued', client.id, principal.userId, requestId, {
          method: request.client_assertion !== undefined ? 'client_assertion' : 'client_secret',
        });
        return { access_token: accessToken, token_type: 'Bearer', expires_in: deps.tokenTtlSeconds };
      } catch (error) {
        if (error instanceof OAuthError) {
          await recordTokenEvent('token.refused', client?.id ?? '', client?.user_id ?? '', requestId, {
            error: error.error,
            reason: error.description,
            clientId: client?.client_id ?? request.client_id ?? '',
          });
        }
        throw error;
      }
    },

    /** The principal behind `Authorization: Bearer <token>`, or an UNAUTHENTICATED AppError. */
    async authenticate(token: string): Promise<Principal> {
      const now = clock.now();
      let entry = verifiedTokens.get(token);
      if (!entry) {
        try {
          const { payload } = await jwtVerify(token, hmacKey, {
            algorithms: ['HS256'],
            issuer: deps.issuer,
            audience: deps.audience,
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
      return principal;
    },

    /** Forgets cached state for a client, so a change to it takes effect at once in this process. */
    forgetClient(clientRowId: string) {
      principals.delete(clientRowId);
    },
  };
}
