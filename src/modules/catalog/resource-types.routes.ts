import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../http/principal.js';
import { Empty, Expanded, ExpandedListOf, IdParam, maskPaths, PageQuery } from '../../http/wire.js';
import {
  AppResourceType,
  AppResourceTypeView,
  NewResourceType,
  toResourceType,
  toResourceTypeView,
  UpdateResourceTypeBody,
} from './resource-types.schemas.js';
import type { ResourceTypesService } from './resource-types.service.js';

const AppParams = Type.Object({ app_id: IdParam });
const Params = Type.Object({ app_id: IdParam, id: IdParam });
/** Create and update answer with the bare type; get answers with its view (CONTRACT.md §5). */
const TypeResponse = Type.Object({ appResourceType: AppResourceType, expanded: Expanded });
const ViewResponse = Type.Object({ appResourceTypeView: AppResourceTypeView, expanded: Expanded });

export const resourceTypesRoutes: FastifyPluginAsyncTypebox<{ resourceTypes: ResourceTypesService }> = async (
  app,
  { resourceTypes },
) => {
  const base = '/api/v1/apps/:app_id/resource_types';

  app.get(
    base,
    {
      config: { permission: 'catalog:read' },
      schema: {
        params: AppParams,
        querystring: PageQuery,
        response: { 200: ExpandedListOf(AppResourceTypeView) },
      },
    },
    async (request) => {
      const { page_size: pageSize, page_token: pageToken } = request.query;
      const page = await resourceTypes.list(request.params.app_id, { pageSize, pageToken });
      return { list: page.items.map(toResourceTypeView), nextPageToken: page.nextPageToken, expanded: [] };
    },
  );

  app.post(
    base,
    {
      config: { permission: 'catalog:write', owned: { app: 'app_id' } },
      schema: { params: AppParams, body: NewResourceType, response: { 200: TypeResponse } },
    },
    async (request) => {
      const row = await resourceTypes.create(actorOf(request), request.params.app_id, request.body);
      return { appResourceType: toResourceType(row), expanded: [] };
    },
  );

  app.get(
    `${base}/:id`,
    { config: { permission: 'catalog:read' }, schema: { params: Params, response: { 200: ViewResponse } } },
    async (request) => {
      const row = await resourceTypes.get(request.params.app_id, request.params.id);
      return { appResourceTypeView: toResourceTypeView(row), expanded: [] };
    },
  );

  app.post(
    `${base}/:id`,
    {
      config: { permission: 'catalog:write', owned: { app: 'app_id' } },
      schema: { params: Params, body: UpdateResourceTypeBody, response: { 200: TypeResponse } },
    },
    async (request) => {
      const { app_id: appId, id } = request.params;
      const { appResourceType: patch, updateMask } = request.body;
      const row = await resourceTypes.update(actorOf(request), appId, id, patch, maskPaths(updateMask));
      return { appResourceType: toResourceType(row), expanded: [] };
    },
  );

  app.delete(
    `${base}/:id`,
    {
      config: { permission: 'catalog:write', owned: { app: 'app_id' } },
      schema: { params: Params, response: { 200: Empty } },
    },
    async (request) => {
      await resourceTypes.delete(actorOf(request), request.params.app_id, request.params.id);
      return {};
    },
  );
};
