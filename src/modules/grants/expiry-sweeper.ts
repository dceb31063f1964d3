import type { FastifyBaseLogger } from 'fastify';
import type { DialectFeatures } from '../../db/dialects/dialect.js';
import type { Db } from '../../db/schema.js';
import type { Clock } from '../../lib/clock.js';
import type { SystemLog } from '../audit/index.js';
import { expireGrants, hasExpiredUnswept } from './grant-expiry.js';

export interface ExpirySweeperDeps {
  readonly db: Db;
  readonly dialect: DialectFeatures;
  readonly clock: Clock;
  readonly systemLog: SystemLog;
  readonly logger: Pick<FastifyBaseLogger, 'info' | 'warn'>;
  /** Grants revoked per transaction: short transactions leave SQLite's single writer to requests. */
  readonly batchSize?: number;
  /** How often the background loop sweeps. Reads never wait for it: expired grants are not held. */
  readonly intervalMs?: number;
}

export type ExpirySweeper = ReturnType<typeof createExpirySweeper>;

/**
 * Revokes grants whose deprovision time has passed. Reads already treat them as not held from that
 * instant; the sweep makes it durable history (REMOVED events, system log). Several processes may
 * sweep at once: each revocation re-checks that the grant is still live, so none is recorded twice.
 */
export function createExpirySweeper(deps: ExpirySweeperDeps) {
  const batchSize = deps.batchSize ?? 1_000;
  const intervalMs = deps.intervalMs ?? 30_000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;

  /** Sweeps in batches until nothing expired is left; returns how many grants it revoked. */
  async function runOnce(): Promise<number> {
    let total = 0;
    if (!(await hasExpiredUnswept(deps.db, deps.clock.now()))) return total;
    for (;;) {
      const revoked = await deps.db
        .transaction()
        .execute(
          async (trx) => (await expireGrants(trx, deps, deps.clock.now(), { limit: batchSize })).length,
        );
      total += revoked;
      if (revoked < batchSize) return total;
    }
  }

  function tick() {
    // A slow sweep is not started twice in one process.
    running ??= runOnce()
      .then((n) => {
        if (n > 0) deps.logger.info({ revoked: n }, 'expired grants revoked');
        return n;
      })
      .catch((error) => {
        deps.logger.warn({ err: error }, 'expiry sweep failed; retrying at the next interval');
        return 0;
      })
      .finally(() => {
        running = undefined;
      });
  }

  return {
    runOnce,
    start() {
      if (timer) return;
      tick();
      timer = setInterval(tick, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}
