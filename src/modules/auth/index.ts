/**
 * Authentication: API clients and their management, tokens, the request guard. What other modules
 * may use. The role table is in src/lib/roles.ts and a request's caller in src/http/principal.ts,
 * below the modules.
 */
export { generateClientKey } from './client-secret.js';
export { deleteExpiredAssertions } from './token-keys.repository.js';
export { OAuthError, type TokenService } from './tokens.service.js';
