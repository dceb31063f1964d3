import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { IdParam } from '../../http/wire.js';
import { BulkAction, toBulkAction } from './bulk-actions.schemas.js';
import type { BulkActionsService } from './bulk-actions.service.js';

export const bulkActionsRoutes: FastifyPluginAsyncTypebox<{ bulkActions: BulkActionsService }> = async (
  app,
  { bulkActions },
) => {
  app.get(
    '/roster/v1/bulk_actions/:id',
    {
      config: { permission: 'bulk_actions:read' },
      schema: {
        params: Type.Object({ id: IdParam }),
        response: { 200: Type.Object({ bulkAction: BulkAction }) },
      },
    },
    async (request) => ({ bulkAction: toBulkAction(await bulkActions.get(request.params.id)) }),
  );
};
