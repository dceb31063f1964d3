import formbody from '@fastify/formbody';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { httpStatusOf } from '../../http/errors.js';
import { AppError } from '../../lib/errors.js';
import { OAuthError, type TokenRequest, type TokenService } from './tokens.service.js';

const OAuthErrorBody = Type.Object({ error: Type.String(), error_description: Type.String() });

const FIELDS: readonly (keyof TokenRequest)[] = [
  'grant_type',
  'client_id',
  'client_assertion_type',
  'client_assertion',
  'client_secret',
];

/** The client ID a request names, for rate limits and the log; never trusted for anything else. */
function namedClientId(request: FastifyRequest): string | undefined {
  const body = request.body as Record<string, unknown> | undefined;
  return typeof body?.client_id === 'string' ? body.client_id : undefined;
}

/** `POST /auth/v1/token`: OAuth 2.0 client credentials (RFC 6749 §4.4, RFC 7523; CONTRACT.md §2). */
export const tokenRoutes: FastifyPluginAsyncTypebox<{ tokens: TokenService }> = async (app, { tokens }) => {
  await app.register(formbody, { bodyLimit: 64 * 1024 });

  app.post(
    '/auth/v1/token',
    {
      config: { public: true },
      schema: {
        response: {
          200: Type.Object({
            access_token: Type.String(),
            token_type: Type.String(),
            expires_in: Type.Integer(),
          }),
          '4xx': OAuthErrorBody,
        },
      },
      errorHandler: async (error, request, reply) => {
        // Every refusal answers in OAuth form (CONTRACT.md §7.1) and is logged and counted, whether
        // the service refused it or the body never parsed.
        let oauth: OAuthError | undefined = error instanceof OAuthError ? error : undefined;
        const status =
          error instanceof AppError ? httpStatusOf(error) : (error as { statusCode?: number }).statusCode;
        if (!oauth && status && status >= 400 && status < 500) {
          oauth = new OAuthError(400, 'invalid_request', 'malformed token request');
        }
        if (!oauth) throw error;
        await tokens.noteRefusal(
          oauth,
          { requestId: request.id, sourceAddress: request.ip },
          namedClientId(request),
        );
        if (oauth.status === 429) reply.header('retry-after', '60');
        reply.header('cache-control', 'no-store');
        return reply.code(oauth.status).send({ error: oauth.error, error_description: oauth.description });
      },
    },
    async (request, reply) => {
      // RFC 6749 §4.4.2: the request is form-encoded; a JSON body is not a token request.
      const type = request.headers['content-type'] ?? '';
      if (!/^application\/x-www-form-urlencoded\b/i.test(type)) {
        throw new OAuthError(400, 'invalid_request', 'send an application/x-www-form-urlencoded body');
      }
      const form = request.body;
      if (typeof form !== 'object' || form === null || Array.isArray(form)) {
        throw new OAuthError(400, 'invalid_request', 'send a form-encoded body');
      }
      const fields: TokenRequest = {};
      for (const name of FIELDS) {
        const value = (form as Record<string, unknown>)[name];
        if (value === undefined) continue;
        if (typeof value !== 'string')
          throw new OAuthError(400, 'invalid_request', `${name} must appear once`);
        fields[name] = value;
      }
      const response = await tokens.issue(fields, { requestId: request.id, sourceAddress: request.ip });
      reply.header('cache-control', 'no-store');
      return response;
    },
  );
};
