import { AppError } from '../lib/errors.js';

/**
 * Page tokens for lists ordered by (timestamp, id) rather than by ID alone, such as the system log:
 * an opaque keyset cursor holding the last item's position and the direction it was walked in, so a
 * token cannot silently be replayed against the other order (CONTRACT.md §7.8: never offsets).
 */
export interface Position {
  readonly occurredAt: string;
  readonly id: string;
}

export type Direction = 'asc' | 'desc';

const PREFIX = 'p1.';
const ISO_UTC_MS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ID = /^[0-9A-Za-z]{1,64}$/;

export function encodePositionToken(position: Position, direction: Direction): string {
  const text = `${direction}|${position.occurredAt}|${position.id}`;
  return PREFIX + Buffer.from(text, 'utf8').toString('base64url');
}

export function decodePositionToken(token: string, direction: Direction): Position {
  const invalid = () =>
    new AppError('INVALID_ARGUMENT', 'page token is not one Roster issued', 'INVALID_PAGE_TOKEN');
  if (!token.startsWith(PREFIX)) throw invalid();
  const parts = Buffer.from(token.slice(PREFIX.length), 'base64url').toString('utf8').split('|');
  const [dir, occurredAt, id] = parts;
  if (parts.length !== 3 || !occurredAt || !id || !ISO_UTC_MS.test(occurredAt) || !ID.test(id)) {
    throw invalid();
  }
  if (dir !== direction) {
    throw new AppError(
      'INVALID_ARGUMENT',
      `page token was issued for the ${dir === 'asc' ? 'ascending' : 'descending'} order; keep the sortDirection of the first page`,
      'PAGE_TOKEN_DIRECTION_MISMATCH',
    );
  }
  return { occurredAt, id };
}

/**
 * An RFC 3339 timestamp (any offset, 0–9 fraction digits) as the stored form, UTC with milliseconds,
 * rounded up to the next millisecond: stored times are whole milliseconds, so `t >= since` and
 * `t < until` keep their meaning exactly after rounding.
 */
export function toStoredTime(value: string, field: string): string {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:\d{2})$/.exec(
    value.toUpperCase(),
  );
  const fraction = match?.[2] ?? '';
  const ms = match ? Date.parse(`${match[1]}.${fraction.padEnd(3, '0').slice(0, 3)}${match[3]}`) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new AppError(
      'INVALID_ARGUMENT',
      `${field} must be an RFC 3339 timestamp such as 2026-01-31T12:00:00Z`,
      'INVALID_TIMESTAMP',
      { field },
    );
  }
  return new Date(ms + (/[1-9]/.test(fraction.slice(3)) ? 1 : 0)).toISOString();
}
