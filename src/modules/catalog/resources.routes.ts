import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../http/principal.js';
import { Empty, Expanded, ExpandedListOf, IdParam, maskPaths, PageQuery } from '../../http/wire.js';
import {
  AppResource,
  AppResourceView,
  NewResource,
  toResource,
  toResourceView,
  UpdateResourceBody,
} from './resources.schemas.js';
import type { ResourcesService } from './resources.service.js';

const TypeParams = Type.Object({ app_id: IdParam, app_resource_type_id: IdParam });
const Params = Type.Object({ app_id: IdParam, app_resource_type_id: IdParam, id: IdParam });
const ViewResponse = Type.Object({ appResourceView: AppResourceView, expanded: Expanded });

const pathOf = (routeParams: { app_id: string; app_resource_type_id: string; id: string }) => ({
  appId: routeParams.app_id,
  typeId: routeParams.app_resource_type_id,
  id: routeParams.id,
});

export const resourcesRoutes: FastifyPluginAsyncTypebox<{ resources: ResourcesService }> = async (
  app,
  { resources },
) => {
  const base = '/api/v1/apps/:app_id/resource_types/:app_resource_type_id/resources';

  app.get(
    base,
    {
      config: { permission: 'catalog:read' },
      schema: {
        params: TypeParams,
        querystring: PageQuery,
        response: { 200: ExpandedListOf(AppResourceView) },
      },
    },
    async (request) => {
      const { app_id: appId, app_resource_type_id: typeId } = request.params;
      const { page_size: pageSize, page_token: pageToken } = request.query;
      const page = await resources.list(appId, typeId, { pageSize, pageToken });
      return { list: page.items.map(toResourceView), nextPageToken: page.nextPageToken, expanded: [] };
    },
  );

  // CONTRACT.md §5: create answers `{appResource}` alone, unlike every other catalog write.
  app.post(
    base,
    {
      config: { permission: 'catalog:write', owned: { app: 'app_id' } },
      schema: {
        params: TypeParams,
        body: NewResource,
        response: { 200: Type.Object({ appResource: AppResource }) },
      },
    },
    async (request) => {
      const { app_id: appId, app_resource_type_id: typeId } = request.params;
      return {
        appResource: toResource(await resources.create(actorOf(request), appId, typeId, request.body)),
      };
    },
  );

  app.get(
    `${base}/:id`,
    { config: { permission: 'catalog:read' }, schema: { params: Params, response: { 200: ViewResponse } } },
    async (request) => ({
      appResourceView: toResourceView(await resources.get(pathOf(request.params))),
      expanded: [],
    }),
  );

  app.post(
    `${base}/:id`,
    {
      config: { permission: 'catalog:write', owned: { app: 'app_id', resource: 'id' } },
      schema: { params: Params, body: UpdateResourceBody, response: { 200: ViewResponse } },
    },
    async (request) => {
      const { appResource: patch, updateMask } = request.body;
      const row = await resources.update(
        actorOf(request),
        pathOf(request.params),
        patch,
        maskPaths(updateMask),
      );
      return { appResourceView: toResourceView(row), expanded: [] };
    },
  );

  app.delete(
    `${base}/:id`,
    {
      config: { permission: 'catalog:write', owned: { app: 'app_id', resource: 'id' } },
      schema: { params: Params, response: { 200: Empty } },
    },
    async (request) => {
      await resources.delete(actorOf(request), pathOf(request.params));
      return {};
    },
  );
};
