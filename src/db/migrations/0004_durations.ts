import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the database as it was, untyped
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // The expiry sweeper and the membership version look for live grants whose deprovision time has
  // passed. The sweeper keeps that set small, so a partial index over timed grants finds it at once.
  await db.schema
    .createIndex('grants_live_expiry')
    .on('grants')
    .columns(['deprovision_at', 'app_entitlement_id'])
    .where(sql.ref('deleted_at'), 'is', null)
    .where(sql.ref('deprovision_at'), 'is not', null)
    .execute();

  // How many set-membership requests each entitlement has accepted: part of its membership version,
  // so a committed but not yet applied set moves the version at once. Only those requests write it;
  // batches never do, so parallel chunks do not queue on this row.
  await db.schema
    .createTable('entitlement_member_sets')
    .addColumn('app_entitlement_id', 'text', (c) => c.primaryKey())
    .addColumn('set_count', 'integer', (c) => c.notNull())
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('entitlement_member_sets').execute();
  await db.schema.dropIndex('grants_live_expiry').execute();
}
