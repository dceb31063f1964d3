import { type Ref, refsMatch } from '../../db/ref-match.js';
import type { Executor } from '../../db/schema.js';
import type { GrantEventRow, GrantRow } from './grants.repository.js';
import { heldAt } from './grants.repository.js';

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
export function searchLiveGrants(db: Executor, f: GrantSearchFilter): Promise<GrantRow[]> {
  let q = db.selectFrom('grants').selectAll('grants').where(heldAt(f.now));
  if (f.afterId) q = q.where('grants.id', '>', f.afterId);
  if (some(f.appIds)) q = q.where('grants.app_id', 'in', f.appIds);
  if (some(f.appUserIds)) q = q.where('grants.app_user_id', 'in', f.appUserIds);
  const refs = f.entitlementRefs;
  if (refs && refs.length > 0)
    q = q.where((eb) => refsMatch(eb, refs, 'grants.app_entitlement_id', 'grants.app_id'));
  const { resourceIds, resourceTypeIds, userId } = f;
  if (some(resourceIds)) {
    q = q.where('grants.app_entitlement_id', 'in', (eb) =>
      eb
        .selectFrom('app_entitlements')
        .select('app_entitlements.id')
        .where('app_entitlements.app_resource_id', 'in', resourceIds),
    );
  }
  if (some(resourceTypeIds)) {
    q = q.where('grants.app_entitlement_id', 'in', (eb) =>
      eb
        .selectFrom('app_entitlements')
        .select('app_entitlements.id')
        .where('app_entitlements.app_resource_type_id', 'in', resourceTypeIds),
    );
  }
  if (userId) {
    q = q.where('grants.app_user_id', 'in', (eb) =>
      eb.selectFrom('app_users').select('app_users.id').where('app_users.identity_user_id', '=', userId),
    );
  }
  return q.orderBy('grants.id').limit(f.limit).execute();
}

export interface PastGrantFilter {
  readonly afterId?: string | undefined;
  readonly limit: number;
  readonly appIds?: List;
  readonly entitlementRefs?: readonly Ref[] | undefined;
  readonly appUserRefs?: readonly Ref[] | undefined;
}

/** Grants live and revoked, in ID order (UB.SearchPastGrants): history is never erased (§7.12). */
export function searchPastGrants(db: Executor, f: PastGrantFilter): Promise<GrantRow[]> {
  let q = db.selectFrom('grants').selectAll();
  if (f.afterId) q = q.where('id', '>', f.afterId);
  if (some(f.appIds)) q = q.where('app_id', 'in', f.appIds);
  const { entitlementRefs, appUserRefs } = f;
  if (entitlementRefs && entitlementRefs.length > 0) {
    q = q.where((eb) => refsMatch(eb, entitlementRefs, 'grants.app_entitlement_id', 'grants.app_id'));
  }
  if (appUserRefs && appUserRefs.length > 0) {
    q = q.where((eb) => refsMatch(eb, appUserRefs, 'grants.app_user_id', 'grants.app_id'));
  }
  return q.orderBy('id').limit(f.limit).execute();
}

export interface GrantFeedFilter {
  /** The last (occurred_at, id) of the previous page. */
  readonly after?: readonly [string, string] | undefined;
  readonly limit: number;
  /** Half-open window [from, to) on occurred_at. */
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly appIds?: List;
  readonly entitlementRefs?: readonly Ref[] | undefined;
  readonly appUserRefs?: readonly Ref[] | undefined;
  readonly userIds?: List;
}

/** Grant events in (occurred_at, id) order (UB.SearchGrantFeed). */
export function searchGrantEvents(db: Executor, f: GrantFeedFilter): Promise<GrantEventRow[]> {
  let q = db.selectFrom('grant_events').selectAll();
  const after = f.after;
  if (after) {
    q = q.where((eb) => eb(eb.refTuple('occurred_at', 'id'), '>', eb.tuple(after[0], after[1])));
  }
  if (f.from) q = q.where('occurred_at', '>=', f.from);
  if (f.to) q = q.where('occurred_at', '<', f.to);
  if (some(f.appIds)) q = q.where('app_id', 'in', f.appIds);
  const { entitlementRefs, appUserRefs, userIds } = f;
  if (entitlementRefs && entitlementRefs.length > 0) {
    q = q.where((eb) =>
      refsMatch(eb, entitlementRefs, 'grant_events.app_entitlement_id', 'grant_events.app_id'),
    );
  }
  if (appUserRefs && appUserRefs.length > 0) {
    q = q.where((eb) => refsMatch(eb, appUserRefs, 'grant_events.app_user_id', 'grant_events.app_id'));
  }
  if (some(userIds)) {
    q = q.where('app_user_id', 'in', (eb) =>
      eb.selectFrom('app_users').select('app_users.id').where('app_users.identity_user_id', 'in', userIds),
    );
  }
  return q.orderBy('occurred_at').orderBy('id').limit(f.limit).execute();
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
