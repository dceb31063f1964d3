import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorBody } from '../../http/errors.js';
import { actorOf, principalOf } from '../../http/principal.js';
import { IdParam } from '../../http/wire.js';
import {
  AccessReviewProgressResponse,
  AccessReviewRunResponse,
  CloseAccessReviewBody,
  DecisionsBody,
  DecisionsResponse,
  EvidenceQuery,
  StartAccessReviewBody,
} from './review-runs.schemas.js';
import type { ReviewRunsService } from './review-runs.service.js';
import { accessReviewView } from './reviews.schemas.js';

const Params = Type.Object({ id: IdParam });

const EVIDENCE_TYPES = { json: 'application/json; charset=utf-8', csv: 'text/csv; charset=utf-8' } as const;

/**
 * Roster's extensions that run a campaign (issue 20): start, progress, decisions in bulk, close.
 * Owners reach their campaigns through `access_reviews:own`; reviewers decide the tasks they are
 * asked to, whatever campaign they belong to.
 */
export const reviewRunsRoutes: FastifyPluginAsyncTypebox<{ runs: ReviewRunsService }> = async (
  app,
  { runs },
) => {
  const own = { permission: 'access_reviews:own' as const };

  app.post(
    '/roster/v1/access_reviews/:id/start',
    {
      config: own,
      schema: {
        params: Params,
        body: Type.Optional(StartAccessReviewBody),
        response: { 200: AccessReviewRunResponse },
      },
    },
    async (request) => ({
      accessReview: accessReviewView(
        await runs.start(principalOf(request), actorOf(request), request.params.id),
      ),
    }),
  );

  app.get(
    '/roster/v1/access_reviews/:id/progress',
    { config: own, schema: { params: Params, response: { 200: AccessReviewProgressResponse } } },
    async (request) => ({ progress: await runs.progress(principalOf(request), request.params.id) }),
  );

  // The evidence pack (CONTRACT.md §7.28): JSON or CSV, streamed; a closed campaign's bytes never
  // change and carry their SHA-256 in Repr-Digest (RFC 9530).
  app.get(
    '/roster/v1/access_reviews/:id/evidence',
    {
      config: own,
      schema: {
        params: Params,
        querystring: EvidenceQuery,
        response: {
          200: {
            description: 'the evidence pack, as JSON or as CSV (one row per item)',
            // Unsafe: the handler sends a stream, which the serializer never sees.
            content: {
              'application/json': { schema: Type.Unsafe<unknown>({ type: 'object' }) },
              'text/csv': { schema: Type.Unsafe<unknown>({ type: 'string' }) },
            },
          },
        },
      },
    },
    async (request, reply) => {
      const format = request.query.format ?? 'json';
      const pack = await runs.evidence(principalOf(request), request.params.id, format);
      if (pack.sha256) reply.header('repr-digest', `sha-256=:${pack.sha256}:`);
      return reply
        .type(EVIDENCE_TYPES[format])
        .header('content-disposition', `attachment; filename="access-review-${request.params.id}.${format}"`)
        .send(Readable.from(pack.body, { objectMode: false }));
    },
  );

  app.post(
    '/roster/v1/access_reviews/:id/decisions',
    { config: own, schema: { params: Params, body: DecisionsBody, response: { 200: DecisionsResponse } } },
    async (request) => {
      const answers = await runs.decide(
        principalOf(request),
        actorOf(request),
        request.params.id,
        request.body.decisions,
      );
      return {
        results: answers.map(({ taskId, task, error }) =>
          error
            ? { taskId, ok: false, error: errorBody(error, request.id) }
            : { taskId, ok: true, state: task?.state ?? '', outcome: task?.outcome ?? '' },
        ),
      };
    },
  );

  app.post(
    '/roster/v1/access_reviews/:id/close',
    {
      config: own,
      schema: { params: Params, body: CloseAccessReviewBody, response: { 200: AccessReviewRunResponse } },
    },
    async (request) => ({
      accessReview: accessReviewView(
        await runs.close(principalOf(request), actorOf(request), request.params.id, request.body.remaining),
      ),
    }),
  );
};
