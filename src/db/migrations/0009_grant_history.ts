import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the database as it was, untyped
type AnyDb = Kysely<any>;

/** The system-log operations a bulk action used to write once per row it touched. */
const PER_ROW_OPERATIONS = ['grant.added', 'grant.removed', 'grant.expired', 'app_user.created'];

/**
 * The audit trail as two records that do not duplicate each other (CONTRACT.md §7.11):
 *
 * - The grant history (`grant_events`) now names who made each change and through which request
 *   (`actor_user_id`, `actor_client_id`, `request_id`), and says on a grant's ADDED entry whether the
 *   app user it names was created to receive that grant (`app_user_created`). App users are only ever
 *   created to receive a grant, so this is the one entry per app user created, without a second row.
 * - The system log keeps API activity only: the per-row events bulk actions wrote (`grant.added`,
 *   `grant.removed`, `grant.expired`, `app_user.created` with a bulk action ID) are deleted once the
 *   grant history holds every fact they held (same grant or app user, same bulk action, same time;
 *   the actor and request copied over). A row whose facts could not be matched is kept.
 * - `entitlement_member_counts` counts each entitlement's unrevoked grants, maintained with every
 *   grant added or removed, so reads stop counting grants. The count is split over a few rows per
 *   entitlement (`shard`), summed on read: writers on PostgreSQL each move their own row, so batches
 *   of one entitlement in several processes do not queue on one counter.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('grant_events').addColumn('actor_user_id', 'text').execute();
  await db.schema.alterTable('grant_events').addColumn('actor_client_id', 'text').execute();
  await db.schema.alterTable('grant_events').addColumn('request_id', 'text').execute();
  await db.schema
    .alterTable('grant_events')
    .addColumn('app_user_created', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('entitlement_member_counts')
    .addColumn('app_entitlement_id', 'text', (c) => c.notNull())
    .addColumn('shard', 'integer', (c) => c.notNull())
    .addColumn('member_count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('entitlement_member_counts_pk', ['app_entitlement_id', 'shard'])
    .execute();

  // A bulk action's per-user outcomes are read from its grant history, by app user.
  await db.schema
    .createIndex('grant_events_bulk_action')
    .on('grant_events')
    .columns(['bulk_action_id', 'app_user_id'])
    .where(sql.ref('bulk_action_id'), 'is not', null)
    .execute();

  // Only for the backfill below: the system log and grant history have no index by target.
  await db.schema
    .createIndex('tmp_0009_system_log_target')
    .on('system_log_events')
    .columns(['target_id', 'activity'])
    .execute();
  await db.schema
    .createIndex('tmp_0009_grant_events_grant')
    .on('grant_events')
    .columns(['grant_id'])
    .execute();
  await db.schema
    .createIndex('tmp_0009_items_app_user')
    .on('bulk_action_items')
    .columns(['bulk_action_id', 'app_user_id'])
    .execute();

  await backfillActors(db);
  await backfillAppUsersCreated(db);
  await deletePerRowEvents(db);

  await db.schema.dropIndex('tmp_0009_items_app_user').execute();
  await db.schema.dropIndex('tmp_0009_grant_events_grant').execute();
  await db.schema.dropIndex('tmp_0009_system_log_target').execute();

  await sql`
    insert into entitlement_member_counts (app_entitlement_id, shard, member_count)
    select app_entitlement_id, 0, count(*) from grants
    where deleted_at is null
    group by app_entitlement_id`.execute(db);
}

/** The system-log event that recorded a grant event: same grant, matching operation, same instant. */
const MATCHING_GRANT_LOG = sql`
  s.target_type = 'grant'
  and s.target_id = grant_events.grant_id
  and s.occurred_at = grant_events.occurred_at
  and (
    (grant_events.event_type = 'GRANT_EVENT_TYPE_ADDED' and s.activity = 'grant.added')
    or (grant_events.event_type = 'GRANT_EVENT_TYPE_REMOVED' and s.activity in ('grant.removed', 'grant.expired'))
  )`;

async function backfillActors(db: AnyDb): Promise<void> {
  // Every grant change the system log recorded, by a request or a bulk action, names its actor there.
  await sql`
    update grant_events set
      actor_user_id = s.actor_user_id,
      actor_client_id = s.actor_client_id,
      request_id = s.request_id
    from system_log_events s
    where ${MATCHING_GRANT_LOG}`.execute(db);
  // A bulk action's own row names the request that made it, should its log event be missing.
  await sql`
    update grant_events set
      actor_user_id = nullif(b.actor_user_id, ''),
      actor_client_id = nullif(b.actor_client_id, ''),
      request_id = nullif(b.request_id, '')
    from bulk_actions b
    where b.id = grant_events.bulk_action_id
      and grant_events.request_id is null
      and grant_events.actor_user_id is null
      and grant_events.actor_client_id is null`.execute(db);
}

async function backfillAppUsersCreated(db: AnyDb): Promise<void> {
  // An app user a bulk action created got its grant in the same batch: that grant's ADDED entry.
  await sql`
    update grant_events set app_user_created = 1
    where event_type = 'GRANT_EVENT_TYPE_ADDED'
      and bulk_action_id is not null
      and (
        exists (
          select 1 from system_log_events s
          where s.target_id = grant_events.app_user_id
            and s.activity = 'app_user.created'
            and s.bulk_action_id = grant_events.bulk_action_id
        )
        or exists (
          select 1 from bulk_action_items i
          where i.bulk_action_id = grant_events.bulk_action_id
            and i.app_user_id = grant_events.app_user_id
            and i.app_user_created = 1
        )
      )`.execute(db);
}

async function deletePerRowEvents(db: AnyDb): Promise<void> {
  await sql`
    delete from system_log_events
    where bulk_action_id is not null
      and activity in (${sql.join(PER_ROW_OPERATIONS)})
      and (
        (
          target_type = 'grant' and exists (
            select 1 from grant_events g
            where g.grant_id = system_log_events.target_id
              and g.bulk_action_id = system_log_events.bulk_action_id
              and g.occurred_at = system_log_events.occurred_at
              and g.event_type = case when system_log_events.activity = 'grant.added'
                then 'GRANT_EVENT_TYPE_ADDED' else 'GRANT_EVENT_TYPE_REMOVED' end
              and coalesce(g.actor_user_id, '') = coalesce(system_log_events.actor_user_id, '')
              and coalesce(g.actor_client_id, '') = coalesce(system_log_events.actor_client_id, '')
              and coalesce(g.request_id, '') = coalesce(system_log_events.request_id, '')
          )
        )
        or (
          target_type = 'app_user' and exists (
            select 1 from grant_events g
            where g.app_user_id = system_log_events.target_id
              and g.bulk_action_id = system_log_events.bulk_action_id
              and g.event_type = 'GRANT_EVENT_TYPE_ADDED'
              and g.app_user_created = 1
              and g.occurred_at = system_log_events.occurred_at
          )
        )
      )`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('grant_events_bulk_action').execute();
  await db.schema.dropTable('entitlement_member_counts').execute();
  await db.schema.alterTable('grant_events').dropColumn('app_user_created').execute();
  await db.schema.alterTable('grant_events').dropColumn('request_id').execute();
  await db.schema.alterTable('grant_events').dropColumn('actor_client_id').execute();
  await db.schema.alterTable('grant_events').dropColumn('actor_user_id').execute();
}
