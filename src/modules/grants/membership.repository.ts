import { cachedListQuery, cachedQuery, LARGEST_CACHED_LIST } from '../../db/cached-query.js';
import { heldAt } from '../../db/live-grants.js';
import type { Executor } from '../../db/schema.js';
import type { AppUserRow } from '../app-users/index.js';
import type { GrantRow } from './grants.repository.js';

export interface HeldMember {
  readonly app_user_id: string;
  /** '' for an app user linked to no C1 user. */
  readonly identity_user_id: string;
}

/** The app users holding a manual grant of the entitlement at `now`, with their C1 users. */
export function listHeldMembers(db: Executor, entitlementId: string, now: string): Promise<HeldMember[]> {
  return db
    .selectFrom('grants')
    .innerJoin('app_users', 'app_users.id', 'grants.app_user_id')
    .select(['grants.app_user_id', 'app_users.identity_user_id'])
    .where('grants.app_entitlement_id', '=', entitlementId)
    .where('grants.source', '=', 'MANUAL')
    .where(heldAt(now))
    .orderBy('grants.app_user_id')
    .execute();
}

export interface MembershipCounters {
  /** Grant events of the entitlement: every grant and revocation appends one; never erased. */
  readonly events: number;
  /** Live grants past their deprovision time, not yet swept: each expiry is a change before its event exists. */
  readonly expiredUnswept: number;
  /** Set-membership requests accepted, which change membership before their batches run. */
  readonly sets: number;
}

