import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../lib/errors.js';
import type { Metrics } from './metrics.js';
import type { OpsService } from './ops.service.js';

const Status = Type.Object({ status: Type.String() });

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Probes and metrics (CONTRACT.md §7.15: outside /api/v1). Probes are public: orchestrators call them
 * without credentials. /metrics is public too unless ROSTER_METRICS_TOKEN is set: it shows counts
 * per route pattern, backlog sizes and pool sizes, never an ID, name or URL with values in it.
 * They log at warn so a probe every second does not drown the request log.
 */
export const opsRoutes: FastifyPluginAsyncTypebox<{
  ops: OpsService;
  metrics: Metrics;
  metricsToken: string | undefined;
}> = async (app, { ops, metrics, metricsToken }) => {
  app.get(
    '/healthz',
    {
      config: { public: true },
      logLevel: 'warn',
      schema: { description: 'The process is up.', response: { 200: Status } },
    },
    async () => ({ status: 'ok' }),
  );

  app.get(
    '/readyz',
    {
      config: { public: true },
      logLevel: 'warn',
      schema: {
        description:
          'The database answers and every migration is applied; 503 in the error format otherwise.',
        response: { 200: Type.Object({ status: Type.String(), database: Type.String() }) },
      },
    },
    async () => {
      await ops.ready();
      return { status: 'ready', database: ops.dialect };
    },
  );

  app.get(
    '/metrics',
    {
      config: { public: true },
      logLevel: 'warn',
      schema: {
        description:
          'Prometheus text format. Needs `Authorization: Bearer <ROSTER_METRICS_TOKEN>` when that is set.',
        response: {
          200: {
            description: 'Prometheus exposition',
            content: { 'text/plain': { schema: Type.Unsafe<unknown>({ type: 'string' }) } },
          },
        },
      },
    },
    async (request, reply) => {
      const sent = request.headers.authorization ?? '';
      if (metricsToken !== undefined && !timingSafeEqual(digest(sent), digest(`Bearer ${metricsToken}`))) {
        throw new AppError(
          'UNAUTHENTICATED',
          'send Authorization: Bearer <ROSTER_METRICS_TOKEN> to read metrics',
          'METRICS_TOKEN_REQUIRED',
        );
      }
      return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    },
  );
};
