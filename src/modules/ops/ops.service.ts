import { type DatabaseHandle, isMigrated } from '../../db/connect.js';
import { AppError } from '../../lib/errors.js';
import { bulkActionTotals, mailTotals, pingDatabase } from './ops.repository.js';

/** A readiness probe must answer even when the database hangs; this bounds the wait. */
const READY_CHECK_MS = 3_000;

export type OpsService = ReturnType<typeof createOpsService>;

export function createOpsService(deps: { database: DatabaseHandle }) {
  const { db } = deps.database;

  async function check(): Promise<void> {
    try {
      await pingDatabase(db);
    } catch (error) {
      throw new AppError(
        'UNAVAILABLE',
        `database unreachable: ${error instanceof Error ? error.message : String(error)}`,
        'DATABASE_UNAVAILABLE',
      );
    }
    if (!(await isMigrated(deps.database))) {
      throw new AppError(
        'UNAVAILABLE',
        'database migrations are pending; start Roster once to apply them',
        'MIGRATIONS_PENDING',
      );
    }
  }

  return {
    /** Resolves when the database answers and every migration is applied; else UNAVAILABLE. */
    async ready(): Promise<void> {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new AppError(
                'UNAVAILABLE',
                `database did not answer within ${READY_CHECK_MS} ms`,
                'DATABASE_UNAVAILABLE',
              ),
            ),
          READY_CHECK_MS,
        );
        timer.unref();
      });
      try {
        await Promise.race([check(), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    bulkActionTotals: () => bulkActionTotals(db),
    mailTotals: () => mailTotals(db),
    poolStats: () => deps.database.poolStats(),
    dialect: deps.database.dialect.name,
  };
}
