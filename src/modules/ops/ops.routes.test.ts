import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../../../test/fixtures.js';
import { DIALECTS, openTestDatabase, startTestApp, type TestApp } from '../../../test/harness.js';

describe.each(DIALECTS)('health and readiness on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers /healthz and /readyz without a token', async () => {
    const health = await t.request('GET', '/healthz', undefined, { token: null });
    expect(health.status).toBe(200);
    expect(health.headers['content-type']).toMatch(/^application\/json/);
    expect(health.body).toEqual({ status: 'ok' });

    const ready = await t.request('GET', '/readyz', undefined, { token: null });
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', database: dialect });
  });

  it('is not ready while a migration is pending, and ready again once it is applied', async () => {
    const last = await t.db
      .selectFrom('kysely_migration' as never)
      .selectAll()
      .orderBy('name' as never, 'desc')
      .executeTakeFirstOrThrow();
    await t.db
      .deleteFrom('kysely_migration' as never)
      .where('name' as never, '=', (last as { name: string }).name as never)
      .execute();
    const pending = await t.request('GET', '/readyz', undefined, { token: null });
    expectError(pending, 503, 14, 'MIGRATIONS_PENDING', {
      requestId: pending.headers['x-request-id'] as string,
    });
    // /healthz says only that the process is up.
    expect((await t.request('GET', '/healthz', undefined, { token: null })).status).toBe(200);

    await t.db
      .insertInto('kysely_migration' as never)
      .values(last as never)
      .execute();
    expect((await t.request('GET', '/readyz', undefined, { token: null })).status).toBe(200);
  });
});

describe.each(DIALECTS)('readiness without a database on %s', (dialect) => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  let t: TestApp;
  afterEach(async () => {
    await t.close();
    await database.drop();
  });

  it('answers 503 in the error format once the database is closed', async () => {
    database = await openTestDatabase(dialect);
    t = await startTestApp(dialect, { database });
    expect((await t.request('GET', '/readyz', undefined, { token: null })).status).toBe(200);
    await database.handle.close();

    const response = await t.request('GET', '/readyz', undefined, { token: null });
    expectError(response, 503, 14, 'DATABASE_UNAVAILABLE');
    expect(response.body.details[0].metadata.requestId).toBe(response.headers['x-request-id']);
    expect((await t.request('GET', '/healthz', undefined, { token: null })).status).toBe(200);
  });
});

describe.each(DIALECTS)('request IDs on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(dialect);
  });
  afterAll(async () => {
    await t.close();
  });

  it('honours a well-formed incoming x-request-id in the header and in error bodies', async () => {
    const id = 'trace-7f3a.b2:9_0';
    const ok = await t.request('GET', '/healthz', undefined, { headers: { 'x-request-id': id } });
    expect(ok.headers['x-request-id']).toBe(id);

    const missing = await t.request('GET', '/api/v1/apps/nope', undefined, {
      headers: { 'x-request-id': id },
    });
    expect(missing.headers['x-request-id']).toBe(id);
    expect(missing.body.details[0].metadata.requestId).toBe(id);
  });

  it.each([
    ['too long', 'a'.repeat(129)],
    ['spaces', 'two words'],
    ['log injection', 'x\\nlevel=error'],
    ['empty', ''],
    ['leading punctuation', '-abc'],
  ])('replaces a malformed incoming x-request-id (%s) with a fresh one', async (_, value) => {
    const response = await t.request('GET', '/healthz', undefined, { headers: { 'x-request-id': value } });
    expect(response.status).toBe(200);
    expect(response.headers['x-request-id']).toMatch(/^[0-9A-Za-z]{27}$/);
  });

  it('gives each request its own ID when none is sent', async () => {
    const a = await t.request('GET', '/healthz');
    const b = await t.request('GET', '/healthz');
    expect(a.headers['x-request-id']).toMatch(/^[0-9A-Za-z]{27}$/);
    expect(b.headers['x-request-id']).not.toBe(a.headers['x-request-id']);
  });
});
