/**
 * The change stream (issue 12): grant history and system-log events in one commit-safe order that a
 * reader pages by with a cursor, with no gap and no repeat however many writers commit meanwhile.
 * Positions are stored with the rows (migration 0010); `DialectFeatures.changeHorizon` says how far
 * a reader may go on each database.
 */
export {
  type ChangeCursor,
  comparePositions,
  decodeChangeCursor,
  encodeChangeCursor,
  positionOf,
} from './change-cursor.js';
export {
  type Change,
  changeWindow,
  currentChangeCursor,
  type GrantEventRow,
  readChanges,
  type SystemLogEventRow,
} from './changes.js';
export { inWindow, type PositionWindow } from './changes.repository.js';
export {
  decodePositionPageToken,
  encodePositionPageToken,
  type PositionPageToken,
} from './position-page-token.js';
