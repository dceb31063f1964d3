/** Users, the people in the directory: what other modules may use. */

export type { Resolution, ResolvedPerson, UnresolvedInput } from './resolve-people.js';
export type { GrantableUser, UserRow } from './users.repository.js';
export {
  decodeUser,
  findGrantableUsers,
  findUnusableUsers,
  findUserById,
  findUserStates,
  findUsersByIds,
  listUsers,
  lockUsers,
  USER_DISABLED,
} from './users.repository.js';
export { MAX_IMPORT_REQUEST_BYTES, MAX_IMPORT_USERS, toUser, User } from './users.schemas.js';
export type { DirectoryUserInput, UsersService } from './users.service.js';
