import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import { entitlementGrantCount, heldAt, resourceGrantCount } from '../../db/live-grants.js';
import { type Ref, refsMatch } from '../../db/ref-match.js';
import type { Database, Executor } from '../../db/schema.js';
import { containsText, jsonArrayContains } from '../../db/text-match.js';
import type { ResourceRecord, ResourceTypeRow } from '../catalog/index.js';
import { decodeEntitlement, type EntitlementRecord } from '../catalog/index.js';

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

export function searchResourceTypes(db: Executor, criteria: ResourceTypeFilter): Promise<ResourceTypeRow[]> {
  let select = db
    .selectFrom('app_resource_types')
    .selectAll('app_resource_types')
    .where('app_resource_types.deleted_at', 'is', null)
    .orderBy('app_resource_types.id')
    .limit(criteria.limit);
  if (criteria.afterId) select = select.where('app_resource_types.id', '>', criteria.afterId);
  if (criteria.query) select = select.where(containsText('app_resource_types.display_name', criteria.query));
  if (criteria.displayName)
    select = select.where('app_resource_types.display_name', '=', criteria.displayName);
  if (some(criteria.appIds)) select = select.where('app_resource_types.app_id', 'in', criteria.appIds);
  if (some(criteria.ids)) select = select.where('app_resource_types.id', 'in', criteria.ids);
  if (some(criteria.excludeIds))
    select = select.where('app_resource_types.id', 'not in', criteria.excludeIds);
  if (some(criteria.traitIds)) select = select.where((eb) => eb.lit(false));
  const appUserIds = criteria.appUserIds;
  if (some(appUserIds)) {
    // Types on whose entitlements one of the app users holds a live grant.
    select = select.where((eb) =>
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
  return select.execute();
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

export async function searchResources(db: Executor, criteria: ResourceFilter): Promise<ResourceRecord[]> {
  let select = db
    .selectFrom('app_resources')
    .selectAll('app_resources')
    .select(resourceGrantCount(criteria.now))
    .where('app_resources.deleted_at', 'is', null)
    .orderBy('app_resources.id')
    .limit(criteria.limit);
  if (criteria.afterId) select = select.where('app_resources.id', '>', criteria.afterId);
  if (criteria.appId) select = select.where('app_resources.app_id', '=', criteria.appId);
  const query = criteria.query;
  if (query) {
    select = select.where((eb) =>
      eb.or([
        containsText('app_resources.display_name', query),
        containsText('app_resources.description', query),
      ]),
    );
  }
  const refs = criteria.refs;
  if (refs && refs.length > 0) {
    select = select.where((eb) =>
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
  if (some(criteria.ids)) select = select.where('app_resources.id', 'in', criteria.ids);
  if (some(criteria.excludeIds)) select = select.where('app_resources.id', 'not in', criteria.excludeIds);
  if (some(criteria.resourceTypeIds))
    select = select.where('app_resources.app_resource_type_id', 'in', criteria.resourceTypeIds);
  if (some(criteria.traitIds)) select = select.where((eb) => eb.lit(false));
  const appUserIds = criteria.appUserIds;
  if (some(appUserIds)) {
    select = select.where((eb) => {
      let held = eb
        .selectFrom('grants')
        .innerJoin('app_entitlements', 'app_entitlements.id', 'grants.app_entitlement_id')
        .select('grants.id')
        .whereRef('app_entitlements.app_resource_id', '=', 'app_resources.id')
        .where('grants.app_user_id', 'in', appUserIds);
      if (criteria.excludeDeletedBindings) held = held.where('grants.deleted_at', 'is', null);
      return eb.exists(held);
    });
  }
  return (await select.execute()) as ResourceRecord[];
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

function filterEntitlements<O>(
  select: EntitlementQuery<O>,
  criteria: EntitlementFilter,
): EntitlementQuery<O> {
  if (!criteria.includeDeleted) select = select.where('app_entitlements.deleted_at', 'is', null);
  if (criteria.matchesNothing) select = select.where((eb) => eb.lit(false));
  const query = criteria.query;
  if (query) {
    select = select.where((eb) =>
      eb.or([
        containsText('app_entitlements.display_name', query),
        containsText('app_entitlements.description', query),
        containsText('app_entitlements.alias', query),
        containsText('app_entitlements.slug', query),
      ]),
    );
  }
  // displayName and alias are exact-match handles (CONTRACT.md §5).
  if (criteria.displayName) select = select.where('app_entitlements.display_name', '=', criteria.displayName);
  if (criteria.alias) select = select.where('app_entitlements.alias', '=', criteria.alias);
  const { refs, excludedRefs } = criteria;
  if (refs && refs.length > 0) {
    select = select.where((eb) => refsMatch(eb, refs, 'app_entitlements.id', 'app_entitlements.app_id'));
  }
  if (excludedRefs && excludedRefs.length > 0) {
    select = select.where((eb) =>
      eb.not(refsMatch(eb, excludedRefs, 'app_entitlements.id', 'app_entitlements.app_id')),
    );
  }
  if (some(criteria.appIds)) select = select.where('app_entitlements.app_id', 'in', criteria.appIds);
  if (some(criteria.excludeAppIds))
    select = select.where('app_entitlements.app_id', 'not in', criteria.excludeAppIds);
  const { appUserIds, excludeAppUserIds } = criteria;
  if (some(appUserIds)) select = select.where((eb) => eb.exists(liveGrantsOf(eb, appUserIds)));
  if (some(excludeAppUserIds))
    select = select.where((eb) => eb.not(eb.exists(liveGrantsOf(eb, excludeAppUserIds))));
  if (some(criteria.resourceIds))
    select = select.where('app_entitlements.app_resource_id', 'in', criteria.resourceIds);
  if (some(criteria.resourceTypeIds))
    select = select.where('app_entitlements.app_resource_type_id', 'in', criteria.resourceTypeIds);
  if (some(criteria.excludeResourceTypeIds)) {
    select = select.where('app_entitlements.app_resource_type_id', 'not in', criteria.excludeResourceTypeIds);
  }
  const frameworks = criteria.complianceFrameworkIds;
  if (some(frameworks)) {
    // The IDs are kept as a JSON array of strings; a quoted ID is one whole element.
    select = select.where((eb) =>
      eb.or(frameworks.map((id) => jsonArrayContains('app_entitlements.compliance_framework_value_ids', id))),
    );
  }
  if (some(criteria.riskLevelIds))
    select = select.where('app_entitlements.risk_level_value_id', 'in', criteria.riskLevelIds);
  const policyIds = criteria.policyIds;
  if (some(policyIds)) {
    select = select.where((eb) =>
      eb.or([
        eb('app_entitlements.grant_policy_id', 'in', policyIds),
        eb('app_entitlements.revoke_policy_id', 'in', policyIds),
        eb('app_entitlements.certify_policy_id', 'in', policyIds),
      ]),
    );
  }
  if (criteria.onlyGetExpiring) {
    // Entitlements with at least one live grant that has an end date.
    select = select.where((eb) =>
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
  return select;
}

export async function searchEntitlements(
  db: Executor,
  criteria: EntitlementFilter,
  afterId: string | undefined,
  limit: number,
  now: string,
): Promise<EntitlementRecord[]> {
  let select = filterEntitlements(
    db.selectFrom('app_entitlements').selectAll('app_entitlements').select(entitlementGrantCount(now)),
    criteria,
  )
    .orderBy('app_entitlements.id')
    .limit(limit);
  if (afterId) select = select.where('app_entitlements.id', '>', afterId);
  return (await select.execute()).map(decodeEntitlement);
}

/** How many entitlements match per app, for the search's `facets`. */
export async function countEntitlementsByApp(
  db: Executor,
  criteria: EntitlementFilter,
): Promise<Array<{ app_id: string; n: number | string | bigint }>> {
  return filterEntitlements(
    db.selectFrom('app_entitlements').select(['app_entitlements.app_id', (eb) => eb.fn.countAll().as('n')]),
    criteria,
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
  let select = db
    .selectFrom('grants')
    .innerJoin('app_entitlements', 'app_entitlements.id', 'grants.app_entitlement_id')
    .selectAll('app_entitlements')
    .select(entitlementGrantCount(now))
    .where('grants.app_user_id', '=', appUserId)
    .where(heldAt(now))
    .where('app_entitlements.deleted_at', 'is', null)
    .orderBy('grants.app_entitlement_id')
    .limit(limit);
  if (afterId) select = select.where('grants.app_entitlement_id', '>', afterId);
  return (await select.execute()).map(decodeEntitlement);
}
