import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Expansion } from '../../http/expansion.js';
import { ExpandedListOf, IdParam } from '../../http/wire.js';
import type { ExpansionService } from '../expansion/index.js';
import { appUserView, entitlementView, grantRecordPaths } from '../expansion/index.js';
import {
  Binding,
  EntitlementWithUserBinding,
  GrantFeedBody,
  GrantFeedView,
  GrantHistoryView,
  SearchGrantsBody,
  SearchPastGrantsBody,
} from './grant-record.schemas.js';
import type { GrantRecordService } from './grant-record.service.js';

/** Grant search, past grants, the grant feed and an identity's bindings (CONTRACT.md §5, Grants). */
export const grantRecordRoutes: FastifyPluginAsyncTypebox<{
  record: GrantRecordService;
  expansion: ExpansionService;
}> = async (app, { record, expansion }) => {
  app.post(
    '/api/v1/search/grants',
    {
      config: { permission: 'grants:read' },
      schema: { body: SearchGrantsBody, response: { 200: ExpandedListOf(EntitlementWithUserBinding) } },
    },
    async (request) => {
      const page = await record.search(request.body);
      const x = new Expansion(request.body.expandMask);
      const list = page.items.flatMap((g) => {
        const entitlement = page.entitlements.get(g.app_entitlement_id);
        const appUser = page.appUsers.get(g.app_user_id);
        if (!entitlement || !appUser) return [];
        return [
          {
            entitlement: entitlementView(entitlement, x),
            appEntitlementUserBinding: {
              appUser: appUserView(appUser, x),
              appEntitlementUserBindingCreatedAt: g.created_at,
              appEntitlementUserBindingDeprovisionAt: g.deprovision_at,
              grantSources: [],
            },
          },
        ];
      });
      return { list, nextPageToken: page.nextPageToken, expanded: await expansion.resolve(x) };
    },
  );

  app.post(
    '/api/v1/search/past-grants',
    {
      config: { permission: 'grants:read' },
      schema: { body: SearchPastGrantsBody, response: { 200: ExpandedListOf(GrantHistoryView) } },
    },
    async (request) => {
      const page = await record.pastGrants(request.body);
      const x = new Expansion(request.body.expandMask);
      const list = page.items.map((g) => ({
        history: {
          appId: g.app_id,
          appEntitlementId: g.app_entitlement_id,
          appUserId: g.app_user_id,
          grantedAt: g.created_at,
          revokedAt: g.deleted_at,
        },
        ...grantRecordPaths(g, x),
      }));
      return { list, nextPageToken: page.nextPageToken, expanded: await expansion.resolve(x) };
    },
  );

  app.post(
    '/api/v1/grants/feed',
    {
      config: { permission: 'grants:read' },
      schema: { body: GrantFeedBody, response: { 200: ExpandedListOf(GrantFeedView) } },
    },
    async (request) => {
      const page = await record.feed(request.body);
      const x = new Expansion(request.body.expandMask);
      const list = page.items.map((e) => ({
        feed: {
          appId: e.app_id,
          appEntitlementId: e.app_entitlement_id,
          appUserId: e.app_user_id,
          date: e.occurred_at,
          eventType: e.event_type,
          // Roster has no tickets: grants are changed through the API, not through requests.
          ticketId: '',
        },
        ...grantRecordPaths(e, x),
        ticketPath: '',
      }));
      return { list, nextPageToken: page.nextPageToken, expanded: await expansion.resolve(x) };
    },
  );

  // Unpaged (CONTRACT.md §1, Pagination).
  app.get(
    '/api/v1/apps/:app_id/entitlements/:app_entitlement_id/users/:identity_user_id/grants',
    {
      config: { permission: 'grants:read' },
      schema: {
        params: Type.Object({ app_id: IdParam, app_entitlement_id: IdParam, identity_user_id: IdParam }),
        response: { 200: Type.Object({ bindings: Type.Array(Binding) }) },
      },
    },
    async (request) => {
      const { app_id: appId, app_entitlement_id: entitlementId, identity_user_id: userId } = request.params;
      const rows = await record.bindingsForIdentity(appId, entitlementId, userId);
      return {
        bindings: rows.map(({ account, grant }) => ({
          appId,
          appEntitlementId: grant ? grant.app_entitlement_id : '',
          appUserId: account.id,
          createdAt: grant ? grant.created_at : null,
          deletedAt: grant ? grant.deleted_at : null,
          deprovisionAt: grant ? grant.deprovision_at : null,
          grantSources: [],
        })),
      };
    },
  );
};
