import type { Timestamp } from '../../db/columns.js';

/** An owner of an app, entitlement or resource (CONTRACT.md §7.13). */
export interface OwnersTable {
  target_type: 'app' | 'entitlement' | 'resource';
  target_id: string;
  app_id: string;
  user_id: string;
  created_at: Timestamp;
}

/** The tables the owners module owns; src/db/schema.ts combines every module's into `Database`. */
export interface OwnersTables {
  owners: OwnersTable;
}
