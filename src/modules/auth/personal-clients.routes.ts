import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf, principalOf } from '../../http/principal.js';
import { Empty, IdParam, ListOf, maskPaths } from '../../http/wire.js';
import {
  CreatedPersonalClient,
  NewPersonalClient,
  PersonalClient,
  SearchPersonalClientsBody,
  toPersonalClient,
  UpdatePersonalClientBody,
} from './personal-clients.schemas.js';
import type { PersonalClientsService } from './personal-clients.service.js';

const BASE = '/api/v1/iam/personal_clients';
const Params = Type.Object({ id: IdParam });
const ClientResponse = Type.Object({ client: PersonalClient });

/** Personal API clients (CONTRACT.md §5, IAM rows; iam.v1.PersonalClientService). */
export const personalClientsRoutes: FastifyPluginAsyncTypebox<{ clients: PersonalClientsService }> = async (
  app,
  { clients },
) => {
  app.get(
    BASE,
    { config: { permission: 'clients:own' }, schema: { response: { 200: ListOf(PersonalClient) } } },
    async (request) => {
      const rows = await clients.listOwn(principalOf(request));
      // PC.List is unpaged (CONTRACT.md §1, Pagination).
      return { list: rows.map(toPersonalClient), nextPageToken: '' };
    },
  );

  // Writes need `clients:own:write`, which read-only roles and clients scoped to them lack
  // (CONTRACT.md §7.10): a read-only credential changes no credential.
  app.post(
    BASE,
    {
      config: { permission: 'clients:own:write' },
      schema: { body: NewPersonalClient, response: { 200: CreatedPersonalClient } },
    },
    async (request) => {
      const { row, secret } = await clients.create(principalOf(request), actorOf(request), request.body);
      return { client: toPersonalClient(row), clientSecret: secret };
    },
  );

  app.get(
    `${BASE}/:id`,
    { config: { permission: 'clients:own' }, schema: { params: Params, response: { 200: ClientResponse } } },
    async (request) => ({
      client: toPersonalClient(await clients.get(principalOf(request), request.params.id)),
    }),
  );

  app.post(
    `${BASE}/:id`,
    {
      config: { permission: 'clients:own:write' },
      schema: { params: Params, body: UpdatePersonalClientBody, response: { 200: ClientResponse } },
    },
    async (request) => {
      const { client, updateMask } = request.body;
      const row = await clients.update(
        principalOf(request),
        actorOf(request),
        request.params.id,
        client,
        maskPaths(updateMask),
      );
      return { client: toPersonalClient(row) };
    },
  );

  app.delete(
    `${BASE}/:id`,
    { config: { permission: 'clients:own:write' }, schema: { params: Params, response: { 200: Empty } } },
    async (request) => {
      await clients.delete(principalOf(request), actorOf(request), request.params.id);
      return {};
    },
  );

  app.post(
    '/api/v1/search/iam/personal_clients',
    {
      config: { permission: 'clients:read' },
      schema: { body: SearchPersonalClientsBody, response: { 200: ListOf(PersonalClient) } },
    },
    async (request) => {
      const input = request.body;
      const page = await clients.search({
        ...(input.query ? { query: input.query } : {}),
        userIds: (input.users ?? []).flatMap((u) => (u.id ? [u.id] : [])),
        ...(input.pageSize ? { pageSize: input.pageSize } : {}),
        ...(input.pageToken ? { pageToken: input.pageToken } : {}),
      });
      return { list: page.items.map(toPersonalClient), nextPageToken: page.nextPageToken };
    },
  );

  // Roster extension (CONTRACT.md §7.15): Roster has no sign-in page where a user could make their
  // first client, so an administrator makes it for them.
  app.post(
    '/roster/v1/users/:user_id/personal_clients',
    {
      config: { permission: 'clients:write' },
      schema: {
        params: Type.Object({ user_id: IdParam }),
        body: NewPersonalClient,
        response: { 200: CreatedPersonalClient },
      },
    },
    async (request) => {
      const { row, secret } = await clients.create(
        principalOf(request),
        actorOf(request),
        request.body,
        request.params.user_id,
      );
      return { client: toPersonalClient(row), clientSecret: secret };
    },
  );
};
