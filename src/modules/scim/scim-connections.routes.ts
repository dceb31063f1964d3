import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { NameString } from '../../http/strings.js';
import { Empty, IdParam, ListOf, Nullable } from '../../http/wire.js';
import { actorOf } from './ports.js';
import type { ScimConnectionRow } from './scim.repository.js';
import type { ScimConnectionsService } from './scim-connections.service.js';

const Connection = Type.Object({
  id: Type.String(),
  displayName: Type.String(),
  /** The manually managed app whose entitlements are the connection's groups. */
  appId: Type.String(),
  /** What the identity provider is configured with, beside the token. */
  baseUrl: Type.String(),
  /** Whether a token is live; the token itself is shown only when issued. */
  hasToken: Type.Boolean(),
  tokenIssuedAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
const ConnectionResponse = Type.Object({ connection: Connection });
const ConnectionWithToken = Type.Object({ connection: Connection, token: Type.String() });
const Params = Type.Object({ id: IdParam });

/** `/roster/v1/scim/connections`: Super Admins manage the connections identity providers push through. */
export const scimConnectionsRoutes: FastifyPluginAsyncTypebox<{
  connections: ScimConnectionsService;
}> = async (app, { connections }) => {
  const view = (row: ScimConnectionRow) => ({
    id: row.id,
    displayName: row.display_name,
    appId: row.app_id,
    baseUrl: connections.baseUrlOf(row.id),
    hasToken: row.token_hash !== null,
    tokenIssuedAt: row.token_hash !== null ? row.token_issued_at : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });

  app.post(
    '/roster/v1/scim/connections',
    {
      config: { permission: 'scim:write' },
      schema: {
        body: Type.Object({ displayName: NameString({ minLength: 1 }) }),
        response: { 200: ConnectionWithToken },
      },
    },
    async (request) => {
      const { connection, token } = await connections.create(actorOf(request), request.body.displayName);
      return { connection: view(connection), token };
    },
  );

  app.get(
    '/roster/v1/scim/connections',
    { config: { permission: 'scim:read' }, schema: { response: { 200: ListOf(Connection) } } },
    async () => ({ list: (await connections.list()).map(view), nextPageToken: '' }),
  );

  app.get(
    '/roster/v1/scim/connections/:id',
    {
      config: { permission: 'scim:read' },
      schema: { params: Params, response: { 200: ConnectionResponse } },
    },
    async (request) => ({ connection: view(await connections.get(request.params.id)) }),
  );

  app.delete(
    '/roster/v1/scim/connections/:id',
    { config: { permission: 'scim:write' }, schema: { params: Params, response: { 200: Empty } } },
    async (request) => {
      await connections.delete(actorOf(request), request.params.id);
      return {};
    },
  );

  app.post(
    '/roster/v1/scim/connections/:id/token',
    {
      config: { permission: 'scim:write' },
      schema: { params: Params, response: { 200: ConnectionWithToken } },
    },
    async (request) => {
      const { connection, token } = await connections.rotateToken(actorOf(request), request.params.id);
      return { connection: view(connection), token };
    },
  );

  app.delete(
    '/roster/v1/scim/connections/:id/token',
    {
      config: { permission: 'scim:write' },
      schema: { params: Params, response: { 200: ConnectionResponse } },
    },
    async (request) => ({
      connection: view(await connections.revokeToken(actorOf(request), request.params.id)),
    }),
  );
};
