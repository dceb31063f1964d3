import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';

/**
 * API client secrets in the form the official SDKs parse (CONTRACT.md §2):
 * `secret-token:conductorone.com:v1:<B64>`, where B64 is the unpadded base64url of a minimal
 * Ed25519 private JWK. Roster keeps only the public `x`.
 */
const PREFIX = 'secret-token:conductorone.com:v1:';

export interface ClientKey {
  readonly secret: string;
  readonly publicKeyX: string;
}

interface OkpJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  d: string;
}

export function generateClientKey(): ClientKey {
  const { privateKey } = generateKeyPairSync('ed25519');
  const { x, d } = privateKey.export({ format: 'jwk' }) as OkpJwk;
  // A minimal JWK: a `kid` would make the Go SDK add a `kid` header, and nothing needs one.
  const jwk: OkpJwk = { kty: 'OKP', crv: 'Ed25519', x, d };
  return { secret: PREFIX + Buffer.from(JSON.stringify(jwk)).toString('base64url'), publicKeyX: x };
}

/**
 * The public `x` belonging to a client secret, derived from its private half, or undefined when the
 * secret is not of the expected form. Accepts either base64 alphabet, padded or not, like the SDKs.
 */
export function publicKeyOfSecret(secret: string): string | undefined {
  if (!secret.startsWith(PREFIX)) return undefined;
  const encoded = secret.slice(PREFIX.length);
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(encoded)) return undefined;
  try {
    const jwk = JSON.parse(Buffer.from(encoded, 'base64').toString('utf8')) as Partial<OkpJwk>;
    if (
      jwk.kty !== 'OKP' ||
      jwk.crv !== 'Ed25519' ||
      typeof jwk.d !== 'string' ||
      typeof jwk.x !== 'string'
    ) {
      return undefined;
    }
    const privateKey = createPrivateKey({
      key: { kty: 'OKP', crv: 'Ed25519', d: jwk.d, x: jwk.x },
      format: 'jwk',
    });
    const derived = (createPublicKey(privateKey).export({ format: 'jwk' }) as { x: string }).x;
    return derived === jwk.x ? derived : undefined;
  } catch {
    return undefined;
  }
}
