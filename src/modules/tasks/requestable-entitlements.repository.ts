import { sql } from 'kysely';
import { heldAt } from '../../db/live-grants.js';
import type { Executor } from '../../db/schema.js';
import { containsText } from '../../db/text-match.js';

/** One entitlement a person may ask for, with what they have of it already. */
export interface RequestableEntitlementRow {
  readonly app_id: string;
  readonly app_display_name: string;
  readonly id: string;
  readonly display_name: string;
  readonly description: string;
  readonly grant_policy_id: string;
  /** The policy's name; null when the entitlement names none or a policy that is gone. */
  readonly grant_policy_name: string | null;
  readonly duration_grant: string | null;
  /** The person holds a grant of it now. */
  readonly held: boolean;
  /** The person's oldest open grant task for it, or ''. */
  readonly open_task_id: string;
}

export interface RequestableFilter {
  readonly userId: string;
  /** Grants are held until their deprovision time (heldAt); from the injected clock. */
  readonly now: string;
  readonly query?: string | undefined;
  readonly appId?: string | undefined;
  /** The entitlement the previous page ended with. */
  readonly afterId?: string | undefined;
  readonly limit: number;
}

/** The sort key of a row: app name, entitlement name (both ignoring case), then the ID for ties. */
const SORT_KEY = sql`(lower(apps.display_name), lower(app_entitlements.display_name), app_entitlements.id)`;

/**
 * The entitlements anyone may request for themself (CONTRACT.md §7.26): live, in a live app, taking
 * manual members and not a SCIM group, as `task/grant` accepts them. A read model over the catalog,
 * the policies, the grants and this module's tasks in one keyset-paged query, so that a person
 * without `catalog:read` can look through what they may ask for.
 */
export async function listRequestableEntitlements(
  db: Executor,
  filter: RequestableFilter,
): Promise<RequestableEntitlementRow[]> {
  let select = db
    .selectFrom('app_entitlements')
    .innerJoin('apps', 'apps.id', 'app_entitlements.app_id')
    .leftJoin('policies', 'policies.id', 'app_entitlements.grant_policy_id')
    .select((eb) => [
      'app_entitlements.app_id',
      'apps.display_name as app_display_name',
      'app_entitlements.id',
      'app_entitlements.display_name',
      'app_entitlements.description',
      'app_entitlements.grant_policy_id',
      'policies.display_name as grant_policy_name',
      'app_entitlements.duration_grant',
      eb
        .selectFrom('grants')
        .innerJoin('app_users', 'app_users.id', 'grants.app_user_id')
        .select('grants.id')
        .whereRef('grants.app_entitlement_id', '=', 'app_entitlements.id')
        .where('app_users.identity_user_id', '=', filter.userId)
        .where(heldAt(filter.now))
        .limit(1)
        .as('held_grant_id'),
      eb
        .selectFrom('tasks')
        .select('tasks.id')
        .whereRef('tasks.app_entitlement_id', '=', 'app_entitlements.id')
        .where('tasks.identity_user_id', '=', filter.userId)
        .where('tasks.task_type', '=', 'grant')
        .where('tasks.state', '=', 'TASK_STATE_OPEN')
        .orderBy('tasks.id')
        .limit(1)
        .as('open_task_id'),
    ])
    .where('app_entitlements.deleted_at', 'is', null)
    .where('apps.deleted_at', 'is', null)
    .where('app_entitlements.is_manually_managed', '=', 1)
    .where('app_entitlements.scim_connection_id', 'is', null)
    .orderBy(sql`lower(apps.display_name)`)
    .orderBy(sql`lower(app_entitlements.display_name)`)
    .orderBy('app_entitlements.id')
    .limit(filter.limit);
  if (filter.appId) select = select.where('app_entitlements.app_id', '=', filter.appId);
  const query = filter.query;
  if (query) {
    select = select.where((eb) =>
      eb.or([containsText('apps.display_name', query), containsText('app_entitlements.display_name', query)]),
    );
  }
  if (filter.afterId) {
    // The key of the previous page's last row, read again: a token carries only its ID.
    select = select.where(
      sql<boolean>`${SORT_KEY} > (select lower(cursor_app.display_name), lower(cursor_entitlement.display_name), cursor_entitlement.id
        from app_entitlements cursor_entitlement inner join apps cursor_app on cursor_app.id = cursor_entitlement.app_id
        where cursor_entitlement.id = ${filter.afterId})`,
    );
  }
  const rows = await select.execute();
  return rows.map(({ held_grant_id, open_task_id, ...row }) => ({
    ...row,
    held: held_grant_id !== null,
    open_task_id: open_task_id ?? '',
  }));
}
