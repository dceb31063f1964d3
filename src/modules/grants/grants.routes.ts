import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../config.js';
import { idempotencyOf } from '../../http/idempotency-key.js';
import { ExpandedListOf, ListOf, PageQuery } from '../../http/wire.js';
import { actorOf } from '../auth/authenticate.js';
import type { BulkActionsService } from '../bulk-actions/bulk-actions.service.js';
import type { GrantDurationsService } from './grant-durations.service.js';
import {
  AddManualUsersBody,
  AddManualUsersResponse,
  EntitlementParams,
  EntitlementUserView,
  GrantWithExpired,
  RemoveMembershipBody,
  RemoveMembershipResponse,
  toEntitlementUserView,
  toGrantWithExpired,
} from './grants.schemas.js';
import type { GrantsService } from './grants.service.js';

const ENTITLEMENT = '/api/v1/apps/:app_id/entitlements/:app_entitlement_id';

export const grantsRoutes: FastifyPluginAsyncTypebox<{
  grants: GrantsService;
  bulkActions: BulkActionsService;
  grantDurations: GrantDurationsService;
  config: Config;
}> = async (app, { grants, bulkActions, grantDurations, config }) => {
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

  app.delete(
    `${ENTITLEMENT}/remove-membership`,
    {
      config: {
        permission: 'grants:write',
        owned: { app: 'app_id', entitlement: 'app_entitlement_id' },
        idempotencyKey: true,
      },
      schema: {
        params: EntitlementParams,
        body: RemoveMembershipBody,
        response: { 200: RemoveMembershipResponse },
      },
    },
    async (request) => {
      const { app_id, app_entitlement_id } = request.params;
      return grants.removeMembership(
        actorOf(request),
        app_id,
        app_entitlement_id,
        request.body.appUserId,
        idempotencyOf(request),
      );
    },
  );

  app.get(
    `${ENTITLEMENT}/grants`,
    {
      config: { permission: 'grants:read' },
      schema: {
        params: EntitlementParams,
        querystring: PageQuery,
        response: { 200: ListOf(GrantWithExpired) },
      },
    },
    async (request) => {
      const page = await grants.listMembers(request.params.app_id, request.params.app_entitlement_id, {
        pageSize: request.query.page_size,
        pageToken: request.query.page_token,
      });
      return {
        list: page.grants.map((g) => {
          const appUser = page.appUsers.get(g.app_user_id);
          return toGrantWithExpired(
            g,
            appUser,
            appUser ? page.users.get(appUser.identity_user_id) : undefined,
          );
        }),
        nextPageToken: page.nextPageToken,
      };
    },
  );

  app.get(
    `${ENTITLEMENT}/users`,
    {
      config: { permission: 'grants:read' },
      schema: {
        params: EntitlementParams,
        querystring: PageQuery,
        response: { 200: ExpandedListOf(EntitlementUserView) },
      },
    },
    async (request) => {
      const page = await grants.listMembers(request.params.app_id, request.params.app_entitlement_id, {
        pageSize: request.query.page_size,
        pageToken: request.query.page_token,
      });
      const list = page.grants.flatMap((g) => {
        const appUser = page.appUsers.get(g.app_user_id);
        return appUser ? [toEntitlementUserView(g, appUser)] : [];
      });
      return { list, nextPageToken: page.nextPageToken, expanded: [] };
    },
  );
};
