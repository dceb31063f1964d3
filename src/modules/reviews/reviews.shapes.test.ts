import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, createEntitlement, createPolicies } from '../../../test/fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import { createCaller } from '../../../test/identity-fixtures.js';

/**
 * The access review operations as the official TypeScript SDK models them, transcribed into
 * docs/conductorone-access-reviews.openapi.json (no published spec Roster ships has them). Every
 * answer must validate against its response schema with no field the model lacks (so a misnamed
 * field fails), carry every scalar, enum and list field (CONTRACT.md §1: unpopulated fields are
 * emitted), and every request this test sends validates against the request schema.
 */
const spec = JSON.parse(
  readFileSync(new URL('../../../docs/conductorone-access-reviews.openapi.json', import.meta.url), 'utf8'),
);

type Schema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  additionalProperties?: boolean | Schema;
};

/** The spec with every modelled object closed: a field the SDK model does not name is an error. */
function closed(doc: any) {
  const copy = structuredClone(doc);
  for (const schema of Object.values(copy.components.schemas) as Schema[]) {
    if (schema.properties && schema.additionalProperties === undefined) schema.additionalProperties = false;
  }
  // Roster's one extension of AccessReview (CONTRACT.md §7.28): the SDK has no owners field.
  copy.components.schemas['c1.api.accessreview.v1.AccessReview'].properties.ownerIds = {
    type: 'array',
    items: { type: 'string' },
  };
  return { ...copy, $id: 'access-reviews' };
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(closed(spec));
const loose = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(loose);
loose.addSchema({ ...spec, $id: 'access-reviews' });

const resolve = (schema: Schema | undefined): Schema | undefined =>
  schema?.$ref ? spec.components.schemas[schema.$ref.split('/').pop() as string] : schema;

/** Scalar, enum and list fields the model names but `value` lacks; unset timestamps and messages may be left out. */
function missing(schemaRef: Schema | undefined, value: unknown, where: string): string[] {
  const schema = resolve(schemaRef);
  if (!schema || value === null || value === undefined) return [];
  if (schema.items && Array.isArray(value))
    return value.flatMap((v) => missing(schema.items, v, `${where}[]`));
  if (!schema.properties || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  return Object.entries(schema.properties).flatMap(([field, fieldRef]) => {
    const fieldSchema = resolve(fieldRef);
    const optional =
      fieldRef.$ref !== undefined || fieldSchema?.type === 'object' || fieldSchema?.format === 'date-time';
    if (!(field in record)) return optional ? [] : [`${where}.${field}`];
    return missing(fieldRef, record[field], `${where}.${field}`);
  });
}

const operationOf = (method: string, path: string) => spec.paths[path][method.toLowerCase()];

describe.each(DIALECTS)('access review answers match the official SDK models on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  /** Sends a request shaped as the SDK model says, and checks the answer against the model. */
  async function call(method: 'GET' | 'POST' | 'DELETE', path: string, url: string, body?: unknown) {
    const operation = operationOf(method, path);
    const requestRef = operation.requestBody?.content['application/json'].schema.$ref;
    if (requestRef && body !== undefined) {
      const validRequest = loose.getSchema(`access-reviews${requestRef}`);
      expect(
        validRequest?.(body),
        `${operation.operationId} request: ${JSON.stringify(validRequest?.errors)}`,
      ).toBe(true);
    }
    const response = await t.request(method, url, body);
    expect(response.status, `${operation.operationId}: ${JSON.stringify(response.body)}`).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const responseRef = operation.responses['200'].content['application/json'].schema.$ref as string;
    const valid = ajv.getSchema(`access-reviews${responseRef}`);
    expect(valid?.(response.body), `${operation.operationId}: ${JSON.stringify(valid?.errors)}`).toBe(true);
    expect(missing({ $ref: responseRef }, response.body, operation.operationId)).toEqual([]);
    return response.body;
  }

  it('in every access review operation, as /openapi.json names them', async () => {
    const policies = await createPolicies(t);
    const owner = await createCaller(t, []);
    const app = await createApp(t);
    const entitlement = await createEntitlement(t, app.id);
    const completionDate = new Date(t.clock.now().getTime() + 86_400_000).toISOString();

    const created = await call('POST', '/api/v1/access_review', '/api/v1/access_review', {
      displayName: 'Quarterly',
      description: 'Shapes',
      ownerIds: [owner.user.id],
      policyId: policies.certify,
      scopeType: 'ACCESS_REVIEW_SCOPE_TYPE_BY_ENTITLEMENTS',
      scopeV2: { appAccess: {}, allUsers: {} },
      completionDate,
      expandMask: { paths: [] },
    });
    const id = created.accessReview.accessReview.id;
    const item = '/api/v1/access_review/{id}';
    await call('GET', item, `/api/v1/access_review/${id}`);
    await call('GET', '/api/v1/access_reviews', '/api/v1/access_reviews?page_size=10');
    await call('POST', item, `/api/v1/access_review/${id}`, {
      accessReview: {
        displayName: 'Quarterly, renamed',
        autoCloseCampaign: true,
        autoCloseDecision: 'CLOSE_DECISION_SKIP',
      },
      updateMask: 'displayName,autoCloseCampaign,autoCloseDecision',
    });
    const scope = '/api/v1/access_review/{access_review_id}/scope_and_entitlements';
    const set = await call('POST', scope, `/api/v1/access_review/${id}/scope_and_entitlements`, {
      entitlements: [{ appId: app.id, appEntitlementId: entitlement.id }, { appId: app.id }],
      scopeV2: { appAccess: {} },
    });
    expect(set.list).toHaveLength(2);
    await call('GET', scope, `/api/v1/access_review/${id}/scope_and_entitlements`);
    await call('DELETE', item, `/api/v1/access_review/${id}`, {});

    // The served document names them as the SDK does.
    const served = (await t.request('GET', '/openapi.json', undefined, { token: null })).body;
    let compared = 0;
    for (const [path, item] of Object.entries(spec.paths as Record<string, Record<string, any>>)) {
      for (const [method, operation] of Object.entries(item)) {
        expect(
          {
            operationId: served.paths[path]?.[method]?.operationId,
            summary: served.paths[path]?.[method]?.summary,
            tags: served.paths[path]?.[method]?.tags,
          },
          `${method} ${path}`,
        ).toEqual({ operationId: operation.operationId, summary: operation.summary, tags: operation.tags });
        compared++;
      }
    }
    expect(compared).toBe(7);
  });

  it('refuses what the closed model refuses: a misnamed field fails the check', () => {
    const valid = ajv.getSchema('access-reviews#/components/schemas/c1.api.accessreview.v1.AccessReviewView');
    expect(valid?.({ accessReview: { accessReviewScopeV2: {} } })).toBe(false);
    expect(valid?.({ accessReview: { scopeV2: { appAccess: {} } } })).toBe(true);
  });
});
