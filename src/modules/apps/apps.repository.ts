import type { AppsTable, Executor } from '../../db/schema.js';

export type AppRow = AppsTable;

export function findAppById(db: Executor, id: string): Promise<AppRow | undefined> {
  return db.selectFrom('apps').selectAll().where('id', '=', id).executeTakeFirst();
}
