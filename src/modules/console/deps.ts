/**
 * Everything the console takes from other modules, in one place: the API client checks and
 * principals of auth, the roles' permissions, users by ID or email, and the system log.
 */
export type { SystemLog } from '../audit/system-log.service.js';
export { permissionsOf } from '../auth/roles.js';
export { OAuthError, type Principal, type TokenService } from '../auth/tokens.service.js';
export {
  findUserById,
  findUsersByEmails,
  findUsersByIds,
  listUsers,
  type UserRow,
} from '../users/users.repository.js';
