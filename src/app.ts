import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Container } from './container.js';
import { sendError } from './http/errors.js';
import { acceptEmptyJsonBodies } from './http/json-body.js';
import { useRequestValidation } from './http/validation.js';
import { AppError } from './lib/errors.js';
import { newId } from './lib/ids.js';
import { appsRoutes } from './modules/apps/apps.routes.js';
import { authenticate } from './modules/auth/authenticate.js';
import { tokenRoutes } from './modules/auth/token.routes.js';
import { bulkActionsRoutes } from './modules/bulk-actions/bulk-actions.routes.js';
import { setMembersRoutes } from './modules/bulk-actions/set-members.routes.js';
import { catalogRoutes } from './modules/catalog/catalog.routes.js';
import { grantDurationsRoutes } from './modules/grants/grant-durations.routes.js';
import { grantsRoutes } from './modules/grants/grants.routes.js';
import { usersRoutes } from './modules/users/users.routes.js';

export interface AppOptions {
  readonly logger: FastifyBaseLogger | boolean;
}

/** The HTTP application over a container. It never listens: main.ts does, tests use inject(). */
export async function buildApp(container: Container, options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(typeof options.logger === 'boolean'
      ? { logger: options.logger }
      : { loggerInstance: options.logger }),
    genReqId: () => newId(),
    requestIdHeader: 'x-request-id',
    // Most routes take small bodies; add-manual-user and the user import raise their own limits.
    bodyLimit: 1024 * 1024,
    routerOptions: { ignoreTrailingSlash: true },
  });

  acceptEmptyJsonBodies(app);
  useRequestValidation(app);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.setErrorHandler((error, request, reply) => sendError(request, reply, error));
  app.setNotFoundHandler((request, reply) =>
    sendError(
      request,
      reply,
      new AppError('NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`, 'ROUTE_NOT_FOUND'),
    ),
  );

  await app.register(authenticate, { tokens: container.tokens });
  await app.register(tokenRoutes, { tokens: container.tokens });
  await app.register(usersRoutes, { users: container.users });
  await app.register(appsRoutes, { apps: container.apps });
  await app.register(catalogRoutes, { catalog: container.catalog });
  await app.register(grantsRoutes, {
    grants: container.grants,
    bulkActions: container.bulkActions,
    grantDurations: container.grantDurations,
    config: container.config,
  });
  await app.register(grantDurationsRoutes, { grantDurations: container.grantDurations });
  await app.register(bulkActionsRoutes, { bulkActions: container.bulkActions });
  await app.register(setMembersRoutes, { setMembers: container.setMembers, config: container.config });
  return app;
}
