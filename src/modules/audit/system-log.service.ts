import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Executor } from '../../db/schema.js';
import { type SystemLogEntry, systemLogRow } from './system-log.js';
import { insertSystemLogEvents } from './system-log.repository.js';

export interface SystemLog {
  /** Writes the events with the caller's executor, so they commit with the change they describe. */
  record(db: Executor, entries: readonly SystemLogEntry[]): Promise<void>;
}

const RECORD_SLICE = 2_000;

export function createSystemLog(deps: { dialect: DialectFeatures }): SystemLog {
  return {
    async record(db, entries) {
      // Events are rendered slice by slice: an import of 100,000 users would otherwise hold all of
      // their JSON documents at once.
      for (let i = 0; i < entries.length; i += RECORD_SLICE) {
        await insertSystemLogEvents(db, entries.slice(i, i + RECORD_SLICE).map(systemLogRow), deps.dialect);
      }
    },
  };
}
