import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../config.js';
import { actorOf } from '../../http/principal.js';
import { IdString, WordString } from '../../http/strings.js';
import { EntitlementParams } from '../grants/index.js';
import type { SetMembersService } from './set-members.service.js';

const MEMBERS = '/roster/v1/apps/:app_id/entitlements/:app_entitlement_id/members';

const Members = Type.Object({
  /** C1 users holding the entitlement now (manual grants, unexpired). */
  userIds: Type.Array(IdString()),
  /** Holders whose app user is linked to no C1 user: a set removes them, so they are shown. */
  unlinkedAppUserIds: Type.Array(Type.String()),
  version: Type.String(),
});

const SetMembersResponse = Type.Object({
  dryRun: Type.Boolean(),
  /** The action applying the diff; "" for a dry run. */
  bulkActionId: Type.String(),
  toAdd: Type.Array(Type.String()),
  toRemove: Type.Array(Type.String()),
  failedUsersErrorMap: Type.Record(Type.String(), Type.String()),
  /** The membership version the diff was computed against. */
  version: Type.String(),
});

const etag = (version: string) => `"${version}"`;

/**
 * Set membership exactly (a Roster extension, CONTRACT.md §7.15). GET returns the members and their
 * version as an ETag; PUT requires it in If-Match (428 without, 412 MEMBERSHIP_CHANGED when stale),
 * so two people editing one list cannot silently overwrite each other.
 */
export const setMembersRoutes: FastifyPluginAsyncTypebox<{
  setMembers: SetMembersService;
  config: Config;
}> = async (app, { setMembers, config }) => {
  app.get(
    MEMBERS,
    {
      config: { permission: 'grants:read' },
      schema: { params: EntitlementParams, response: { 200: Members } },
    },
    async (request, reply) => {
      const members = await setMembers.getMembers(request.params.app_id, request.params.app_entitlement_id);
      reply.header('etag', etag(members.version));
      return members;
    },
  );

  app.put(
    MEMBERS,
    {
      // The same published limits as add-manual-user (CONTRACT.md §7.16).
      bodyLimit: config.maxAddRequestBytes,
      config: { permission: 'grants:write', owned: { app: 'app_id', entitlement: 'app_entitlement_id' } },
      schema: {
        params: EntitlementParams,
        querystring: Type.Object({
          dryRun: Type.Optional(
            Type.Boolean({ description: 'Show the users it would add and remove, and write nothing.' }),
          ),
        }),
        body: Type.Object({ userIds: Type.Array(IdString()) }),
        headers: Type.Object({
          'if-match': Type.Optional(
            WordString({ description: 'The ETag of the member list this replaces; needed unless dryRun.' }),
          ),
        }),
        response: { 200: SetMembersResponse },
      },
    },
    async (request, reply) => {
      const dryRun = request.query.dryRun ?? false;
      const result = await setMembers.setMembers(
        actorOf(request),
        request.params.app_id,
        request.params.app_entitlement_id,
        request.body.userIds,
        { ifMatch: request.headers['if-match'], dryRun },
      );
      if (dryRun) reply.header('etag', etag(result.version));
      return { dryRun, ...result };
    },
  );
};
