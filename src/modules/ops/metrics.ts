import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { OpsService } from './ops.service.js';

/**
 * Prometheus metrics for one app instance (a registry each, so tests can build many apps).
 * Labels are bounded: the route pattern, never the raw URL; requests that match no route share the
 * label `unmatched`, so a scanner cannot grow the series without limit.
 */
export function createMetrics(ops: OpsService) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const labelNames = ['method', 'route', 'status_code'] as const;
  const requests = new Counter({
    name: 'roster_http_requests_total',
    help: 'HTTP requests answered, by route pattern and status',
    labelNames,
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'roster_http_request_duration_seconds',
    help: 'Time from receiving a request to sending its response, by route pattern and status',
    labelNames,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  const bulkBatches = new Histogram({
    name: 'roster_bulk_batch_seconds',
    help: 'Bulk-action batch transactions, BEGIN to COMMIT (on SQLite, how long each held the write lock), in this process',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.75, 1, 1.5, 2.5, 5],
    registers: [registry],
  });

  // Bulk-action figures come from the rows at scrape time (see ops.repository.ts); one query serves
  // the gauges and counter of a scrape.
  let pending: Promise<Awaited<ReturnType<OpsService['bulkActionTotals']>> | undefined> | undefined;
  const totals = () => {
    pending ??= ops
      .bulkActionTotals()
      .catch(() => undefined)
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
  new Gauge({
    name: 'roster_bulk_actions_open',
    help: 'Bulk actions pending or running',
    registers: [registry],
    async collect() {
      const counts = await totals();
      if (counts) this.set(counts.openActions);
    },
  });
  new Gauge({
    name: 'roster_bulk_action_users_remaining',
    help: 'Users of open bulk actions not yet processed',
    registers: [registry],
    async collect() {
      const counts = await totals();
      if (counts) this.set(counts.remainingUsers);
    },
  });
  new Counter({
    name: 'roster_bulk_action_users_processed_total',
    help: 'Users processed by bulk actions since the database was created, by outcome',
    labelNames: ['outcome'],
    registers: [registry],
    async collect() {
      const counts = await totals();
      if (!counts) return;
      // The rows hold the running totals; the counter mirrors them rather than counting itself.
      this.reset();
      this.inc({ outcome: 'succeeded' }, counts.succeededUsers);
      this.inc({ outcome: 'failed' }, counts.failedUsers);
    },
  });
  new Counter({
    name: 'roster_mail_messages_total',
    help: 'Mail messages the SMTP server accepted (sent) or Roster gave up on (failed), since the database was created',
    labelNames: ['outcome'],
    registers: [registry],
    async collect() {
      const counts = await ops.mailTotals().catch(() => undefined);
      if (!counts) return;
      // Mirrored from the outbox's rows, as the bulk-action counter is, so every process agrees.
      this.reset();
      this.inc({ outcome: 'sent' }, counts.sent);
      this.inc({ outcome: 'failed' }, counts.failed);
    },
  });
  new Gauge({
    name: 'roster_db_pool_connections',
    help: 'Database connections by state (PostgreSQL pool); SQLite reports one connection, total only',
    labelNames: ['dialect', 'state'],
    registers: [registry],
    collect() {
      const stats = ops.poolStats();
      this.reset();
      for (const [state, value] of Object.entries(stats)) {
        if (value !== undefined) this.set({ dialect: ops.dialect, state }, value);
      }
    },
  });

  /** Counts every response, including errors and unmatched routes, once it is sent. */
  const plugin = fp(
    async (app: FastifyInstance) => {
      app.addHook('onResponse', (request, reply, done) => {
        const labels = {
          method: request.method,
          route: request.routeOptions.url ?? 'unmatched',
          status_code: String(reply.statusCode),
        };
        requests.inc(labels);
        durations.observe(labels, reply.elapsedTime / 1000);
        done();
      });
    },
    { name: 'roster-metrics' },
  );

  return {
    registry,
    plugin,
    /** Records one committed bulk-action batch (the runner thread's reach this thread by message). */
    bulkBatchCommitted(batch: { transactionMs: number }): void {
      bulkBatches.observe(batch.transactionMs / 1000);
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
