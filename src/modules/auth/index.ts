/** Authentication (API clients, tokens, built-in roles, the request guard): what other modules may use. */
export { actorOf, principalOf } from './authenticate.js';
export { generateClientKey } from './client-secret.js';
export type { ApiClientRow } from './clients.repository.js';
export {
  findClientById,
  insertClient,
  listClientsOfUser,
  searchClients,
  updateClient,
} from './clients.repository.js';
export type { BuiltinRole } from './roles.js';
export {
  BUILTIN_ROLES,
  isKnownRole,
  listedPermissions,
  permissionsOf,
  READ_ONLY_ADMIN_ROLE,
} from './roles.js';
export { normalizeCidrs } from './source-address.js';
export { deleteExpiredAssertions } from './token-keys.repository.js';
export { OAuthError, type Principal, type TokenService } from './tokens.service.js';
