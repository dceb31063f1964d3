/** Users, the people in the directory: what other modules may use. */
export type { UserRow } from './users.repository.js';
export {
  decodeUser,
  findUserById,
  findUserStates,
  findUsersByEmails,
  findUsersByIds,
  insertUsers,
  listUsers,
} from './users.repository.js';
export { MAX_IMPORT_USERS, toUser, User } from './users.schemas.js';
