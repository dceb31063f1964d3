import { createHash } from 'node:crypto';
import * as client from 'openid-client';
import type { OidcConfig } from '../../config.js';
import type { Db } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import { insertOidcLogin, takeOidcLogin } from './sessions.repository.js';

/** How long a person has to finish signing in at the provider. */
const LOGIN_TTL_MS = 10 * 60_000;

export class OidcSignInError extends Error {
  override readonly name = 'OidcSignInError';
}

export interface OidcDeps {
  readonly config: OidcConfig;
  readonly db: Db;
  readonly clock: Clock;
  /** Where the provider sends the person back: Roster's public origin + /console/auth/oidc/callback. */
  readonly redirectUri: () => string;
}

export type OidcSignIn = ReturnType<typeof createOidcSignIn>;

const hashOf = (state: string) => createHash('sha256').update(state).digest('base64url');

/**
 * OpenID Connect authorization code flow with PKCE (RFC 7636) and a nonce, through openid-client.
 * The provider's metadata is discovered at first use and kept; a failed discovery is retried on the
 * next sign-in. An http:// issuer is accepted only because an operator configured it (a provider on
 * the same host or a test); https is the norm.
 */
export function createOidcSignIn(deps: OidcDeps) {
  const { config } = deps;
  let discovered: Promise<client.Configuration> | undefined;

  function configuration(): Promise<client.Configuration> {
    discovered ??= client
      .discovery(
        config.issuer,
        config.clientId,
        config.clientSecret === undefined ? { token_endpoint_auth_method: 'none' } : undefined,
        config.clientSecret === undefined ? client.None() : client.ClientSecretPost(config.clientSecret),
        config.issuer.protocol === 'http:' ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        discovered = undefined;
        throw new OidcSignInError(
          `the identity provider at ${config.issuer.href} could not be reached or described itself wrongly (${error instanceof Error ? error.message : String(error)})`,
        );
      });
    return discovered;
  }

  return {
    /** The provider URL to send the person to, and the `state` the browser must bring back. */
    async begin(): Promise<{ url: string; state: string }> {
      const oidc = await configuration();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const codeVerifier = client.randomPKCECodeVerifier();
      await insertOidcLogin(deps.db, {
        id: hashOf(state),
        code_verifier: codeVerifier,
        nonce,
        created_at: deps.clock.now().toISOString(),
      });
      const url = client.buildAuthorizationUrl(oidc, {
        redirect_uri: deps.redirectUri(),
        scope: 'openid email profile',
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url: url.href, state };
    },

    /**
     * The email claim of the person the provider signed in, after checking the redirect's `state`
     * against the one this browser started with, and redeeming the code with the PKCE verifier.
     */
    async finish(query: URLSearchParams, browserState: string | undefined): Promise<string> {
      const state = query.get('state') ?? '';
      if (query.has('error')) {
        throw new OidcSignInError(
          `the identity provider refused the sign-in: ${query.get('error_description') ?? query.get('error')}`,
        );
      }
      if (!state || !browserState || state !== browserState) {
        throw new OidcSignInError('this sign-in was not started in this browser, or was already used');
      }
      const login = await takeOidcLogin(deps.db, hashOf(state));
      if (!login || Date.parse(login.created_at) + LOGIN_TTL_MS <= deps.clock.now().getTime()) {
        throw new OidcSignInError('this sign-in took too long or was already used');
      }
      const oidc = await configuration();
      const callback = new URL(deps.redirectUri());
      callback.search = query.toString();
      let claims: Record<string, unknown> | undefined;
      try {
        const tokens = await client.authorizationCodeGrant(oidc, callback, {
          pkceCodeVerifier: login.code_verifier,
          expectedState: state,
          expectedNonce: login.nonce,
          idTokenExpected: true,
        });
        const idToken = tokens.claims();
        claims = idToken;
        // Many providers put only `sub` in the ID token and the rest behind the UserInfo endpoint
        // (OpenID Connect Core §5.4); its answer must be about the same subject.
        if (idToken && idToken[config.emailClaim] === undefined) {
          claims = { ...(await client.fetchUserInfo(oidc, tokens.access_token, idToken.sub)), ...idToken };
        }
      } catch (error) {
        throw new OidcSignInError(
          `the identity provider's answer could not be verified (${error instanceof Error ? error.message : String(error)})`,
        );
      }
      const email = claims?.[config.emailClaim];
      if (typeof email !== 'string' || email === '') {
        throw new OidcSignInError(`the identity provider sent no "${config.emailClaim}" claim`);
      }
      if (claims?.email_verified === false && config.emailClaim === 'email') {
        throw new OidcSignInError(`the identity provider has not verified the email ${email}`);
      }
      return email;
    },
  };
}
