import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { principalOf } from '../../http/principal.js';
import {
  RequestableEntitlementsBody,
  RequestableEntitlementsResponse,
  toRequestableEntitlement,
} from './requestable-entitlements.schemas.js';
import type { RequestableEntitlementsService } from './requestable-entitlements.service.js';

/** The entitlements the caller may request for themself; open to every signed-in person. */
export const requestableEntitlementsRoutes: FastifyPluginAsyncTypebox<{
  requestable: RequestableEntitlementsService;
}> = async (app, { requestable }) => {
  app.post(
    '/roster/v1/requestable-entitlements',
    {
      config: { permission: 'tasks:self' },
      schema: { body: RequestableEntitlementsBody, response: { 200: RequestableEntitlementsResponse } },
    },
    async (request) => {
      const page = await requestable.list(principalOf(request).userId, request.body);
      return { list: page.items.map(toRequestableEntitlement), nextPageToken: page.nextPageToken };
    },
  );
};
