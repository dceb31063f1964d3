import type { Executor } from '../../db/schema.js';
import type { IdempotencyKeysTable } from './idempotency.table.js';

/** A stored key with the answer it stored, decoded. */
export interface IdempotencyKeyRow extends Omit<IdempotencyKeysTable, 'response'> {
  response: unknown;
}

export async function findIdempotencyKey(
  db: Executor,
  clientId: string,
  key: string,
  now: string,
): Promise<IdempotencyKeyRow | undefined> {
  const stored = await db
    .selectFrom('idempotency_keys')
    .selectAll()
    .where('client_id', '=', clientId)
    .where('key', '=', key)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return stored && { ...stored, response: JSON.parse(stored.response) as unknown };
}

/** Stores a key's answer; a concurrent twin that stored first makes this throw a unique violation. */
export async function insertIdempotencyKey(db: Executor, row: IdempotencyKeyRow): Promise<void> {
  // An expired row with the same key may linger until the purge: it no longer counts.
  await db
    .deleteFrom('idempotency_keys')
    .where('client_id', '=', row.client_id)
    .where('key', '=', row.key)
    .where('expires_at', '<=', row.created_at)
    .execute();
  await db
    .insertInto('idempotency_keys')
    .values({ ...row, response: JSON.stringify(row.response) })
    .execute();
}

export async function deleteExpiredIdempotencyKeys(db: Executor, now: string): Promise<number> {
  const result = await db.deleteFrom('idempotency_keys').where('expires_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
