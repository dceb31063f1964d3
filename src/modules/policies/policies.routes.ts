import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf } from '../../http/principal.js';
import { Empty, IdParam, ListOf, maskPaths, PageQuery } from '../../http/wire.js';
import {
  NewPolicy,
  Policy,
  PolicyResponse,
  SearchPoliciesBody,
  toPolicy,
  UpdatePolicyBody,
} from './policies.schemas.js';
import type { PoliciesService } from './policies.service.js';

const Params = Type.Object({ id: IdParam });

/** Policies (issue 19): ConductorOne's Policies and PolicySearch services. */
export const policiesRoutes: FastifyPluginAsyncTypebox<{ policies: PoliciesService }> = async (
  app,
  { policies },
) => {
  app.get(
    '/api/v1/policies',
    {
      config: { permission: 'policies:read' },
      schema: { querystring: PageQuery, response: { 200: ListOf(Policy) } },
    },
    async (request) => {
      const { page_size: pageSize, page_token: pageToken } = request.query;
      const page = await policies.list({ pageSize, pageToken });
      return { list: page.items.map(toPolicy), nextPageToken: page.nextPageToken };
    },
  );

  app.post(
    '/api/v1/policies',
    {
      config: { permission: 'policies:write' },
      schema: { body: NewPolicy, response: { 200: PolicyResponse } },
    },
    async (request) => ({ policy: toPolicy(await policies.create(actorOf(request), request.body)) }),
  );

  app.get(
    '/api/v1/policies/:id',
    {
      config: { permission: 'policies:read' },
      schema: { params: Params, response: { 200: PolicyResponse } },
    },
    async (request) => ({ policy: toPolicy(await policies.get(request.params.id)) }),
  );

  app.post(
    '/api/v1/policies/:id',
    {
      config: { permission: 'policies:write' },
      schema: { params: Params, body: UpdatePolicyBody, response: { 200: PolicyResponse } },
    },
    async (request) => {
      const { policy: patch, updateMask } = request.body;
      const row = await policies.update(actorOf(request), request.params.id, patch, maskPaths(updateMask));
      return { policy: toPolicy(row) };
    },
  );

  app.delete(
    '/api/v1/policies/:id',
    { config: { permission: 'policies:write' }, schema: { params: Params, response: { 200: Empty } } },
    async (request) => {
      await policies.delete(actorOf(request), request.params.id);
      return {};
    },
  );

  app.post(
    '/api/v1/search/policies',
    {
      config: { permission: 'policies:read' },
      schema: { body: SearchPoliciesBody, response: { 200: ListOf(Policy) } },
    },
    async (request) => {
      const page = await policies.search(request.body);
      return { list: page.items.map(toPolicy), nextPageToken: page.nextPageToken };
    },
  );
};
