import type { ApiClientsTable, Executor } from '../../db/schema.js';
import { containsText } from '../../db/text-match.js';

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

export async function updateClient(db: Executor, id: string, changes: Partial<ApiClientRow>): Promise<void> {
  await db.updateTable('api_clients').set(changes).where('id', '=', id).execute();
}

/** A user's live clients, oldest first (PC.List is unpaged, CONTRACT.md §1 Pagination). */
export function listClientsOfUser(db: Executor, userId: string): Promise<ApiClientRow[]> {
  return db
    .selectFrom('api_clients')
    .selectAll()
    .where('user_id', '=', userId)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .limit(1_000)
    .execute();
}

export interface ClientFilter {
  readonly afterId?: string | undefined;
  readonly limit: number;
  /** Case-insensitive substring of the display name or client ID. */
  readonly query?: string | undefined;
  readonly userIds?: readonly string[] | undefined;
}

/** Live clients of every user in ID order after `afterId`: a keyset page (CONTRACT.md §7.8). */
export function searchClients(db: Executor, filter: ClientFilter): Promise<ApiClientRow[]> {
  let select = db
    .selectFrom('api_clients')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .limit(filter.limit);
  if (filter.afterId) select = select.where('id', '>', filter.afterId);
  if (filter.query) {
    const query = filter.query;
    select = select.where((eb) =>
      eb.or([containsText('display_name', query), containsText('client_id', query)]),
    );
  }
  if (filter.userIds && filter.userIds.length > 0) select = select.where('user_id', 'in', filter.userIds);
  return select.execute();
}
