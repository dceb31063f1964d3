import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf, principalOf } from '../../http/principal.js';
import { IdParam, ListOf, maskPaths, PageQuery, StringList } from '../../http/wire.js';
import { Role, toRole, UpdateRoleBody } from './roles.schemas.js';
import type { RolesService } from './roles.service.js';

const RoleParams = Type.Object({ role_id: IdParam });
const RoleResponse = Type.Object({ role: Role });

const Introspection = Type.Object({
  principleId: Type.String(),
  userId: Type.String(),
  roles: StringList,
  permissions: StringList,
  features: StringList,
});

/** Roles (iam.v1.Roles) and introspection (auth.v1.Auth.Introspect), CONTRACT.md §5 and §7.10. */
export const iamRoutes: FastifyPluginAsyncTypebox<{ roles: RolesService }> = async (app, { roles }) => {
  app.get(
    '/api/v1/auth/introspect',
    { config: { permission: 'auth:introspect' }, schema: { response: { 200: Introspection } } },
    async (request) => {
      const principal = principalOf(request);
      return {
        // `principleId` (sic) is the API client the token belongs to; `userId` is its user.
        principleId: principal.clientRowId,
        userId: principal.userId,
        roles: [...principal.roleIds],
        permissions: listedPermissionsOf(principal),
        features: [],
      };
    },
  );

  app.get(
    '/api/v1/iam/roles',
    {
      config: { permission: 'roles:read' },
      schema: { querystring: PageQuery, response: { 200: ListOf(Role) } },
    },
    async (request) => {
      const page = await roles.list({
        pageSize: request.query.page_size,
        pageToken: request.query.page_token,
      });
      return { list: page.items.map(toRole), nextPageToken: page.nextPageToken };
    },
  );

  app.get(
    '/api/v1/iam/roles/:role_id',
    { config: { permission: 'roles:read' }, schema: { params: RoleParams, response: { 200: RoleResponse } } },
    async (request) => ({ role: toRole(await roles.get(request.params.role_id)) }),
  );

  app.post(
    '/api/v1/iam/roles/:role_id',
    {
      config: { permission: 'roles:write' },
      schema: { params: RoleParams, body: UpdateRoleBody, response: { 200: RoleResponse } },
    },
    async (request) => {
      const { role, updateMask } = request.body;
      return {
        role: toRole(
          await roles.update(actorOf(request), request.params.role_id, role, maskPaths(updateMask)),
        ),
      };
    },
  );
};

function listedPermissionsOf(principal: {
  permissions: ReadonlySet<string>;
  ownedPermissions: ReadonlySet<string>;
}): string[] {
  return [
    ...[...principal.permissions].sort(),
    ...[...principal.ownedPermissions]
      .filter((p) => !principal.permissions.has(p))
      .map((p) => `${p}:owned`)
      .sort(),
  ];
}
