import { readFile } from 'node:fs/promises';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { FieldMaskString, IdString, QueryString } from '../../http/strings.js';
import type { ScimContext } from './scim.context.js';
import {
  resourceTypes,
  SCIM_DOCS_PATH,
  schemas,
  scimDocumentation,
  serviceProviderConfig,
} from './scim.discovery.js';
import { SCIM_CONTENT_TYPE, ScimError, scimNotFound, sendScimError } from './scim.errors.js';
import { type ListQuery, project } from './scim.projection.js';
import { isObject, LIST_SCHEMA, type ScimResource } from './scim.schemas.js';
import type { ScimConnectionsService } from './scim-connections.service.js';
import type { ScimGroupsService } from './scim-groups.service.js';
import type { ScimUsersService } from './scim-users.service.js';

/** What the routes need of a resource type's service; `query` carries attributes / excludedAttributes. */
interface ResourceEndpoints {
  list(ctx: ScimContext, query: ListQuery): Promise<unknown>;
  create(ctx: ScimContext, body: unknown): Promise<ScimResource>;
  get(ctx: ScimContext, id: string, query: ListQuery): Promise<ScimResource>;
  replace(ctx: ScimContext, id: string, body: unknown, ifMatch?: string): Promise<ScimResource>;
  patch(
    ctx: ScimContext,
    id: string,
    body: unknown,
    ifMatch: string | undefined,
    query: ListQuery,
  ): Promise<ScimResource>;
  delete(ctx: ScimContext, id: string, ifMatch?: string): Promise<void>;
}

export interface ScimRoutesOptions {
  readonly connections: Pick<ScimConnectionsService, 'authenticate' | 'baseUrlOf'>;
  readonly users: ScimUsersService;
  readonly groups: ScimGroupsService;
}

const README = new URL('../../../README.md', import.meta.url);

/** 10,000 members in one PATCH is about 600 KB; leave room. */
const SCIM_BODY_LIMIT = 16 * 1024 * 1024;

const ListQuerySchema = Type.Object({
  filter: Type.Optional(QueryString()),
  startIndex: Type.Optional(Type.Integer()),
  count: Type.Optional(Type.Integer()),
  attributes: Type.Optional(FieldMaskString()),
  excludedAttributes: Type.Optional(FieldMaskString()),
});
const IdParams = Type.Object({ id: IdString({ minLength: 1 }) });

/**
 * SCIM routes stay out of the OpenAPI document: SCIM is a protocol of its own, with its own error
 * body, and describes itself (RFC 7644 §4: /ServiceProviderConfig, /ResourceTypes, /Schemas).
 */
const documented = { hide: true };

const contexts = new WeakMap<FastifyRequest, ScimContext>();

function contextOf(request: FastifyRequest): ScimContext {
  const ctx = contexts.get(request);
  if (!ctx) throw new ScimError(401, 'not authenticated');
  return ctx;
}

const unauthorized = (message: string) => new ScimError(401, message);

function send(reply: FastifyReply, status: number, resource: ScimResource): ScimResource {
  const meta = resource.meta;
  if (isObject(meta) && typeof meta.version === 'string') reply.header('etag', meta.version);
  if (status === 201 && isObject(meta) && typeof meta.location === 'string')
    reply.header('location', meta.location);
  reply.code(status);
  return resource;
}

const ifMatchOf = (request: FastifyRequest) => {
  const v = request.headers['if-match'];
  return Array.isArray(v) ? v.join(',') : v;
};

