import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../config.js';
import { MAX_REQUEST_BYTES } from '../../http/json-body.js';
import { STRING_LIMITS } from '../../http/strings.js';
import { IDEMPOTENCY_KEY_TTL_MS } from '../idempotency/index.js';
import { MAX_IMPORT_REQUEST_BYTES, MAX_IMPORT_USERS } from '../users/index.js';

const Limits = Type.Object({
  maxAddUserIds: Type.Integer(),
  maxAddRequestBytes: Type.Integer(),
  maxImportUsers: Type.Integer(),
  /** The user import's body limit, in bytes. */
  maxImportRequestBytes: Type.Integer(),
  /** The body limit of every other route, in bytes; a larger body answers 413 naming it. */
  maxRequestBytes: Type.Integer(),
  maxPageSize: Type.Integer(),
  defaultPageSize: Type.Integer(),
  idempotencyKeyTtlSeconds: Type.Integer(),
  bulkActionRetentionDays: Type.Integer(),
  /** The longest string each kind of request field takes, in characters. */
  maxStringLengths: Type.Record(Type.String(), Type.Integer()),
});

/** `GET /roster/v1/limits`: the limits Roster enforces, published (CONTRACT.md §7.16). */
export const limitsRoutes: FastifyPluginAsyncTypebox<{ config: Config }> = async (app, { config }) => {
  app.get(
    '/roster/v1/limits',
    {
      config: { permission: 'bulk_actions:read' },
      schema: { response: { 200: Type.Object({ limits: Limits }) } },
    },
    async () => ({
      limits: {
        maxAddUserIds: config.maxAddUserIds,
        maxAddRequestBytes: config.maxAddRequestBytes,
        maxImportUsers: MAX_IMPORT_USERS,
        maxImportRequestBytes: MAX_IMPORT_REQUEST_BYTES,
        maxRequestBytes: MAX_REQUEST_BYTES,
        maxPageSize: 100,
        defaultPageSize: 25,
        idempotencyKeyTtlSeconds: IDEMPOTENCY_KEY_TTL_MS / 1000,
        bulkActionRetentionDays: config.bulkActionRetentionDays,
        maxStringLengths: STRING_LIMITS,
      },
    }),
  );
};
