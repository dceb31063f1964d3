import type { Audited } from '../../db/columns.js';

export interface AppUsersTable extends Audited {
  id: string;
  app_id: string;
  identity_user_id: string;
  display_name: string;
  email: string;
  username: string;
  app_user_type: string;
  status: string;
}

/** The tables the app-users module owns; src/db/schema.ts combines every module's into `Database`. */
export interface AppUsersTables {
  app_users: AppUsersTable;
}
