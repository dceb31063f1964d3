import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the database as it was, untyped
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // Console sign-ins. The row ID is the SHA-256 of the cookie's value, so a copy of the table does
  // not let anyone act as the people signed in.
  await db.schema
    .createTable('console_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    // The API client signed in with, whose scoped roles and deletion apply; null for OpenID Connect.
    .addColumn('client_row_id', 'text')
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('console_sessions_expires')
    .on('console_sessions')
    .column('expires_at')
    .execute();

  // OpenID Connect sign-ins under way: the PKCE verifier and nonce of each, keyed by the SHA-256 of
  // its `state`, so any process sharing the database can finish a sign-in another one started.
  await db.schema
    .createTable('console_oidc_logins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code_verifier', 'text', (c) => c.notNull())
    .addColumn('nonce', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('console_oidc_logins').execute();
  await db.schema.dropTable('console_sessions').execute();
}
