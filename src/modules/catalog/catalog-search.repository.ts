import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import { type Ref, refsMatch } from '../../db/ref-match.js';
import type { Database, Executor } from '../../db/schema.js';
import { containsText, jsonArrayContains } from '../../db/text-match.js';
import { heldAt } from '../grants/index.js';
import { type EntitlementRecord, grantCount as entitlementGrantCount } from './entitlements.repository.js';
import type { ResourceTypeRow } from './resource-types.repository.js';
import { type ResourceRecord, grantCount as resourceGrantCount } from './resources.repository.js';

/**
 * The catalog searches of CONTRACT.md §5. Every filter is a WHERE clause; pages are keyset pages in
 * ID order (§7.8). A filter on something Roster does not keep (traits, connectors, access reviews)
 * restricts to objects that have it, which none do: a non-empty value matches nothing, and its
 * exclude counterpart excludes nothing.
 */
type List = readonly string[] | undefined;
const some = (list: List): list is readonly string[] => list !== undefined && list.length > 0;

export interface ResourceTypeFilter {
  readonly afterId?: string | undefined;
  readonly limit: number;
  readonly query?: string | undefined;
  readonly displayName?: string | undefined;
  readonly appIds?: List;
  readonly appUserIds?: List;
  readonly ids?: List;
  readonly excludeIds?: List;
  readonly traitIds?: List;
}

export function searchResourceTypes(db: Executor, f: ResourceTypeFilter): Promise<ResourceTypeRow[]> {
  let q = db
    .selectFrom('app_resource_types')
    .selectAll('app_resource_types')
    .where('app_resource_types.deleted_at', 'is', null)
    .orderBy('app_resource_types.id')
    .limit(f.limit);
  if (f.afterId) q = q.where('app_resource_types.id', '>', f.afterId);
  if (f.query) q = q.where(containsText('app_resource_types.display_name', f.query));
  if (f.displayName) q = q.where('app_resource_types.display_name', '=', f.displayName);
  if (some(f.appIds)) q = q.where('app_resource_types.app_id', 'in', f.appIds);
  if (some(f.ids)) q = q.where('app_resource_types.id', 'in', f.ids);
  if (some(f.excludeIds)) q = q.where('app_resource_types.id', 'not in', f.excludeIds);
  if (some(f.traitIds)) q = q.where((eb) => eb.lit(false));
  const appUserIds = f.appUserIds;
  if (some(appUserIds)) {
    // Types on whose entitlements one of the app users holds a live grant.
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('grants')
          .innerJoin('app_entitlements', 'app_entitlements.id', 'grants.app_entitlement_id')
          .select('grants.id')
          .whereRef('app_entitlements.app_resource_type_id', '=', 'app_resource_types.id')
          .where('grants.app_user_id', 'in', appUserIds)
          .where('grants.deleted_at', 'is', null),
      ),
    );
  }
  return q.execute();
}

export interface ResourceFilter {
  /** grantCount counts grants held at `now`. */
  readonly now: string;
  readonly afterId?: string | undefined;
  readonly limit: number;
  readonly appId?: string | undefined;
  readonly query?: string | undefined;
  readonly refs?: ReadonlyArray<Ref & { appResourceTypeId?: string | undefined }> | undefined;
  readonly ids?: List;
  readonly excludeIds?: List;
  readonly resourceTypeIds?: List;
  readonly traitIds?: List;
  readonly appUserIds?: List;
  /** With `appUserIds`: only live grants count. Without it revoked grants count too. */
  readonly excludeDeletedBindings?: boolean | undefined;
}

