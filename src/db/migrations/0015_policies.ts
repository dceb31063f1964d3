import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the database as it was, untyped
type AnyDb = Kysely<any>;

/**
 * Policies (issue 19): how a request to grant or revoke access, or a review's certification, is
 * decided. Steps are kept as JSON in their wire form: they are read and written whole, never queried
 * by part. The built-in default grant policy (approval by the app's owners) is what an entitlement
 * without a grant policy asks for; its ID is fixed so every Roster names it alike.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('policies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('policy_type', 'text', (c) => c.notNull())
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('post_actions', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('system_builtin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('generation', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('deleted_at', 'text')
    .execute();
  // Search filters by type among live policies, keyset-paged by ID.
  await db.schema.createIndex('policies_type').on('policies').columns(['policy_type', 'id']).execute();

  const at = new Date().toISOString();
  await db
    .insertInto('policies')
    .values({
      id: DEFAULT_GRANT_POLICY_ID,
      display_name: 'Default grant policy',
      description: "Used by entitlements that name no grant policy: the app's owners approve.",
      policy_type: 'POLICY_TYPE_GRANT',
      steps: JSON.stringify([{ approval: { appOwners: { allowSelfApproval: false } } }]),
      post_actions: '[]',
      system_builtin: 1,
      generation: 1,
      created_at: at,
      updated_at: at,
      deleted_at: null,
    })
    .execute();
}

/** Kept in step with src/modules/policies/builtin-policies.ts, which the code reads. */
const DEFAULT_GRANT_POLICY_ID = '3N7cZNK67ihO9Ke78tI6Kxbqi93';

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('policies').execute();
}
