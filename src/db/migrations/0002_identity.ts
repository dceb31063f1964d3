import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the database as it was, untyped
type AnyDb = Kysely<any>;

/**
 * Owners of apps, entitlements and resources (CONTRACT.md §5 "Owners", §7.13), and the editable
 * part of the built-in roles (§7.10). The role rows are written here with the values they had when
 * this migration was written; their permissions live in code (src/modules/auth/roles.ts).
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('owners')
    // 'app' | 'entitlement' | 'resource'
    .addColumn('target_type', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    // The app the target belongs to, so an owner check is one indexed look-up.
    .addColumn('app_id', 'text', (c) => c.notNull().references('apps.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('owners_pk', ['target_type', 'target_id', 'user_id'])
    .execute();
  await db.schema.createIndex('owners_user_app').on('owners').columns(['user_id', 'app_id']).execute();

  await db.schema
    .createTable('roles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  const at = '2026-01-01T00:00:00.000Z';
  await db
    .insertInto('roles')
    .values(
      [
        { id: '37dGalrpfohtbHpxZLbvItjo3Il', name: 'super_admin', display_name: 'Super Admin' },
        { id: '37dGaqSatBH5YJkjRCUAmgBNO9w', name: 'read_only_admin', display_name: 'Read-Only Admin' },
        { id: '37dGao7v9U78CKUWH3Xd9usUZyL', name: 'app_admin', display_name: 'App Admin' },
      ].map((r) => ({ ...r, created_at: at, updated_at: at })),
    )
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('roles').execute();
  await db.schema.dropTable('owners').execute();
}
