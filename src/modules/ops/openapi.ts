import { createRequire } from 'node:module';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { type TSchema, Type } from 'typebox';
import { errorReasonsTable } from '../../http/error-docs.js';
import { ERROR_REASONS } from '../../lib/error-reasons.js';
import { C1_OPERATIONS, type OperationDoc } from './c1-operations.js';
import { ROSTER_OPERATIONS } from './roster-operations.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route honours an `Idempotency-Key` header (http/idempotency-key.ts); documented here. */
    idempotencyKey?: boolean;
  }
  interface FastifyInstance {
    /** Every method + URL this instance serves, as registered: the ground truth /openapi.json is checked against. */
    readonly routeTable: ReadonlyArray<{ method: string; url: string; hidden: boolean }>;
  }
}

const { version } = createRequire(import.meta.url)('../../../package.json') as { version: string };

/**
 * The error body of CONTRACT.md §7.1, documented as every operation's `default` response, with the
 * reasons of the catalogue (docs/errors.md) as the enum of `reason`.
 */
const ErrorBody = Type.Object({
  code: Type.Integer({ description: 'gRPC status code' }),
  message: Type.String(),
  details: Type.Array(
    Type.Object({
      '@type': Type.String(),
      reason: Type.Enum(Object.keys(ERROR_REASONS)),
      domain: Type.String(),
      metadata: Type.Record(Type.String(), Type.String()),
    }),
  ),
});

/** The error response's description: the envelope, then the catalogue of reasons (docs/errors.md). */
const ERROR_RESPONSE_DESCRIPTION = `Error: the status code and body of CONTRACT.md §7.1; \`details[0].reason\` names the error and \`details[0].metadata\` carries its particulars. \`details[0].reason\` is one of\n\n${errorReasonsTable()}`;

const IDEMPOTENCY_KEY_HEADER = Type.String({
  description:
    'Makes the request safe to retry: a repeat with the same key and body within 24 hours gets the original answer (and bulk action) without doing the work again; the same key with another body is refused with 409. 1 to 255 visible ASCII characters, scoped to the API client.',
  minLength: 1,
  maxLength: 255,
});

/** One operation key for the spec's `{param}` and Fastify's `:param`; the names are the same (CONTRACT.md §5). */
const operationKey = (method: string, url: string) => `${method} ${url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;
const OPERATIONS: ReadonlyMap<string, OperationDoc> = new Map(
  Object.entries({ ...C1_OPERATIONS, ...ROSTER_OPERATIONS }),
);

/** The tags of the document, in the order Swagger UI shows them, each described once. */
function documentTags(): Array<{ name: string; description: string }> {
  const names = [...new Set([...OPERATIONS.values()].map((op) => op.tag))];
  return names.map((name) => ({
    name,
    description: name.startsWith('Roster: ')
      ? `Roster's extension: ${name.slice('Roster: '.length).toLowerCase()} (CONTRACT.md §7.15).`
      : name === 'Operations'
        ? 'Health, readiness and metrics, for the people and tools that run Roster.'
        : `ConductorOne API: ${name}, as the official spec tags it.`,
  }));
}

/**
 * The OpenAPI 3.1 document of every route, built by @fastify/swagger from the route schemas, so a
 * route added anywhere is documented without further work; served at /openapi.json and rendered by
 * Swagger UI at /docs from the assets of the swagger-ui-dist copy inside @fastify/swagger-ui.
 * Must be registered before any route.
 */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  const routes: Array<{ method: string; url: string; hidden: boolean }> = [];
  app.decorate('routeTable', routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      // Fastify adds HEAD beside every GET; it is not an operation of its own.
      if (method === 'HEAD') continue;
      routes.push({ method, url: route.url, hidden: Boolean((route.schema as { hide?: boolean })?.hide) });
    }
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Roster',
        version,
        description:
          'The ConductorOne API subset Roster serves, plus its own extensions under /roster/v1 and the operations endpoints. Errors use the body of the `default` responses.',
      },
      components: {
        // CONTRACT.md §1, Security schemes: both are the same `Authorization: Bearer <token>`.
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer' },
          oauth: {
            type: 'oauth2',
            description:
              'OAuth2 client credentials. Credentials go in the form body (client_assertion or client_secret), not in headers.',
            flows: { clientCredentials: { tokenUrl: '/auth/v1/token', scopes: {} } },
          },
        },
      },
      security: [{ bearerAuth: [], oauth: [] }],
      tags: documentTags(),
    },
    transform: ({ schema, url, route }) => {
      const config = (route.config ?? {}) as {
        public?: boolean;
        permission?: string;
        idempotencyKey?: boolean;
      };
      const method = [route.method].flat()[0] ?? 'GET';
      const operation = OPERATIONS.get(operationKey(method, url));
      const documented: Record<string, unknown> = {
        ...schema,
        ...(operation
          ? {
              operationId: operation.operationId,
              tags: [operation.tag],
              summary: operation.summary,
              description: operation.description,
            }
          : {}),
        response: {
          ...(schema.response as object | undefined),
          default: { ...ErrorBody, description: ERROR_RESPONSE_DESCRIPTION },
        },
      };
      if (config.idempotencyKey) {
        const headers = schema.headers as { properties?: Record<string, TSchema> } | undefined;
        documented.headers = Type.Object({
          ...headers?.properties,
          'Idempotency-Key': Type.Optional(IDEMPOTENCY_KEY_HEADER),
        });
      }
      if (config.public) documented.security = [];
      if (config.permission) documented['x-roster-permission'] = config.permission;
      return { schema: documented as typeof schema, url };
    },
  });

  app.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    // The UI loads the same document from /docs/json; no validator badge, which would call out.
    uiConfig: { validatorUrl: null, deepLinking: true },
  });
}
