import type { Kysely, Transaction } from 'kysely';

/**
 * Splits rows for multi-row INSERTs so that no statement binds more parameters than the dialect
 * allows (`maxParameters` from the dialect's features).
 */
export function chunkRows<T extends object>(
  rows: readonly T[],
  maxParameters: number,
  maxRows = 5_000,
  addedColumns = 0,
): T[][] {
  const first = rows[0];
  if (first === undefined) return [];
  const columns = Object.keys(first).length + addedColumns;
  const perRow = Math.max(1, Math.min(maxRows, Math.floor(maxParameters / columns)));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += perRow) chunks.push(rows.slice(i, i + perRow));
  return chunks;
}

/** Runs `work` in the caller's transaction, or in a new one when `db` is not a transaction. */
export function inTransaction<DB, T>(
  db: Kysely<DB> | Transaction<DB>,
  work: (trx: Kysely<DB> | Transaction<DB>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
