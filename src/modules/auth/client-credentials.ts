import { createHash, timingSafeEqual } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, importJWK, errors as joseErrors, jwtVerify } from 'jose';
import type { Db } from '../../db/schema.js';
import { publicKeyOfSecret } from './client-secret.js';
import { type ApiClientRow, findClientByClientId } from './clients.repository.js';
import { markAssertionUsed } from './token-keys.repository.js';

/** An error of the token endpoint, answered in OAuth form (RFC 6749 §5.2, CONTRACT.md §7.1). */
export class OAuthError extends Error {
  override readonly name = 'OAuthError';
  /** Set once the refusal is in the system log and counted against the rate limits. */
  noted = false;
  constructor(
    readonly status: 400 | 401 | 429,
    readonly error:
      | 'invalid_request'
      | 'invalid_client'
      | 'unsupported_grant_type'
      | 'temporarily_unavailable',
    readonly description: string,
    /** The client the request named or proved, when known, for the system log. */
    public client?: ApiClientRow,
  ) {
    super(description);
  }
}

export const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** Allowed clock difference with clients, and the longest assertion lifetime accepted (CONTRACT.md §2). */
export const CLOCK_SKEW_SECONDS = 60;
export const MAX_ASSERTION_LIFETIME_SECONDS = 300;

const invalidClient = (description: string, client?: ApiClientRow) =>
  new OAuthError(401, 'invalid_client', description, client);

/**
 * The client a JWT-bearer assertion proves (RFC 7523 §3, CONTRACT.md §2): EdDSA only, signed with the
 * client's stored key; iss == sub == client ID; aud holding our host name; exp, nbf and iat within
 * the skew; at most five minutes of life; and never seen before.
 */
export async function verifyAssertion(
  db: Db,
  audience: string,
  assertion: string,
  formClientId: string | undefined,
  now: Date,
): Promise<ApiClientRow> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  let claims: ReturnType<typeof decodeJwt>;
  try {
    header = decodeProtectedHeader(assertion);
    claims = decodeJwt(assertion);
  } catch {
    throw new OAuthError(400, 'invalid_request', 'client_assertion is not a compact JWT');
  }
  // Only EdDSA: no `none`, no HMAC keyed with the public key, no downgrade to RSA or ECDSA.
  if (header.alg !== 'EdDSA') throw invalidClient('client_assertion must be signed with EdDSA');
  const clientId = claims.iss;
  if (typeof clientId !== 'string' || clientId === '' || claims.sub !== clientId) {
    throw invalidClient('client_assertion iss and sub must both be the client ID');
  }
  if (formClientId !== undefined && formClientId !== clientId) {
    throw invalidClient('client_id does not match the client_assertion issuer');
  }
  const client = await findClientByClientId(db, clientId);
  if (!client) throw invalidClient('unknown client');
  const key = await importJWK({ kty: 'OKP', crv: 'Ed25519', x: client.public_key_x }, 'EdDSA');
  try {
    await jwtVerify(assertion, key, {
      algorithms: ['EdDSA'],
      issuer: clientId,
      subject: clientId,
      audience,
      clockTolerance: CLOCK_SKEW_SECONDS,
      currentDate: now,
      requiredClaims: ['exp', 'iat'],
    });
  } catch (error) {
    const why =
      error instanceof joseErrors.JWTExpired
        ? 'client_assertion has expired'
        : 'client_assertion is not valid';
    throw invalidClient(why, client);
  }
  const nowSeconds = now.getTime() / 1000;
  const exp = claims.exp as number;
  const iat = claims.iat as number;
  if (iat > nowSeconds + CLOCK_SKEW_SECONDS)
    throw invalidClient('client_assertion is issued in the future', client);
  if (exp - nowSeconds > MAX_ASSERTION_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS) {
    throw invalidClient(`client_assertion must expire within ${MAX_ASSERTION_LIFETIME_SECONDS} s`, client);
  }
  // Remembered by the hash of its decoded parts, so re-encoding the same signature in another
  // base64url spelling is still a replay (CONTRACT.md §7.9).
  const decoded = assertion.split('.').map((part) => Buffer.from(part, 'base64url'));
  const hash = createHash('sha256')
    .update(Buffer.concat(decoded.flatMap((b) => [b, Buffer.from('.')])))
    .digest('base64url');
  const expiresAt = new Date((exp + CLOCK_SKEW_SECONDS) * 1000).toISOString();
  if (!(await markAssertionUsed(db, hash, expiresAt))) {
    throw invalidClient('client_assertion was already used', client);
  }
  return client;
}

/** The client a whole `client_secret` proves (the form the docs allow; CONTRACT.md §7.9). */
export async function verifySecret(
  db: Db,
  clientSecret: string,
  clientId: string | undefined,
): Promise<ApiClientRow> {
  if (!clientId) throw new OAuthError(400, 'invalid_request', 'client_id is required with client_secret');
  const presented = publicKeyOfSecret(clientSecret);
  const client = await findClientByClientId(db, clientId);
  if (!client) throw invalidClient('invalid client credentials');
  if (!presented) throw invalidClient('invalid client credentials', client);
  const presentedKey = Buffer.from(presented);
  const storedKey = Buffer.from(client.public_key_x);
  // Constant time: how much of the key matched must not show in the answer's timing.
  if (presentedKey.length !== storedKey.length || !timingSafeEqual(presentedKey, storedKey))
    throw invalidClient('invalid client credentials', client);
  return client;
}
