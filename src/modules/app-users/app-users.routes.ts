import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Expand } from '../../http/expansion.js';
import { Expansion } from '../../http/expansion.js';
import { actorOf } from '../../http/principal.js';
import { Expanded, ExpandedListOf, IdParam, maskPaths, PageQuery } from '../../http/wire.js';
import { AppUserView, appUserView, SearchAppUsersBody, UpdateAppUserBody } from './app-users.schemas.js';
import type { AppUsersService } from './app-users.service.js';

/**
 * App users (CONTRACT.md §5). The update route names its first parameter `app_user_app_id` where
 * the others say `app_id` or `id`: the contract's names, which Fastify's router accepts side by side.
 */
export const appUsersRoutes: FastifyPluginAsyncTypebox<{
  appUsers: AppUsersService;
  expansion: Expand;
}> = async (app, { appUsers, expansion }) => {
  // GET lists carry no expandMask (CONTRACT.md §5, Q), so their `expanded` is always empty.
  const noExpansion = () => new Expansion(undefined);

  app.get(
    '/api/v1/apps/:app_id/app_users',
    {
      config: { permission: 'apps:read' },
      schema: {
        params: Type.Object({ app_id: IdParam }),
        querystring: PageQuery,
        response: { 200: ExpandedListOf(AppUserView) },
      },
    },
    async (request) => {
      const { page_size: pageSize, page_token: pageToken } = request.query;
      const page = await appUsers.listForApp(request.params.app_id, { pageSize, pageToken });
      const expand = noExpansion();
      return {
        list: page.items.map((r) => appUserView(r, expand)),
        nextPageToken: page.nextPageToken,
        expanded: [],
      };
    },
  );

  app.get(
    '/api/v1/apps/:app_id/users/:user_id/app_users',
    {
      config: { permission: 'apps:read' },
      schema: {
        params: Type.Object({ app_id: IdParam, user_id: IdParam }),
        querystring: PageQuery,
        response: { 200: ExpandedListOf(AppUserView) },
      },
    },
    async (request) => {
      const { page_size: pageSize, page_token: pageToken } = request.query;
      const { app_id: appId, user_id: userId } = request.params;
      const page = await appUsers.listForUser(appId, userId, { pageSize, pageToken });
      const expand = noExpansion();
      return {
        list: page.items.map((r) => appUserView(r, expand)),
        nextPageToken: page.nextPageToken,
        expanded: [],
      };
    },
  );

  app.post(
    '/api/v1/search/app_users',
    {
      config: { permission: 'apps:read' },
      schema: { body: SearchAppUsersBody, response: { 200: ExpandedListOf(AppUserView) } },
    },
    async (request) => {
      const page = await appUsers.search(request.body);
      const expand = new Expansion(request.body.expandMask);
      const list = page.items.map((r) => appUserView(r, expand));
      return { list, nextPageToken: page.nextPageToken, expanded: await expansion.resolve(expand) };
    },
  );

  app.post(
    '/api/v1/apps/:app_user_app_id/app_users/:app_user_id',
    {
      config: { permission: 'apps:write' },
      schema: {
        params: Type.Object({ app_user_app_id: IdParam, app_user_id: IdParam }),
        body: UpdateAppUserBody,
        response: { 200: Type.Object({ appUserView: AppUserView, expanded: Expanded }) },
      },
    },
    async (request) => {
      const { appUser, updateMask, expandMask } = request.body;
      const { app_user_app_id: appId, app_user_id: appUserId } = request.params;
      const row = await appUsers.update(actorOf(request), appId, appUserId, appUser, maskPaths(updateMask));
      const expand = new Expansion(expandMask);
      return { appUserView: appUserView(row, expand), expanded: await expansion.resolve(expand) };
    },
  );
};
