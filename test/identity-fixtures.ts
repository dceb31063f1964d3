import { sql } from 'kysely';
import { expect } from 'vitest';
import { APP_ADMIN_ROLE, READ_ONLY_ADMIN_ROLE, SUPER_ADMIN_ROLE } from '../src/lib/roles.js';
import { createUser } from './fixtures.js';
import type { TestApp } from './harness.js';

export const ROLES = {
  superAdmin: SUPER_ADMIN_ROLE.id,
  readOnlyAdmin: READ_ONLY_ADMIN_ROLE.id,
  appAdmin: APP_ADMIN_ROLE.id,
};

/** POSTs a token request with a whole client secret (the form the docs allow). */
export async function requestToken(
  t: TestApp,
  clientId: string,
  clientSecret: string,
  remoteAddress = '127.0.0.1',
): Promise<{ status: number; body: any }> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/auth/v1/token',
    remoteAddress,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    }).toString(),
  });
  return { status: response.statusCode, body: JSON.parse(response.body) };
}

export interface Caller {
  readonly user: any;
  readonly client: any;
  readonly clientSecret: string;
  readonly token: string;
}

/**
 * A user with `roleIds` and an API client of theirs (made by the admin through the Roster
 * extension), with a token for it.
 */
export async function createCaller(
  t: TestApp,
  roleIds: string[],
  clientBody: Record<string, unknown> = {},
  remoteAddress = '127.0.0.1',
): Promise<Caller> {
  const user = await createUser(t, { roleIds });
  const made = await t.request('POST', `/roster/v1/users/${user.id}/personal_clients`, {
    displayName: 'test client',
    ...clientBody,
  });
  expect(made.status, JSON.stringify(made.body)).toBe(200);
  const issued = await requestToken(t, made.body.client.clientId, made.body.clientSecret, remoteAddress);
  expect(issued.status, JSON.stringify(issued.body)).toBe(200);
  return {
    user,
    client: made.body.client,
    clientSecret: made.body.clientSecret,
    token: issued.body.access_token,
  };
}

/**
 * This app's tables. A PostgreSQL test database holds a schema per test file, made and dropped by
 * other files as this one runs: list only this app's schema, so another file's drop cannot fail it.
 */
export async function ownTables(t: TestApp): Promise<string[]> {
  const listing =
    t.container.dialect.name === 'postgres'
      ? sql<{ name: string }>`select table_name as name from information_schema.tables
          where table_schema = current_schema() and table_type = 'BASE TABLE'`
      : sql<{
          name: string;
        }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`;
  const rows = (await listing.execute(t.db)).rows;
  return rows.map((row) => row.name).filter((name) => !name.startsWith('kysely_'));
}

/** Row counts of every table, to show a refused request changed nothing. */
export async function tableCounts(t: TestApp): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await ownTables(t)) {
    const row = await t.db
      .selectFrom(table as 'users')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}
