import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import { ERROR_REASONS } from '../../lib/error-reasons.js';

/** The official spec of the operations Roster serves, as shipped to users in docs/. */
const official = JSON.parse(
  readFileSync(new URL('../../../docs/conductorone-subset.openapi.json', import.meta.url), 'utf8'),
);

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];

/** Fastify's `:param` (and `*`) to OpenAPI's `{param}`, as @fastify/swagger writes them. */
const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}').replace(/\*$/, '{*}');

describe.each(DIALECTS)('OpenAPI document on %s', (dialect) => {
  let t: TestApp;
  let doc: any;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    const response = await t.request('GET', '/openapi.json', undefined, { token: null });
    expect(response.status).toBe(200);
    doc = response.body;
  });
  afterAll(async () => {
    await t.close();
  });

  it('documents every route served, and serves every documented operation', () => {
    // The route table is the instance's own record, so routes added later are covered too.
    const served = t.app.routeTable.filter((r) => !r.hidden).map((r) => `${r.method} ${openApiPath(r.url)}`);
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, item]) =>
        Object.keys(item)
          .filter((k) => METHODS.includes(k))
          .map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(new Set(documented).size).toBe(documented.length);
    expect([...documented].sort()).toEqual([...new Set(served)].sort());
    for (const route of t.app.routeTable) {
      expect(t.app.hasRoute({ method: route.method as 'GET', url: route.url })).toBe(true);
    }
    // Only the documentation's own routes, the console's pages and SCIM 2.0 (a protocol of its own
    // that describes itself: /ServiceProviderConfig, /Schemas) are hidden, so no API route can leave
    // the document.
    const hidden = t.app.routeTable.filter((r) => r.hidden).map((r) => r.url);
    const page = (url: string) =>
      url === '/' ||
      url === '/console/api/*' ||
      (url.startsWith('/console/') && !url.startsWith('/console/api/'));
    expect(
      hidden.filter(
        (url) =>
          url !== '/openapi.json' && !url.startsWith('/docs') && !page(url) && !url.startsWith('/scim/v2/'),
      ),
    ).toEqual([]);
    expect(documented).toEqual(
      expect.arrayContaining([
        'POST /api/v1/systemlog/events',
        'GET /roster/v1/systemlog/export',
        'POST /auth/v1/token',
        'GET /healthz',
        'GET /readyz',
        'GET /metrics',
      ]),
    );
  });

  it('declares the security schemes of the contract, and lifts them on public routes', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes).toEqual({
      bearerAuth: { type: 'http', scheme: 'bearer' },
      oauth: {
        type: 'oauth2',
        description: expect.any(String),
        flows: { clientCredentials: { tokenUrl: '/auth/v1/token', scopes: {} } },
      },
    });
    expect(doc.security).toEqual([{ bearerAuth: [], oauth: [] }]);
    for (const path of ['/healthz', '/readyz', '/metrics']) expect(doc.paths[path].get.security).toEqual([]);
    expect(doc.paths['/auth/v1/token'].post.security).toEqual([]);
    const events = doc.paths['/api/v1/systemlog/events'].post;
    expect(events.security).toBeUndefined();
    expect(events['x-roster-permission']).toBe('system_log:read');
  });

  it('names ConductorOne operations as the official spec does, with their schemas and error body', () => {
    const events = doc.paths['/api/v1/systemlog/events'].post;
    expect(events.operationId).toBe('c1.api.systemlog.v1.SystemLogService.ListEvents');
    expect(events.requestBody.content['application/json'].schema.properties).toEqual(
      expect.objectContaining({
        since: expect.anything(),
        sinceEventUid: expect.anything(),
        sortDirection: expect.anything(),
      }),
    );
    expect(events.responses['200'].content['application/json'].schema.properties).toEqual(
      expect.objectContaining({ list: expect.anything(), nextPageToken: expect.anything() }),
    );
    expect(events.responses.default.content['application/json'].schema.properties).toEqual(
      expect.objectContaining({
        code: expect.anything(),
        message: expect.anything(),
        details: expect.anything(),
      }),
    );
    // The catalogue of reasons travels with the error body: every reason, with its status.
    expect(events.responses.default.description).toMatch(/\| `APP_NOT_FOUND` +\| 404 +\|/);
    expect(
      events.responses.default.content['application/json'].schema.properties.details.items.properties.reason
        .enum,
    ).toEqual(Object.keys(ERROR_REASONS));
    expect(doc.paths['/api/v1/apps'].get.operationId).toBe('c1.api.app.v1.Apps.List');
    expect(doc.paths['/roster/v1/systemlog/export'].get.responses['200'].content).toHaveProperty(
      'application/x-ndjson',
    );
  });

  const operations = () =>
    Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.includes(method))
        .map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, operation })),
    );

  it('carries the official operationId and tag of every ConductorOne operation it serves', () => {
    const served = new Map(operations().map(({ key, operation }) => [key, operation]));
    let compared = 0;
    for (const [path, item] of Object.entries(official.paths as Record<string, Record<string, any>>)) {
      for (const [method, spec] of Object.entries(item)) {
        const operation = served.get(`${method.toUpperCase()} ${path}`);
        expect(operation, `${method} ${path} is served`).toBeDefined();
        expect({ operationId: operation.operationId, tags: operation.tags }, `${method} ${path}`).toEqual({
          operationId: spec.operationId,
          tags: spec.tags,
        });
        expect(operation.summary).toBe(spec.summary);
        compared++;
      }
    }
    expect(compared).toBe(65);
  });

  it('gives every operation a unique operationId, a summary, a description, a declared tag and the error body', () => {
    const declaredTags = new Set((doc.tags as { name: string }[]).map((tag) => tag.name));
    const ids = new Set<string>();
    for (const { key, operation } of operations()) {
      expect(operation.operationId, key).toMatch(/^(c1|roster)\./);
      expect(ids.has(operation.operationId), `${key}: ${operation.operationId} is unique`).toBe(false);
      ids.add(operation.operationId);
      expect(operation.summary, key).toMatch(/\S/);
      expect(operation.description, key).toMatch(/\S/);
      expect(operation.tags, key).toHaveLength(1);
      expect(declaredTags.has(operation.tags[0]), `${key}: tag ${operation.tags[0]} is declared`).toBe(true);
      const error = operation.responses.default;
      expect(error.description, key).toMatch(/CONTRACT\.md §7\.1/);
      expect(error.content['application/json'].schema.required, key).toEqual(['code', 'message', 'details']);
    }
  });

  it('documents the Idempotency-Key header and dryRun where the routes take them', () => {
    const parameter = (path: string, method: string, name: string) =>
      (doc.paths[path][method].parameters as { name: string; in: string; description?: string }[]).find(
        (p) => p.name.toLowerCase() === name.toLowerCase(),
      );
    const entitlement = '/api/v1/apps/{app_id}/entitlements/{app_entitlement_id}';
    const members = '/roster/v1/apps/{app_id}/entitlements/{app_entitlement_id}/members';
    for (const [path, method] of [
      [`${entitlement}/add-manual-user`, 'post'],
      [`${entitlement}/remove-membership`, 'delete'],
    ] as const) {
      expect(parameter(path, method, 'Idempotency-Key')).toMatchObject({
        in: 'header',
        description: expect.stringContaining('retry'),
      });
    }
    expect(parameter(members, 'put', 'Idempotency-Key')).toBeUndefined();
    for (const [path, method] of [
      [`${entitlement}/add-manual-user`, 'post'],
      [members, 'put'],
    ] as const) {
      expect(parameter(path, method, 'dryRun')).toMatchObject({
        in: 'query',
        description: expect.stringContaining('write nothing'),
      });
    }
    expect(parameter(members, 'put', 'if-match')).toMatchObject({ in: 'header' });
  });

  it('renders the reference at /docs from assets served locally', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/docs' });
    const html =
      page.statusCode === 302
        ? await t.app.inject({
            method: 'GET',
            url: new URL(page.headers.location as string, 'http://x').pathname,
          })
        : page;
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toMatch(/^text\/html/);
    const assets = [...html.body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] as string);
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      expect(asset).not.toMatch(/^(https?:)?\/\//);
      const url = new URL(asset, 'http://roster.test/docs/').pathname;
      const file = await t.app.inject({ method: 'GET', url });
      expect(file.statusCode, url).toBe(200);
    }
    const initializer = await t.app.inject({ method: 'GET', url: '/docs/static/swagger-initializer.js' });
    expect(initializer.statusCode).toBe(200);
  });
});
