import type { Timestamp } from '../../db/columns.js';

/** The editable part of a built-in role; its permissions are code (src/modules/auth/roles.ts). */
export interface RolesTable {
  id: string;
  name: string;
  display_name: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** The tables the iam module owns; src/db/schema.ts combines every module's into `Database`. */
export interface IamTables {
  roles: RolesTable;
}
