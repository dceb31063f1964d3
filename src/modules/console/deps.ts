/**
 * Everything the console takes from other modules, in one place: the API client checks and
 * principals of auth, the roles' permissions, users by ID or email, and the system log.
 */

export type { Principal } from '../../http/principal.js';
export { permissionsOf } from '../../lib/roles.js';
export type { SystemLog } from '../audit/index.js';
export { OAuthError, type TokenService } from '../auth/index.js';
export { findUserById, listUsers, type UserRow } from '../users/index.js';
