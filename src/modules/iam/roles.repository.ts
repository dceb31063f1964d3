import type { Executor } from '../../db/schema.js';
import type { RolesTable } from './iam.table.js';

export type RoleRow = RolesTable;

export function findRoleById(db: Executor, id: string): Promise<RoleRow | undefined> {
  return db.selectFrom('roles').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listRoles(db: Executor, afterId: string | undefined, limit: number): Promise<RoleRow[]> {
  let query = db.selectFrom('roles').selectAll().orderBy('id').limit(limit);
  if (afterId) query = query.where('id', '>', afterId);
  return query.execute();
}

export async function updateRole(db: Executor, id: string, changes: Partial<RoleRow>): Promise<void> {
  await db.updateTable('roles').set(changes).where('id', '=', id).execute();
}
