import type { AppEntitlementsTable, Executor } from '../../db/schema.js';

export type EntitlementRow = AppEntitlementsTable;

export function findEntitlementById(db: Executor, id: string): Promise<EntitlementRow | undefined> {
  return db.selectFrom('app_entitlements').selectAll().where('id', '=', id).executeTakeFirst();
}
