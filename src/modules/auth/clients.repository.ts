import { cachedQuery } from '../../db/cached-query.js';
import type { Executor } from '../../db/schema.js';
import { containsText } from '../../db/text-match.js';
import type { ApiClientsTable } from './auth.table.js';

/** An API client as the code sees it: its JSON lists decoded. */
export interface ApiClientRow extends Omit<ApiClientsTable, 'allow_source_cidr' | 'scoped_roles'> {
  allow_source_cidr: string[];
  scoped_roles: string[];
}

type ListColumns = Pick<ApiClientRow, 'allow_source_cidr' | 'scoped_roles'>;

function decodeClient(stored: ApiClientsTable): ApiClientRow {
  return {
    ...stored,
    allow_source_cidr: JSON.parse(stored.allow_source_cidr) as string[],
    scoped_roles: JSON.parse(stored.scoped_roles) as string[],
  };
}

function encodeLists<T extends Partial<ListColumns>>(row: T) {
  const { allow_source_cidr, scoped_roles, ...columns } = row;
  return {
    ...columns,
    ...(allow_source_cidr ? { allow_source_cidr: JSON.stringify(allow_source_cidr) } : {}),
    ...(scoped_roles ? { scoped_roles: JSON.stringify(scoped_roles) } : {}),
  };
}

export async function findClientByClientId(
  db: Executor,
  clientId: string,
): Promise<ApiClientRow | undefined> {
  const stored = await db
    .selectFrom('api_clients')
    .selectAll()
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return stored && decodeClient(stored);
}

const clientById = cachedQuery((db, id: string) =>
  db.selectFrom('api_clients').selectAll().where('id', '=', id),
);

export async function findClientById(db: Executor, id: string): Promise<ApiClientRow | undefined> {
  const stored = await clientById.first(db, id);
  return stored && decodeClient(stored);
}

export async function insertClient(db: Executor, row: ApiClientRow): Promise<void> {
  await db
    .insertInto('api_clients')
    .values({
      ...row,
      allow_source_cidr: JSON.stringify(row.allow_source_cidr),
      scoped_roles: JSON.stringify(row.scoped_roles),
    })
    .execute();
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
  await db.updateTable('api_clients').set(encodeLists(changes)).where('id', '=', id).execute();
}

/** A user's live clients, oldest first (PC.List is unpaged, CONTRACT.md §1 Pagination). */
export async function listClientsOfUser(db: Executor, userId: string): Promise<ApiClientRow[]> {
  const stored = await db
    .selectFrom('api_clients')
    .selectAll()
    .where('user_id', '=', userId)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .limit(1_000)
    .execute();
  return stored.map(decodeClient);
}

export interface ClientFilter {
  readonly afterId?: string | undefined;
  readonly limit: number;
  /** Case-insensitive substring of the display name or client ID. */
  readonly query?: string | undefined;
  readonly userIds?: readonly string[] | undefined;
}

/** Live clients of every user in ID order after `afterId`: a keyset page (CONTRACT.md §7.8). */
export async function searchClients(db: Executor, filter: ClientFilter): Promise<ApiClientRow[]> {
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
  return (await select.execute()).map(decodeClient);
}
