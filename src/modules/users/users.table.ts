import type { Audited, JsonText } from '../../db/columns.js';

export interface UsersTable extends Audited {
  id: string;
  display_name: string;
  email: string;
  username: string;
  status: string;
  type: string;
  role_ids: JsonText;
  profile: JsonText;
  department: string;
  /** IDs of the user's managers, as a JSON array. */
  manager_ids: JsonText;
  /** The user's employee numbers, as a JSON array. */
  employee_ids: JsonText;
}

/** The tables the users module owns; src/db/schema.ts combines every module's into `Database`. */
export interface UsersTables {
  users: UsersTable;
}
