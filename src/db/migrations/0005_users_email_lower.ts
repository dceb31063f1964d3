import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the database as it was, untyped
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // The user search's `email` filter compares case-insensitively (lower(email) = ?), which the plain
  // email index cannot serve: without this, each lookup scans every user, and resolving a file of
  // emails costs users × emails.
  await sql`create index users_email_lower on users (lower(email))`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('users_email_lower').execute();
}