export async function searchResources(db: Executor, f: ResourceFilter): Promise<ResourceRecord[]> {
  let q = db
    .selectFrom('app_resources')
    .selectAll('app_resources')
    .select(resourceGrantCount(f.now))
    .where('app_resources.deleted_at', 'is', null)
    .orderBy('app_resources.id')
    .limit(f.limit);
  if (f.afterId) q = q.where('app_resources.id', '>', f.afterId);
  if (f.appId) q = q.where('app_resources.app_id', '=', f.appId);
  const query = f.query;
  if (query) {
    q = q.where((eb) =>
      eb.or([
        containsText('app_resources.display_name', query),
        containsText('app_resources.description', query),
      ]),
    );
  }
  const refs = f.refs;
  if (refs && refs.length > 0) {
    q = q.where((eb) =>
      eb.or(
        refs.map((r) => {
          const parts = [eb('app_resources.id', '=', r.id)];
          if (r.appId) parts.push(eb('app_resources.app_id', '=', r.appId));
          if (r.appResourceTypeId)
            parts.push(eb('app_resources.app_resource_type_id', '=', r.appResourceTypeId));
          return eb.and(parts);
        }),
      ),
    );
  }
  if (some(f.ids)) q = q.where('app_resources.id', 'in', f.ids);
  if (some(f.excludeIds)) q = q.where('app_resources.id', 'not in', f.excludeIds);
  if (some(f.resourceTypeIds)) q = q.where('app_resources.app_resource_type_id', 'in', f.resourceTypeIds);
  if (some(f.traitIds)) q = q.where((eb) => eb.lit(false));
  const appUserIds = f.appUserIds;
  if (some(appUserIds)) {
    q = q.where((eb) => {
      let held = eb
        .selectFrom('grants')
        .innerJoin('app_entitlements', 'app_entitlements.id', 'grants.app_entitlement_id')
        .select('grants.id')
        .whereRef('app_entitlements.app_resource_id', '=', 'app_resources.id')
        .where('grants.app_user_id', 'in', appUserIds);
      if (f.excludeDeletedBindings) held = held.where('grants.deleted_at', 'is', null);
      return eb.exists(held);
    });
  }
  return (await q.execute()) as ResourceRecord[];
}

export interface EntitlementFilter {
  readonly query?: string | undefined;
  readonly displayName?: string | undefined;
  readonly alias?: string | undefined;
  readonly refs?: readonly Ref[] | undefined;
  readonly excludedRefs?: readonly Ref[] | undefined;
  readonly appIds?: List;
  readonly excludeAppIds?: List;
  readonly appUserIds?: List;
  readonly excludeAppUserIds?: List;
  readonly resourceIds?: List;
  readonly resourceTypeIds?: List;
  readonly excludeResourceTypeIds?: List;
  readonly complianceFrameworkIds?: List;
  readonly riskLevelIds?: List;
  readonly policyIds?: List;
  readonly includeDeleted?: boolean | undefined;
  readonly onlyGetExpiring?: boolean | undefined;
  /** True when a filter on something no Roster entitlement has (automation, traits...) is set. */
  readonly matchesNothing?: boolean | undefined;
}

type EntitlementQuery<O> = SelectQueryBuilder<Database, 'app_entitlements', O>;

function liveGrantsOf(eb: ExpressionBuilder<Database, 'app_entitlements'>, appUserIds: readonly string[]) {
  return eb
    .selectFrom('grants')
    .select('grants.id')
    .whereRef('grants.app_entitlement_id', '=', 'app_entitlements.id')
    .where('grants.app_user_id', 'in', appUserIds)
    .where('grants.deleted_at', 'is', null);
}

