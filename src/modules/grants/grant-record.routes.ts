import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Expand } from '../../http/expansion.js';
import { Expansion } from '../../http/expansion.js';
import { ExpandedListOf, IdParam } from '../../http/wire.js';
import { appUserView } from '../app-users/index.js';
import { entitlementView } from '../catalog/index.js';
import {
  Binding,
  EntitlementWithUserBinding,
  GrantChangesBody,
  GrantChangesResponse,
  GrantFeedBody,
  GrantFeedResponse,
  GrantHistoryView,
  grantRecordPaths,
  SearchGrantsBody,
  SearchPastGrantsBody,
} from './grant-record.schemas.js';
import type { GrantRecordService } from './grant-record.service.js';

/** Grant search, past grants, the grant feed and an identity's bindings (CONTRACT.md §5, Grants). */
export const grantRecordRoutes: FastifyPluginAsyncTypebox<{
  record: GrantRecordService;
  expansion: Expand;
}> = async (app, { record, expansion }) => {
  app.post(
    '/api/v1/search/grants',
    {
      config: { permission: 'grants:read' },
      schema: { body: SearchGrantsBody, response: { 200: ExpandedListOf(EntitlementWithUserBinding) } },
    },
    async (request) => {
      const page = await record.search(request.body);
      const expand = new Expansion(request.body.expandMask);
      const list = page.items.flatMap((row) => {
        const entitlement = page.entitlements.get(row.app_entitlement_id);
        const appUser = page.appUsers.get(row.app_user_id);
        if (!entitlement || !appUser) return [];
        return [
          {
            entitlement: entitlementView(entitlement, expand),
            appEntitlementUserBinding: {
              appUser: appUserView(appUser, expand),
              appEntitlementUserBindingCreatedAt: row.created_at,
              appEntitlementUserBindingDeprovisionAt: row.deprovision_at,
              grantSources: [],
            },
          },
        ];
      });
      return { list, nextPageToken: page.nextPageToken, expanded: await expansion.resolve(expand) };
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
      const expand = new Expansion(request.body.expandMask);
      const list = page.items.map((row) => ({
        history: {
          appId: row.app_id,
          appEntitlementId: row.app_entitlement_id,
          appUserId: row.app_user_id,
          grantedAt: row.created_at,
          revokedAt: row.deleted_at,
        },
        ...grantRecordPaths(row, expand),
      }));
      return { list, nextPageToken: page.nextPageToken, expanded: await expansion.resolve(expand) };
    },
  );

  app.post(
    '/api/v1/grants/feed',
    {
      config: { permission: 'grants:read' },
      schema: { body: GrantFeedBody, response: { 200: GrantFeedResponse } },
    },
    async (request) => {
      const page = await record.feed(request.body);
      const expand = new Expansion(request.body.expandMask);
      const list = page.items.map((event) => ({
        feed: {
          appId: event.app_id,
          appEntitlementId: event.app_entitlement_id,
          appUserId: event.app_user_id,
          date: event.occurred_at,
          eventType: event.event_type,
          // The task (access request or revocation) the change carried out, if one did.
          ticketId: event.ticket_id ?? '',
        },
        ...grantRecordPaths(event, expand),
        ticketPath: '',
      }));
      return {
        list,
        nextPageToken: page.nextPageToken,
        expanded: await expansion.resolve(expand),
        nextCursor: page.nextCursor,
      };
    },
  );

  // A Roster extension (CONTRACT.md §7.11): what changed between two moments, newest first, with
  // totals by kind; the official feed keeps its order and shape.
  app.post(
    '/roster/v1/grants/changes',
    {
      config: { permission: 'grants:read' },
      schema: {
        description:
          'Grant changes (granted, revoked, expired) with after <= date < before, newest first, filtered like the grant feed and by kind, with totals by kind.',
        body: GrantChangesBody,
        response: { 200: GrantChangesResponse },
      },
    },
    async (request) => {
      const page = await record.changes(request.body);
      const expand = new Expansion(request.body.expandMask);
      const list = page.items.map((event) => ({
        change: {
          kind: event.kind,
          date: event.occurred_at,
          appId: event.app_id,
          appEntitlementId: event.app_entitlement_id,
          appUserId: event.app_user_id,
        },
        ...grantRecordPaths(event, expand),
      }));
      return {
        list,
        nextPageToken: page.nextPageToken,
        expanded: await expansion.resolve(expand),
        totals: {
          granted: page.totals.GRANT_CHANGE_KIND_GRANTED,
          revoked: page.totals.GRANT_CHANGE_KIND_REVOKED,
          expired: page.totals.GRANT_CHANGE_KIND_EXPIRED,
        },
      };
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
