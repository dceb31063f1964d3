import type { Server } from 'node:http';
import Provider from 'oidc-provider';
import { freePort } from './browser.js';

export interface TestIdentityProvider {
  readonly issuer: string;
  readonly clientId: string;
  readonly clientSecret: string;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (oidc-provider) on a loopback port, at `localhost` so that Roster
 * (at 127.0.0.1) is another site, as in production. Its development login form signs in whatever
 * login is typed, with that login as the email claim.
 */
export async function startIdentityProvider(redirectUri: string): Promise<TestIdentityProvider> {
  const port = await freePort();
  const issuer = `http://localhost:${port}`;
  const clientId = 'roster-console';
  const clientSecret = 'a-test-client-secret-of-enough-length';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    async findAccount(_ctx, id) {
      return { accountId: id, claims: async () => ({ sub: id, email: id, email_verified: true }) };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    pkce: { required: () => true },
    cookies: { keys: ['test-cookie-signing-key'] },
    features: { devInteractions: { enabled: true } },
  });
  const server: Server = provider.listen(port);
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return {
    issuer,
    clientId,
    clientSecret,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
