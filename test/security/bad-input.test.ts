import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRING_LIMITS } from '../../src/http/strings.js';
import { DIALECTS, startTestApp, type TestApp } from '../harness.js';
import { ownTables } from '../identity-fixtures.js';
import { ROUTE_SAMPLES, type Sample, type World } from './route-samples.js';
import { createWorld } from './world.js';

/**
 * Every route under /api/v1 and /roster/v1, sent its sample request with one string spoiled at a
 * time — in the body, in a path parameter, in a query parameter — answers 400 in the error envelope
 * and stores nothing. Spoiled means: a NUL (PostgreSQL cannot store it), a lone UTF-16 surrogate
 * (it would be stored as U+FFFD), longer than any field takes, or, for IDs and update masks, the
 * name of an Object.prototype member.
 */

const LONGEST = Math.max(...Object.values(STRING_LIMITS));

interface Spoiler {
  readonly name: string;
  /** The JSON value of a body field. */
  readonly json: string;
  /** The percent-encoded text of a path segment or query value. */
  readonly url: string;
}

const SPOILERS: Spoiler[] = [
  { name: 'a NUL', json: 'a\u0000b', url: 'a%00b' },
  // JSON.stringify writes a lone surrogate as the escape `\ud800`; in a URL it is the bytes
  // ED A0 80, which UTF-8 forbids.
  { name: 'a lone surrogate', json: 'x\ud800y', url: 'x%ED%A0%80y' },
  { name: 'an oversized string', json: 'x'.repeat(LONGEST + 1), url: 'x'.repeat(LONGEST + 1) },
];

const base64url = (bytes: string | Buffer) => Buffer.from(bytes).toString('base64url');

/**
 * Page tokens shaped like Roster's (a known prefix and base64url) whose decoded text would be
 * refused anywhere else in a request: a decoded token is input too, and PostgreSQL cannot compare
 * text holding a NUL.
 */
const FORGED_PAGE_TOKENS = [
  { name: 'a NUL', token: 'k1.AA' },
  { name: 'text holding a NUL', token: `k1.${base64url('a\u0000b')}` },
  // ED A0 80 is the UTF-8 spelling of a lone surrogate, which UTF-8 forbids.
  { name: 'bytes that are not UTF-8', token: `k1.${base64url(Buffer.from([0x61, 0xed, 0xa0, 0x80]))}` },
  { name: 'a cursor holding a NUL', token: `k2.${base64url(JSON.stringify(['\u0000']))}` },
  { name: 'a cursor holding a lone surrogate', token: `k2.${base64url('["\\ud800"]')}` },
  { name: 'a position token holding a NUL', token: `p2.${base64url('asc|\u0000|\u0000')}` },
];

const PROTOTYPE_NAMES = ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'to_string'];

/** The paths of every string in a value. */
function stringPaths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [at];
  if (typeof value !== 'object' || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringPaths(item, [...at, index]));
  return Object.entries(value).flatMap(([key, field]) => stringPaths(field, [...at, key]));
}

interface JsonSchema {
  type?: string;
  enum?: unknown;
  const?: unknown;
  anyOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
}

/** The paths at which a request-body schema takes free text (enums excluded), arrays at index 0. */
function schemaStringPaths(
  schema: JsonSchema | undefined,
  at: (string | number)[] = [],
): (string | number)[][] {
  if (!schema) return [];
  const own = schema.type === 'string' && schema.enum === undefined && schema.const === undefined ? [at] : [];
  return [
    ...own,
    ...(schema.anyOf ?? []).flatMap((branch) => schemaStringPaths(branch, at)),
    ...schemaStringPaths(schema.items, [...at, 0]),
    ...Object.entries(schema.properties ?? {}).flatMap(([name, field]) =>
      schemaStringPaths(field, [...at, name]),
    ),
  ];
}

/** `value` with `by` at `path`, creating the objects and arrays on the way. */
function replaced(value: unknown, path: (string | number)[], by: unknown): unknown {
  if (path.length === 0) return by;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (typeof head === 'number') {
    const list = Array.isArray(value) ? [...value] : [];
    list[head] = replaced(list[head], rest, by);
    return list;
  }
  const record = typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
  return { ...record, [head]: replaced((record as Record<string, unknown>)[head], rest, by) };
}

