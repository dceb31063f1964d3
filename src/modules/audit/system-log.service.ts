import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Executor } from '../../db/schema.js';
import { type SystemLogEntry, systemLogRow } from './system-log.js';
import { insertSystemLogEvents } from './system-log.repository.js';

export interface SystemLog {
  /** Writes the events with the caller's executor, so they commit with the change they describe. */
  record(db: Executor, entries: readonly SystemLogEntry[]): Promise<void>;
}

export function createSystemLog(deps: { dialect: DialectFeatures }): SystemLog {
  return {
    async record(db, entries) {
      if (entries.length === 0) return;
      await insertSystemLogEvents(db, entries.map(systemLogRow), deps.dialect);
    },
  };
}
