import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { idempotencyOf } from '../../http/idempotency-key.js';
import { actorOf } from '../../http/principal.js';
import { ExpandedListOf, ListOf, PageQuery } from '../../http/wire.js';
import { AppError } from '../../lib/errors.js';
import {
  EntitlementParams,
  EntitlementUserView,
  GrantWithExpired,
  MemberPageQuery,
  MemberWithTicket,
  RemoveMembershipBody,
  RemoveMembershipResponse,
  toEntitlementUserView,
  toGrantWithExpired,
} from './grants.schemas.js';
import type { GrantsService } from './grants.service.js';

const ENTITLEMENT = '/api/v1/apps/:app_id/entitlements/:app_entitlement_id';

export const grantsRoutes: FastifyPluginAsyncTypebox<{
  grants: GrantsService;
}> = async (app, { grants }) => {
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
      const page = await grants.listMemberViews(request.params.app_id, request.params.app_entitlement_id, {
        pageSize: request.query.page_size,
        pageToken: request.query.page_token,
      });
      const list = page.items.map((m) => toEntitlementUserView(m.grant, m.appUser));
      return { list, nextPageToken: page.nextPageToken, expanded: [] };
    },
  );

  // Roster's members page: the official view of each member and the task their grant came from.
  app.get(
    '/roster/v1/apps/:app_id/entitlements/:app_entitlement_id/users',
    {
      config: { permission: 'grants:read' },
      schema: {
        params: EntitlementParams,
        querystring: MemberPageQuery,
        response: { 200: ListOf(MemberWithTicket) },
      },
    },
    async (request) => {
      const appUserIds = request.query.app_user_ids
        ?.split(',')
        .map((id) => id.trim())
        .filter((id) => id !== '');
      if (appUserIds && appUserIds.length > MAX_APP_USER_IDS) {
        throw new AppError(
          'INVALID_ARGUMENT',
          `app_user_ids names ${appUserIds.length} app users; at most ${MAX_APP_USER_IDS} are accepted`,
          'INVALID_ARGUMENT',
          { field: 'app_user_ids' },
        );
      }
      const page = await grants.listMembersWithTickets(
        request.params.app_id,
        request.params.app_entitlement_id,
        { pageSize: request.query.page_size, pageToken: request.query.page_token },
        appUserIds,
      );
      return {
        list: page.items.map((m) => ({
          ...toEntitlementUserView(m.grant, m.appUser),
          originatingTicketId: m.originatingTicketId,
          originatingTicketNumericId: m.originatingTicketNumericId,
        })),
        nextPageToken: page.nextPageToken,
      };
    },
  );
};

const MAX_APP_USER_IDS = 100;
