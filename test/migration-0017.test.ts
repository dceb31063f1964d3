import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { down, up } from '../src/db/migrations/0017_scim_owned_entitlements.js';
import { createEntitlement, expectError } from './fixtures.js';
import { DIALECTS, startTestApp, type TestApp } from './harness.js';
import { createScimConnection, GROUP_SCHEMA } from './scim-fixtures.js';

type AnyDb = Kysely<any>;

/**
 * Migration 0017 marks the groups SCIM pushed before it as owned by their connection: those of a
 * live connection, not those of a deleted one, and no other entitlement. Run here as a database
 * written before it would meet it: the column dropped, then the migration applied.
 */
describe.each(DIALECTS)('migration 0017 on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(() => t.close());

  it('gives each group of a live connection its owner, and nothing else one', async () => {
    const live = await createScimConnection(t, 'Live');
    const gone = await createScimConnection(t, 'Gone');
    const group = async (scim: typeof live, displayName: string) => {
      const r = await scim.send('POST', '/Groups', { schemas: [GROUP_SCHEMA], displayName });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      return r.body.id as string;
    };
    const owned = await group(live, 'Owned');
    const released = await group(gone, 'Released');
    const ordinary = (await createEntitlement(t, live.appId)).id as string;
    expect((await t.request('DELETE', `/roster/v1/scim/connections/${gone.connectionId}`)).status).toBe(200);

    const db = t.db as unknown as AnyDb;
    await down(db);
    await up(db);

    const rows = await t.db
      .selectFrom('app_entitlements')
      .select(['id', 'scim_connection_id'])
      .where('id', 'in', [owned, released, ordinary])
      .execute();
    expect(Object.fromEntries(rows.map((r) => [r.id, r.scim_connection_id]))).toEqual({
      [owned]: live.connectionId,
      [released]: null,
      [ordinary]: null,
    });
    expectError(
      await t.request('DELETE', `/api/v1/apps/${live.appId}/entitlements/${owned}`),
      400,
      9,
      'ENTITLEMENT_MANAGED_BY_SCIM',
      { scimConnectionId: live.connectionId },
    );
  });
});
