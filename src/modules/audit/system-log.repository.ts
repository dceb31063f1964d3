import { chunkRows } from '../../db/batch.js';
import type { Executor, SystemLogEventsTable } from '../../db/schema.js';

export async function insertSystemLogEvents(
  db: Executor,
  rows: readonly SystemLogEventsTable[],
  maxParameters: number,
): Promise<void> {
  for (const chunk of chunkRows(rows, maxParameters)) {
    await db.insertInto('system_log_events').values(chunk).execute();
  }
}
