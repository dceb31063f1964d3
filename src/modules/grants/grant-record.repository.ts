import { sql } from 'kysely';
import type { ChangePosition } from '../../db/dialects/dialect.js';
import { heldAt } from '../../db/live-grants.js';
import { type Ref, refsMatch } from '../../db/ref-match.js';
import type { Executor } from '../../db/schema.js';
import { GRANT_CHANGE_KINDS, type GrantChangeKind } from '../../lib/vocabulary.js';
import {
  type GrantEventRow as ChangeGrantEventRow,
  inWindow,
  type PositionWindow,
} from '../changes/index.js';
import type { GrantRow } from './grants.repository.js';

/**
 * The questions the record answers about grants (issue 5): who holds what now (grant search), who
 * held what when (past grants), and what changed between two instants (the grant feed). Every
 * filter is a WHERE clause; each page is read in the order of an index of migration 0003.
 */
type List = readonly string[] | undefined;
const some = (list: List): list is readonly string[] => list !== undefined && list.length > 0;

export interface GrantSearchFilter {
  readonly afterId?: string | undefined;
  readonly limit: number;
  readonly appIds?: List;
  readonly appUserIds?: List;
  readonly entitlementRefs?: readonly Ref[] | undefined;
  readonly resourceIds?: List;
  readonly resourceTypeIds?: List;
  /** The identity user whose accounts' grants are wanted. */
  readonly userId?: string | undefined;
  /** Grants past their deprovision time at `now` are not held (see heldAt). */
  readonly now: string;
}

/** Live grants in ID order (ES.SearchGrants). */
export function searchLiveGrants(db: Executor, criteria: GrantSearchFilter): Promise<GrantRow[]> {
  let query = db.selectFrom('grants').selectAll('grants').where(heldAt(criteria.now));
  if (criteria.afterId) query = query.where('grants.id', '>', criteria.afterId);
  if (some(criteria.appIds)) query = query.where('grants.app_id', 'in', criteria.appIds);
  if (some(criteria.appUserIds)) query = query.where('grants.app_user_id', 'in', criteria.appUserIds);
  const refs = criteria.entitlementRefs;
  if (refs && refs.length > 0)
    query = query.where((eb) => refsMatch(eb, refs, 'grants.app_entitlement_id', 'grants.app_id'));
  const { resourceIds, resourceTypeIds, userId } = criteria;
  if (some(resourceIds)) {
    query = query.where('grants.app_entitlement_id', 'in', (eb) =>
      eb
        .selectFrom('app_entitlements')
        .select('app_entitlements.id')
        .where('app_entitlements.app_resource_id', 'in', resourceIds),
    );
  }
  if (some(resourceTypeIds)) {
    query = query.where('grants.app_entitlement_id', 'in', (eb) =>
      eb
        .selectFrom('app_entitlements')
        .select('app_entitlements.id')
        .where('app_entitlements.app_resource_type_id', 'in', resourceTypeIds),
    );
  }
  if (userId) {
    query = query.where('grants.app_user_id', 'in', (eb) =>
      eb.selectFrom('app_users').select('app_users.id').where('app_users.identity_user_id', '=', userId),
    );
  }
  return query.orderBy('grants.id').limit(criteria.limit).execute();
}

export interface PastGrantFilter {
  readonly afterId?: string | undefined;
  readonly limit: number;
  readonly appIds?: List;
  readonly entitlementRefs?: readonly Ref[] | undefined;
  readonly appUserRefs?: readonly Ref[] | undefined;
}

/** Grants live and revoked, in ID order (UB.SearchPastGrants): history is never erased (§7.12). */
export function searchPastGrants(db: Executor, criteria: PastGrantFilter): Promise<GrantRow[]> {
  let query = db.selectFrom('grants').selectAll();
  if (criteria.afterId) query = query.where('id', '>', criteria.afterId);
  if (some(criteria.appIds)) query = query.where('app_id', 'in', criteria.appIds);
  const { entitlementRefs, appUserRefs } = criteria;
  if (entitlementRefs && entitlementRefs.length > 0) {
    query = query.where((eb) => refsMatch(eb, entitlementRefs, 'grants.app_entitlement_id', 'grants.app_id'));
  }
  if (appUserRefs && appUserRefs.length > 0) {
    query = query.where((eb) => refsMatch(eb, appUserRefs, 'grants.app_user_id', 'grants.app_id'));
  }
  return query.orderBy('id').limit(criteria.limit).execute();
}

