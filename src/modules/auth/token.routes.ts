import formbody from '@fastify/formbody';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { OAuthError, type TokenRequest, type TokenService } from './tokens.service.js';

const OAuthErrorBody = Type.Object({ error: Type.String(), error_description: Type.String() });

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
      errorHandler: (error, _request, reply) => {
        // Token errors answer in OAuth form, not the API's (CONTRACT.md §7.1).
        if (error instanceof OAuthError) {
          return reply.code(error.status).send({ error: error.error, error_description: error.description });
        }
        const status = (error as { statusCode?: number }).statusCode;
        if (status && status >= 400 && status < 500) {
          return reply
            .code(400)
            .send({ error: 'invalid_request', error_description: 'malformed token request' });
        }
        throw error;
      },
    },
    async (request, reply) => {
      const form = request.body;
      if (typeof form !== 'object' || form === null || Array.isArray(form)) {
        throw new OAuthError(400, 'invalid_request', 'send a form-encoded body');
      }
      const field = (name: keyof TokenRequest): string | undefined => {
        const value = (form as Record<string, unknown>)[name];
        if (value === undefined) return undefined;
        if (typeof value !== 'string')
          throw new OAuthError(400, 'invalid_request', `${name} must appear once`);
        return value;
      };
      const response = await tokens.issue(
        {
          grant_type: field('grant_type'),
          client_id: field('client_id'),
          client_assertion_type: field('client_assertion_type'),
          client_assertion: field('client_assertion'),
          client_secret: field('client_secret'),
        },
        request.id,
      );
      reply.header('cache-control', 'no-store');
      return response;
    },
  );
};
