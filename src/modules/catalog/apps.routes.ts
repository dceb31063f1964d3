import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../http/principal.js';
import { Empty, IdParam, ListOf, maskPaths, PageQuery } from '../../http/wire.js';
import { App, NewApp, SearchAppsBody, toApp, UpdateAppBody } from './apps.schemas.js';
import type { AppsService } from './apps.service.js';

const AppResponse = Type.Object({ app: App });
const Params = Type.Object({ id: IdParam });

export const appsRoutes: FastifyPluginAsyncTypebox<{ apps: AppsService }> = async (app, { apps }) => {
  app.get(
    '/api/v1/apps',
    {
      config: { permission: 'apps:read' },
      schema: { querystring: PageQuery, response: { 200: ListOf(App) } },
    },
    async (request) => {
      const page = await apps.list({
        pageSize: request.query.page_size,
        pageToken: request.query.page_token,
      });
      return { list: page.items.map(toApp), nextPageToken: page.nextPageToken };
    },
  );

  app.post(
    '/api/v1/apps',
    { config: { permission: 'apps:write' }, schema: { body: NewApp, response: { 200: AppResponse } } },
    async (request) => ({ app: toApp(await apps.create(actorOf(request), request.body)) }),
  );

  app.get(
    '/api/v1/apps/:id',
    { config: { permission: 'apps:read' }, schema: { params: Params, response: { 200: AppResponse } } },
    async (request) => ({ app: toApp(await apps.get(request.params.id)) }),
  );

  app.post(
    '/api/v1/apps/:id',
    {
      config: { permission: 'apps:write' },
      schema: { params: Params, body: UpdateAppBody, response: { 200: AppResponse } },
    },
    async (request) => {
      const { app: patch, updateMask } = request.body;
      const updated = await apps.update(actorOf(request), request.params.id, patch, maskPaths(updateMask));
      return { app: toApp(updated) };
    },
  );

  app.delete(
    '/api/v1/apps/:id',
    { config: { permission: 'apps:write' }, schema: { params: Params, response: { 200: Empty } } },
    async (request) => {
      await apps.delete(actorOf(request), request.params.id);
      return {};
    },
  );

  app.post(
    '/api/v1/search/apps',
    { config: { permission: 'apps:read' }, schema: { body: SearchAppsBody, response: { 200: ListOf(App) } } },
    async (request) => {
      const input = request.body;
      const page = await apps.list({
        query: input.query ?? undefined,
        displayName: input.displayName ?? undefined,
        ids: input.appIds ?? undefined,
        excludeIds: input.excludeAppIds ?? undefined,
        policyIds: (input.policyRefs ?? []).flatMap((r) => (r.id ? [r.id] : [])),
        onlyDirectories: input.onlyDirectories,
        pageSize: input.pageSize,
        pageToken: input.pageToken,
      });
      return { list: page.items.map(toApp), nextPageToken: page.nextPageToken };
    },
  );
};
