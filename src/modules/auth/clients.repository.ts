import type { ApiClientsTable, Executor } from '../../db/schema.js';

export type ApiClientRow = ApiClientsTable;

export function findClientByClientId(db: Executor, clientId: string): Promise<ApiClientRow | undefined> {
  return db.selectFrom('api_clients').selectAll().where('client_id', '=', clientId).executeTakeFirst();
}

export function findClientById(db: Executor, id: string): Promise<ApiClientRow | undefined> {
  return db.selectFrom('api_clients').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertClient(db: Executor, row: ApiClientRow): Promise<void> {
  await db.insertInto('api_clients').values(row).execute();
}

export async function countClients(db: Executor): Promise<number> {
  const { count } = await db
    .selectFrom('api_clients')
    .select((eb) => eb.fn.countAll().as('count'))
    .executeTakeFirstOrThrow();
  return Number(count);
}

export async function touchClientLastUsed(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable('api_clients').set({ last_used_at: at }).where('id', '=', id).execute();
}
