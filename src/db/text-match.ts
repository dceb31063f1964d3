import { type RawBuilder, sql } from 'kysely';

/**
 * Case-insensitive substring match, the `query` filter of the search endpoints. `%` and `_` in the
 * text match themselves; the explicit ESCAPE clause makes SQLite and PostgreSQL agree on that.
 */
export function containsText(column: string, text: string): RawBuilder<boolean> {
  const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}

/** Case-insensitive equality. */
export function equalsText(column: string, text: string): RawBuilder<boolean> {
  return sql<boolean>`lower(${sql.ref(column)}) = ${text.toLowerCase()}`;
}

/**
 * True when a column holding a JSON array of strings contains `value` as an element. The quoted
 * value matches one whole element; LIKE keeps this to SQL both dialects share.
 */
export function jsonArrayContains(column: string, value: string): RawBuilder<boolean> {
  const pattern = `%${JSON.stringify(value).replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<boolean>`${sql.ref(column)} like ${pattern} escape '\\'`;
}
