import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../config.js';
import { idempotencyOf } from '../../http/idempotency-key.js';
import { actorOf } from '../../http/principal.js';
import { EntitlementParams, type GrantDurationsService } from '../grants/index.js';
import { AddManualUsersBody, AddManualUsersResponse } from './add-manual-users.schemas.js';
import type { BulkActionsService } from './bulk-actions.service.js';

const ENTITLEMENT = '/api/v1/apps/:app_id/entitlements/:app_entitlement_id';

export const addManualUsersRoutes: FastifyPluginAsyncTypebox<{
  bulkActions: BulkActionsService;
  grantDurations: GrantDurationsService;
  config: Config;
}> = async (app, { bulkActions, grantDurations, config }) => {
  app.post(
    `${ENTITLEMENT}/add-manual-user`,
    {
      // The published request limit (CONTRACT.md §7.16), enforced while the body streams in.
      bodyLimit: config.maxAddRequestBytes,
      config: {
        permission: 'grants:write',
        owned: { app: 'app_id', entitlement: 'app_entitlement_id' },
        idempotencyKey: true,
      },
      schema: {
        params: EntitlementParams,
        // `dryRun` is a Roster extension: classify every ID and write nothing.
        querystring: Type.Object({
          dryRun: Type.Optional(
            Type.Boolean({
              description:
                'Roster extension: classify every user ID (would add, already a member, refused) and write nothing.',
            }),
          ),
        }),
        body: AddManualUsersBody,
        response: { 200: AddManualUsersResponse },
      },
    },
    async (request) =>
      bulkActions.addManualUsers(
        actorOf(request),
        request.params.app_id,
        request.params.app_entitlement_id,
        request.body.userIds,
        {
          dryRun: request.query.dryRun === true,
          idempotency: idempotencyOf(request),
          deprovisionAt: grantDurations.requestedExpiry(request.body),
        },
      ),
  );
};
