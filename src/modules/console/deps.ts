/**
 * Everything the console takes from other modules, in one place: the API client checks and
 * principals of auth, the roles' permissions, users by ID or email, and the system log.
 */
export type { SystemLog } from '../audit/index.js';
export { OAuthError, type Principal, permissionsOf, type TokenService } from '../auth/index.js';
export { findUserById, listUsers, type UserRow } from '../users/index.js';
