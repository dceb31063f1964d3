import type { FastifyInstance } from 'fastify';

/**
 * JSON bodies as the SDKs send them (CONTRACT.md §1): the TypeScript SDK sets
 * `Content-Type: application/json` even when an optional body is absent, and `null` is what an
 * unset message looks like, so both empty and `null` bodies read as `{}`. Everything else goes
 * through Fastify's own parser, which refuses `__proto__` poisoning.
 */
export function acceptEmptyJsonBodies(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if ((body as string).trim() === '') return done(null, {});
    parseJson(request, body as string, (error, value) => done(error, value ?? {}));
  });
  app.addHook('preValidation', async (request) => {
    if (request.body === undefined || request.body === null) request.body = {};
  });
}
