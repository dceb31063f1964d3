import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { actorOf, principalOf } from '../../http/principal.js';
import { Empty, IdParam, maskPaths, PageQuery } from '../../http/wire.js';
import {
  AccessReviewListResponse,
  AccessReviewResponse,
  accessReviewView,
  CreateAccessReviewBody,
  ScopeResponse,
  SetScopeBody,
  scopeResponse,
  UpdateAccessReviewBody,
} from './reviews.schemas.js';
import type { ReviewsService } from './reviews.service.js';

const Params = Type.Object({ id: IdParam });
const ScopeParams = Type.Object({ access_review_id: IdParam });

/**
 * Access reviews (issue 20): ConductorOne's AccessReviewService and the campaign half of its
 * AccessReviewSetupEntitlementService. Owners reach their campaigns through `access_reviews:own`,
 * which everyone holds; the service answers 404 for a campaign the caller may not see.
 */
export const reviewsRoutes: FastifyPluginAsyncTypebox<{ reviews: ReviewsService }> = async (
  app,
  { reviews },
) => {
  const own = { permission: 'access_reviews:own' as const };
  const answer = (row: Parameters<typeof accessReviewView>[0]) => ({
    accessReview: accessReviewView(row),
    expanded: [],
  });

  app.post(
    '/api/v1/access_review',
    {
      config: { permission: 'access_reviews:write' },
      schema: { body: CreateAccessReviewBody, response: { 200: AccessReviewResponse } },
    },
    async (request) => answer(await reviews.create(actorOf(request), request.body)),
  );

  app.get(
    '/api/v1/access_reviews',
    { config: own, schema: { querystring: PageQuery, response: { 200: AccessReviewListResponse } } },
    async (request) => {
      const { page_size: pageSize, page_token: pageToken } = request.query;
      const page = await reviews.list(principalOf(request), { pageSize, pageToken });
      return { list: page.items.map(accessReviewView), nextPageToken: page.nextPageToken, expanded: [] };
    },
  );

  app.get(
    '/api/v1/access_review/:id',
    { config: own, schema: { params: Params, response: { 200: AccessReviewResponse } } },
    async (request) => answer(await reviews.get(principalOf(request), request.params.id)),
  );

  app.post(
    '/api/v1/access_review/:id',
    {
      config: own,
      schema: { params: Params, body: UpdateAccessReviewBody, response: { 200: AccessReviewResponse } },
    },
    async (request) => {
      const { accessReview: patch, updateMask } = request.body;
      const row = await reviews.update(
        principalOf(request),
        actorOf(request),
        request.params.id,
        patch,
        maskPaths(updateMask),
      );
      return answer(row);
    },
  );

  app.delete(
    '/api/v1/access_review/:id',
    {
      config: { permission: 'access_reviews:write' },
      schema: { params: Params, response: { 200: Empty } },
    },
    async (request) => {
      await reviews.delete(principalOf(request), actorOf(request), request.params.id);
      return {};
    },
  );

  app.get(
    '/api/v1/access_review/:access_review_id/scope_and_entitlements',
    { config: own, schema: { params: ScopeParams, response: { 200: ScopeResponse } } },
    async (request) => {
      const { row, entries } = await reviews.scope(principalOf(request), request.params.access_review_id);
      return scopeResponse(row, entries);
    },
  );

  app.post(
    '/api/v1/access_review/:access_review_id/scope_and_entitlements',
    {
      config: own,
      schema: { params: ScopeParams, body: SetScopeBody, response: { 200: ScopeResponse } },
    },
    async (request) => {
      const { row, entries } = await reviews.setScope(
        principalOf(request),
        actorOf(request),
        request.params.access_review_id,
        request.body,
      );
      return scopeResponse(row, entries);
    },
  );
};
