import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Expand } from '../../http/expansion.js';
import { Expansion } from '../../http/expansion.js';
import { actorOf } from '../../http/principal.js';
import { Empty, Expanded, ExpandedListOf, IdParam, maskPaths, PageQuery } from '../../http/wire.js';
import {
  AppEntitlementView,
  entitlementView,
  NewEntitlement,
  toEntitlementView,
  UpdateEntitlementBody,
} from './entitlements.schemas.js';
import type { EntitlementsService } from './entitlements.service.js';

const AppParams = Type.Object({ app_id: IdParam });
const Params = Type.Object({ app_id: IdParam, id: IdParam });
const ViewResponse = Type.Object({ appEntitlementView: AppEntitlementView, expanded: Expanded });

/**
 * AE.List/Create/Get/Update/Delete. The membership routes below `{app_entitlement_id}/` live in the
 * grants module; literal segments (`users`, `resource_types`) beat `:id` in the router.
 */
export const entitlementsRoutes: FastifyPluginAsyncTypebox<{
  entitlements: EntitlementsService;
  expansion: Expand;
}> = async (app, { entitlements, expansion }) => {
  const base = '/api/v1/apps/:app_id/entitlements';

  app.get(
    base,
    {
      config: { permission: 'catalog:read' },
      schema: {
        params: AppParams,
        querystring: PageQuery,
        response: { 200: ExpandedListOf(AppEntitlementView) },
      },
    },
    async (request) => {
      const { page_size: pageSize, page_token: pageToken } = request.query;
      const page = await entitlements.list(request.params.app_id, { pageSize, pageToken });
      return { list: page.items.map(toEntitlementView), nextPageToken: page.nextPageToken, expanded: [] };
    },
  );

  app.post(
    base,
    {
      config: { permission: 'catalog:write', owned: { app: 'app_id' } },
      schema: { params: AppParams, body: NewEntitlement, response: { 200: ViewResponse } },
    },
    async (request) => {
      const row = await entitlements.create(actorOf(request), request.params.app_id, request.body);
      const expand = new Expansion(request.body.expandMask);
      return { appEntitlementView: entitlementView(row, expand), expanded: await expansion.resolve(expand) };
    },
  );

  app.get(
    `${base}/:id`,
    { config: { permission: 'catalog:read' }, schema: { params: Params, response: { 200: ViewResponse } } },
    async (request) => {
      const row = await entitlements.get(request.params.app_id, request.params.id);
      return { appEntitlementView: toEntitlementView(row), expanded: [] };
    },
  );

  app.post(
    `${base}/:id`,
    {
      config: { permission: 'catalog:write', owned: { app: 'app_id', entitlement: 'id' } },
      schema: { params: Params, body: UpdateEntitlementBody, response: { 200: ViewResponse } },
    },
    async (request) => {
      const { entitlement: patch, updateMask } = request.body;
      const { app_id: appId, id } = request.params;
      const row = await entitlements.update(actorOf(request), appId, id, patch, maskPaths(updateMask));
      const expand = new Expansion(request.body.expandMask);
      return { appEntitlementView: entitlementView(row, expand), expanded: await expansion.resolve(expand) };
    },
  );

  app.delete(
    `${base}/:id`,
    {
      config: { permission: 'catalog:write', owned: { app: 'app_id', entitlement: 'id' } },
      schema: { params: Params, response: { 200: Empty } },
    },
    async (request) => {
      await entitlements.delete(actorOf(request), request.params.app_id, request.params.id);
      return {};
    },
  );
};