export interface GrantFeedFilter {
  /** The positions to read: after the reader's cursor, up to the change stream's horizon. */
  readonly window: PositionWindow;
  readonly limit: number;
  /** Half-open window [from, to) on occurred_at. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly appIds?: List;
  readonly entitlementRefs?: readonly Ref[] | undefined;
  readonly appUserRefs?: readonly Ref[] | undefined;
  readonly userIds?: List;
}

/** The grant events a feed or change listing reads: every filter a WHERE clause. */
function grantEventsMatching(db: Executor, criteria: Omit<GrantFeedFilter, 'window' | 'limit'>) {
  let query = db.selectFrom('grant_events');
  if (criteria.from) query = query.where('occurred_at', '>=', criteria.from);
  if (criteria.to) query = query.where('occurred_at', '<', criteria.to);
  if (some(criteria.appIds)) query = query.where('app_id', 'in', criteria.appIds);
  const { entitlementRefs, appUserRefs, userIds } = criteria;
  if (entitlementRefs && entitlementRefs.length > 0) {
    query = query.where((eb) =>
      refsMatch(eb, entitlementRefs, 'grant_events.app_entitlement_id', 'grant_events.app_id'),
    );
  }
  if (appUserRefs && appUserRefs.length > 0) {
    query = query.where((eb) =>
      refsMatch(eb, appUserRefs, 'grant_events.app_user_id', 'grant_events.app_id'),
    );
  }
  if (some(userIds)) {
    query = query.where('app_user_id', 'in', (eb) =>
      eb.selectFrom('app_users').select('app_users.id').where('app_users.identity_user_id', 'in', userIds),
    );
  }
  return query;
}

/**
 * Grant events in change-stream position order (UB.SearchGrantFeed), so a reader paging by position
 * misses none that commit later (src/modules/changes).
 */
export function searchGrantEvents(db: Executor, criteria: GrantFeedFilter): Promise<ChangeGrantEventRow[]> {
  return grantEventsMatching(db, criteria)
    .selectAll()
    .where(inWindow(criteria.window))
    .orderBy('tx_id')
    .orderBy('seq')
    .limit(criteria.limit)
    .execute();
}

/** The kind of a grant-history entry (GRANT_CHANGE_KINDS), as SQL. */
const changeKind = sql<GrantChangeKind>`case
  when event_type = 'GRANT_EVENT_TYPE_ADDED' then 'GRANT_CHANGE_KIND_GRANTED'
  when actor_user_id is null and actor_client_id is null then 'GRANT_CHANGE_KIND_EXPIRED'
  else 'GRANT_CHANGE_KIND_REVOKED' end`;

export interface GrantChangeFilter extends Omit<GrantFeedFilter, 'window' | 'limit'> {
  /** Only changes of these kinds; an empty list is no filter. */
  readonly kinds?: readonly GrantChangeKind[] | undefined;
}

/**
 * One page of grant changes, newest first (change-stream position, descending), strictly before
 * `before` (the last position of the previous page). Read backwards along the feed's indexes.
 */
export function listGrantChangesNewestFirst(
  db: Executor,
  criteria: GrantChangeFilter & { readonly before?: ChangePosition | undefined; readonly limit: number },
): Promise<Array<ChangeGrantEventRow & { kind: GrantChangeKind }>> {
  let query = grantEventsMatching(db, criteria).selectAll().select(changeKind.as('kind'));
  if (criteria.kinds && criteria.kinds.length > 0) query = query.where(changeKind, 'in', criteria.kinds);
  const { before } = criteria;
  if (before) {
    query = query.where((eb) => eb(eb.refTuple('tx_id', 'seq'), '<', eb.tuple(before.txId, before.seq)));
  }
  return query.orderBy('tx_id', 'desc').orderBy('seq', 'desc').limit(criteria.limit).execute();
}

/** How many changes of each kind match the filter (every kind, whatever `kinds` says). */
export async function countGrantChanges(
  db: Executor,
  criteria: Omit<GrantFeedFilter, 'window' | 'limit'>,
): Promise<Record<GrantChangeKind, number>> {
  const rows = await grantEventsMatching(db, criteria)
    .select([changeKind.as('kind'), (eb) => eb.fn.countAll().as('n')])
    .groupBy(changeKind)
    .execute();
  const totals = Object.fromEntries(GRANT_CHANGE_KINDS.map((k) => [k, 0])) as Record<GrantChangeKind, number>;
  for (const row of rows) totals[row.kind] = Number(row.n);
  return totals;
}

/** The live accounts of an identity user in one app, in ID order. */
export function listAppUsersOfIdentity(db: Executor, appId: string, identityUserId: string) {
  return db
    .selectFrom('app_users')
    .selectAll()
    .where('app_id', '=', appId)
    .where('identity_user_id', '=', identityUserId)
    .where('deleted_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** The live grants of one entitlement held by the given accounts. */
export function findLiveGrantsOfAppUsers(
  db: Executor,
  entitlementId: string,
  appUserIds: readonly string[],
  now: string,
): Promise<GrantRow[]> {
  if (appUserIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('grants')
    .selectAll()
    .where('app_entitlement_id', '=', entitlementId)
    .where('app_user_id', 'in', appUserIds)
    .where(heldAt(now))
    .execute();
}