export async function readMembershipCounters(
  db: Executor,
  entitlementId: string,
  now: string,
): Promise<MembershipCounters> {
  const [events, expired, sets] = await Promise.all([
    db
      .selectFrom('grant_events')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('app_entitlement_id', '=', entitlementId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('grants')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('deleted_at', 'is', null)
      .where('deprovision_at', '<=', now)
      .where('app_entitlement_id', '=', entitlementId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('entitlement_member_sets')
      .select('set_count')
      .where('app_entitlement_id', '=', entitlementId)
      .executeTakeFirst(),
  ]);
  return { events: Number(events.n), expiredUnswept: Number(expired.n), sets: sets?.set_count ?? 0 };
}

export async function incrementMemberSets(db: Executor, entitlementId: string): Promise<void> {
  await db
    .insertInto('entitlement_member_sets')
    .values({ app_entitlement_id: entitlementId, set_count: 1 })
    .onConflict((oc) =>
      oc
        .column('app_entitlement_id')
        .doUpdateSet((eb) => ({ set_count: eb('entitlement_member_sets.set_count', '+', 1) })),
    )
    .execute();
}

export interface MemberPageRow {
  /** The grant's ID: the page's keyset. */
  readonly id: string;
  readonly grant: GrantRow;
  readonly appUser: AppUserRow;
  /** The task that made this grant (`''` when a bulk action, SCIM or an import made it). */
  readonly originatingTicketId: string;
  /** That task's `numericId`, `''` with no task. */
  readonly originatingTicketNumericId: string;
}

/** The grants held at `now` joined to their app users and the tasks they came from (the members page). */
const memberPage = (db: Executor, now: string) =>
  db
    .selectFrom('grants')
    .innerJoin('app_users', 'app_users.id', 'grants.app_user_id')
    .leftJoin('tasks', 'tasks.id', 'grants.ticket_id')
    .select([
      'grants.id',
      'grants.app_id',
      'grants.app_entitlement_id',
      'grants.app_user_id',
      'grants.source',
      'grants.bulk_action_id',
      'grants.created_at',
      'grants.deprovision_at',
      'grants.deleted_at',
      'grants.ticket_id',
      'app_users.app_id as u_app_id',
      'app_users.identity_user_id as u_identity_user_id',
      'app_users.display_name as u_display_name',
      'app_users.email as u_email',
      'app_users.username as u_username',
      'app_users.app_user_type as u_app_user_type',
      'app_users.status as u_status',
      'app_users.created_at as u_created_at',
      'app_users.updated_at as u_updated_at',
      'app_users.deleted_at as u_deleted_at',
      'tasks.numeric_id as ticket_numeric_id',
    ])
    .where(heldAt(now));

type MemberPageQuery = ReturnType<typeof memberPage>;

const inGrantOrder = (query: MemberPageQuery, limit: number) =>
  query.orderBy('grants.app_entitlement_id').orderBy('grants.id').limit(limit);

// The entitlement as a one-value range on page 1, later pages `=` and the ID bound, as
// listLiveGrants does, for the same plans.
const firstPageOf = (query: MemberPageQuery, entitlementId: string, limit: number) =>
  inGrantOrder(
    query
      .where('grants.app_entitlement_id', '>=', entitlementId)
      .where('grants.app_entitlement_id', '<=', entitlementId),
    limit,
  );

const pageAfter = (query: MemberPageQuery, entitlementId: string, afterId: string, limit: number) =>
  inGrantOrder(
    query.where('grants.app_entitlement_id', '=', entitlementId).where('grants.id', '>', afterId),
    limit,
  );

// The unfiltered page, which the console opens, compiled once per shape.
const memberPageFirst = cachedQuery((db, entitlementId: string, limit: number, now: string) =>
  firstPageOf(memberPage(db, now), entitlementId, limit),
);

const memberPageAfter = cachedQuery(
  (db, entitlementId: string, afterId: string, limit: number, now: string) =>
    pageAfter(memberPage(db, now), entitlementId, afterId, limit),
);

// The page of some app users (the console's search of members), compiled once per shape and list size.
const someMembersFirst = cachedListQuery(
  (db, appUserIds, entitlementId: string, limit: number, now: string) =>
    firstPageOf(memberPage(db, now).where('grants.app_user_id', 'in', appUserIds), entitlementId, limit),
);

const someMembersAfter = cachedListQuery(
  (db, appUserIds, entitlementId: string, afterId: string, limit: number, now: string) =>
    pageAfter(
      memberPage(db, now).where('grants.app_user_id', 'in', appUserIds),
      entitlementId,
      afterId,
      limit,
    ),
);

/**
 * One keyset page of the members of an entitlement at `now`, in grant ID order after `afterId`, with
 * their app users and the task each grant came from, in one query compiled once per shape (the
 * console's members page). `appUserIds`, when given, keeps those app users only (at most
 * LARGEST_CACHED_LIST of them: a page is one query).
 */
export async function listMemberPage(
  db: Executor,
  entitlementId: string,
  page: { afterId: string | undefined; limit: number; appUserIds?: readonly string[] | undefined },
  now: string,
): Promise<MemberPageRow[]> {
  const { afterId, limit, appUserIds } = page;
  if (appUserIds?.length === 0) return [];
  let rows: Awaited<ReturnType<MemberPageQuery['execute']>>;
  if (appUserIds) {
    if (appUserIds.length > LARGEST_CACHED_LIST) {
      throw new Error(`listMemberPage: at most ${LARGEST_CACHED_LIST} app users, not ${appUserIds.length}`);
    }
    rows = afterId
      ? await someMembersAfter.all(db, appUserIds, entitlementId, afterId, limit, now)
      : await someMembersFirst.all(db, appUserIds, entitlementId, limit, now);
  } else {
    rows = afterId
      ? await memberPageAfter.all(db, entitlementId, afterId, limit, now)
      : await memberPageFirst.all(db, entitlementId, limit, now);
  }
  return rows.map((r) => ({
    id: r.id,
    grant: {
      id: r.id,
      app_id: r.app_id,
      app_entitlement_id: r.app_entitlement_id,
      app_user_id: r.app_user_id,
      source: r.source,
      bulk_action_id: r.bulk_action_id,
      created_at: r.created_at,
      deprovision_at: r.deprovision_at,
      deleted_at: r.deleted_at,
      ticket_id: r.ticket_id ?? null,
    },
    appUser: {
      id: r.app_user_id,
      app_id: r.u_app_id,
      identity_user_id: r.u_identity_user_id,
      display_name: r.u_display_name,
      email: r.u_email,
      username: r.u_username,
      app_user_type: r.u_app_user_type,
      status: r.u_status,
      created_at: r.u_created_at,
      updated_at: r.u_updated_at,
      deleted_at: r.u_deleted_at,
    },
    originatingTicketId: r.ticket_id ?? '',
    originatingTicketNumericId: r.ticket_numeric_id === null ? '' : String(r.ticket_numeric_id),
  }));
}

/** A member as ListAppEntitlementUsers shows them: the grant's dates and its app user. */
export interface MemberViewRow {
  /** The grant's ID: the page's keyset. */
  readonly id: string;
  readonly grant: Pick<GrantRow, 'created_at' | 'deprovision_at'>;
  readonly appUser: AppUserRow;
}

/** The page's grants joined to their app users, with only the columns a member's view carries. */
const memberViews = (db: Executor, now: string) =>
  db
    .selectFrom('grants')
    .innerJoin('app_users', 'app_users.id', 'grants.app_user_id')
    .select([
      'grants.id',
      'grants.created_at as g_created_at',
      'grants.deprovision_at',
      'app_users.id as u_id',
      'app_users.app_id',
      'app_users.identity_user_id',
      'app_users.display_name',
      'app_users.email',
      'app_users.username',
      'app_users.app_user_type',
      'app_users.status',
      'app_users.created_at',
      'app_users.updated_at',
      'app_users.deleted_at',
    ])
    .where(heldAt(now));

// Page 1 takes the entitlement as a one-value range, later pages `=` and the ID bound, as
// listLiveGrants does, for the same plans.
const memberViewsFirst = cachedQuery((db, entitlementId: string, limit: number, now: string) =>
  memberViews(db, now)
    .where('grants.app_entitlement_id', '>=', entitlementId)
    .where('grants.app_entitlement_id', '<=', entitlementId)
    .orderBy('grants.app_entitlement_id')
    .orderBy('grants.id')
    .limit(limit),
);

const memberViewsAfter = cachedQuery(
  (db, entitlementId: string, afterId: string, limit: number, now: string) =>
    memberViews(db, now)
      .where('grants.app_entitlement_id', '=', entitlementId)
      .where('grants.id', '>', afterId)
      .orderBy('grants.app_entitlement_id')
      .orderBy('grants.id')
      .limit(limit),
);

/**
 * One keyset page of the members of an entitlement at `now` in grant ID order after `afterId`, each
 * with its app user, in one query compiled once (ListAppEntitlementUsers); a grant whose app user
 * is gone is left out, as before.
 */
export async function listMemberViews(
  db: Executor,
  entitlementId: string,
  afterId: string | undefined,
  limit: number,
  now: string,
): Promise<MemberViewRow[]> {
  const rows = afterId
    ? await memberViewsAfter.all(db, entitlementId, afterId, limit, now)
    : await memberViewsFirst.all(db, entitlementId, limit, now);
  return rows.map((r) => ({
    id: r.id,
    grant: { created_at: r.g_created_at, deprovision_at: r.deprovision_at },
    appUser: {
      id: r.u_id,
      app_id: r.app_id,
      identity_user_id: r.identity_user_id,
      display_name: r.display_name,
      email: r.email,
      username: r.username,
      app_user_type: r.app_user_type,
      status: r.status,
      created_at: r.created_at,
      updated_at: r.updated_at,
      deleted_at: r.deleted_at,
    },
  }));
}
