import { Type } from 'typebox';
import { IdString, NameString, QueryString } from '../../http/strings.js';
import { ExpandMask, FilterIds, filterList, Int64, Opt, PageBody } from '../../http/wire.js';

/**
 * Request bodies of the catalog searches (CONTRACT.md §5; the subset spec has every field). Fields
 * Roster has no data for are accepted; catalog-search.repository.ts says how they match.
 */
const Ids = Opt(FilterIds);
export const EntitlementRef = Type.Object({ appId: Opt(IdString()), id: IdString() });
const Refs = Opt(filterList(EntitlementRef));

export const SearchResourceTypesBody = Type.Object({
  query: Opt(QueryString()),
  displayName: Opt(QueryString()),
  appIds: Ids,
  appUserIds: Ids,
  resourceTypeIds: Ids,
  excludeResourceTypeIds: Ids,
  resourceTypeTraitIds: Ids,
  excludeResourceTypeTraitIds: Ids,
  ...PageBody,
});

export const SearchResourcesBody = Type.Object({
  appId: Opt(IdString()),
  query: Opt(QueryString()),
  refs: Opt(
    filterList(Type.Object({ appId: Opt(IdString()), appResourceTypeId: Opt(IdString()), id: IdString() })),
  ),
  resourceIds: Ids,
  excludeResourceIds: Ids,
  resourceTypeIds: Ids,
  resourceTypeTraitIds: Ids,
  excludeResourceTypeTraitIds: Ids,
  appUserIds: Ids,
  excludeDeletedResourceBindings: Opt(Type.Boolean()),
  expandMask: ExpandMask,
  ...PageBody,
});

export const MembershipType = Type.Enum([
  'APP_ENTITLEMENT_MEMBERSHIP_TYPE_UNSPECIFIED',
  'APP_ENTITLEMENT_MEMBERSHIP_TYPE_MEMBER',
  'APP_ENTITLEMENT_MEMBERSHIP_TYPE_OWNER',
  'APP_ENTITLEMENT_MEMBERSHIP_TYPE_EXCLUSION',
  'APP_ENTITLEMENT_MEMBERSHIP_TYPE_ADMIN',
]);

export const SearchEntitlementsBody = Type.Object({
  query: Opt(QueryString()),
  displayName: Opt(QueryString()),
  alias: Opt(NameString()),
  refs: Refs,
  excludedEntitlementRefs: Refs,
  appIds: Ids,
  excludeAppIds: Ids,
  appUserIds: Ids,
  excludeAppUserIds: Ids,
  resourceIds: Ids,
  resourceTypeIds: Ids,
  excludeResourceTypeIds: Ids,
  resourceTraitIds: Ids,
  complianceFrameworkIds: Ids,
  riskLevelIds: Ids,
  policyRefs: Opt(filterList(Type.Object({ id: Opt(IdString()) }))),
  membershipType: Opt(filterList(MembershipType)),
  accessReviewId: Opt(IdString()),
  sourceConnectorId: Opt(IdString()),
  includeDeleted: Opt(Type.Boolean()),
  excludeImmutable: Opt(Type.Boolean()),
  isAutomated: Opt(Type.Boolean()),
  onlyGetExpiring: Opt(Type.Boolean()),
  expandMask: ExpandMask,
  ...PageBody,
});

/** search.v1.Facets: the total, and one category of counts per app (CONTRACT.md §4). */
export const Facets = Type.Object({
  count: Int64,
  facets: Type.Array(
    Type.Object({
      displayName: Type.String(),
      iconUrl: Type.String(),
      param: Type.String(),
      value: Type.Object({
        values: Type.Array(
          Type.Object({
            count: Int64,
            displayName: Type.String(),
            iconUrl: Type.String(),
            value: Type.String(),
          }),
        ),
      }),
    }),
  ),
});
