import type { ChangePosition } from '../../db/dialects/dialect.js';
import { decodeTokenText } from '../../http/pagination.js';
import { AppError } from '../../lib/errors.js';

/**
 * A change cursor names a position of the change stream, (transaction ID, sequence number): a
 * reader resumes strictly after it. Opaque to clients; `''` is the start of the stream.
 */
export type ChangeCursor = string;

const PREFIX = 'c1.';
const POSITION = /^(\d{1,20})\.(\d{1,20})$/;

export function encodeChangeCursor(position: ChangePosition): ChangeCursor {
  return PREFIX + Buffer.from(`${position.txId}.${position.seq}`, 'utf8').toString('base64url');
}

/** The position a cursor names, or undefined for the start of the stream; 400 for anything else. */
export function decodeChangeCursor(cursor: ChangeCursor | null | undefined): ChangePosition | undefined {
  if (!cursor) return undefined;
  const match = cursor.startsWith(PREFIX)
    ? POSITION.exec(decodeTokenText(cursor.slice(PREFIX.length)) ?? '')
    : null;
  const [, txId, seq] = match ?? [];
  if (txId === undefined || seq === undefined) {
    throw new AppError(
      'INVALID_ARGUMENT',
      'cursor is not one Roster issued: pass back a nextCursor (or "" to start at the beginning)',
      'INVALID_CHANGE_CURSOR',
    );
  }
  // Canonical decimals, so positions compare by (length, text).
  return { txId: BigInt(txId).toString(), seq: BigInt(seq).toString() };
}

/** Decimal strings without leading zeros compare as numbers by length first, then as text. */
function compareDecimal(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

export function comparePositions(a: ChangePosition, b: ChangePosition): number {
  return compareDecimal(a.txId, b.txId) || compareDecimal(a.seq, b.seq);
}

/** The position of a stored row: PostgreSQL returns it as strings, SQLite as numbers. */
export function positionOf(row: { tx_id: string | number; seq: string | number }): ChangePosition {
  return { txId: String(row.tx_id), seq: String(row.seq) };
}
