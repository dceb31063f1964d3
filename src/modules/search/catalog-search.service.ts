import type { Static } from 'typebox';
import type { Db } from '../../db/schema.js';
import { keysetPage, type Page } from '../../http/pagination.js';
import { int64 } from '../../http/wire.js';
import type { Clock } from '../../lib/clock.js';
import { notFound } from '../../lib/errors.js';
import { findAppUserById } from '../app-users/index.js';
import type { ResourceRecord, ResourceTypeRow } from '../catalog/index.js';
import {
  type EntitlementRecord,
  findAppRecordsByIds,
  listEntitlements,
  requireApp,
  requireResource,
} from '../catalog/index.js';
import {
  countEntitlementsByApp,
  type EntitlementFilter,
  listEntitlementsOfAppUser,
  searchEntitlements,
  searchResources,
  searchResourceTypes,
} from './catalog-search.repository.js';
import type {
  Facets,
  SearchEntitlementsBody,
  SearchResourcesBody,
  SearchResourceTypesBody,
} from './catalog-search.schemas.js';

type PageRequest = { pageSize?: number | null | undefined; pageToken?: string | null | undefined };
const nonEmpty = (s: string | null | undefined): string | undefined => (s ? s : undefined);
const list = (l: readonly string[] | null | undefined) => l ?? undefined;

/** Membership types Roster's grants have: every grant is a plain membership. */
const MEMBER_TYPES = [
  'APP_ENTITLEMENT_MEMBERSHIP_TYPE_UNSPECIFIED',
  'APP_ENTITLEMENT_MEMBERSHIP_TYPE_MEMBER',
];

export function entitlementFilter(body: Static<typeof SearchEntitlementsBody>): EntitlementFilter {
  const membership = body.membershipType ?? [];
  return {
    query: nonEmpty(body.query),
    displayName: nonEmpty(body.displayName),
    alias: nonEmpty(body.alias),
    refs: body.refs?.map((r) => ({ id: r.id, appId: r.appId ?? undefined })),
    excludedRefs: body.excludedEntitlementRefs?.map((r) => ({ id: r.id, appId: r.appId ?? undefined })),
    appIds: list(body.appIds),
    excludeAppIds: list(body.excludeAppIds),
    appUserIds: list(body.appUserIds),
    excludeAppUserIds: list(body.excludeAppUserIds),
    resourceIds: list(body.resourceIds),
    resourceTypeIds: list(body.resourceTypeIds),
    excludeResourceTypeIds: list(body.excludeResourceTypeIds),
    complianceFrameworkIds: list(body.complianceFrameworkIds),
    riskLevelIds: list(body.riskLevelIds),
    policyIds: (body.policyRefs ?? []).flatMap((r) => (r.id ? [r.id] : [])),
    includeDeleted: body.includeDeleted ?? false,
    onlyGetExpiring: body.onlyGetExpiring ?? false,
    // Roster keeps no traits, access reviews, connectors or automation, and every grant is a plain
    // membership: asking for any of those finds nothing. `excludeImmutable` excludes nothing, since
    // every Roster entitlement is manually managed and so mutable.
    matchesNothing:
      (body.resourceTraitIds?.length ?? 0) > 0 ||
      !!body.accessReviewId ||
      !!body.sourceConnectorId ||
      body.isAutomated === true ||
      (membership.length > 0 && !membership.some((m) => MEMBER_TYPES.includes(m))),
  };
}

export type CatalogSearchService = ReturnType<typeof createCatalogSearchService>;

export function createCatalogSearchService(deps: { readonly db: Db; readonly clock: Clock }) {
  const { db } = deps;
  const now = () => deps.clock.now().toISOString();

  return {
    async searchResourceTypes(body: Static<typeof SearchResourceTypesBody>): Promise<Page<ResourceTypeRow>> {
      return keysetPage(body, (afterId, limit) =>
        searchResourceTypes(db, {
          afterId,
          limit,
          query: nonEmpty(body.query),
          displayName: nonEmpty(body.displayName),
          appIds: list(body.appIds),
          appUserIds: list(body.appUserIds),
          ids: list(body.resourceTypeIds),
          excludeIds: list(body.excludeResourceTypeIds),
          traitIds: list(body.resourceTypeTraitIds),
        }),
      );
    },

    async searchResources(body: Static<typeof SearchResourcesBody>): Promise<Page<ResourceRecord>> {
      return keysetPage(body, (afterId, limit) =>
        searchResources(db, {
          now: now(),
          afterId,
          limit,
          appId: nonEmpty(body.appId),
          query: nonEmpty(body.query),
          refs: body.refs?.map((r) => ({
            id: r.id,
            appId: r.appId ?? undefined,
            appResourceTypeId: r.appResourceTypeId ?? undefined,
          })),
          ids: list(body.resourceIds),
          excludeIds: list(body.excludeResourceIds),
          resourceTypeIds: list(body.resourceTypeIds),
          traitIds: list(body.resourceTypeTraitIds),
          appUserIds: list(body.appUserIds),
          excludeDeletedBindings: body.excludeDeletedResourceBindings ?? false,
        }),
      );
    },

    /**
     * One page of matching entitlements. `facets` (the total and a count per app) comes with the
     * first page only: counting every match on every page would make deep pages cost more than
     * the first (CONTRACT.md §7.8); later pages answer `facets: null`.
     */
    async searchEntitlements(
      body: Static<typeof SearchEntitlementsBody>,
    ): Promise<Page<EntitlementRecord> & { facets: Static<typeof Facets> | null }> {
      const filter = entitlementFilter(body);
      const page = await keysetPage(body, (afterId, limit) =>
        searchEntitlements(db, filter, afterId, limit, now()),
      );
      if (body.pageToken) return { ...page, facets: null };
      const counts = await countEntitlementsByApp(db, filter);
      const names = new Map(
        (
          await findAppRecordsByIds(
            db,
            counts.map((c) => c.app_id),
            now(),
          )
        ).map((a) => [a.id, a.display_name]),
      );
      const total = counts.reduce((sum, c) => sum + Number(c.n), 0);
      const values = counts.map((c) => ({
        count: int64(c.n),
        displayName: names.get(c.app_id) ?? '',
        iconUrl: '',
        value: c.app_id,
      }));
      return {
        ...page,
        facets: {
          count: int64(total),
          facets: [{ displayName: 'Apps', iconUrl: '', param: 'app_ids', value: { values } }],
        },
      };
    },

    /** AE.ListForAppUser: the live entitlements the app user holds a live grant of. */
    async listForAppUser(appId: string, appUserId: string, p: PageRequest): Promise<Page<EntitlementRecord>> {
      await requireApp(db, appId);
      const appUser = await findAppUserById(db, appUserId);
      if (!appUser || appUser.app_id !== appId || appUser.deleted_at !== null) {
        throw notFound('app user', appUserId);
      }
      return keysetPage(p, (afterId, limit) =>
        listEntitlementsOfAppUser(db, appUserId, afterId, limit, now()),
      );
    },

    /** AE.ListForAppResource: the live entitlements of one resource. */
    async listForAppResource(
      appId: string,
      typeId: string,
      resourceId: string,
      pageRequest: PageRequest,
    ): Promise<Page<EntitlementRecord>> {
      await requireApp(db, appId);
      await requireResource(db, appId, typeId, resourceId);
      return keysetPage(pageRequest, (afterId, limit) =>
        listEntitlements(db, { resourceId }, afterId, limit, now()),
      );
    },
  };
}
