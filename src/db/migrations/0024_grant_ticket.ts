import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against the database as it was, untyped
type AnyDb = Kysely<any>;

/**
 * A grant names the task whose outcome it is (`ticket_id`, the membership's `originatingTicketId`),
 * so a page of members reads it from the grants it lists, with no lookup in the grant history.
 * Grants made before this are given the ticket of their ADDED entry, where it names one.
 */
export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('grants').addColumn('ticket_id', 'text').execute();
  await sql`
    update grants set ticket_id = e.ticket_id
    from grant_events e
    where e.grant_id = grants.id
      and e.event_type = 'GRANT_EVENT_TYPE_ADDED'
      and e.ticket_id is not null`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('grants').dropColumn('ticket_id').execute();
}
