import pg from 'pg';

/**
 * PostgreSQL test schemas are named for their run. Dropping a schema while another file's migrator
 * lists tables fails that listing (Kysely's introspection reads every schema), so a run drops its
 * schemas once, when all its files are done (global-setup.ts).
 */
export const TEST_SCHEMA_PREFIX = `roster_t_${process.env.ROSTER_TEST_RUN ?? 'x'}_`;

/** Drops the schemas of the test database whose names start with `prefix`. */
export async function dropSchemas(prefix: string): Promise<void> {
  const url = process.env.ROSTER_TEST_DATABASE_URL;
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // The lock migrations take (src/db/dialects/dialect.ts): no migrator lists tables meanwhile.
    await client.query(`select pg_advisory_lock(hashtext('roster:schema-change'))`);
    const { rows } = await client.query<{ name: string }>(
      'select nspname as name from pg_namespace where starts_with(nspname, $1)',
      [prefix],
    );
    for (const { name } of rows) await client.query(`drop schema "${name}" cascade`);
  } finally {
    await client.end();
  }
}
