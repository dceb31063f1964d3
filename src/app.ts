import cookie from '@fastify/cookie';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Container } from './container.js';
import { answerClientError } from './http/client-errors.js';
import { sendError } from './http/errors.js';
import { parseQueryString, refuseBadText } from './http/input-text.js';
import { acceptEmptyJsonBodies, MAX_REQUEST_BYTES } from './http/json-body.js';
import { requestIdFrom } from './http/request-id.js';
import { serializersCompiledOnFirstUse } from './http/serialization.js';
import { MAX_PATH_PARAM_LENGTH, requireBoundedStrings } from './http/strings.js';
import { useRequestValidation } from './http/validation.js';
import { AppError } from './lib/errors.js';
import { newId } from './lib/ids.js';
import { appUsersRoutes } from './modules/app-users/app-users.routes.js';
import { systemLogRoutes } from './modules/audit/system-log.routes.js';
import { authenticate } from './modules/auth/authenticate.js';
import { personalClientsRoutes } from './modules/auth/personal-clients.routes.js';
import { tokenRoutes } from './modules/auth/token.routes.js';
import { addManualUsersRoutes } from './modules/bulk-actions/add-manual-users.routes.js';
import { bulkActionsRoutes } from './modules/bulk-actions/bulk-actions.routes.js';
import { setMembersRoutes } from './modules/bulk-actions/set-members.routes.js';
import { appsRoutes } from './modules/catalog/apps.routes.js';
import { catalogRoutes } from './modules/catalog/catalog.routes.js';
import { consoleRoutes } from './modules/console/index.js';
import { grantDurationsRoutes } from './modules/grants/grant-durations.routes.js';
import { grantRecordRoutes } from './modules/grants/grant-record.routes.js';
import { grantsRoutes } from './modules/grants/grants.routes.js';
import { iamRoutes } from './modules/iam/iam.routes.js';
import { limitsRoutes } from './modules/limits/limits.routes.js';
import { createMetrics } from './modules/ops/metrics.js';
import { registerOpenApi } from './modules/ops/openapi.js';
import { opsRoutes } from './modules/ops/ops.routes.js';
import { ownersRoutes } from './modules/owners/owners.routes.js';
import { policiesRoutes } from './modules/policies/policies.routes.js';
import { reviewRunsRoutes, reviewsRoutes } from './modules/reviews/index.js';
import { canonicalScimUrl, scimConnectionsRoutes, scimRoutes } from './modules/scim/index.js';
import { catalogSearchRoutes } from './modules/search/catalog-search.routes.js';
import { requestableEntitlementsRoutes, tasksRoutes } from './modules/tasks/index.js';
import { usersRoutes } from './modules/users/users.routes.js';
import { webhooksRoutes } from './modules/webhooks/index.js';

export interface AppOptions {
  readonly logger: FastifyBaseLogger | boolean;
}

/** The HTTP application over a container. It never listens: main.ts does, tests use inject(). */
export async function buildApp(container: Container, options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(typeof options.logger === 'boolean'
      ? { logger: options.logger }
      : { loggerInstance: options.logger }),
    // An incoming x-request-id is kept only when well-formed (src/http/request-id.ts).
    requestIdHeader: false,
    genReqId: (request) => requestIdFrom(request.headers['x-request-id']) ?? newId(),
    // Most routes take small bodies; add-manual-user and the user import raise their own limits.
    bodyLimit: MAX_REQUEST_BYTES,
    // SCIM endpoint names match ignoring case (`/scim/v2/users`); every other route keeps its case.
    rewriteUrl: (request) => canonicalScimUrl(request.url ?? '/'),
    routerOptions: {
      ignoreTrailingSlash: true,
      maxParamLength: MAX_PATH_PARAM_LENGTH,
      querystringParser: parseQueryString,
    },
    // Refusals made before a route runs answer in the error envelope like every other 4xx.
    frameworkErrors: (error, request, reply) =>
      sendError(request, reply.header('x-request-id', request.id), error),
    clientErrorHandler: answerClientError,
    schemaController: { compilersFactory: { buildSerializer: serializersCompiledOnFirstUse() } },
    ...(container.config.tls
      ? { https: { cert: container.config.tls.cert, key: container.config.tls.key } }
      : {}),
  });

  // First of all hooks: authentication reads the path parameters this checks.
  refuseBadText(app);
  requireBoundedStrings(app);
  acceptEmptyJsonBodies(app);
  useRequestValidation(app);
  app.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    done(null, payload);
  });
  app.setErrorHandler((error, request, reply) => sendError(request, reply, error));
  app.setNotFoundHandler((request, reply) =>
    sendError(
      request,
      reply,
      new AppError('NOT_FOUND', `no route ${request.method} ${request.url.split('?')[0]}`, 'ROUTE_NOT_FOUND'),
    ),
  );

  // Before every route: the OpenAPI document and the metrics hook see all routes registered after.
  await registerOpenApi(app);
  const metrics = createMetrics(container.ops);
  container.onBulkBatch(metrics.bulkBatchCommitted);
  await app.register(metrics.plugin);

  await app.register(cookie);
  await app.register(authenticate, {
    tokens: container.tokens,
    owns: container.owners.owns,
    session: container.console.authenticate,
  });
  await app.register(tokenRoutes, { tokens: container.tokens });
  await app.register(usersRoutes, {
    users: container.users,
    maxResolveInputs: container.config.maxAddUserIds,
    maxResolveBodyBytes: container.config.maxAddRequestBytes,
  });
  await app.register(appsRoutes, { apps: container.apps });
  await app.register(catalogRoutes, { catalog: container.catalog, expansion: container.expansion });
  await app.register(addManualUsersRoutes, {
    bulkActions: container.bulkActions,
    grantDurations: container.grantDurations,
    config: container.config,
  });
  await app.register(grantsRoutes, { grants: container.grants });
  await app.register(grantDurationsRoutes, { grantDurations: container.grantDurations });
  await app.register(bulkActionsRoutes, { bulkActions: container.bulkActions });
  await app.register(limitsRoutes, { config: container.config });
  await app.register(systemLogRoutes, { systemLogEvents: container.systemLogEvents });
  await app.register(opsRoutes, { ops: container.ops, metrics, metricsToken: container.config.metricsToken });
  const { expansion } = container;
  await app.register(appUsersRoutes, { appUsers: container.appUsers, expansion });
  await app.register(catalogSearchRoutes, { search: container.catalogSearch, expansion });
  await app.register(grantRecordRoutes, { record: container.grantRecord, expansion });
  await app.register(ownersRoutes, { owners: container.owners });
  await app.register(personalClientsRoutes, { clients: container.personalClients });
  await app.register(iamRoutes, { roles: container.roles });
  await app.register(setMembersRoutes, { setMembers: container.setMembers, config: container.config });
  await app.register(consoleRoutes, container.console.routeOptions);
  await app.register(scimConnectionsRoutes, { connections: container.scimConnections });
  await app.register(webhooksRoutes, { webhooks: container.webhooks });
  await app.register(policiesRoutes, { policies: container.policies });
  await app.register(tasksRoutes, { tasks: container.tasks, expansion: container.expansion });
  await app.register(requestableEntitlementsRoutes, { requestable: container.requestableEntitlements });
  await app.register(reviewsRoutes, { reviews: container.reviews });
  await app.register(reviewRunsRoutes, { runs: container.reviewRuns });
  await scimRoutes(app, {
    connections: container.scimConnections,
    users: container.scimUsers,
    groups: container.scimGroups,
  });
  return app;
}
