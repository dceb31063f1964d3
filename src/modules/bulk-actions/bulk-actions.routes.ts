import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../http/principal.js';
import { IdParam, ListOf } from '../../http/wire.js';
import {
  BulkAction,
  BulkActionItem,
  ListBulkActionsQuery,
  ListItemsQuery,
  toBulkAction,
  toBulkActionItem,
} from './bulk-actions.schemas.js';
import type { BulkActionsService } from './bulk-actions.service.js';

const One = Type.Object({ bulkAction: BulkAction });
const Params = Type.Object({ id: IdParam });

/** Reading and steering bulk actions: Roster extensions (CONTRACT.md §7.15). */
export const bulkActionsRoutes: FastifyPluginAsyncTypebox<{ bulkActions: BulkActionsService }> = async (
  app,
  { bulkActions },
) => {
  app.get(
    '/roster/v1/bulk_actions',
    {
      config: { permission: 'bulk_actions:read' },
      schema: { querystring: ListBulkActionsQuery, response: { 200: ListOf(BulkAction) } },
    },
    async (request) => {
      const query = request.query;
      const page = await bulkActions.list({
        pageSize: query.page_size,
        pageToken: query.page_token,
        states: query.state ? [query.state] : undefined,
        appId: query.app_id,
        appEntitlementId: query.app_entitlement_id,
      });
      return { list: page.items.map(toBulkAction), nextPageToken: page.nextPageToken };
    },
  );

  app.get(
    '/roster/v1/bulk_actions/:id',
    { config: { permission: 'bulk_actions:read' }, schema: { params: Params, response: { 200: One } } },
    async (request) => ({ bulkAction: toBulkAction(await bulkActions.get(request.params.id)) }),
  );

  app.get(
    '/roster/v1/bulk_actions/:id/items',
    {
      config: { permission: 'bulk_actions:read' },
      schema: { params: Params, querystring: ListItemsQuery, response: { 200: ListOf(BulkActionItem) } },
    },
    async (request) => {
      const page = await bulkActions.listItems(request.params.id, {
        pageSize: request.query.page_size,
        pageToken: request.query.page_token,
        outcome: request.query.outcome,
      });
      return { list: page.items.map(toBulkActionItem), nextPageToken: page.nextPageToken };
    },
  );

  app.post(
    '/roster/v1/bulk_actions/:id/cancel',
    { config: { permission: 'grants:write' }, schema: { params: Params, response: { 200: One } } },
    async (request) => ({
      bulkAction: toBulkAction(await bulkActions.cancel(actorOf(request), request.params.id)),
    }),
  );
};
