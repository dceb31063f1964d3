import { AppError } from '../lib/errors.js';

/** Page sizes as the ConductorOne docs give them: 0 → 25, below 10 → 10, above 100 → 100. */
export function pageSize(requested: number | undefined): number {
  if (!requested) return 25;
  return Math.min(100, Math.max(10, Math.trunc(requested)));
}

const TOKEN_PREFIX = 'k1.';

/** Page tokens are opaque keyset cursors: the last key (usually an ID) of the previous page (CONTRACT.md §7.8). */
export function encodePageToken(lastId: string): string {
  return TOKEN_PREFIX + Buffer.from(lastId, 'utf8').toString('base64url');
}

export function decodePageToken(token: string | undefined): string | undefined {
  if (!token) return undefined;
  if (token.startsWith(TOKEN_PREFIX)) {
    const key = Buffer.from(token.slice(TOKEN_PREFIX.length), 'base64url').toString('utf8');
    if (key.length > 0 && key.length <= 1024) return key;
  }
  throw new AppError('INVALID_ARGUMENT', 'page token is not one Roster issued', 'INVALID_PAGE_TOKEN');
}

export interface Page<T> {
  items: T[];
  nextPageToken: string;
}

/**
 * Builds a page from `size + 1` rows fetched in ID order: the extra row only tells whether
 * another page follows.
 */
export function toPage<T extends { id: string }>(rows: T[], size: number): Page<T> {
  if (rows.length <= size) return { items: rows, nextPageToken: '' };
  const items = rows.slice(0, size);
  return { items, nextPageToken: encodePageToken((items[items.length - 1] as T).id) };
}

const CURSOR_PREFIX = 'k2.';

/**
 * A keyset cursor over several columns, for pages ordered by something other than the ID alone
 * (the grant feed orders by event time, then ID). Still opaque and never an offset (§7.8).
 */
export function encodeCursor(values: readonly string[]): string {
  return CURSOR_PREFIX + Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(token: string | null | undefined, arity: number): string[] | undefined {
  if (!token) return undefined;
  if (token.startsWith(CURSOR_PREFIX)) {
    try {
      const values: unknown = JSON.parse(
        Buffer.from(token.slice(CURSOR_PREFIX.length), 'base64url').toString('utf8'),
      );
      if (
        Array.isArray(values) &&
        values.length === arity &&
        values.every((v) => typeof v === 'string' && v.length <= 64)
      ) {
        return values as string[];
      }
    } catch {
      // Falls through to the refusal below.
    }
  }
  throw new AppError('INVALID_ARGUMENT', 'page token is not one Roster issued', 'INVALID_PAGE_TOKEN');
}
