/** The system log: what a change records, inside its own transaction. */
export type { SystemLogEntry } from './system-log.js';
export type { SystemLog } from './system-log.service.js';
export { type UpdateEvent, writeUpdate } from './write-update.js';
