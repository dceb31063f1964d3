import { AppError } from '../lib/errors.js';
import { isAcceptedText } from './input-text.js';

/** The order a list is walked in. */
export type Direction = 'asc' | 'desc';

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

const notIssued = () =>
  new AppError('INVALID_ARGUMENT', 'page token is not one Roster issued', 'INVALID_PAGE_TOKEN');

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The text a token's base64url part carries, or undefined. A decoded token is client input like
 * any other, and reaches SQL: it must pass the text checks every request string passes (UTF-8,
 * no NUL, no lone surrogate; src/http/input-text.ts), or PostgreSQL fails the query on a NUL.
 */
export function decodeTokenText(encoded: string): string | undefined {
  let text: string;
  try {
    text = utf8.decode(Buffer.from(encoded, 'base64url'));
  } catch {
    return undefined;
  }
  return isAcceptedText(text) ? text : undefined;
}

export function decodePageToken(token: string | undefined): string | undefined {
  if (!token) return undefined;
  if (token.startsWith(TOKEN_PREFIX)) {
    const key = decodeTokenText(token.slice(TOKEN_PREFIX.length));
    if (key !== undefined && key.length > 0 && key.length <= 1024) return key;
  }
  throw notIssued();
}

export interface Page<T> {
  items: T[];
  nextPageToken: string;
}

/** The paging fields of a list request, as query strings or JSON bodies carry them. */
export interface PageRequest {
  readonly pageSize?: number | null | undefined;
  readonly pageToken?: string | null | undefined;
}

/**
 * One page of a keyset walk of `size` items: `fetch` is asked for one row more than that, and the
 * extra row only tells whether another page follows; the next token is made from the page's last row.
 */
export async function fetchPage<T>(
  size: number,
  fetch: (limit: number) => Promise<T[]>,
  tokenOf: (last: T) => string,
): Promise<Page<T>> {
  const rows = await fetch(size + 1);
  const last = rows[size - 1];
  if (rows.length <= size || last === undefined) return { items: rows, nextPageToken: '' };
  return { items: rows.slice(0, size), nextPageToken: tokenOf(last) };
}

/**
 * The page a request asks for, of rows in ID order: the token is decoded (and refused) before
 * anything is read, and `fetch` gets the ID to start after and how many rows to read.
 */
export function keysetPage<T extends { id: string }>(
  request: PageRequest,
  fetch: (afterId: string | undefined, limit: number) => Promise<T[]>,
): Promise<Page<T>> {
  const afterId = decodePageToken(request.pageToken ?? undefined);
  return fetchPage(
    pageSize(request.pageSize ?? undefined),
    (limit) => fetch(afterId, limit),
    (last) => encodePageToken(last.id),
  );
}

const CURSOR_PREFIX = 'k2.';

/**
 * A keyset cursor over several columns, for pages ordered by something other than the ID alone
 * (webhook deliveries page by their per-webhook sequence number). Still opaque and never an offset (§7.8).
 */
export function encodeCursor(values: readonly string[]): string {
  return CURSOR_PREFIX + Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(token: string | null | undefined, arity: number): string[] | undefined {
  if (!token) return undefined;
  const text = token.startsWith(CURSOR_PREFIX)
    ? decodeTokenText(token.slice(CURSOR_PREFIX.length))
    : undefined;
  if (text !== undefined) {
    try {
      const values: unknown = JSON.parse(text);
      // JSON escapes (`"\u0000"`, `"\ud800"`) spell what the text itself may not hold.
      if (
        Array.isArray(values) &&
        values.length === arity &&
        values.every((v) => typeof v === 'string' && v.length <= 64 && isAcceptedText(v))
      ) {
        return values as string[];
      }
    } catch {
      // Falls through to the refusal below.
    }
  }
  throw notIssued();
}