function filterEntitlements<O>(q: EntitlementQuery<O>, f: EntitlementFilter): EntitlementQuery<O> {
  if (!f.includeDeleted) q = q.where('app_entitlements.deleted_at', 'is', null);
  if (f.matchesNothing) q = q.where((eb) => eb.lit(false));
  const query = f.query;
  if (query) {
    q = q.where((eb) =>
      eb.or([
        containsText('app_entitlements.display_name', query),
        containsText('app_entitlements.description', query),
        containsText('app_entitlements.alias', query),
        containsText('app_entitlements.slug', query),
      ]),
    );
  }
  // displayName and alias are exact-match handles (CONTRACT.md §5).
  if (f.displayName) q = q.where('app_entitlements.display_name', '=', f.displayName);
  if (f.alias) q = q.where('app_entitlements.alias', '=', f.alias);
  const { refs, excludedRefs } = f;
  if (refs && refs.length > 0) {
    q = q.where((eb) => refsMatch(eb, refs, 'app_entitlements.id', 'app_entitlements.app_id'));
  }
  if (excludedRefs && excludedRefs.length > 0) {
    q = q.where((eb) =>
      eb.not(refsMatch(eb, excludedRefs, 'app_entitlements.id', 'app_entitlements.app_id')),
    );
  }
  if (some(f.appIds)) q = q.where('app_entitlements.app_id', 'in', f.appIds);
  if (some(f.excludeAppIds)) q = q.where('app_entitlements.app_id', 'not in', f.excludeAppIds);
  const { appUserIds, excludeAppUserIds } = f;
  if (some(appUserIds)) q = q.where((eb) => eb.exists(liveGrantsOf(eb, appUserIds)));
  if (some(excludeAppUserIds)) q = q.where((eb) => eb.not(eb.exists(liveGrantsOf(eb, excludeAppUserIds))));
  if (some(f.resourceIds)) q = q.where('app_entitlements.app_resource_id', 'in', f.resourceIds);
  if (some(f.resourceTypeIds)) q = q.where('app_entitlements.app_resource_type_id', 'in', f.resourceTypeIds);
  if (some(f.excludeResourceTypeIds)) {
    q = q.where('app_entitlements.app_resource_type_id', 'not in', f.excludeResourceTypeIds);
  }
  const frameworks = f.complianceFrameworkIds;
  if (some(frameworks)) {
    // The IDs are kept as a JSON array of strings; a quoted ID is one whole element.
    q = q.where((eb) =>
      eb.or(frameworks.map((id) => jsonArrayContains('app_entitlements.compliance_framework_value_ids', id))),
    );
  }
  if (some(f.riskLevelIds)) q = q.where('app_entitlements.risk_level_value_id', 'in', f.riskLevelIds);
  const policyIds = f.policyIds;
  if (some(policyIds)) {
    q = q.where((eb) =>
      eb.or([
        eb('app_entitlements.grant_policy_id', 'in', policyIds),
        eb('app_entitlements.revoke_policy_id', 'in', policyIds),
        eb('app_entitlements.certify_policy_id', 'in', policyIds),
      ]),
    );
  }
  if (f.onlyGetExpiring) {
    // Entitlements with at least one live grant that has an end date.
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('grants')
          .select('grants.id')
          .whereRef('grants.app_entitlement_id', '=', 'app_entitlements.id')
          .where('grants.deleted_at', 'is', null)
          .where('grants.deprovision_at', 'is not', null),
      ),
    );
  }
  return q;
}

export async function searchEntitlements(
  db: Executor,
  f: EntitlementFilter,
  afterId: string | undefined,
  limit: number,
  now: string,
): Promise<EntitlementRecord[]> {
  let q = filterEntitlements(
    db.selectFrom('app_entitlements').selectAll('app_entitlements').select(entitlementGrantCount(now)),
    f,
  )
    .orderBy('app_entitlements.id')
    .limit(limit);
  if (afterId) q = q.where('app_entitlements.id', '>', afterId);
  return (await q.execute()) as EntitlementRecord[];
}

/** How many entitlements match per app, for the search's `facets`. */
export async function countEntitlementsByApp(
  db: Executor,
  f: EntitlementFilter,
): Promise<Array<{ app_id: string; n: number | string | bigint }>> {
  return filterEntitlements(
    db.selectFrom('app_entitlements').select(['app_entitlements.app_id', (eb) => eb.fn.countAll().as('n')]),
    f,
  )
    .groupBy('app_entitlements.app_id')
    .orderBy('app_entitlements.app_id')
    .execute();
}

/** Live entitlements an app user holds a live grant of, in entitlement ID order (ListForAppUser). */
export async function listEntitlementsOfAppUser(
  db: Executor,
  appUserId: string,
  afterId: string | undefined,
  limit: number,
  now: string,
): Promise<EntitlementRecord[]> {
  let q = db
    .selectFrom('grants')
    .innerJoin('app_entitlements', 'app_entitlements.id', 'grants.app_entitlement_id')
    .selectAll('app_entitlements')
    .select(entitlementGrantCount(now))
    .where('grants.app_user_id', '=', appUserId)
    .where(heldAt(now))
    .where('app_entitlements.deleted_at', 'is', null)
    .orderBy('grants.app_entitlement_id')
    .limit(limit);
  if (afterId) q = q.where('grants.app_entitlement_id', '>', afterId);
  return (await q.execute()) as EntitlementRecord[];
}
