/**
 * App users, a person's account in one app: what other modules may use. The container builds the
 * service and the app registers the routes from their own files.
 */
export type { AppUserRow } from './app-users.repository.js';
export {
  findAppUserById,
  findAppUserIdsOfUser,
  findAppUsersByIds,
  findGrantTargets,
} from './app-users.repository.js';
export { AppUser, AppUserView, appUserView, toAppUser, toAppUserView } from './app-users.schemas.js';
export { ensureAppUsersFor } from './ensure-app-users.js';
