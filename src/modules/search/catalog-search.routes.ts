import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Expand } from '../../http/expansion.js';
import { Expansion } from '../../http/expansion.js';
import { Expanded, ExpandedListOf, IdParam, ListOf, Nullable, PageQuery } from '../../http/wire.js';
import {
  AppEntitlementView,
  AppResourceType,
  AppResourceView,
  entitlementView,
  resourceView,
  toResourceType,
} from '../catalog/index.js';
import {
  Facets,
  SearchEntitlementsBody,
  SearchResourcesBody,
  SearchResourceTypesBody,
} from './catalog-search.schemas.js';
import type { CatalogSearchService } from './catalog-search.service.js';

const ENTITLEMENTS = '/api/v1/apps/:app_id/entitlements';

/**
 * The catalog searches and the two entitlement lists by account and by resource (CONTRACT.md §5).
 * The literal `users` and `resource_types` segments beat the `:id` of AE.Get in Fastify's router.
 */
export const catalogSearchRoutes: FastifyPluginAsyncTypebox<{
  search: CatalogSearchService;
  expansion: Expand;
}> = async (app, { search, expansion }) => {
  app.post(
    '/api/v1/search/app_resource_types',
    {
      config: { permission: 'catalog:read' },
      schema: { body: SearchResourceTypesBody, response: { 200: ListOf(AppResourceType) } },
    },
    async (request) => {
      const page = await search.searchResourceTypes(request.body);
      return { list: page.items.map(toResourceType), nextPageToken: page.nextPageToken };
    },
  );

  app.post(
    '/api/v1/search/app_resources',
    {
      config: { permission: 'catalog:read' },
      schema: { body: SearchResourcesBody, response: { 200: ExpandedListOf(AppResourceView) } },
    },
    async (request) => {
      const page = await search.searchResources(request.body);
      const expand = new Expansion(request.body.expandMask);
      const list = page.items.map((row) => resourceView(row, expand));
      return { list, nextPageToken: page.nextPageToken, expanded: await expansion.resolve(expand) };
    },
  );

  app.post(
    '/api/v1/search/entitlements',
    {
      config: { permission: 'catalog:read' },
      schema: {
        body: SearchEntitlementsBody,
        response: {
          200: Type.Object({
            list: Type.Array(AppEntitlementView),
            nextPageToken: Type.String(),
            expanded: Expanded,
            facets: Nullable(Facets),
          }),
        },
      },
    },
    async (request) => {
      const page = await search.searchEntitlements(request.body);
      const expand = new Expansion(request.body.expandMask);
      const list = page.items.map((row) => entitlementView(row, expand));
      return {
        list,
        nextPageToken: page.nextPageToken,
        expanded: await expansion.resolve(expand),
        facets: page.facets,
      };
    },
  );

  // GET lists carry no expandMask (CONTRACT.md §5, Q), so their `expanded` is always empty.
  app.get(
    `${ENTITLEMENTS}/users/:app_user_id`,
    {
      config: { permission: 'catalog:read' },
      schema: {
        params: Type.Object({ app_id: IdParam, app_user_id: IdParam }),
        querystring: PageQuery,
        response: { 200: ExpandedListOf(AppEntitlementView) },
      },
    },
    async (request) => {
      const { page_size: pageSize, page_token: pageToken } = request.query;
      const page = await search.listForAppUser(request.params.app_id, request.params.app_user_id, {
        pageSize,
        pageToken,
      });
      const expand = new Expansion(undefined);
      return {
        list: page.items.map((row) => entitlementView(row, expand)),
        nextPageToken: page.nextPageToken,
        expanded: [],
      };
    },
  );

  app.get(
    `${ENTITLEMENTS}/resource_types/:app_resource_type_id/resources/:app_resource_id`,
    {
      config: { permission: 'catalog:read' },
      schema: {
        params: Type.Object({ app_id: IdParam, app_resource_type_id: IdParam, app_resource_id: IdParam }),
        querystring: PageQuery,
        response: { 200: ExpandedListOf(AppEntitlementView) },
      },
    },
    async (request) => {
      const { app_id: appId, app_resource_type_id: typeId, app_resource_id: resourceId } = request.params;
      const { page_size: pageSize, page_token: pageToken } = request.query;
      const page = await search.listForAppResource(appId, typeId, resourceId, { pageSize, pageToken });
      const expand = new Expansion(undefined);
      return {
        list: page.items.map((row) => entitlementView(row, expand)),
        nextPageToken: page.nextPageToken,
        expanded: [],
      };
    },
  );
};
