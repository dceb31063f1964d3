import type { ChangePosition } from '../../db/dialects/dialect.js';
import { type Direction, decodeTokenText } from '../../http/pagination.js';
import { AppError } from '../../lib/errors.js';
import { decodeChangeCursor, encodeChangeCursor } from './change-cursor.js';

/**
 * Page tokens of walks in change-stream position order (the grant feed, system-log ListEvents): the
 * direction of the walk, the position of the last row returned, and the horizon the walk's first
 * page saw. A cursor read stops there; a listing reads past it but its nextCursor never does, so a
 * reader that switches from listing to cursor skips nothing. Opaque; never an offset.
 */
export interface PositionPageToken {
  readonly last: ChangePosition;
  readonly upTo: ChangePosition;
}

const PREFIX = 'p2.';

export function encodePositionPageToken(token: PositionPageToken, direction: Direction): string {
  const text = `${direction}|${encodeChangeCursor(token.last)}|${encodeChangeCursor(token.upTo)}`;
  return PREFIX + Buffer.from(text, 'utf8').toString('base64url');
}

export function decodePositionPageToken(token: string, direction: Direction): PositionPageToken {
  const invalid = () =>
    new AppError('INVALID_ARGUMENT', 'page token is not one Roster issued', 'INVALID_PAGE_TOKEN');
  if (!token.startsWith(PREFIX)) throw invalid();
  const parts = (decodeTokenText(token.slice(PREFIX.length)) ?? '').split('|');
  const [dir, last, upTo] = parts;
  let positions: [ChangePosition | undefined, ChangePosition | undefined];
  try {
    positions = [decodeChangeCursor(last), decodeChangeCursor(upTo)];
  } catch {
    throw invalid();
  }
  const [lastPosition, upToPosition] = positions;
  if (parts.length !== 3 || (dir !== 'asc' && dir !== 'desc') || !lastPosition || !upToPosition) {
    throw invalid();
  }
  if (dir !== direction) {
    throw new AppError(
      'INVALID_ARGUMENT',
      `page token was issued for the ${dir === 'asc' ? 'ascending' : 'descending'} order; keep the sortDirection of the first page`,
      'PAGE_TOKEN_DIRECTION_MISMATCH',
    );
  }
  return { last: lastPosition, upTo: upToPosition };
}