/** The SCIM endpoints under one base (`/scim/v2` or `/scim/v2/:connectionId`). */
function resourceRoutes(opts: ScimRoutesOptions): FastifyPluginAsync {
  return async (plain) => {
    const app = plain.withTypeProvider<TypeBoxTypeProvider>();
    app.addHook('onRequest', async (request, reply) => {
      reply.type(SCIM_CONTENT_TYPE);
      const match = /^Bearer +(\S+)\s*$/i.exec(request.headers.authorization ?? '');
      if (!match) {
        reply.header('www-authenticate', 'Bearer realm="roster-scim"');
        throw unauthorized('send the connection\'s token as "Authorization: Bearer <token>"');
      }
      const connection = await opts.connections.authenticate(match[1] as string);
      const named = (request.params as { connectionId?: string }).connectionId;
      if (!connection || (named !== undefined && named !== connection.id)) {
        reply.header('www-authenticate', 'Bearer realm="roster-scim", error="invalid_token"');
        throw unauthorized('the token is not valid for this SCIM connection');
      }
      contexts.set(request, {
        connection,
        actor: { userId: '', clientId: connection.id, requestId: request.id, sourceIp: request.ip },
        baseUrl: opts.connections.baseUrlOf(connection.id),
      });
    });

    const base = (request: FastifyRequest) => contextOf(request).baseUrl;
    app.get('/ServiceProviderConfig', { schema: documented }, async (request) =>
      serviceProviderConfig(base(request)),
    );
    const list = (resources: unknown[]) => ({
      schemas: [LIST_SCHEMA],
      totalResults: resources.length,
      startIndex: 1,
      itemsPerPage: resources.length,
      Resources: resources,
    });
    app.get('/ResourceTypes', { schema: documented }, async (request) => list(resourceTypes(base(request))));
    app.get('/ResourceTypes/:id', { schema: { ...documented, params: IdParams } }, async (request) => {
      const found = resourceTypes(base(request)).find((r) => r.id === request.params.id);
      if (!found) throw scimNotFound('ResourceType', request.params.id);
      return found;
    });
    app.get('/Schemas', { schema: documented }, async (request) => list(schemas(base(request))));
    app.get('/Schemas/:id', { schema: { ...documented, params: IdParams } }, async (request) => {
      const found = schemas(base(request)).find((s) => s.id === request.params.id);
      if (!found) throw scimNotFound('Schema', request.params.id);
      return found;
    });

    // RFC 7644 §3.7 is optional and ServiceProviderConfig says bulk is not supported: 501 (§3.12),
    // so a client learns that rather than that the endpoint is missing.
    app.route({
      method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      url: '/Bulk',
      schema: documented,
      handler: async () => {
        throw new ScimError(501, 'bulk operations are not supported: send each operation on its own');
      },
    });

    const listQuery = { schema: { ...documented, querystring: ListQuerySchema } };
    const byId = { schema: { ...documented, params: IdParams, querystring: ListQuerySchema } };
    const write = { bodyLimit: SCIM_BODY_LIMIT, ...byId };
    const create = { bodyLimit: SCIM_BODY_LIMIT, schema: { ...documented, querystring: ListQuerySchema } };

    const endpoints: Array<[string, ResourceEndpoints]> = [
      ['/Users', opts.users],
      ['/Groups', opts.groups],
    ];
    for (const [path, service] of endpoints) {
      app.get(path, listQuery, async (request) => service.list(contextOf(request), request.query));
      app.post(path, create, async (request, reply) =>
        send(reply, 201, project(await service.create(contextOf(request), request.body), request.query)),
      );
      app.get(`${path}/:id`, byId, async (request, reply) =>
        send(reply, 200, await service.get(contextOf(request), request.params.id, request.query)),
      );
      app.put(`${path}/:id`, write, async (request, reply) => {
        const ctx = contextOf(request);
        const resource = await service.replace(ctx, request.params.id, request.body, ifMatchOf(request));
        return send(reply, 200, project(resource, request.query));
      });
      app.patch(`${path}/:id`, write, async (request, reply) => {
        const ctx = contextOf(request);
        const { id } = request.params;
        return send(
          reply,
          200,
          await service.patch(ctx, id, request.body, ifMatchOf(request), request.query),
        );
      });
      app.delete(`${path}/:id`, byId, async (request, reply) => {
        await service.delete(contextOf(request), request.params.id, ifMatchOf(request));
        return reply.code(204).send();
      });
    }
  };
}

/** The endpoint names under a SCIM base, as Roster registers them. */
const ENDPOINT_NAMES = ['Users', 'Groups', 'Bulk', 'ServiceProviderConfig', 'ResourceTypes', 'Schemas'];
const BY_LOWER_NAME = new Map(ENDPOINT_NAMES.map((name) => [name.toLowerCase(), name]));

/**
 * The URL with its SCIM endpoint name spelt as registered (`/scim/v2/users/1` → `/scim/v2/Users/1`):
 * endpoint names match ignoring case, as Microsoft's SCIM reference server matches them and as
 * identity providers send them. The name is the segment after `/scim/v2` or after the connection
 * ID; IDs and the rest of the URL keep their case. The app's `rewriteUrl`.
 */
export function canonicalScimUrl(url: string): string {
  if (!url.startsWith('/scim/v2/')) return url;
  const end = url.search(/[?#]/);
  const segments = (end === -1 ? url : url.slice(0, end)).split('/');
  for (const i of [3, 4]) {
    const canonical = BY_LOWER_NAME.get((segments[i] ?? '').toLowerCase());
    if (canonical === undefined) continue;
    if (segments[i] === canonical) return url;
    segments[i] = canonical;
    return segments.join('/') + (end === -1 ? '' : url.slice(end));
  }
  return url;
}

/**
 * SCIM 2.0 (RFC 7644) in its own scope: authenticated by a connection's token rather than OAuth,
 * answering `application/scim+json` and the SCIM error schema, and reading bodies as sent (a
 * `null` is a value here: Entra clears attributes with it).
 */
export async function scimRoutes(app: FastifyInstance, opts: ScimRoutesOptions): Promise<void> {
  // ServiceProviderConfig's documentationUri: the README this Roster was installed with, read once.
  const documentation = scimDocumentation(await readFile(README, 'utf8').catch(() => ''));
  app.get(SCIM_DOCS_PATH, { schema: documented }, async (_request, reply) => {
    if (documentation === '') return reply.code(404).type('text/plain').send('README.md is not installed');
    return reply.type('text/markdown; charset=utf-8').send(documentation);
  });
  await app.register(
    async (scope) => {
      scope.setErrorHandler((error, request, reply) => sendScimError(request, reply, error));
      scope.setNotFoundHandler((request, reply) =>
        sendScimError(
          request,
          reply,
          new ScimError(404, `no SCIM endpoint ${request.method} ${request.url.split('?')[0]}`),
        ),
      );
      const parseJson = scope.getDefaultJsonParser('error', 'error');
      scope.removeContentTypeParser('application/json');
      scope.addContentTypeParser(
        ['application/json', SCIM_CONTENT_TYPE],
        { parseAs: 'string' },
        (request, body: string, done) => {
          // A DELETE has no body, yet some clients send their Content-Type on every request: an
          // empty one is no body. A write without a body is still refused.
          if (request.method === 'DELETE' && body.trim() === '') return done(null, undefined);
          parseJson(request, body, done);
        },
      );
      await scope.register(resourceRoutes(opts), { prefix: '/v2' });
      await scope.register(resourceRoutes(opts), { prefix: '/v2/:connectionId' });
    },
    { prefix: '/scim' },
  );
}
