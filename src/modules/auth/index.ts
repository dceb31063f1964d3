/**
 * Authentication (API clients, tokens, the request guard): what other modules may use. The role
 * table is in src/lib/roles.ts and the caller of a request in src/http/principal.ts, below the modules.
 */
export { generateClientKey } from './client-secret.js';
export type { ApiClientRow } from './clients.repository.js';
export {
  findClientById,
  insertClient,
  listClientsOfUser,
  searchClients,
  updateClient,
} from './clients.repository.js';
export { deleteExpiredAssertions } from './token-keys.repository.js';
export { OAuthError, type TokenService } from './tokens.service.js';
