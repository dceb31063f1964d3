import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, startTestApp, type TestApp } from '../../../test/harness.js';
import { createScimConnection, expectScimError, type ScimClient } from '../../../test/scim-fixtures.js';

/** Every answer says what Roster did: no 404 for a known endpoint, no 2xx for a change not made. */
describe.each(DIALECTS)('SCIM answers on %s', (dialect) => {
  let t: TestApp;
  let scim: ScimClient;
  beforeAll(async () => {
    t = await startTestApp(dialect);
    scim = await createScimConnection(t, 'Truth');
  });
  afterAll(() => t.close());

  it('answers /Bulk with 501 in the SCIM error schema, under either base', async () => {
    const body = { schemas: ['urn:ietf:params:scim:api:messages:2.0:BulkRequest'], Operations: [] };
    expectScimError(await scim.send('POST', '/Bulk', body), 501);
    expectScimError(await scim.send('POST', '/scim/v2/Bulk', body), 501);
    expect((await scim.send('POST', '/Bulk', body)).body.detail).toMatch(/not supported/);
    // Still behind the token.
    const anonymous = await t.app.inject({ method: 'POST', url: `${scim.base}/Bulk`, payload: body });
    expect(anonymous.statusCode).toBe(401);
  });
});
