import type { ChangePosition } from '../../db/dialects/dialect.js';
import type { Direction } from '../../http/position-page-token.js';
import { AppError } from '../../lib/errors.js';
import { decodeChangeCursor, encodeChangeCursor } from '../changes/index.js';

/**
 * ListEvents page tokens: the direction of the walk, the position of the last event returned, and
 * the change-stream horizon the walk started at, which bounds every page of it (so a descending
 * walk never skips events that became readable after its first page). Opaque; never an offset.
 */
export interface EventPageToken {
  readonly last: ChangePosition;
  readonly upTo: ChangePosition;
}

const PREFIX = 'p2.';

export function encodeEventPageToken(token: EventPageToken, direction: Direction): string {
  const text = `${direction}|${encodeChangeCursor(token.last)}|${encodeChangeCursor(token.upTo)}`;
  return PREFIX + Buffer.from(text, 'utf8').toString('base64url');
}

export function decodeEventPageToken(token: string, direction: Direction): EventPageToken {
  const invalid = () =>
    new AppError('INVALID_ARGUMENT', 'page token is not one Roster issued', 'INVALID_PAGE_TOKEN');
  if (!token.startsWith(PREFIX)) throw invalid();
  const parts = Buffer.from(token.slice(PREFIX.length), 'base64url').toString('utf8').split('|');
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