/** Every table's rows, so "nothing stored" covers updates as well as inserts. */
async function snapshot(t: TestApp): Promise<Record<string, unknown[]>> {
  const rows: Record<string, unknown[]> = {};
  for (const table of await ownTables(t)) {
    const all = await t.db
      .selectFrom(table as 'users')
      .selectAll()
      .execute();
    rows[table] = all.map((row) => JSON.stringify(row)).sort();
  }
  return rows;
}

interface Answer {
  status: number;
  body: { code?: number; details?: { reason?: string; domain?: string }[] };
}

describe.each(DIALECTS)('bad input on every route on %s', (dialect) => {
  let t: TestApp;
  let world: World;
  /** The query parameters each operation documents, from the OpenAPI document. */
  let queryNames: Map<string, string[]>;
  /** Where each operation's JSON body takes text, from the same document. */
  let bodyPaths: Map<string, (string | number)[][]>;

  beforeAll(async () => {
    t = await startTestApp(dialect);
    world = await createWorld(t);
    const document = (await t.request('GET', '/openapi.json')).body as {
      paths: Record<
        string,
        Record<
          string,
          {
            parameters?: { in: string; name: string; schema?: { type?: string } }[];
            requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
          }
        >
      >;
    };
    queryNames = new Map();
    bodyPaths = new Map();
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const names = (operation.parameters ?? [])
          .filter((p) => p.in === 'query' && p.schema?.type === 'string')
          .map((p) => p.name);
        const key = `${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`;
        queryNames.set(key, names);
        bodyPaths.set(key, schemaStringPaths(operation.requestBody?.content?.['application/json']?.schema));
      }
    }
  });
  afterAll(() => t.close());

  const routes = () => t.app.guardedRoutes.filter((r) => ROUTE_SAMPLES[`${r.method} ${r.url}`]);
  const sampleOf = (route: { method: string; url: string }): Sample =>
    (ROUTE_SAMPLES[`${route.method} ${route.url}`] as (w: World) => Sample)(world);

  async function send(method: string, url: string, body: unknown): Promise<Answer> {
    const response = await t.app.inject({
      method: method as 'GET',
      url,
      headers: {
        authorization: `Bearer ${t.token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    let parsed: Answer['body'] = {};
    try {
      parsed = JSON.parse(response.body.split('\n')[0] || '{}');
    } catch {
      // Not JSON: the envelope check below reports it.
    }
    return { status: response.statusCode, body: parsed };
  }

  /** Path-parameter and query-parameter variants of every route with `text` (already URL-encoded). */
  function urlVariants(text: string) {
    const out: { label: string; method: string; url: string; body: unknown }[] = [];
    for (const route of routes()) {
      const sample = sampleOf(route);
      const patternSegments = route.url.split('/');
      const segments = sample.url.split('/');
      patternSegments.forEach((segment, index) => {
        if (!segment.startsWith(':')) return;
        const spoiled = [...segments];
        spoiled[index] = text;
        out.push({
          label: `${route.method} ${route.url} params/${segment.slice(1)}`,
          method: route.method,
          url: spoiled.join('/'),
          body: sample.body,
        });
      });
      for (const name of queryNames.get(`${route.method} ${route.url}`) ?? []) {
        out.push({
          label: `${route.method} ${route.url} querystring/${name}`,
          method: route.method,
          url: `${sample.url}?${name}=${text}`,
          body: sample.body,
        });
      }
    }
    return out;
  }

  function expectRefused(label: string, answer: Answer): void {
    expect([400], `${label}: ${JSON.stringify(answer.body).slice(0, 300)}`).toContain(answer.status);
    expect(answer.body.details?.[0]?.domain, `${label} answers in the error envelope`).toBe('roster');
  }

  it('covers every guarded route, and finds query parameters to spoil', () => {
    expect(routes().length).toBe(t.app.guardedRoutes.length);
    expect([...queryNames.values()].flat().length).toBeGreaterThan(10);
    expect([...bodyPaths.values()].flat().length).toBeGreaterThan(200);
  });

  it.each(SPOILERS)(
    'refuses $name in every body string, path parameter and query parameter',
    async (spoiler) => {
      const before = await snapshot(t);
      let checked = 0;
      for (const route of routes()) {
        const sample = sampleOf(route);
        const documented = bodyPaths.get(`${route.method} ${route.url}`) ?? [];
        const paths = new Map([...stringPaths(sample.body), ...documented].map((p) => [p.join('/'), p]));
        for (const path of paths.values()) {
          const label = `${route.method} ${route.url} body/${path.join('/')}`;
          expectRefused(
            label,
            await send(route.method, sample.url, replaced(sample.body, path, spoiler.json)),
          );
          checked++;
        }
      }
      for (const variant of urlVariants(spoiler.url)) {
        expectRefused(variant.label, await send(variant.method, variant.url, variant.body));
        checked++;
      }
      expect(checked).toBeGreaterThan(300);
      expect(await snapshot(t)).toEqual(before);
    },
  );

  it.each(FORGED_PAGE_TOKENS)(
    'refuses a page token that decodes to $name on every paged route, as a token it did not issue',
    async (forged) => {
      const before = await snapshot(t);
      const checked: string[] = [];
      for (const route of routes()) {
        const key = `${route.method} ${route.url}`;
        const sample = sampleOf(route);
        const requests: { label: string; url: string; body: unknown }[] = [];
        if (queryNames.get(key)?.includes('page_token')) {
          const url = `${sample.url}?page_token=${encodeURIComponent(forged.token)}`;
          requests.push({ label: `${key} querystring/page_token`, url, body: sample.body });
        }
        if (bodyPaths.get(key)?.some((path) => path.join('/') === 'pageToken')) {
          const body = { ...(sample.body as object), pageToken: forged.token };
          requests.push({ label: `${key} body/pageToken`, url: sample.url, body });
        }
        for (const request of requests) {
          const answer = await send(route.method, request.url, request.body);
          expectRefused(request.label, answer);
          expect(answer.body.details?.[0]?.reason, request.label).toBe('INVALID_PAGE_TOKEN');
          checked.push(request.label);
        }
      }
      expect(checked.length).toBeGreaterThan(25);
      // The four that answered 500 on PostgreSQL for `k1.AA` are among them.
      expect(checked).toEqual(
        expect.arrayContaining([
          'POST /api/v1/search/apps body/pageToken',
          'GET /api/v1/apps querystring/page_token',
          'GET /api/v1/apps/:app_id/entitlements/:app_entitlement_id/users querystring/page_token',
          'GET /roster/v1/bulk_actions querystring/page_token',
        ]),
      );
      expect(await snapshot(t)).toEqual(before);
    },
  );

  it('takes Object.prototype names for unknown IDs, refuses them as update-mask paths, and stores nothing', async () => {
    const before = await snapshot(t);
    const masked = new Set<string>();
    for (const name of PROTOTYPE_NAMES) {
      for (const variant of urlVariants(encodeURIComponent(name)).filter((v) =>
        v.label.includes(' params/'),
      )) {
        // An unknown ID is a 404 (or, for an idempotent removal, a 200 that changes nothing),
        // never a fault and never a match.
        const answer = await send(variant.method, variant.url, variant.body);
        const label = `${variant.label} = ${name}: ${JSON.stringify(answer.body).slice(0, 200)}`;
        expect(answer.status, label).toBeLessThan(500);
        if (answer.status >= 400) expect(answer.body.details?.[0]?.domain, label).toBe('roster');
      }
      for (const route of routes()) {
        const sample = sampleOf(route);
        const body = sample.body as Record<string, unknown> | undefined;
        if (!body || route.method !== 'POST' || !/\/:[a-z_]*id$/.test(route.url)) continue;
        const entity = Object.keys(body).find(
          (key) => typeof body[key] === 'object' && !Array.isArray(body[key]) && key !== 'updateMask',
        );
        if (!entity) continue;
        const answer = await send(route.method, sample.url, { ...body, updateMask: name });
        expectRefused(`${route.method} ${route.url} updateMask=${name}`, answer);
        expect(answer.body.details?.[0]?.reason).toBe('INVALID_UPDATE_MASK');
        masked.add(route.url);
      }
    }
    // apps, resource types, resources, entitlements, app users, roles, personal clients, policies,
    // access reviews
    expect(masked.size).toBe(9);
    expect(await snapshot(t)).toEqual(before);
  });
});
