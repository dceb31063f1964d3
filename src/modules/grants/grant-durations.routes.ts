import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { actorOf } from '../../http/principal.js';
import { Empty } from '../../http/wire.js';
import {
  BindingResponse,
  GrantUserParams,
  toBinding,
  UpdateGrantDurationBody,
} from './grant-durations.schemas.js';
import type { GrantDurationsService } from './grant-durations.service.js';

const GRANT = '/api/v1/apps/:app_id/entitlements/:app_entitlement_id/users/:app_user_id';

/** AppEntitlementUserBindingService.UpdateGrantDuration and RemoveGrantDuration (CONTRACT.md §5). */
export const grantDurationsRoutes: FastifyPluginAsyncTypebox<{
  grantDurations: GrantDurationsService;
}> = async (app, { grantDurations }) => {
  app.post(
    `${GRANT}/update-grant-duration`,
    {
      config: { permission: 'grants:write', owned: { app: 'app_id', entitlement: 'app_entitlement_id' } },
      schema: { params: GrantUserParams, body: UpdateGrantDurationBody, response: { 200: BindingResponse } },
    },
    async (request) => {
      const { app_id, app_entitlement_id, app_user_id } = request.params;
      const grant = await grantDurations.updateGrantDuration(
        actorOf(request),
        app_id,
        app_entitlement_id,
        app_user_id,
        request.body.newDeprovisionAt,
      );
      return { binding: toBinding(grant) };
    },
  );

  app.post(
    `${GRANT}/remove-grant-duration`,
    {
      config: { permission: 'grants:write', owned: { app: 'app_id', entitlement: 'app_entitlement_id' } },
      schema: { params: GrantUserParams, body: Empty, response: { 200: BindingResponse } },
    },
    async (request) => {
      const { app_id, app_entitlement_id, app_user_id } = request.params;
      const grant = await grantDurations.removeGrantDuration(
        actorOf(request),
        app_id,
        app_entitlement_id,
        app_user_id,
      );
      return { binding: toBinding(grant) };
    },
  );
};
