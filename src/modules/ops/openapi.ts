import { createRequire } from 'node:module';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorReasonsTable } from '../../http/error-docs.js';
import { ERROR_REASONS } from '../../lib/error-reasons.js';
import { C1_OPERATIONS } from './c1-operations.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every method + URL this instance serves, as registered: the ground truth /openapi.json is checked against. */
    readonly routeTable: ReadonlyArray<{ method: string; url: string; hidden: boolean }>;
  }
}

const { version } = createRequire(import.meta.url)('../../../package.json') as { version: string };

/**
 * The error body of CONTRACT.md §7.1, documented as every operation's `default` response, with the
 * catalogue of reasons (docs/errors.md) as its description.
 */
const ErrorBody = Type.Object(
  {
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
  },
  { description: `An error: \`details[0].reason\` is one of\n\n${errorReasonsTable()}` },
);

/** `{param}` names differ between the spec and Fastify for the same position (CONTRACT.md §5). */
const shape = (method: string, url: string) => `${method} ${url.replace(/\{[^}]+\}/g, '{}')}`;
const c1Operations = new Map(Object.entries(C1_OPERATIONS).map(([key, op]) => [shape(...split(key)), op]));
function split(key: string): [string, string] {
  const space = key.indexOf(' ');
  return [key.slice(0, space), key.slice(space + 1)];
}

function tagOf(url: string): string {
  if (url.startsWith('/roster/v1/')) return 'Roster extensions';
  if (url.startsWith('/api/v1/') || url.startsWith('/auth/v1/')) return 'ConductorOne API';
  return 'Operations';
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
    },
    transform: ({ schema, url, route }) => {
      const config = (route.config ?? {}) as { public?: boolean; permission?: string };
      const method = [route.method].flat()[0] ?? 'GET';
      const c1 = c1Operations.get(shape(method, url));
      const documented: Record<string, unknown> = {
        ...schema,
        tags: schema.tags ?? [c1?.tag ?? tagOf(url)],
        ...(c1 && !schema.operationId ? { operationId: c1.operationId } : {}),
        response: { ...(schema.response as object | undefined), default: ErrorBody },
      };
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
